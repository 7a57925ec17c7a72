using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>atan(x) of a real argument (a complex value uses the principal complex atan); atan(0) = 0, atan' = 1/(1 + x^2).</summary>
public sealed class AtanFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly AtanFunction Instance = new();

    private AtanFunction() : base("atan", 8) { }

    /// <inheritdoc />
    public override bool NeedsRealArguments => true;

    /// <inheritdoc />
    public override bool IsRealForRealArguments => true;

    /// <inheritdoc />
    public override string LatexName => "\\arctan";

    internal override Delegate RealForm { get; } = new Func<double, double>(Math.Atan);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(NumericFunctions.Atan);

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => NumericFunctions.Atan(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => DerivativeRule.Of(Expr.Pow(1 + Expr.Pow(args[0], 2), -1));

    internal override Expr? Simplify(Expr[] args) => args[0].IsZero ? Expr.Zero : null;

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f)
    {
        var x = splitter.Lower(f.Argument);
        return splitter.IsZero(x.Im)
            ? (splitter.Program.Op(StagedOp.Atan, x.Re), splitter.Program.Const(0))
            : splitter.Fail(f, "atan of a varying complex value");
    }
}
