using System.Numerics;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// besselk0(x): the modified Bessel function of the second kind K0 of a real x &gt; 0 (Abramowitz and
/// Stegun 9.6; numerics in <see cref="ModifiedBessel"/>); +inf at 0, NaN for x &lt; 0 or a non-real value.
/// K0'(x) = -K1(x) (A&amp;S 9.6.27).
/// </summary>
public sealed class BesselK0Function : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly BesselK0Function Instance = new();

    private BesselK0Function() : base("besselk0") { }

    /// <inheritdoc />
    public override bool NeedsRealArguments => true;

    /// <inheritdoc />
    public override bool IsRealForRealArguments => true;

    /// <inheritdoc />
    public override string LatexName => "K_{0}";

    internal override Delegate RealForm { get; } = new Func<double, double>(Value);

    /// <inheritdoc />
    internal override (Func<double, (double, double)> Pair, int Part)? PairForm => (ModifiedBessel.K0K1, 0);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(Value);

    /// <summary>K0(x).</summary>
    public static double Value(double x) => ModifiedBessel.K0K1(x).K0;

    /// <summary>K0 of a real value; NaN when the imaginary part is not 0.</summary>
    public static Complex Value(Complex z) => z.Imaginary == 0 ? Value(z.Real) : double.NaN;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => Value(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => DerivativeRule.Of(-Expr.Apply(BesselK1Function.Instance, args[0]));
}
