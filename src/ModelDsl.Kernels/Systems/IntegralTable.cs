using ModelDsl.Numerics.Quadrature;
using ModelDsl.Symbolics.Functions;

namespace ModelDsl.Kernels.Systems;

/// <summary>
/// An integral of a system tabulated along its variable once per parameter point: each node is an adaptive Gauss-Kronrod
/// quadrature to a relative <see cref="QuadratureTolerance"/>; between nodes a not-a-knot cubic spline in u = ln v (or v) of
/// ln|I| (when I keeps one sign; the sign restored) or of I. The grid is doubled until the spline agrees with direct quadrature at every
/// midpoint to <see cref="InterpolationTolerance"/> (relative to the largest |I| on the range where I changes sign): the
/// bound is measured, not assumed (<see cref="MeasuredError"/>).
/// </summary>
internal sealed class IntegralTable
{
    /// <summary>Relative tolerance of each quadrature.</summary>
    public const double QuadratureTolerance = 1e-11;

    /// <summary>Largest relative difference between the spline and direct quadrature at the midpoints of the grid.</summary>
    public const double InterpolationTolerance = 1e-8;

    private const int MaxNodes = 4097;
    private readonly TabulatedFunction _spline;
    private readonly TabulatedFunction _slope;
    private readonly bool _log, _ofLog;
    private readonly double _sign;

    private IntegralTable(TabulatedFunction spline, bool log, bool ofLog, double sign, double error, int nodes, long evaluations)
    {
        _sign = sign;
        _spline = spline;
        _slope = spline.DerivativeFunction;
        _log = log;
        _ofLog = ofLog;
        MeasuredError = error;
        Nodes = nodes;
        Evaluations = evaluations;
    }

    /// <summary>The largest relative interpolation error measured at the midpoints of the final grid.</summary>
    public double MeasuredError { get; }

    /// <summary>Number of nodes of the final grid.</summary>
    public int Nodes { get; }

    /// <summary>Integrand evaluations spent building the table.</summary>
    public long Evaluations { get; }

    /// <summary>I(v).</summary>
    public double Value(double v)
    {
        var s = _spline.Value(_log ? Math.Log(v) : v);
        return _ofLog ? _sign * Math.Exp(s) : s;
    }

    /// <summary>dI/dv.</summary>
    public double Slope(double v)
    {
        var u = _log ? Math.Log(v) : v;
        var ds = _slope.Value(u);
        var d = _ofLog ? _sign * Math.Exp(_spline.Value(u)) * ds : ds;
        return _log ? d / v : d;
    }

    /// <summary>Tabulates the integral over [a, b]; null with the reason when a quadrature fails or the tolerance cannot be met.</summary>
    public static IntegralTable? Build(IntegralProgram integral, double[] parameters, double a, double b, bool log, out string? failure)
    {
        failure = null;
        var state = integral.Levels.NewState();
        integral.Levels.Enter(state, 1, parameters);
        var output = new double[3];
        var x = new double[1];
        long evaluations = 0;
        string? quadratureFailure = null;
        double Direct(double v)
        {
            integral.Levels.Enter(state, 2, [v]);
            x[0] = 0;
            integral.Levels.Evaluate(state, x, output);
            var (lo, hi) = (output[0], integral.Infinite ? double.PositiveInfinity : output[1]);
            if (!(hi > lo)) return 0;
            var r = GaussKronrod.Integrate(t =>
            {
                x[0] = t;
                integral.Levels.Evaluate(state, x, output);
                return output[2];
            }, lo, hi, 0, QuadratureTolerance, 2000);
            evaluations += r.Evaluations;
            if (!r.Converged) quadratureFailure ??= $"the quadrature of {integral.Text} did not converge at {v:G6} (estimated error {r.Error:G3} of {r.Value:G6})";
            return r.Value;
        }
        double U(double v) => log ? Math.Log(v) : v;
        double V(double u) => log ? Math.Exp(u) : u;
        var (u0, u1) = (U(a), U(b));
        var n = Math.Max(9, (int)Math.Ceiling(Math.Abs(u1 - u0) * 4) + 1);
        double[]? values = null;
        double[] grid = [];
        while (true)
        {
            var previous = values;
            var previousGrid = grid;
            grid = Enumerable.Range(0, n).Select(k => u0 + (u1 - u0) * k / (n - 1)).ToArray();
            values = new double[n];
            for (var k = 0; k < n; k++)
                values[k] = previous is not null && k % 2 == 0 && previousGrid.Length == (n + 1) / 2 ? previous[k / 2] : Direct(V(grid[k]));
            if (quadratureFailure is not null) { failure = quadratureFailure; return null; }
            var ofLog = values.All(y => y > 0) || values.All(y => y < 0);
            var sign = ofLog && values[0] < 0 ? -1.0 : 1.0;
            var fitted = FunctionRegistry.Tabulated("integral_table", grid, values.Select(y => ofLog ? Math.Log(sign * y) : y).ToArray());
            if (fitted.Function is not { } spline) { failure = $"{integral.Text}: {fitted.Error}"; return null; }
            var scale = values.Max(Math.Abs);
            var error = 0.0;
            for (var k = 0; k + 1 < n; k++)
            {
                var um = 0.5 * (grid[k] + grid[k + 1]);
                var direct = Direct(V(um));
                var s = spline.Value(um);
                var interpolated = ofLog ? sign * Math.Exp(s) : s;
                var denominator = ofLog ? Math.Abs(direct) : scale;
                error = Math.Max(error, denominator > 0 ? Math.Abs(interpolated - direct) / denominator : Math.Abs(interpolated - direct));
            }
            if (quadratureFailure is not null) { failure = quadratureFailure; return null; }
            if (error <= InterpolationTolerance) return new IntegralTable(spline, log, ofLog, sign, error, n, evaluations);
            if (2 * n - 1 > MaxNodes)
            {
                failure = $"{integral.Text}: the table's interpolation error {error:G3} stays above {InterpolationTolerance:G3} with {n} nodes";
                return null;
            }
            n = 2 * n - 1;
        }
    }
}
