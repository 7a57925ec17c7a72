namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// Modified Bessel functions of the second kind K0 and K1 of a real x &gt; 0, to about 7e-15 relative
/// over (1e-6, 700) (the series' cancellation near x = 2; checked against mpmath in the tests to 1e-13). For x &lt;= 2 the power series of
/// Abramowitz and Stegun 9.6.11 (with psi(k+1) = -gamma + H_k; Numerical Recipes' bessik switches at 2 too: Steed's
/// continued fraction needs many terms just above 1, the series few); for x &gt; 2 Steed's method for
/// Temme's continued fraction CF2 (Numerical Recipes, 3rd ed., section 6.6, <c>bessik</c>, with mu = 0),
/// which gives the exponentially scaled e^x K0 and e^x K1 without overflow.
/// </summary>
internal static class ModifiedBessel
{
    private const double EulerGamma = 0.57721566490153286061;

    /// <summary>Where the power series gives way to the continued fraction.</summary>
    private const double SeriesLimit = 2;

    /// <summary>(K0(x), K1(x)); +inf at 0, NaN for x &lt; 0 or NaN.</summary>
    public static (double K0, double K1) K0K1(double x)
    {
        if (double.IsNaN(x) || x < 0) return (double.NaN, double.NaN);
        if (x == 0) return (double.PositiveInfinity, double.PositiveInfinity);
        if (x <= SeriesLimit) return Series(x);
        if (double.IsPositiveInfinity(x)) return (0, 0);
        var (k0, k1) = Scaled(x);
        var e = Math.Exp(-x);
        return (k0 * e, k1 * e);
    }

    /// <summary>(e^x K0(x), e^x K1(x)): finite where K0 and K1 underflow (x &gt; 700); +inf at 0, NaN for x &lt; 0 or NaN.</summary>
    public static (double K0, double K1) ScaledK0K1(double x)
    {
        if (double.IsNaN(x) || x < 0) return (double.NaN, double.NaN);
        if (x == 0) return (double.PositiveInfinity, double.PositiveInfinity);
        if (double.IsPositiveInfinity(x)) return (0, 0);
        if (x > SeriesLimit) return Scaled(x);
        var (k0, k1) = Series(x);
        var e = Math.Exp(x);
        return (k0 * e, k1 * e);
    }

    /// <summary>K2(x) = K0(x) + (2/x) K1(x) (the recurrence K_{n+1} = K_{n-1} + (2n/x) K_n).</summary>
    public static double K2(double x)
    {
        var (k0, k1) = K0K1(x);
        return k0 + 2 / x * k1;
    }

    private static (double K0, double K1) Series(double x)
    {
        var t = x * x / 4;
        var lg = Math.Log(x / 2) + EulerGamma;
        double term0 = 1, harmonic = 0, i0 = 0, s0 = 0;
        double c = 1, s1 = 0, sh1 = 0;
        for (var k = 0; k < 100; k++)
        {
            var harmonicNext = harmonic + 1.0 / (k + 1);
            i0 += term0;
            s0 += harmonic * term0;
            s1 += c;
            sh1 += (harmonic + harmonicNext) * c;
            term0 *= t / ((k + 1.0) * (k + 1.0));
            c *= t / ((k + 1.0) * (k + 2.0));
            harmonic = harmonicNext;
            if (term0 < 1e-17 * i0) break;
        }
        // K0 = -(ln(x/2) + gamma) I0 + sum H_k t^k/(k!)^2
        // K1 = 1/x + (x/2)(ln(x/2) + gamma) sum c_k - (x/4) sum (H_k + H_{k+1}) c_k, c_k = t^k/(k!(k+1)!)
        return (-lg * i0 + s0, 1 / x + x / 2 * lg * s1 - x / 4 * sh1);
    }

    /// <summary>(e^x K0(x), e^x K1(x)) for x &gt; 2 (converges for x &gt; 0, slowly near 1) by Steed's method on CF2.</summary>
    public static (double K0, double K1) Scaled(double x)
    {
        double b = 2 * (1 + x), d = 1 / b, h = d, delh = d;
        double q1 = 0, q2 = 1;
        const double a1 = 0.25;
        double q = a1, c = a1, a = -a1;
        var s = 1 + q * delh;
        for (var i = 2; i < 100_000; i++)
        {
            a -= 2 * (i - 1);
            c = -a * c / i;
            var qnew = (q1 - b * q2) / a;
            q1 = q2;
            q2 = qnew;
            q += c * qnew;
            b += 2;
            d = 1 / (b + a * d);
            delh = (b * d - 1) * delh;
            h += delh;
            var dels = q * delh;
            s += dels;
            if (Math.Abs(dels / s) < 1e-17) break;
        }
        h *= a1;
        var k0 = Math.Sqrt(Math.PI / (2 * x)) / s;
        return (k0, k0 * (x + 0.5 - h) / x);
    }
}
