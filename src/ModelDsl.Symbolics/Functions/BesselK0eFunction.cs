using System.Numerics;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// besselk0e(x) = e^x K0(x), the exponentially scaled modified Bessel function of the second kind of a
/// real x &gt; 0 (finite where K0 underflows; numerics in <see cref="ModifiedBessel"/>); +inf at 0, NaN for
/// x &lt; 0 or a non-real value. Its derivative is e^x (K0 + K0') = besselk0e(x) - besselk1e(x).
/// </summary>
public sealed class BesselK0eFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly BesselK0eFunction Instance = new();

    private BesselK0eFunction() : base("besselk0e") { }

    /// <inheritdoc />
    public override bool NeedsRealArguments => true;

    /// <inheritdoc />
    public override bool IsRealForRealArguments => true;

    internal override Delegate RealForm { get; } = new Func<double, double>(Value);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(Value);

    /// <summary>e^x K0(x).</summary>
    public static double Value(double x) => ModifiedBessel.ScaledK0K1(x).K0;

    /// <summary>e^x K0(x) of a real value; NaN when the imaginary part is not 0.</summary>
    public static Complex Value(Complex z) => z.Imaginary == 0 ? Value(z.Real) : double.NaN;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => Value(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => DerivativeRule.Of(Expr.Apply(this, args[0]) - Expr.Apply(BesselK1eFunction.Instance, args[0]));
}
