using System.Security.Cryptography;
using System.Text;
using ModelDsl.Diagnostics;
using ModelDsl.Kernels.Scans;

namespace ModelDsl.Cli.Commands;

/// <summary>
/// What <c>modeldsl scan FILE --card CARD [--grid AXIS ...] [--points N ...] --out RESULTS [--set ...] [--csv FILE] [--system NAME [--rtol R]]</c>
/// does: evaluate every kernel over the grid in parallel into an SQLite file, resuming an
/// interrupted scan with the same arguments, and optionally export CSV. The grid's axes are the card's scan ranges (a ULYSSES
/// file's <c>key low high</c> lines, <see cref="Model.CardRange"/>; <c>--points</c> points each, 30 unless given, as ULYSSES's
/// uls-scan <c>-n</c> and uls-scan2D <c>-x</c>, <c>-y</c>, bin/uls-scan:50, bin/uls-scan2D:67-68), then the <c>--grid</c> axes. The scan starts from the facade's
/// <see cref="NumericModel"/> at the card (so a library failure at the card is MDL0315, as in eval) and
/// evaluates every point through the same kernels (a point whose let has no value is stored as an error).
/// </summary>
public static class ScanCommand
{
    /// <summary>Points per card range when <c>--points</c> is not given: ULYSSES's default (bin/uls-scan:50, bin/uls-scan2D:67-68).</summary>
    public const int DefaultPoints = 30;

