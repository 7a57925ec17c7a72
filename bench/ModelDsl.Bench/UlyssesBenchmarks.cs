using BenchmarkDotNet.Attributes;
using ModelDsl.Kernels.Scans;
using ModelDsl.Kernels.Systems;

namespace ModelDsl.Bench;

/// <summary>
/// ULYSSES's 1BE1F (models/lib/leptogenesis/1BE1F.mdl through models/ulysses-typei.mdl, card samples/ulysses/1N1F.card;
/// arXiv:2007.09150, docs/ulysses.md) against issue 12's speed targets: one solve warm on one core in at most 1 ms, and a
/// 10^4-point scan in under 10 s on 2 cores, at the accuracy ULYSSES reaches (eta_B to 1e-6 relative). Rodas5P at rtol
/// <see cref="Rtol"/> (1e-7) with the spec's absolute tolerances (1e-14) gives eta_B within 1e-6 of the rtol 1e-12 solution
/// (docs/benchmarks.md; the test "Kernels/ULYSSES/1N1F: rtol 1e-7 ..."). <c>Solve1BE1FRtol1e10</c> is the same solve at
/// ULYSSES's own rtol 1e-10 (the figure before the tolerance was chosen). <c>Scan10k1BE1F</c> solves the system at
/// 100 x 100 points, M_1 = 1e10..1e14 GeV (log) by y3 = -180..180 degrees (K from about 2 to 1200), in parallel chunks on
/// 2 cores, as <c>modeldsl scan --system be.be</c> does without the store.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class UlyssesBenchmarks
{
    /// <summary>The relative tolerance that reaches eta_B to 1e-6 relative (with the spec's atol 1e-14).</summary>
    public const double Rtol = 1e-7;

    private SystemProgram _program = null!;
    private NumericModel _model = null!;
    private ScanRunner _runner = null!;

    /// <summary>Compiles ulysses-typei and its system once, and the scan's runner.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot.Path;
        _model = ModelCompilation.FromFile(Path.Combine(root, "models", "ulysses-typei.mdl"))
            .CreateNumericOrThrow(Path.Combine(root, "samples", "ulysses", "1N1F.card"));
        _program = _model.Kernels.System("be.be", _model.Point, out var problem) ?? throw new InvalidOperationException(problem);
        _runner = (ScanRunner.Create(_model.Kernels, _model.Point,
                [new GridAxis("M[1]", 1e10, 1e14, 100, true), new GridAxis("re(y3)", -180, 180, 100, false)], ["be.be"], out problem)
            ?? throw new InvalidOperationException(problem)).WithSolveOptions(new SystemSolveOptions { RelativeTolerance = Rtol, Samples = 0 });
    }

    /// <summary>One 1BE1F solve and its outputs at rtol 1e-7 (eta_B to 1e-6 relative), one core.</summary>
    [Benchmark]
    public double Solve1BE1F() => SystemSolver.Solve(_program, _model.Point, new SystemSolveOptions { RelativeTolerance = Rtol, Samples = 0 }).Output("eta_B");

    /// <summary>The same solve at ULYSSES's rtol 1e-10.</summary>
    [Benchmark]
    public double Solve1BE1FRtol1e10() => SystemSolver.Solve(_program, _model.Point, new SystemSolveOptions { RelativeTolerance = 1e-10, Samples = 0 }).Output("eta_B");

    /// <summary>eta_B at 10^4 points on 2 cores (a second scan: the system compiled in the setup).</summary>
    [Benchmark]
    public double Scan10k1BE1F()
    {
        var indices = Enumerable.Range(0, (int)_runner.Total).Select(i => (long)i).ToArray();
        var column = 2 + _runner.Columns.IndexOf("eta_B");
        var sum = 0.0;
        var gate = new object();
        Parallel.ForEach(indices.Chunk(50), new ParallelOptions { MaxDegreeOfParallelism = 2 }, chunk =>
        {
            var rows = _runner.Evaluate(chunk);
            lock (gate) sum += rows.Sum(r => Math.Abs(r.Values[column]));
        });
        return sum;
    }
}
