using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ModelDsl.Kernels;
using ModelDsl.Kernels.Scans;

namespace ModelDsl.Bench;

/// <summary>
/// Issue 13: the 1000 x 1000 (Re w23, Im w23) scan of the conformal-bl kernel set (Scenario 5, every kernel stored), compute
/// and store after compilation, on all cores: <c>ChunkStore</c> is today's store (<see cref="ResultStore"/>, one SQLite row
/// per chunk, a float64 blob per column) through <see cref="ScanRunner.Run"/>; <c>LegacyRowStore</c> is the store before issue
/// 13 (<see cref="LegacyRowStore"/>, one row per point), measured in the same run. Reported per point; the file is new at
/// each iteration. Target: at least 2e6 points/s on 2 cores (0.5 us per point).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ScanStoreBenchmarks
{
    private const int Side = 1000;
    private ScanRunner _runner = null!;
    private string _path = "";

    /// <summary>Compiles the model for the grid's axes and binds the Scenario 5 card.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runner = ConformalScenario5.Load(Side).W23;
    }

    /// <summary>A fresh file for each iteration.</summary>
    [IterationSetup]
    public void NewFile()
    {
        _path = Path.Combine(Path.GetTempPath(), $"modeldsl-bench-{Guid.NewGuid():N}.db");
    }

    /// <summary>Deletes the iteration's file (and what SQLite left beside it).</summary>
    [IterationCleanup]
    public void DeleteFile()
    {
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
            if (File.Exists(_path + suffix)) File.Delete(_path + suffix);
    }

    /// <summary>1e6 points into the chunked store, every kernel.</summary>
    [Benchmark(OperationsPerInvoke = Side * Side)]
    public long ChunkStore()
    {
        using var store = ResultStore.Open(_path, "bench", new Dictionary<string, string>(), _runner.AxisTable, _runner.Columns, _runner.ChunkPoints, out _)!;
        return _runner.Run(store, [.. Enumerable.Range(0, _runner.Columns.Length)]).Computed;
    }

    /// <summary>1e6 points into the row-per-point store of before issue 13, every kernel.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Side * Side)]
    public long LegacyRowStore()
    {
        using var store = new LegacyRowStore(_path, ["re(w23)", "im(w23)"], _runner.Columns);
        return store.Run(_runner);
    }
}
