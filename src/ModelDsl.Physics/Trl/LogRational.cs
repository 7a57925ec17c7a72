using MathNet.Numerics.Integration;

namespace ModelDsl.Physics.Trl;

/// <summary>
/// f(x) = [A(x) + B(x) ln x] / (1 - x)^n with polynomials A, B (coefficients in powers of x), the shape of every
/// loop function of TRL Appendix B (B.7)-(B.12). Such an f has a removable singularity at x = 1 whenever the
/// numerator vanishes there to order n; the direct formula then loses about n digits per decade of |x - 1|.
/// For |x - 1| &lt; 1/4 the value and derivative come from the Taylor series in u = x - 1, computed once by
/// power-series arithmetic (ln(1+u) = sum (-1)^(k+1) u^k/k, the first n numerator coefficients cancel and are
/// dropped; the constructor checks that they do). 48 terms at |u| &lt; 1/4 truncate below 1e-28; outside, the
/// direct formula loses at most 4^4 ulps (~1e-13 relative).
/// </summary>
internal sealed class LogRational
{
    private const double SeriesRadius = 0.25;
    private const int Terms = 48;
    private static readonly GaussLegendreRule Rule = new(0, 1, 16);

    private readonly double[] _a, _b;
    private readonly int _n;
    private readonly double[] _taylor;
    private LogRational? _overX;

    /// <summary>f(x) = (A(x) + B(x) ln x)/(1 - x)^n with polynomial coefficients a, b (constant term first).</summary>
    public LogRational(double[] a, double[] b, int n)
    {
        _a = a;
        _b = b;
        _n = n;
        var length = Terms + n;
        var numerator = Add(Shift(a, length), Multiply(Shift(b, length), LogOnePlus(length), length));
        var scale = numerator.Max(Math.Abs) + 1;
        for (var k = 0; k < n; k++)
            if (Math.Abs(numerator[k]) > 1e-12 * scale)
                throw new ArgumentException($"the numerator does not vanish to order {n} at x = 1 (coefficient {k} is {numerator[k]})");
        var sign = n % 2 == 0 ? 1.0 : -1.0; // (1 - x)^n = (-u)^n
        _taylor = new double[Terms];
        for (var k = 0; k < Terms; k++) _taylor[k] = sign * numerator[k + n];
    }

    /// <summary>f(x); the Taylor series about x = 1 near the removable singularity, the closed form elsewhere.</summary>
    public double Value(double x)
    {
        var u = x - 1;
        if (Math.Abs(u) < SeriesRadius)
        {
            var s = 0.0;
            for (var k = Terms - 1; k >= 0; k--) s = s * u + _taylor[k];
            return s;
        }
        if (x == 0 && _b[0] == 0) return _a[0];
        return (Poly(_a, x) + Poly(_b, x) * Math.Log(x)) / Math.Pow(1 - x, _n);
    }

    /// <summary>f'(x), with the same switch between series and closed form.</summary>
    public double Derivative(double x)
    {
        var u = x - 1;
        if (Math.Abs(u) < SeriesRadius)
        {
            var s = 0.0;
            for (var k = Terms - 1; k >= 1; k--) s = s * u + k * _taylor[k];
            return s;
        }
        if (x == 0 && _b[0] == 0)
        {
            var db0 = _b.Length > 1 ? _b[1] : 0;
            var da0 = _a.Length > 1 ? _a[1] : 0;
            return db0 == 0 ? da0 + _n * _a[0] : db0 > 0 ? double.NegativeInfinity : double.PositiveInfinity;
        }
        var log = Math.Log(x);
        var d = 1 - x;
        return (PolyDerivative(_a, x) + PolyDerivative(_b, x) * log + Poly(_b, x) / x) / Math.Pow(d, _n)
            + _n * (Poly(_a, x) + Poly(_b, x) * log) / Math.Pow(d, _n + 1);
    }

    /// <summary>(f(x) - f(0)) / x as another LogRational (requires B(0) = 0): exact, no cancellation for small x.</summary>
    public LogRational OverX()
    {
        if (_overX is not null) return _overX;
        if (_b[0] != 0) throw new InvalidOperationException("f(0) is not finite");
        // A(x) - A(0) (1 - x)^n has no constant term; B(x) has none either.
        var a = (double[])_a.Clone();
        var binomial = 1.0;
        var length = Math.Max(a.Length, _n + 1);
        Array.Resize(ref a, length);
        for (var k = 0; k <= _n; k++)
        {
            a[k] -= _a[0] * binomial * (k % 2 == 0 ? 1 : -1);
            binomial = binomial * (_n - k) / (k + 1);
        }
        _overX = new LogRational(a.Skip(1).ToArray(), _b.Length > 1 ? _b.Skip(1).ToArray() : [0.0], _n);
        return _overX;
    }

    /// <summary>
    /// The divided difference f[x, y] = (f(x) - f(y)) / (x - y), f'(x) at x = y. Near the diagonal
    /// (|x - y| &lt;= max(|x|,|y|)/2) it is the 16-point Gauss-Legendre value of the integral of f'(y + t(x - y)) over
    /// t in [0, 1], whose nearest singularity (x = 0) lies at least 3 half-widths away, so the rule is exact to
    /// about 5.8^-32; away from it the direct quotient is used. At y = 0 it is (f(x) - f(0))/x in closed form.
    /// Both arguments small but of very different size (max &lt; 1e-4) keeps ~1e-11 relative.
    /// </summary>
    public double DividedDifference(double x, double y)
    {
        if (x == y) return Derivative(x);
        if (y == 0) return OverX().Value(x);
        if (x == 0) return OverX().Value(y);
        if (Math.Abs(x - y) <= 0.5 * Math.Max(Math.Abs(x), Math.Abs(y)))
        {
            var s = 0.0;
            for (var i = 0; i < Rule.Abscissas.Length; i++)
                s += Rule.Weights[i] * Derivative(y + Rule.Abscissas[i] * (x - y));
            return s;
        }
        return (Value(x) - Value(y)) / (x - y);
    }

    private static double Poly(double[] c, double x)
    {
        var s = 0.0;
        for (var k = c.Length - 1; k >= 0; k--) s = s * x + c[k];
        return s;
    }

    private static double PolyDerivative(double[] c, double x)
    {
        var s = 0.0;
        for (var k = c.Length - 1; k >= 1; k--) s = s * x + k * c[k];
        return s;
    }

    /// <summary>Coefficients of p(1 + u) in powers of u, padded to length.</summary>
    private static double[] Shift(double[] p, int length)
    {
        var r = new double[length];
        for (var j = 0; j < p.Length; j++)
        {
            var binomial = 1.0;
            for (var k = 0; k <= j && k < length; k++)
            {
                r[k] += p[j] * binomial;
                binomial = binomial * (j - k) / (k + 1);
            }
        }
        return r;
    }

    private static double[] LogOnePlus(int length)
    {
        var r = new double[length];
        for (var k = 1; k < length; k++) r[k] = (k % 2 == 1 ? 1.0 : -1.0) / k;
        return r;
    }

    private static double[] Multiply(double[] p, double[] q, int length)
    {
        var r = new double[length];
        for (var i = 0; i < length; i++)
            for (var j = 0; i + j < length; j++)
                r[i + j] += p[i] * q[j];
        return r;
    }

    private static double[] Add(double[] p, double[] q) => p.Zip(q, (s, t) => s + t).ToArray();
}
