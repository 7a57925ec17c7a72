using ModelDsl.Numerics.Approximation;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// Modified Bessel functions of the second kind K0 and K1 of a real x &gt; 0, to about 7e-15 relative
/// over (1e-6, 700) (the series' cancellation near x = 2; checked against mpmath in the tests to 1e-13). For x &lt;= 2 the power series of
/// Abramowitz and Stegun 9.6.11 (with psi(k+1) = -gamma + H_k; Numerical Recipes' bessik switches at 2 too: Steed's
/// continued fraction needs many terms just above 1, the series few). For x &gt; 2 the scaled functions
/// sqrt(x) e^x K0(x) and sqrt(x) e^x K1(x), smooth in s = 2/x on (0, 1] (their limit at s = 0 is sqrt(pi/2), A&amp;S 9.7.2),
/// are Chebyshev series in 1/x (the form of Cephes' k0e/k1e, which expand in 8/x - 2) on 2 &lt;= x &lt;= 8 (17 terms) and
/// x &gt;= 8 (14 terms), to about 1e-17 in the coefficients. The coefficients are our own: docs/scripts/bessel_k_chebyshev.py
/// computes them with mpmath at 40 digits. (Steed's method for Temme's continued fraction CF2, Numerical Recipes 3rd ed.
/// 6.6, served before them: accurate, but hundreds of iterations near x = 2.) Checked against mpmath in the tests.
/// </summary>
internal static class ModifiedBessel
{
    private const double EulerGamma = 0.57721566490153286061;

    /// <summary>Where the power series gives way to the Chebyshev series.</summary>
    private const double SeriesLimit = 2;

    /// <summary>(K0(x), K1(x)); +inf at 0, NaN for x &lt; 0 or NaN.</summary>
    public static (double K0, double K1) K0K1(double x)
    {
        if (double.IsNaN(x) || x < 0) return (double.NaN, double.NaN);
        if (x == 0) return (double.PositiveInfinity, double.PositiveInfinity);
        if (x <= SeriesLimit) return Series(x);
        if (double.IsPositiveInfinity(x)) return (0, 0);
        var (k0, k1) = ScaledChebyshev(x);
        var e = Math.Exp(-x);
        return (k0 * e, k1 * e);
    }

