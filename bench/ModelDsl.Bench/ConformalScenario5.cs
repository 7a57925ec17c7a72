using ModelDsl.Kernels;
using ModelDsl.Kernels.Scans;
using ModelDsl.Model;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Bench;

/// <summary>
/// The scan benchmarks' common start: models/conformal-bl.mdl's kernels compiled, its Scenario 5 card bound, and the
/// runner of the 1000 x 1000 (Re w23, Im w23) grid of seed 000's Figs. 2-3.
/// </summary>
internal static class ConformalScenario5
{
    /// <summary>The compiled kernels, the card's point and the w23 grid's runner (<paramref name="side"/> points per axis).</summary>
    public static (KernelSet Kernels, ParameterPoint Point, ScanRunner W23) Load(int side)
    {
        var root = RepositoryRoot.Path;
        var spec = ModelCompilation.FromFile(Path.Combine(root, "models", "conformal-bl.mdl")).Spec!;
        var cardPath = Path.Combine(root, "samples", "conformal-bl", "scenario5.card");
        var (point, _) = CardBinder.Bind(spec, CardTree.Parse(SourceText.From(File.ReadAllText(cardPath), cardPath)));
        var (kernels, _) = KernelSet.Compile(spec);
        var runner = ScanRunner.Create(kernels!, point!, [new GridAxis("re(w23)", -3, 3, side, false), new GridAxis("im(w23)", -3, 3, side, false)], out _)!;
        return (kernels!, point!, runner);
    }
}
