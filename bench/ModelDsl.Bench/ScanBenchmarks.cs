using BenchmarkDotNet.Attributes;
using ModelDsl.Kernels;
using ModelDsl.Kernels.Scans;
using ModelDsl.Model;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Bench;

/// <summary>
/// Points per second of the conformal-bl kernel set (9 kernels plus Table 3 and Fig. 1 kernels,
/// Casas-Ibarra per point) over a 2D grid of (Re w23, Im w23), evaluated in parallel on all cores
/// without storing (issue 4's target: 1e7 points/s on 2 cores). Reported per point.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class ScanBenchmarks
{
    private const int Side = 100;
    private ScanRunner _runner = null!;

    /// <summary>Compiles the model and binds the Scenario 5 card.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ModelDsl.sln"))) dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException("ModelDsl.sln not found");
        var spec = ModelCompilation.FromFile(Path.Combine(root, "models", "conformal-bl.mdl")).Spec!;
        var cardPath = Path.Combine(root, "samples", "conformal-bl", "scenario5.card");
        var (point, _) = CardBinder.Bind(spec, CardTree.Parse(SourceText.From(File.ReadAllText(cardPath), cardPath)));
        var (kernels, _) = KernelSet.Compile(spec);
        _runner = ScanRunner.Create(kernels!, point!, [new GridAxis("re(w23)", -3, 3, Side, false), new GridAxis("im(w23)", -3, 3, Side, false)], out _)!;
    }

    /// <summary>The whole grid, in parallel.</summary>
    [Benchmark(OperationsPerInvoke = Side * Side)]
    public double Grid()
    {
        var sum = 0.0;
        var gate = new object();
        Parallel.For(0, Side * Side, () => 0.0, (i, _, local) => local + _runner.Evaluate(i).Values[^1], local => { lock (gate) sum += local; });
        return sum;
    }
}
