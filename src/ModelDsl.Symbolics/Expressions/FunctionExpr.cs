namespace ModelDsl.Symbolics.Expressions;

/// <summary>A built-in function applied to arguments. Built only by <see cref="Expr.Apply"/>.</summary>
public sealed class FunctionExpr : Expr
{
    internal FunctionExpr(FunctionKind kind, Expr[] args) : base(ExprOrder.HashSequence(59 + (int)kind, args))
    {
        Kind = kind;
        Arguments = args;
    }

    /// <summary>Which function.</summary>
    public FunctionKind Kind { get; }

    /// <summary>The arguments.</summary>
    public IReadOnlyList<Expr> Arguments { get; }

    /// <summary>The single argument of a one-argument function.</summary>
    public Expr Argument => Arguments[0];

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Arguments;
}
