using BenchmarkDotNet.Attributes;
using ModelDsl.Kernels.Scans;
using ModelDsl.Kernels.Systems;

namespace ModelDsl.Bench;

/// <summary>
/// Seed 001's flavoured Boltzmann system (system trl of models/seesaw-z3.mdl) at the strong-washout card, HP model C tables,
/// decays, top scatterings and Delta L = 2 terms, rtol 1e-8 (issue 10's targets: one solve in 5 ms on one core; a 200-point
/// eta_B against m_N scan in 1 s on 2 cores, process start excluded). <c>Solve</c> is one point: the solve and the outputs,
/// with the integral tables of its couplings already built (the system is compiled once, in the setup; the tables at the
/// first call); <c>SolveCold</c> builds them too. <c>Scan200</c> is the 200-point scan m_N = 10 GeV .. 5 TeV through
/// <see cref="ScanRunner"/> (parallel chunks, as <c>modeldsl scan --system trl</c>), without the store, as a second scan
/// (tables built); <c>Scan200Cold</c> is a first scan on a freshly compiled system, its tables built as its points need them.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class BoltzmannBenchmarks
{
    private SystemProgram _program = null!;
    private NumericModel _model = null!;
    private ScanRunner _runner = null!;

    /// <summary>Compiles seesaw-z3 and its system once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot.Path;
        _model = ModelCompilation.FromFile(Path.Combine(root, "models", "seesaw-z3.mdl"))
            .CreateNumericOrThrow(Path.Combine(root, "samples", "trl", "strong-washout.card"));
        _program = _model.Kernels.System("trl", _model.Point, out var problem) ?? throw new InvalidOperationException(problem);
        _runner = ScanRunner.Create(_model.Kernels, _model.Point, [new GridAxis("mN", 10, 5000, 200, true)], ["trl"], out problem)
            ?? throw new InvalidOperationException(problem);
    }

    /// <summary>The per-point part alone, cold: the point's level entered and every integral table built afresh (not shared).</summary>
    [Benchmark]
    public double Tables() => SystemInstance.Create(_program, _model.Point, false, out _)!.IntegralTableError;

    /// <summary>One flavoured solve with the tables built afresh (a first point: nothing shared yet).</summary>
    [Benchmark]
    public double SolveCold()
    {
        var instance = SystemInstance.Create(_program, _model.Point, false, out _)!;
        return instance.IntegralTableError + Solve();
    }

    /// <summary>One right-hand side f(z, y) at z = 1 (per call: the tabulated integrals and the staged program's call level).</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public double RightHandSide()
    {
        _instance ??= SystemInstance.Create(_program, _model.Point, out _)!;
        var y = new double[_instance.Dimension];
        var f = new double[_instance.Dimension];
        Array.Fill(y, 1e-7);
        var sum = 0.0;
        for (var k = 0; k < 1000; k++)
        {
            _instance.Evaluate(1e-4 * k, y, f);
            sum += f[0];
        }
        return sum;
    }

    private SystemInstance? _instance;

    /// <summary>One flavoured solve: tables, solve, outputs.</summary>
    [Benchmark]
    public double Solve() => SystemSolver.Solve(_program, _model.Point, new SystemSolveOptions { Samples = 0 }).Output("eta_B");

    /// <summary>eta_B at 200 masses on every core, the integral tables of the four decade ranges already built (a second scan).</summary>
    [Benchmark]
    public double Scan200() => Scan(_runner);

    private ScanRunner _coldRunner = null!;

    /// <summary>A runner over a freshly compiled system: no table built yet (compiling is the setup, not measured).</summary>
    [IterationSetup(Target = nameof(Scan200Cold))]
    public void ColdSetup()
    {
        var model = ModelCompilation.FromFile(Path.Combine(RepositoryRoot.Path, "models", "seesaw-z3.mdl"))
            .CreateNumericOrThrow(Path.Combine(RepositoryRoot.Path, "samples", "trl", "strong-washout.card"));
        _coldRunner = ScanRunner.Create(model.Kernels, model.Point, [new GridAxis("mN", 10, 5000, 200, true)], ["trl"], out var problem)
            ?? throw new InvalidOperationException(problem);
    }

    /// <summary>The same scan as a first one: its points build the tables of the four decade ranges of z they need.</summary>
    [Benchmark]
    public double Scan200Cold() => Scan(_coldRunner);

    private static double Scan(ScanRunner runner)
    {
        var indices = Enumerable.Range(0, 200).Select(i => (long)i).ToArray();
        var sum = 0.0;
        var gate = new object();
        Parallel.ForEach(indices.Chunk(4), chunk =>
        {
            var rows = runner.Evaluate(chunk);
            lock (gate) sum += rows.Sum(r => r.Values[^1]);
        });
        return sum;
    }
}
