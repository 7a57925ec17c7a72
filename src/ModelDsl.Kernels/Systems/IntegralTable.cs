using ModelDsl.Numerics.Approximation;
using ModelDsl.Numerics.Quadrature;

namespace ModelDsl.Kernels.Systems;

/// <summary>
/// An integral of a system tabulated along its variable once per parameter point, as a Chebyshev interpolant in
/// u = ln v (or v) of ln|I| (when I keeps one sign; the sign restored) or of I: each node an adaptive Gauss-Kronrod
/// quadrature to a relative <see cref="QuadratureTolerance"/>. The Chebyshev-Lobatto grid is doubled (its new nodes are
/// the midpoints in angle of the old) until the interpolant on the old grid agrees with direct quadrature at every new
/// node to <see cref="InterpolationTolerance"/> (relative to |I| there, or where I changes sign to |I| at the neighbouring
/// nodes); the table keeps that
/// interpolant, whose error was measured there, not assumed (<see cref="MeasuredError"/>). An integral that is analytic in
/// u converges geometrically (Trefethen, Approximation Theory and Approximation Practice, ch. 8), so a few dozen nodes do.
/// The accepted interpolant is evaluated as equal panels of degree 7 that reproduce it to 1e-12 (<see cref="Panels"/>):
/// the right-hand side reads every table at every call, and a Clenshaw sum of 8 terms costs far less than one of 129.
/// </summary>
internal sealed class IntegralTable
{
    /// <summary>Relative tolerance of each quadrature.</summary>
    public const double QuadratureTolerance = 1e-11;

    /// <summary>Largest relative difference between the coarser interpolant and direct quadrature at the new nodes.</summary>
    public const double InterpolationTolerance = 1e-8;

    private const int MaxNodes = 513;

    /// <summary>Chebyshev coefficients per panel of the evaluated form (degree 7).</summary>
    private const int PanelTerms = 8;

    /// <summary>Largest difference between the panels and the global interpolant they replace (in ln|I|, or relative to |I|).</summary>
    private const double PanelTolerance = 1e-12;

    /// <summary>Largest difference between the panels' derivative and the global one, relative to its size on the panel (the slope enters only df/dz).</summary>
    private const double PanelSlopeTolerance = 1e-9;

    private readonly double[] _a, _b; // per panel: coefficients of the tabulated function and of its derivative in u, panel k at [k m, (k + 1) m)
    private readonly int _panels, _terms;
    private readonly double _u0, _u1;
    private readonly bool _log, _ofLog;
    private readonly double _sign;

    private IntegralTable(double[] values, double u0, double u1, bool log, bool ofLog, double sign, double error, long evaluations, bool panels)
    {
        (_u0, _u1, _log, _ofLog, _sign) = (u0, u1, log, ofLog, sign);
        var (a, b) = Coefficients(values, u1 - u0);
        (_a, _b, _panels, _terms) = (a, b, 1, a.Length);
        var deviation = 0.0;
        if (panels && a.Length > PanelTerms && Panels(a, b, u1 - u0, ofLog) is { } p)
            (_a, _b, _panels, _terms, deviation) = (p.A, p.B, p.Panels, PanelTerms, p.Deviation);
        MeasuredError = error + deviation;
        Nodes = values.Length;
        Evaluations = evaluations;
    }

    /// <summary>The largest relative interpolation error measured on the last refinement (plus the panels' deviation from it).</summary>
    public double MeasuredError { get; }

    /// <summary>Number of nodes of the final grid.</summary>
    public int Nodes { get; }

    /// <summary>Number of panels of the evaluated form.</summary>
    public int PanelCount => _panels;

    /// <summary>Integrand evaluations spent building the table.</summary>
    public long Evaluations { get; }

    /// <summary>I(v).</summary>
    public double Value(double v)
    {
        Evaluate(v, out var value, out _);
        return value;
    }

