using System.Numerics;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// zeta(s): the Riemann zeta function of a real s &gt; 1 (NaN for s &lt;= 1 and non-real values), by
/// Euler-Maclaurin summation (DLMF 25.2.9) with N = 10 and the Bernoulli terms up to B_18, accurate to
/// a few units in the last place. Not differentiable here: its derivative is not provided.
/// </summary>
public sealed class ZetaFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly ZetaFunction Instance = new();

    private static readonly double[] Bernoulli = [1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6, -3617.0 / 510, 43867.0 / 798];

    private ZetaFunction() : base("zeta") { }

    /// <inheritdoc />
    public override bool NeedsRealArguments => true;

    /// <inheritdoc />
    public override bool IsRealForRealArguments => true;

    /// <inheritdoc />
    public override string LatexName => "\\zeta";

    internal override Delegate RealForm { get; } = new Func<double, double>(Value);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(Value);

    /// <summary>zeta(s) for real s &gt; 1.</summary>
    public static double Value(double s)
    {
        if (!(s > 1)) return double.NaN;
        if (s > 60) return 1 + Math.Pow(2, -s) + Math.Pow(3, -s);
        const int n = 10;
        // DLMF 25.2.9: sum_{k<N} k^-s + N^(1-s)/(s-1) + N^-s/2 + sum_j B_2j/(2j)! s(s+1)...(s+2j-2) N^(1-s-2j)
        double correction = 0, factorial = 1, rising = s, power = Math.Pow(n, -s - 1);
        for (var j = 1; j <= Bernoulli.Length; j++)
        {
            factorial *= (2.0 * j - 1) * (2.0 * j);
            correction += Bernoulli[j - 1] / factorial * rising * power;
            rising *= (s + 2 * j - 1) * (s + 2 * j);
            power /= n * n;
        }
        var sum = correction + Math.Pow(n, 1 - s) / (s - 1) + 0.5 * Math.Pow(n, -s);
        for (var k = n - 1; k >= 1; k--) sum += Math.Pow(k, -s);
        return sum;
    }

    /// <summary>zeta of a real value; NaN when the imaginary part is not 0.</summary>
    public static Complex Value(Complex z) => z.Imaginary == 0 ? Value(z.Real) : double.NaN;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => Value(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) =>
        DerivativeRule.NotDifferentiable("the derivative of zeta(s) is not provided");
}
