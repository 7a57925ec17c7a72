using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using ModelDsl.Numerics.Ode;

namespace ModelDsl.Bench;

/// <summary>
/// Work against precision on Robertson to t = 1e11 (the end of the test set's ROBER problem, where its reference solution
/// is published): CVODE (BDF, SUNDIALS 6.4.1) and, once the solver is merged, the Rosenbrock methods Rodas5P, Rodaspr2
/// and Rodas4 (<c>RobertsonWorkPrecision.Rosenbrock.cs</c>). <c>--work-precision</c> prints the table of error, steps
/// and time instead of running BenchmarkDotNet.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public partial class RobertsonWorkPrecision
{
    private static readonly RobertsonSystem System = new();

    /// <summary>Relative tolerance of every solver.</summary>
    [Params(1e-6, 1e-8, 1e-10)]
    public double Rtol { get; set; } = 1e-8;

    /// <summary>Stops early, with the reason, when CVODE is missing.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (!Cvode.IsAvailable) throw new InvalidOperationException("libsundials_cvode.so.6 is not installed (apt-get install libsundials-cvode6)");
    }

    /// <summary>CVODE, BDF with the dense solver and the exact Jacobian.</summary>
    [Benchmark(Baseline = true)]
    public double CvodeBdf() => SolveCvode(Rtol).Values[^1][2];

    private static CvodeResult SolveCvode(double rtol) =>
        Cvode.Solve(System, 0, RobertsonSystem.End, RobertsonSystem.Initial, rtol, RobertsonSystem.AbsoluteTolerance, []);

    /// <summary>One row of the work-precision table.</summary>
    private sealed record Row(string Solver, double Rtol, string Status, double Error, long Steps, long Evaluations, string Jacobians, double Milliseconds);

    /// <summary>Prints the work-precision table (max relative error against the ROBER reference, work counters, best time).</summary>
    public static void PrintTable(TextWriter output)
    {
        var rows = new List<Row>();
        foreach (double rtol in (double[])[1e-4, 1e-6, 1e-8, 1e-10, 1e-12])
        {
            if (Cvode.IsAvailable)
            {
                var r = SolveCvode(rtol);
                rows.Add(new Row("CVODE BDF", rtol, r.FlagName, r.Succeeded ? RobertsonSystem.RelativeError(r.Values[^1]) : double.NaN,
                    r.Steps, r.RhsEvaluations, r.JacobianEvaluations.ToString(CultureInfo.InvariantCulture), BestMilliseconds(() => SolveCvode(rtol))));
            }
            AddRosenbrockRows(rows, rtol);
        }
        if (!Cvode.IsAvailable) output.WriteLine("CVODE rows left out: libsundials_cvode.so.6 is not installed.");
        output.WriteLine($"Robertson, t = 0 to {RobertsonSystem.End:0E+0}; error = max_i |y_i - ref_i| / |ref_i| against the ROBER test-set reference.");
        output.WriteLine();
        output.WriteLine("| Solver | rtol | Status | Error | Steps | f evals | J evals | Time (ms) |");
        output.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Solver} | {row.Rtol:0E+0} | {row.Status} | {row.Error:0.00E+0} | {row.Steps} | {row.Evaluations} | {row.Jacobians} | {row.Milliseconds:F3} |"));
    }

    /// <summary>Adds one row per Rosenbrock tableau; implemented in RobertsonWorkPrecision.Rosenbrock.cs after the solver merge.</summary>
    static partial void AddRosenbrockRows(List<Row> rows, double rtol);

    /// <summary>The fastest of repeated runs (after one warm-up), repeated for at least 0.2 s and at most 200 times.</summary>
    private static double BestMilliseconds(Action run)
    {
        run();
        double best = double.PositiveInfinity, total = 0;
        for (int k = 0; k < 200 && total < 200; k++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            best = Math.Min(best, ms);
            total += ms;
        }
        return best;
    }
}