    /// <summary>I(v) and dI/dv in one pass (both Clenshaw sums of the panel holding v in one loop).</summary>
    public void Evaluate(double v, out double value, out double slope) => Evaluate(v, _log ? Math.Log(v) : v, out value, out slope);

    /// <summary>I(v) and dI/dv, given ln v as well (a solver in ln v has it: no logarithm per call; unused by a table in v).</summary>
    public void Evaluate(double v, double logV, out double value, out double slope)
    {
        var position = _log ? logV : v;
        var outside = position < _u0 || position > _u1;
        var x = Math.Clamp((2 * position - _u0 - _u1) / (_u1 - _u0), -1, 1);
        var offset = 0;
        if (_panels > 1)
        {
            var scaled = (x + 1) * 0.5 * _panels;
            var k = Math.Min((int)scaled, _panels - 1);
            x = 2 * (scaled - k) - 1;
            offset = k * _terms;
        }
        var (s, ds) = Chebyshev.Sum2(_a, _b, offset, _terms, x);
        if (_ofLog)
        {
            value = _sign * Math.Exp(s);
            ds *= value;
        }
        else value = s;
        slope = outside ? 0 : _log ? ds / v : ds; // held constant outside the table
    }

    /// <summary>
    /// The global interpolant (coefficients <paramref name="a"/>, of any degree) re-expanded on 2, 4, 8, ... equal panels of
    /// degree 7 each, interpolating it at each panel's Chebyshev-Lobatto points, until every panel agrees with it to
    /// <see cref="PanelTolerance"/> at the points halfway between (absolute in ln|I|, otherwise relative to the panel's
    /// largest value), and its derivative with the global derivative to <see cref="PanelSlopeTolerance"/>. Evaluation then
    /// costs 8 Clenshaw steps instead of one per global node; null when 1024 panels do not do.
    /// </summary>
    private static (double[] A, double[] B, int Panels, double Deviation)? Panels(double[] a, double[] b, double width, bool ofLog)
    {
        const int m = PanelTerms - 1;
        var nodes = Enumerable.Range(0, PanelTerms).Select(j => Math.Cos(Math.PI * j / m)).ToArray();
        var checks = Enumerable.Range(0, m).Select(j => Math.Cos(Math.PI * (j + 0.5) / m)).ToArray();
        for (var panels = 2; panels <= 1024; panels *= 2)
        {
            var pa = new double[panels * PanelTerms];
            var pb = new double[panels * PanelTerms];
            double deviation = 0, slopeDeviation = 0;
            for (var k = 0; k < panels; k++)
            {
                var (lo, hi) = (-1 + 2.0 * k / panels, -1 + 2.0 * (k + 1) / panels);
                double At(double xl) => 0.5 * (lo + hi) + 0.5 * (hi - lo) * xl;
                var values = nodes.Select(xl => Chebyshev.Sum2(a, b, 0, a.Length, At(xl)).A).ToArray();
                var (ca, cb) = Coefficients(values, width / panels);
                ca.CopyTo(pa, k * PanelTerms);
                cb.CopyTo(pb, k * PanelTerms);
                // the global interpolant and its derivative at the points halfway between the panel's nodes
                var global = checks.Select(xl => Chebyshev.Sum2(a, b, 0, a.Length, At(xl))).ToArray();
                var scale = ofLog ? 1 : values.Max(Math.Abs);
                var slopeScale = Math.Max(global.Max(g => Math.Abs(g.B)), ofLog ? 1 : scale);
                for (var j = 0; j < m; j++)
                {
                    var (value, slope) = Chebyshev.Sum2(ca, cb, 0, PanelTerms, checks[j]);
                    deviation = Math.Max(deviation, Math.Abs(value - global[j].A) / Math.Max(scale, 1e-300));
                    slopeDeviation = Math.Max(slopeDeviation, Math.Abs(slope - global[j].B) / Math.Max(slopeScale, 1e-300));
                }
            }
            if (deviation <= PanelTolerance && slopeDeviation <= PanelSlopeTolerance) return (pa, pb, panels, deviation);
        }
        return null;
    }

