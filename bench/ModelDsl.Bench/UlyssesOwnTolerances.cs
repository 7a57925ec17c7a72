using BenchmarkDotNet.Attributes;
using ModelDsl.Kernels.Systems;

namespace ModelDsl.Bench;

/// <summary>
/// The tolerances ULYSSES v2.0.2 (commit d28f739) passes to odeintw for each equation set, and what they give here. Only
/// 1BE1F asks for rtol 1e-10 and atol 1e-14 (etab1BE1F.py:53); 2RES and 2RESmix set atol 1e-10 (etab2RES.py:86,
/// etab2RESmix.py:86); every other set runs at scipy odeint's defaults, rtol = atol = 1.49012e-8 (etab1BE2F.py:71,
/// etab1BE3F.py:64, etab2BE1F.py:81, etab2BE2F.py:103, etab2BE3F.py:104, etab1DME.py:80, etab2DME.py:120, etab3DME.py:145,
/// etab3DMEsct.py:139, etab2RESsp.py:101). One value of atol holds for every unknown there (odeintw splits a complex unknown
/// into its real and imaginary parts). docs/ulysses.md, "ULYSSES's own tolerances".
/// </summary>
internal static class UlyssesOwnTolerances
{
    /// <summary>scipy.integrate.odeint's default rtol and atol (1.49012e-8, about the square root of the unit roundoff).</summary>
    public const double OdeintDefault = 1.49012e-8;

    /// <summary>The systems of models/ulysses-typei.mdl, each with the card UlyssesSetBenchmarks pairs it with.</summary>
    public static readonly string[] Sets =
    [
        "be.be@1N1F", "be12.be@1N2F", "be13.be@1N3F", "be21.be@2N1F", "be22.be@2N2F", "be23.be@2N3F", "dme.dme@testpars",
        "dme2.dme@2N3F", "dme3.dme@3N3F", "dme3s.dme@3N3F", "res.be@Res", "ressp.be@Res", "resmix.be@Res",
    ];

    /// <summary>ULYSSES's rtol and atol for the set whose system is <paramref name="system"/> (a system of models/ulysses-typei.mdl).</summary>
    public static (double Rtol, double Atol) Of(string system) => system switch
    {
        "be.be" => (1e-10, 1e-14),
        "res.be" or "resmix.be" => (OdeintDefault, 1e-10),
        _ => (OdeintDefault, OdeintDefault),
    };

    /// <summary>The options of a solve at ULYSSES's tolerances for <paramref name="system"/>.</summary>
    public static SystemSolveOptions Options(string system)
    {
        var (rtol, atol) = Of(system);
        return new SystemSolveOptions { RelativeTolerance = rtol, AbsoluteToleranceForAll = atol, Samples = 0 };
    }

    /// <summary>
    /// For every set, eta_B at ULYSSES's tolerances on every card of samples/ulysses against Rodas5P at rtol 1e-11 with the
    /// specs' absolute tolerances: the largest and the median relative difference, the card of the largest, and the error and
    /// steps on the benchmark's card (<c>dotnet run -c Release --project bench/ModelDsl.Bench -- --ulysses-tolerances</c>).
    /// </summary>
    public static void PrintAccuracy(TextWriter output)
    {
        var root = RepositoryRoot.Path;
        var compiled = ModelCompilation.FromFile(Path.Combine(root, "models", "ulysses-typei.mdl"));
        var cards = Directory.GetFiles(Path.Combine(root, "samples", "ulysses"), "*.card").Order(StringComparer.Ordinal).ToArray();
        var models = cards.Select(c => (Card: Path.GetFileNameWithoutExtension(c), Model: compiled.CreateNumericOrThrow(c))).ToArray();
        output.WriteLine("| set | ULYSSES's rtol, atol | largest error (card) | median error | benchmark card: error, steps |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var entry in Sets)
        {
            var (system, benchCard) = (entry.Split('@')[0], entry.Split('@')[1]);
            var errors = new List<(double Error, string Card, int Steps)>();
            var failed = new List<string>();
            foreach (var (card, model) in models)
            {
                var reference = model.Solve(system, new SystemSolveOptions { RelativeTolerance = 1e-11, Samples = 0 }).Solution;
                var own = model.Solve(system, Options(system)).Solution;
                if (reference is not { Succeeded: true } || own is not { Succeeded: true })
                {
                    failed.Add($"{card} ({own?.Message ?? reference?.Message ?? "not compiled"})");
                    continue;
                }
                errors.Add((Math.Abs(own.Output("eta_B") / reference.Output("eta_B") - 1), card, own.Steps));
            }
            var (rtol, atol) = Of(system);
            var worst = errors.MaxBy(e => e.Error);
            var median = errors.Select(e => e.Error).Order().ElementAtOrDefault(errors.Count / 2);
            var bench = errors.FirstOrDefault(e => e.Card == benchCard);
            var benchCell = bench.Card is null ? "failed" : FormattableString.Invariant($"{bench.Error:E1}, {bench.Steps}");
            output.WriteLine(FormattableString.Invariant(
                $"| {system} | {rtol:G3}, {atol:G3} | {worst.Error:E1} ({worst.Card}) | {median:E1} | {benchCard}: {benchCell} |")
                + (failed.Count > 0 ? " failed: " + string.Join("; ", failed) : ""));
        }
    }
}

/// <summary>
/// Every ULYSSES set solved at the tolerances ULYSSES v2.0.2 itself uses for it (<see cref="UlyssesOwnTolerances"/>), one
/// solve warm on one core on the card of <see cref="UlyssesSetBenchmarks"/>: the work at the accuracy ULYSSES's own settings
/// reach, beside the figures at eta_B to 1e-6 (rtol 1e-7) of <see cref="UlyssesSetBenchmarks"/>.
/// </summary>
public class UlyssesOwnTolerancesBenchmarks : UlyssesSetBenchmarks
{
    /// <inheritdoc/>
    protected override SystemSolveOptions Options(string system) => UlyssesOwnTolerances.Options(system);
}
