using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using ModelDsl.Numerics.Ode;

namespace ModelDsl.Bench;

// NOT YET COMPILED: needs Rosenbrock.Solve, RosenbrockTableau and OdeOptions.Method from the solver branch.
// After that merge, delete the line `<Compile Remove="RobertsonWorkPrecision.Rosenbrock.cs" />` in ModelDsl.Bench.csproj.
public partial class RobertsonWorkPrecision
{
    /// <summary>Rosenbrock with Steinebach's Rodas5P (BIT 63 (2023) 27).</summary>
    [Benchmark]
    public double Rodas5P() => SolveRosenbrock(RosenbrockTableau.Rodas5P, Rtol).Final[2];

    /// <summary>Rosenbrock with Rang's RODASPR2 (J. Comput. Appl. Math. 286 (2015) 128).</summary>
    [Benchmark]
    public double Rodaspr2() => SolveRosenbrock(RosenbrockTableau.Rodaspr2, Rtol).Final[2];

    /// <summary>Rosenbrock with Hairer and Wanner's RODAS4 (Solving ODEs II, IV.7).</summary>
    [Benchmark]
    public double Rodas4() => SolveRosenbrock(RosenbrockTableau.Rodas4, Rtol).Final[2];

    private static OdeSolution SolveRosenbrock(RosenbrockTableau method, double rtol) =>
        Rosenbrock.Solve(System, 0, RobertsonSystem.End, RobertsonSystem.Initial, new OdeOptions
        {
            RelativeTolerance = rtol,
            AbsoluteTolerance = [.. RobertsonSystem.AbsoluteTolerance],
            Method = method,
        });

    static partial void AddRosenbrockRows(List<Row> rows, double rtol)
    {
        foreach (var (name, method) in (ReadOnlySpan<(string, RosenbrockTableau)>)
                 [("Rodas5P", RosenbrockTableau.Rodas5P), ("Rodaspr2", RosenbrockTableau.Rodaspr2), ("Rodas4", RosenbrockTableau.Rodas4)])
        {
            var s = SolveRosenbrock(method, rtol);
            double error = s.Status == OdeStatus.Success ? RobertsonSystem.RelativeError([.. s.Final]) : double.NaN;
            rows.Add(new Row($"Rosenbrock {name}", rtol, s.Status.ToString(), error, s.Steps, s.Evaluations, "-",
                BestMilliseconds(() => SolveRosenbrock(method, rtol))));
        }
    }
}
