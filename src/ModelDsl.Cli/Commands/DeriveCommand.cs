using ModelDsl.Checks;
using ModelDsl.Diagnostics;
using ModelDsl.Symbolics.Printing;

namespace ModelDsl.Cli.Commands;

/// <summary>
/// What <c>modeldsl derive FILE [--latex] [--card CARD [--set ...]]</c> does: print every relation the
/// Coleman-Weinberg analysis derives for the scalars the spec checks with <c>cw_minimum</c>, and every quantity the
/// spec derives from its terms (<c>let m = dirac_mass(L, N)</c>, entry by entry), as text or LaTeX; with a card, also
/// the kernels evaluated there (e.g. Table 3 of seed 000).
/// </summary>
public static class DeriveCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string specPath, bool latex, string? cardPath, IReadOnlyList<string> sets, TextWriter output, TextWriter error)
    {
        var compilation = ModelCompilation.FromFile(specPath);
        if (compilation.Spec is not { } spec) { error.Write(DiagnosticPrinter.FormatAll(compilation.Diagnostics)); return ExitCodes.SpecErrors; }
        var scalars = spec.Checks.Where(c => c.Name == ColemanWeinberg.Name).Select(c => c.Argument!).Distinct().ToList();
        var derived = spec.Textures.Where(t => t.DerivedFrom is not null).ToList();
        if (scalars.Count == 0 && derived.Count == 0)
        {
            error.WriteLine($"modeldsl: {specPath} asks for no cw_minimum check and derives no quantity from its terms, so there is nothing to derive (add e.g. 'check cw_minimum(phi)' or 'let mD = dirac_mass(L, N)').");
            return ExitCodes.SpecErrors;
        }
        foreach (var scalar in scalars)
        {
            var d = ColemanWeinberg.Derive(spec, scalar, out var problem);
            if (d is null) { error.WriteLine($"modeldsl: cannot derive the Coleman-Weinberg relations of {scalar}: {problem}"); return ExitCodes.CheckFailed; }
            output.WriteLine(latex ? $"% Coleman-Weinberg relations of {scalar} ({spec.Name})" : $"Coleman-Weinberg relations of {scalar} ({spec.Name}); {scalar} stands for |{scalar}|:");
            foreach (var r in d.Relations)
            {
                var label = r.Equation is null ? r.Kind : $"{r.Kind} {r.Equation}";
                if (latex) output.WriteLine($"% {label}: {r.Description}\n{LatexPrinter.Print(r.Lhs)} = {LatexPrinter.Print(r.Rhs)} \\\\");
                else output.WriteLine($"  {label}: {r.Description}\n      {r.Lhs} = {r.Rhs}");
            }
            output.WriteLine();
        }
        if (derived.Count > 0) WriteDerived(spec.Name, derived, latex, output);
        if (cardPath is null) return ExitCodes.Success;
        return EvalCommand.Run(specPath, cardPath, sets, json: false, allowNonFinite: false, output, error);
    }

    /// <summary>Each derived quantity's non-zero entries, as the kernels read them (e.g. <c>Gamma[1] = ...</c>).</summary>
    private static void WriteDerived(string model, IReadOnlyList<ModelDsl.Model.TextureSpec> derived, bool latex, TextWriter output)
    {
        output.WriteLine(latex ? $"% Quantities derived from the terms ({model})" : $"Quantities derived from the terms ({model}):");
        foreach (var t in derived)
        {
            output.WriteLine(latex ? $"% {t.Name} = {t.DerivedFrom}" : $"  {t.Name} = {t.DerivedFrom}");
            var zeros = 0;
            for (var i = 0; i < t.Matrix.Rows; i++)
                for (var j = 0; j < t.Matrix.Columns; j++)
                {
                    var entry = t.Matrix[i, j];
                    if (entry.IsZero) { zeros++; continue; }
                    var index = t.IsVector ? $"{i + 1}" : $"{i + 1},{j + 1}";
                    if (latex) output.WriteLine($"\\mathrm{{{t.Name.Replace("_", "\\_")}}}_{{{index}}} = {LatexPrinter.Print(entry)} \\\\");
                    else output.WriteLine($"      {t.Name}[{index}] = {entry}");
                }
            var all = t.Matrix.Rows * t.Matrix.Columns;
            var rest = zeros == all ? $"all {all} entries are 0" : $"the other {zeros} entries are 0";
            if (zeros > 0) output.WriteLine(latex ? $"% {rest}" : $"      ({rest})");
        }
        output.WriteLine();
    }
}
