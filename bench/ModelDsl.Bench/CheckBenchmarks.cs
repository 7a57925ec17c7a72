using BenchmarkDotNet.Attributes;

namespace ModelDsl.Bench;

/// <summary>
/// In-process cost of <c>modeldsl check models/conformal-bl.mdl</c>: read, parse, bind, run the
/// anomaly and invariance checks (issue 3 asks for under 1 s wall including process start).
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class CheckBenchmarks
{
    private string _path = "";

    /// <summary>Finds models/conformal-bl.mdl above the working directory.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(RepositoryRoot.Path, "models", "conformal-bl.mdl");
    }

    /// <summary>Compile and check, as the CLI does (without printing).</summary>
    [Benchmark]
    public int CompileAndCheck() => ModelCompilation.FromFile(_path).RunChecks().Outcomes.Count;
}
