using BenchmarkDotNet.Attributes;
using ModelDsl.Kernels.Systems;

namespace ModelDsl.Bench;

/// <summary>
/// Every ULYSSES equation set shipped as a library spec (models/lib/leptogenesis/*.mdl through models/ulysses-typei.mdl,
/// docs/ulysses.md), one solve warm on one core on the card ULYSSES pairs it with (examples/README of ULYSSES; testpars
/// for 1DME, ULYSSES's published point), at rtol <see cref="UlyssesBenchmarks.Rtol"/> (1e-7) with the specs' absolute
/// tolerances: the setting at which eta_B is within 1e-6 (at worst 2e-7) of the rtol 1e-11 solution on every shipped
/// card of every set (docs/ulysses.md, "Accuracy against rtol"). Issue 12's targets against ULYSSES v2.0.2 on this
/// machine: 1BE1F 1 ms (ULYSSES 22 ms), 1DME 0.3 ms (5-9 ms), 3DME 8 ms (160-190 ms), 2RES 3 ms (60-86 ms); 2DME
/// (85-105 ms) at 20x would be about 5 ms.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class UlyssesSetBenchmarks
{
    private SystemProgram _program = null!;
    private NumericModel _model = null!;
    private SystemSolveOptions _options = null!;

    /// <summary>The system and its card: <c>SYSTEM@CARD</c>.</summary>
    [ParamsSource(nameof(AllSets))]
    public string Set { get; set; } = "";

    /// <summary>The sets of <see cref="UlyssesOwnTolerances.Sets"/>.</summary>
    public static IEnumerable<string> AllSets => UlyssesOwnTolerances.Sets;

    /// <summary>Compiles ulysses-typei at the card and the system once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (system, card) = (Set.Split('@')[0], Set.Split('@')[1]);
        _model = ModelCompilation.FromFile(Path.Combine(RepositoryRoot.Path, "models", "ulysses-typei.mdl"))
            .CreateNumericOrThrow(Path.Combine(RepositoryRoot.Path, "samples", "ulysses", card + ".card"));
        _program = _model.Kernels.System(system, _model.Point, out var problem) ?? throw new InvalidOperationException(problem);
        _options = Options(system);
    }

    /// <summary>The solver's options for <paramref name="system"/>: rtol 1e-7 with the specs' absolute tolerances.</summary>
    protected virtual SystemSolveOptions Options(string system) => new() { RelativeTolerance = UlyssesBenchmarks.Rtol, Samples = 0 };

    /// <summary>One solve and its outputs (eta_B).</summary>
    [Benchmark]
    public double Solve() => SystemSolver.Solve(_program, _model.Point, _options).Output("eta_B");
}
