using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Functions;

/// <summary>Heaviside step theta(x) of a real argument: 1 for x &gt; 0, 0 for x &lt; 0, 1/2 at x = 0; theta' = 0 away from 0.</summary>
public sealed class ThetaFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly ThetaFunction Instance = new();

    private ThetaFunction() : base("theta", 10) { }

    /// <inheritdoc />
    public override bool IsAlwaysReal => true;

    /// <inheritdoc />
    public override bool NeedsRealArguments => true;

    /// <inheritdoc />
    public override string LatexName => "\\theta";

    internal override Delegate RealForm { get; } = new Func<double, double>(NumericFunctions.Theta);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(NumericFunctions.Theta);

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => NumericFunctions.Theta(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => DerivativeRule.Of(Expr.Zero);

    internal override Expr? Simplify(Expr[] args)
    {
        if (args[0] is not NumberExpr { Value.IsRational: true } n) return null;
        var s = n.Value.AsRational.Sign;
        return s > 0 ? Expr.One : s < 0 ? Expr.Zero : Expr.Number(Rational.Half);
    }

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f) =>
        (splitter.Program.Op(StagedOp.Theta, splitter.Lower(f.Argument).Re), splitter.Program.Const(0));
}