    /// <summary>
    /// Runs the scan; progress goes to <paramref name="error"/> when it is a terminal. The <paramref name="systems"/> are solved at
    /// every point with relative tolerance <paramref name="rtol"/>.
    /// </summary>
    public static int Run(string specPath, string cardPath, IReadOnlyList<string> sets, IReadOnlyList<string> grids, string outPath,
        string? csvPath, bool showProgress, TextWriter output, TextWriter error, IReadOnlyList<string>? systems = null, double rtol = 1e-8,
        IReadOnlyList<int>? points = null)
    {
        systems ??= [];
        points ??= [];
        if (!(rtol > 0 && rtol < 1)) { error.WriteLine("modeldsl: --rtol must lie in (0, 1)"); return ExitCodes.Usage; }
        if (points.Any(n => n is < 1 or > 100_000)) { error.WriteLine("modeldsl: --points takes whole numbers from 1 to 100000"); return ExitCodes.Usage; }
        foreach (var target in new[] { outPath, csvPath }.OfType<string>())
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(target));
            if (folder is not null && !Directory.Exists(folder)) { error.WriteLine($"modeldsl: cannot write {target}: no folder {folder}"); return ExitCodes.Usage; }
        }
        var gridAxes = new List<GridAxis>();
        foreach (var g in grids)
        {
            var axis = GridAxis.TryParse(g, out var problem);
            if (axis is null) { error.WriteLine($"modeldsl: --grid {problem}"); return ExitCodes.Usage; }
            gridAxes.Add(axis);
        }
        var created = ModelCompilation.FromFile(specPath).CreateNumericForScan(cardPath, sets);
        if (created.Diagnostics.Length > 0) error.Write(DiagnosticPrinter.FormatAll(created.Diagnostics));
        if (created.Model is not { } model) return ExitCodes.SpecErrors;
        var ranges = created.CardRanges;
        if (points.Count > 0 && (ranges.Length == 0 || (points.Count != 1 && points.Count != ranges.Length)))
        {
            error.WriteLine(ranges.Length == 0
                ? "modeldsl: --points counts the points of the card's scan ranges, and the card has none (a --grid axis gives its own count)"
                : $"modeldsl: --points takes one count for every range or one per range; the card has {ranges.Length} ({string.Join(", ", ranges.Select(r => r.Key))})");
            return ExitCodes.Usage;
        }
        List<GridAxis> axes = [.. ranges.Select((r, k) => new GridAxis(r.Axis, r.Start, r.Stop, points.Count == 0 ? DefaultPoints : points[Math.Min(k, points.Count - 1)], r.Log)), .. gridAxes];
        if (axes.Count == 0)
        {
            error.WriteLine("modeldsl: no axis: give --grid NAME=start:stop:count[:log], or a card with scan ranges (a ULYSSES file's 'key low high' line)");
            return ExitCodes.Usage;
        }
        const long maxPoints = 100_000_000;
        if (axes.Aggregate(1L, (n, a) => n * a.Count) > maxPoints)
        {
            error.WriteLine($"modeldsl: the grid has more than {maxPoints:N0} points; split the scan");
            return ExitCodes.Usage;
        }
        for (var k = 0; k < ranges.Length; k++)
            output.WriteLine($"card range '{ranges[k].Key}' (line {ranges[k].Text.GetLineColumn(ranges[k].Span.Start).Line}): {axes[k]}");
        var (spec, point, kernels) = (model.Spec, model.Point, model.Kernels);
        var scanRunner = ScanRunner.Create(kernels, point, axes, systems, out var axisProblem);
        if (scanRunner is null) { error.WriteLine(axisProblem!.StartsWith("--system", StringComparison.Ordinal) ? $"modeldsl: {axisProblem}" : $"modeldsl: --grid {axisProblem}"); return ExitCodes.Usage; }
        var runner = scanRunner.WithSolveOptions(scanRunner.SolveOptions with { RelativeTolerance = rtol });

        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u0000",
            new[] { spec.Describe(), File.ReadAllText(cardPath) }.Concat(sets).Concat(axes.Select(a => a.ToString())).Concat(systems.Select(s => "system " + s))
                .Concat(systems.Count == 0 ? [] : [$"rtol {rtol:R}"])))));
        var tableChoices = EvalCommand.TableChoices(spec, point);
        var description = new Dictionary<string, string>
        {
            ["model"] = spec.Name, ["spec"] = specPath, ["card"] = point.Title, ["card_file"] = cardPath,
            ["sets"] = string.Join(" ", sets), ["axes"] = ResultStore.Join(axes.Select(a => a.Name)),
            ["grid"] = string.Join(" ", axes), ["kernels"] = ResultStore.Join(runner.Columns),
            ["constants"] = string.Join(", ", spec.Consts.Select(c => $"{c.Name}={c.Value:R}")),
            ["tables"] = tableChoices ?? "",
        };
        ResultStore? opened;
        string? storeProblem;
        try
        {
            opened = ResultStore.Open(outPath, fingerprint, description, axes.Select(a => a.Name).ToList(), runner.Columns, out storeProblem);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            error.WriteLine($"modeldsl: cannot open {outPath}: {e.Message}");
            return ExitCodes.Usage;
        }
        using var store = opened;
        if (store is null) { error.WriteLine($"modeldsl: {storeProblem}"); return ExitCodes.Usage; }

        var total = runner.Total;
        var lastDraw = DateTime.MinValue;
        var progress = showProgress ? new Progress<long>(done =>
        {
            if ((DateTime.UtcNow - lastDraw).TotalMilliseconds < 100 && done < total) return;
            lastDraw = DateTime.UtcNow;
            var width = 30;
            var filled = (int)(width * done / Math.Max(1, total));
            error.Write($"\r  scanning [{new string('#', filled)}{new string('.', width - filled)}] {100.0 * done / Math.Max(1, total),5:F1}% ({done}/{total})");
        }) : null;
        var started = DateTime.UtcNow;
        var (computed, skipped, failed) = runner.Run(store, progress);
        if (showProgress) error.WriteLine();
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        output.WriteLine($"{spec.Name}, card \"{point.Title}\": {total} points ({computed} computed{(skipped > 0 ? $", {skipped} already stored" : "")}) in {seconds:F1} s -> {outPath}");
        output.WriteLine((runner.CompiledForAxes
            ? "kernels compiled for the grid's axes"
            : $"kernels evaluated point by point ({runner.FallbackReason})")
            + (systems.Count == 0 ? "" : $"; {string.Join(", ", systems)} solved at every point (rtol {runner.SolveOptions.RelativeTolerance:G3})"));
        if (tableChoices is { } tables) output.WriteLine("tables: " + tables);
        if (failed > 0)
            error.WriteLine($"modeldsl: warning: {failed} of {computed} points have no value (a builtin failed there, as MDL0315 reports at a card); "
                + "their status in the results says why");
        if (csvPath is not null)
        {
            try
            {
                using var w = new StreamWriter(csvPath);
                store.ExportCsv(w);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"modeldsl: cannot write {csvPath}: {e.Message} (the results are in {outPath})");
                return ExitCodes.Usage;
            }
            output.WriteLine($"CSV: {csvPath}");
        }
        return ExitCodes.Success;
    }
}