    /// <summary>(e^x K0(x), e^x K1(x)): finite where K0 and K1 underflow (x &gt; 700); +inf at 0, NaN for x &lt; 0 or NaN.</summary>
    public static (double K0, double K1) ScaledK0K1(double x)
    {
        if (double.IsNaN(x) || x < 0) return (double.NaN, double.NaN);
        if (x == 0) return (double.PositiveInfinity, double.PositiveInfinity);
        if (double.IsPositiveInfinity(x)) return (0, 0);
        if (x > SeriesLimit) return ScaledChebyshev(x);
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

    /// <summary>Terms of the series kept for x &lt;= 2 (t = x^2/4 &lt;= 1): the first left out, t^14/(14!)^2, is below 1e-21.</summary>
    private const int SeriesTerms = 14;

    // the series' coefficients, k = 0 .. SeriesTerms - 1 (H_k = 1 + 1/2 + ... + 1/k, H_0 = 0):
    // 1/(k!)^2, H_k/(k!)^2, 1/(k! (k+1)!), (H_k + H_{k+1})/(k! (k+1)!)
    private static readonly double[] I0Series = new double[SeriesTerms], K0Series = new double[SeriesTerms];
    private static readonly double[] I1Series = new double[SeriesTerms], K1Series = new double[SeriesTerms];

    static ModifiedBessel()
    {
        double c0 = 1, c1 = 1, harmonic = 0;
        for (var k = 0; k < SeriesTerms; k++)
        {
            var harmonicNext = harmonic + 1.0 / (k + 1);
            (I0Series[k], K0Series[k]) = (c0, harmonic * c0);
            (I1Series[k], K1Series[k]) = (c1, (harmonic + harmonicNext) * c1);
            c0 /= (k + 1.0) * (k + 1.0);
            c1 /= (k + 1.0) * (k + 2.0);
            harmonic = harmonicNext;
        }
    }

    /// <summary>
    /// A&amp;S 9.6.11 with t = x^2/4, as four polynomials in t (Horner, in one loop):
    /// K0 = -(ln(x/2) + gamma) sum t^k/(k!)^2 + sum H_k t^k/(k!)^2,
    /// K1 = 1/x + (x/2)(ln(x/2) + gamma) sum c_k t^k - (x/4) sum (H_k + H_{k+1}) c_k t^k, c_k = 1/(k! (k+1)!).
    /// </summary>
    private static (double K0, double K1) Series(double x)
    {
        var t = x * x / 4;
        var lg = Math.Log(x / 2) + EulerGamma;
        double i0 = 0, s0 = 0, s1 = 0, sh1 = 0;
        for (var k = SeriesTerms - 1; k >= 0; k--)
        {
            i0 = i0 * t + I0Series[k];
            s0 = s0 * t + K0Series[k];
            s1 = s1 * t + I1Series[k];
            sh1 = sh1 * t + K1Series[k];
        }
        return (-lg * i0 + s0, 1 / x + x / 2 * lg * s1 - x / 4 * sh1);
    }

    // Chebyshev coefficients of sqrt(x) e^x K0(x) and sqrt(x) e^x K1(x) (docs/scripts/bessel_k_chebyshev.py, mpmath at 40 digits),
    // in t = 16/(3x) - 5/3 for 2 <= x <= 8 and in t = 16/x - 1 for x >= 8
    private static readonly double[] NearK0 =
    [
        1.2117802604833602929, -2.235652605699819052e-2, 7.7341811546938582353e-4,
        -4.2810066888860994645e-5, 3.0817001738629747437e-6, -2.6393672220096649741e-7,
        2.5637130364034692063e-8, -2.7427055499002012639e-9, 3.1694296580974995921e-10,
        -3.9023532869621841416e-11, 5.0680406981885754021e-12, -6.8895747410078706795e-13,
        9.7449784978259176914e-14, -1.4273328418845485054e-14, 2.1564125710214630396e-15,
        -3.3496542551495627722e-16, 5.3352602169529116922e-17,
    ];

    private static readonly double[] NearK1 =
    [
        1.3872156703486941485, 7.5719899531993678171e-2, -1.441051556475406123e-3,
        6.6501169551257479394e-5, -4.3699847095201407661e-6, 3.5402774997630526799e-7,
        -3.3111637792932920209e-8, 3.4459775819010534532e-9, -3.8989323474754271049e-10,
        4.7208197504658356401e-11, -6.0478356628753562345e-12, 8.1284948748658747888e-13,
        -1.1386945747147891429e-13, 1.6540358408462282326e-14, -2.4809025677068848222e-15,
        3.8292378907024096948e-16, -6.0647341040012418188e-17,
    ];

    private static readonly double[] FarK0 =
    [
        1.2439906508684620388, -9.1748526910256953107e-3, 1.444550931775005821e-4,
        -4.0136141754357097287e-6, 1.5678318108523106726e-7, -7.7701104385217377103e-9,
        4.6111825761797178825e-10, -3.1585929978605657705e-11, 2.4350180393650411278e-12,
        -2.0743313873983478977e-13, 1.9257872805899170847e-14, -1.9275548058389561036e-15,
        2.0621980291978182783e-16, -2.3416851175792424026e-17,
    ];

    private static readonly double[] FarK1 =
    [
        1.2818965417186950052, 2.8328878130497209358e-2, -2.4753706739052503454e-4,
        5.7719724516072488205e-6, -2.0689392195365483027e-7, 9.7399834413818041803e-9,
        -5.5853361403806249847e-10, 3.7329966340461852402e-11, -2.8250519610232254451e-12,
        2.3720190024841441736e-13, -2.1766773879917539793e-14, 2.1579141616160324539e-15,
        -2.290196930718269276e-16, 2.5828857298232749619e-17,
    ];

    /// <summary>(e^x K0(x), e^x K1(x)) for x &gt; 2 from the Chebyshev series of its range.</summary>
    private static (double K0, double K1) ScaledChebyshev(double x)
    {
        var (k0, k1) = x <= 8 ? Chebyshev.Sum2(NearK0, NearK1, 0, NearK0.Length, 16 / (3 * x) - 5.0 / 3)
            : Chebyshev.Sum2(FarK0, FarK1, 0, FarK0.Length, 16 / x - 1);
        var r = 1 / Math.Sqrt(x);
        return (k0 * r, k1 * r);
    }
}
