using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// besselk2(x): the modified Bessel function of the second kind K2 of a real x &gt; 0 (Abramowitz and
/// Stegun 9.6; numerics in <see cref="ModifiedBessel"/>); +inf at 0, NaN for x &lt; 0 or a non-real value.
/// K2(x) = K0(x) + (2/x) K1(x) (A&amp;S 9.6.26); K2'(x) = -K1(x) - 2 K2(x)/x.
/// </summary>
public sealed class BesselK2Function : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly BesselK2Function Instance = new();

    private BesselK2Function() : base("besselk2") { }

    /// <inheritdoc />
    public override bool NeedsRealArguments => true;

    /// <inheritdoc />
    public override bool IsRealForRealArguments => true;

    /// <inheritdoc />
    public override string LatexName => "K_{2}";

    internal override Delegate RealForm { get; } = new Func<double, double>(Value);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(Value);

    /// <summary>K2(x).</summary>
    public static double Value(double x) => ModifiedBessel.K2(x);

    /// <summary>K2 of a real value; NaN when the imaginary part is not 0.</summary>
    public static Complex Value(Complex z) => z.Imaginary == 0 ? Value(z.Real) : double.NaN;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => Value(args[0]);

    /// <summary>Staged as K0 + (2/x) K1 from the pair (K0, K1) of its argument, which besselk0 and besselk1 of the same argument share.</summary>
    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f)
    {
        var p = splitter.Program;
        return (RealOfRealArgument(splitter, f, x => p.Op(StagedOp.Add, p.ApplyPart(ModifiedBessel.K0K1, 0, x),
            p.Op(StagedOp.Mul, p.Op(StagedOp.Div, p.Const(2), x), p.ApplyPart(ModifiedBessel.K0K1, 1, x)))), p.Const(0));
    }

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => DerivativeRule.Of(-Expr.Apply(BesselK1Function.Instance, args[0]) - 2 * Expr.Apply(this, args[0]) / args[0]);
}