    /// <summary>
    /// The coefficients of the interpolant through the values at the Chebyshev-Lobatto points x_j = cos(pi j/(n - 1)), and of its
    /// derivative with respect to u (the recurrence c'_{k-1} = c'_{k+1} + 2 k c_k, then the chain factor 2/(u1 - u0)).
    /// </summary>
    private static (double[] A, double[] B) Coefficients(double[] f, double width)
    {
        var n = f.Length;
        var m = n - 1;
        var a = new double[n];
        for (var k = 0; k < n; k++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++) sum += (j == 0 || j == m ? 0.5 : 1) * f[j] * Math.Cos(Math.PI * j * k / m);
            a[k] = 2.0 / m * sum * (k == 0 || k == m ? 0.5 : 1);
        }
        var b = new double[n];
        for (var k = m; k >= 1; k--) b[k - 1] = (k + 1 <= m ? b[k + 1] : 0) + 2 * k * a[k];
        b[0] /= 2;
        for (var k = 0; k < n; k++) b[k] *= 2 / width;
        return (a, b);
    }

    /// <summary>
    /// The integral over [a, infinity) as a sum of finite panels of doubling width (1, 2, 4, ... from a), each to the relative
    /// tolerance, until two panels in a row add less than the tolerance times the total: the integrand is never evaluated far
    /// out where its factors overflow (an exponentially small K1 times a huge power is 0 times infinity).
    /// </summary>
    private static QuadratureResult ToInfinity(Func<double, double> f, double a)
    {
        double total = 0, error = 0, start = a, width = 1;
        var evaluations = 0;
        var small = 0;
        for (var panel = 0; panel < 200; panel++)
        {
            var r = GaussKronrod.Integrate(f, start, start + width, 0, QuadratureTolerance, 2000);
            evaluations += r.Evaluations;
            if (!r.Converged && !(double.IsFinite(r.Value) && r.Error <= 1e-9 * Math.Abs(r.Value) + 1e-300)) return new QuadratureResult(double.NaN, double.NaN, evaluations, false);
            total += r.Value;
            error += r.Error;
            small = Math.Abs(r.Value) <= QuadratureTolerance * Math.Abs(total) ? small + 1 : 0;
            if (small == 2) return new QuadratureResult(total, error, evaluations, true);
            start += width;
            width *= 2;
        }
        return new QuadratureResult(total, error, evaluations, false);
    }

    /// <summary>Tabulates the integral over [a, b]; null with the reason when a quadrature fails or the tolerance cannot be met.</summary>
    public static IntegralTable? Build(IntegralProgram integral, double[] parameters, double a, double b, bool log, out string? failure)
    {
        failure = null;
        var state = integral.Levels.NewState();
        integral.Levels.Enter(state, 1, parameters);
        var output = new double[4];
        var x = new double[1];
        long evaluations = 0;
        string? quadratureFailure = null;
        double Direct(double v)
        {
            integral.Levels.Enter(state, 2, [v]);
            x[0] = 0;
            integral.Levels.Evaluate(state, x, output);
            var (lo, hi) = (output[0], integral.Infinite ? double.PositiveInfinity : output[1]);
            if (double.IsNaN(lo) || double.IsNaN(hi) || double.IsInfinity(lo))
            {
                quadratureFailure ??= $"the limits of {integral.Text} are not finite at {v:G6} ({lo:G6} to {hi:G6})";
                return double.NaN;
            }
            if (hi == lo) return 0;
            var negate = hi < lo;
            if (negate) (lo, hi) = (hi, lo);
            double F(double t)
            {
                x[0] = t;
                integral.Levels.Evaluate(state, x, output);
                // a complex integrand is the spec's mistake (an integral of a real rate is meant): said, not dropped
                if (Math.Abs(output[3]) > 1e-9 * Math.Abs(output[2]) && double.IsFinite(output[3]))
                    quadratureFailure ??= $"the integrand of {integral.Text} is complex at {v:G6} ({output[2]:G6} + {output[3]:G6} i): write re(...) or abs(...)^2 where a real value is meant";
                return output[2];
            }
            var r = double.IsPositiveInfinity(hi) ? ToInfinity(F, lo) : GaussKronrod.Integrate(F, lo, hi, 0, QuadratureTolerance, 2000);
            if (negate) r = r with { Value = -r.Value };
            evaluations += r.Evaluations;
            // the tolerance may lie below what rounding allows for a cancelling integrand: 1e-9 of the value is still far inside
            // the table's interpolation tolerance
            if (!r.Converged && !(double.IsFinite(r.Value) && r.Error <= 1e-9 * Math.Abs(r.Value))) quadratureFailure ??= $"the quadrature of {integral.Text} did not converge at {v:G6} (estimated error {r.Error:G3} of {r.Value:G6})";
            return r.Value;
        }
        var (u0, u1) = log ? (Math.Log(a), Math.Log(b)) : (a, b);
        double V(double xc) => log ? Math.Exp(0.5 * (u0 + u1) + 0.5 * (u1 - u0) * xc) : 0.5 * (u0 + u1) + 0.5 * (u1 - u0) * xc;
        var n = 17;
        var values = Enumerable.Range(0, n).Select(j => Direct(V(Math.Cos(Math.PI * j / (n - 1))))).ToArray();
        while (true)
        {
            if (quadratureFailure is not null) { failure = quadratureFailure; return null; }
            // the new nodes of the doubled grid, at the midpoints in angle; the coarse interpolant is checked there
            var m = n - 1;
            var fresh = Enumerable.Range(0, m).Select(j => Direct(V(Math.Cos(Math.PI * (j + 0.5) / m)))).ToArray();
            if (quadratureFailure is not null) { failure = quadratureFailure; return null; }
            var all = values.Concat(fresh).ToArray();
            var ofLog = all.All(y => y > 0) || all.All(y => y < 0);
            var sign = ofLog && all[0] < 0 ? -1.0 : 1.0;
            var coarse = new IntegralTable([.. values.Select(y => ofLog ? Math.Log(sign * y) : y)], u0, u1, log, ofLog, sign, 0, 0, false);
            var error = 0.0;
            for (var j = 0; j < m; j++)
            {
                var interpolated = coarse.Value(V(Math.Cos(Math.PI * (j + 0.5) / m)));
                // relative to the integral where it is measured; where it changes sign, to its size at the neighbouring nodes
                // (a global scale would let a part that is orders of magnitude smaller go uncontrolled)
                var denominator = ofLog ? Math.Abs(fresh[j]) : Math.Max(Math.Abs(fresh[j]), Math.Max(Math.Abs(values[j]), Math.Abs(values[j + 1])));
                error = Math.Max(error, denominator > 0 ? Math.Abs(interpolated - fresh[j]) / denominator : Math.Abs(interpolated - fresh[j]));
            }
            if (error <= InterpolationTolerance)
                return new IntegralTable([.. values.Select(y => ofLog ? Math.Log(sign * y) : y)], u0, u1, log, ofLog, sign, error, evaluations, true);
            var merged = new double[2 * m + 1];
            for (var j = 0; j <= m; j++) merged[2 * j] = values[j];
            for (var j = 0; j < m; j++) merged[2 * j + 1] = fresh[j];
            if (merged.Length > MaxNodes)
            {
                failure = $"{integral.Text}: the table's interpolation error {error:G3} stays above {InterpolationTolerance:G3} with {merged.Length} Chebyshev nodes";
                return null;
            }
            (values, n) = (merged, merged.Length);
        }
    }
}
