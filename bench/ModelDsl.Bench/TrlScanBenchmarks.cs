using BenchmarkDotNet.Attributes;
using ModelDsl.Kernels.Scans;

namespace ModelDsl.Bench;

/// <summary>
/// Points per second of seed 001's kernels (eps_N1..3, eps_total, the widths, the CP invariant, the cLFV rates of
/// models/seesaw-z3.mdl) over a (m_N1, d32) grid with the texture fit (2.11) at every point, on all cores, without storing
/// (issue 9's target: 1e5 points/s on 2 cores). <c>Compiled</c> is <see cref="ScanKernels"/> with the fit as a staged call;
/// <c>PointByPoint</c> is the KernelSet path through <see cref="ScanRunner.Evaluate(long)"/>.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class TrlScanBenchmarks
{
    private const int Side = 200;
    private const int SmallSide = 40;
    private ScanKernels _kernels = null!;
    private Model.LetSpec _fit = null!;
    private Model.BuiltinArguments _fitArguments = null!;
    private ScanRunner _runner = null!;
    private GridAxis[] _axes = null!;

    /// <summary>Compiles seesaw-z3 at benchmark card C and the kernels for the (mN, d32) axes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot.Path;
        var model = ModelCompilation.FromFile(Path.Combine(root, "models", "seesaw-z3.mdl"))
            .CreateNumericOrThrow(Path.Combine(root, "samples", "trl", "benchmark-C.card"));
        _axes = [new GridAxis("mN", 100, 3000, Side, true), new GridAxis("d32", -1, 1, Side, false)];
        var fitIndex = model.Spec.Lets.ToList().FindIndex(l => l.Builtin.Name == "texture_fit");
        _fit = model.Spec.Lets[fitIndex];
        _fitArguments = model.LetArguments(fitIndex);
        _kernels = ScanKernels.Create(model.Kernels, model.Point,
            [new ScanAxisTarget("mN", false, 0, 100, 3000), new ScanAxisTarget("d32", false, 0, -1, 1)], out var reason)
            ?? throw new InvalidOperationException("not compiled: " + reason);
        _runner = ScanRunner.Create(model.Kernels, model.Point,
            [new GridAxis("mN", 100, 3000, SmallSide, true), new GridAxis("d32", -1, 1, SmallSide, false)], out _)!;
    }

    /// <summary>The 200 x 200 grid through the kernels compiled for its axes, rows in parallel.</summary>
    [Benchmark(OperationsPerInvoke = Side * Side)]
    public double Compiled()
    {
        var inner = Enumerable.Range(0, Side).Select(_axes[1].Value).ToArray();
        var sum = 0.0;
        var gate = new object();
        Parallel.For(0, Side,
            () => (Outer: new double[1], Output: new double[Side * _kernels.KernelCount], Sum: 0.0),
            (row, _, local) =>
            {
                local.Outer[0] = _axes[0].Value(row);
                _kernels.Evaluate(local.Outer, inner, Side, local.Output);
                local.Sum += local.Output[3];
                return local;
            },
            local => { lock (gate) sum += local.Sum; });
        return sum;
    }

    /// <summary>One texture_fit at benchmark C (the tri-resonant fit (2.11) with its spectrum passes and the record), one core.</summary>
    [Benchmark]
    public object? TextureFit() => _fit.Builtin.Evaluate(_fitArguments).Value;

    /// <summary>A 40 x 40 grid point by point through the KernelSet, in parallel.</summary>
    [Benchmark(OperationsPerInvoke = SmallSide * SmallSide)]
    public double PointByPoint()
    {
        var sum = 0.0;
        var gate = new object();
        Parallel.For(0, SmallSide * SmallSide, () => 0.0, (i, _, local) => local + _runner.Evaluate(i).Values[5], local => { lock (gate) sum += local; });
        return sum;
    }
}
