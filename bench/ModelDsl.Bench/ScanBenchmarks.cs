using BenchmarkDotNet.Attributes;
using ModelDsl.Kernels;
using ModelDsl.Kernels.Scans;

namespace ModelDsl.Bench;

/// <summary>
/// Points per second of the conformal-bl kernel set (every kernel of models/conformal-bl.mdl)
/// over 2D grids, on all cores, without storing (issue 4's target: 1e7 points/s on 2 cores).
/// Reported per point. <c>PointByPoint</c> is the KernelSet path (Casas-Ibarra rebuilt per point,
/// complex delegate); <c>Compiled</c> is <see cref="ScanKernels"/>, compiled for the grid's axes.
/// Grids: (Re w23, Im w23) for Figs. 2-3, and (log &lt;phi&gt;, M1) for Fig. 6.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class ScanBenchmarks
{
    private const int Side = 100;
    private const int BigSide = 1000;
    private ScanRunner _runner = null!;
    private ScanKernels _w23 = null!;
    private ScanKernels _fig6 = null!;
    private GridAxis[] _w23Axes = null!;
    private GridAxis[] _fig6Axes = null!;

    /// <summary>The grid for <see cref="Compiled"/>.</summary>
    [Params("w23", "fig6")]
    public string Grid { get; set; } = "w23";

    /// <summary>Compiles the model and binds the Scenario 5 card.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (kernels, point, runner) = ConformalScenario5.Load(Side);
        _runner = runner;
        _w23Axes = [new GridAxis("re(w23)", -3, 3, BigSide, false), new GridAxis("im(w23)", -3, 3, BigSide, false)];
        _fig6Axes = [new GridAxis("vphi", 1e3, 1e7, BigSide, true), new GridAxis("M[1]", 0.7, 4.7, BigSide, false)];
        _w23 = ScanKernels.Create(kernels, point, [new ScanAxisTarget("w23", true, 1, -3, 3), new ScanAxisTarget("w23", true, 2, -3, 3)], out _)!;
        _fig6 = ScanKernels.Create(kernels, point, [new ScanAxisTarget("vphi", false, 0, 1e3, 1e7), new ScanAxisTarget("M[1]", false, 0, 0.7, 4.7)], out _)!;
    }

    /// <summary>The 100 x 100 (Re w23, Im w23) grid through the KernelSet, point by point, in parallel.</summary>
    [Benchmark(OperationsPerInvoke = Side * Side)]
    public double PointByPoint()
    {
        var sum = 0.0;
        var gate = new object();
        Parallel.For(0, Side * Side, () => 0.0, (i, _, local) => local + _runner.Evaluate(i).Values[^1], local => { lock (gate) sum += local; });
        return sum;
    }

    /// <summary>A 1000 x 1000 grid through the kernels compiled for its axes, rows in parallel.</summary>
    [Benchmark(OperationsPerInvoke = BigSide * BigSide)]
    public double Compiled()
    {
        var (kernels, axes) = Grid == "w23" ? (_w23, _w23Axes) : (_fig6, _fig6Axes);
        var inner = Enumerable.Range(0, BigSide).Select(axes[1].Value).ToArray();
        var sum = 0.0;
        var gate = new object();
        Parallel.For(0, BigSide,
            () => (Outer: new double[1], Output: new double[BigSide * kernels.KernelCount], Sum: 0.0),
            (row, _, local) =>
            {
                local.Outer[0] = axes[0].Value(row);
                kernels.Evaluate(local.Outer, inner, BigSide, local.Output);
                local.Sum += local.Output[^1];
                return local;
            },
            local => { lock (gate) sum += local.Sum; });
        return sum;
    }
}
