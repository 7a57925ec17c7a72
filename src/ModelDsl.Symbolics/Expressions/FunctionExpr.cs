using ModelDsl.Symbolics.Functions;

namespace ModelDsl.Symbolics.Expressions;

/// <summary>A function of the <see cref="FunctionRegistry"/> (or a tabulated one) applied to arguments. Built only by <see cref="Expr.Apply"/>.</summary>
public sealed class FunctionExpr : Expr
{
    internal FunctionExpr(FunctionDefinition definition, Expr[] args) : base(ExprOrder.HashSequence(59 + definition.NameHash, args))
    {
        Definition = definition;
        Arguments = args;
    }

    /// <summary>Which function.</summary>
    public FunctionDefinition Definition { get; }

    /// <summary>The arguments.</summary>
    public IReadOnlyList<Expr> Arguments { get; }

    /// <summary>The single argument of a one-argument function.</summary>
    public Expr Argument => Arguments[0];

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Arguments;
}
