using ModelDsl.Diagnostics;
using ModelDsl.Kernels.Scans;

namespace ModelDsl.Cli.Commands;

/// <summary>
/// What <c>modeldsl scan FILE --card CARD [--grid AXIS ...] [--points N ...] --out RESULTS [--set ...] [--shard K/N | slurm/N]
/// [--kernels a,b] [--threads T] [--csv FILE] [--parquet FILE] [--system NAME [--rtol R]]</c> does: evaluate every kernel over
/// the grid (or the shard's chunks of it) in parallel into a results file (<see cref="ResultStore"/>, docs/scans.md), resuming
/// an interrupted scan with the same arguments, and optionally export CSV and Parquet. The grid's axes are the card's scan ranges (a ULYSSES
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
        IReadOnlyList<int>? points = null, string? shardText = null, string? kernelList = null, int threads = 0, string? parquetPath = null)
    {
        systems ??= [];
        points ??= [];
        if (!(rtol > 0 && rtol < 1)) { error.WriteLine("modeldsl: --rtol must lie in (0, 1)"); return ExitCodes.Usage; }
        if (points.Any(n => n is < 1 or > 100_000)) { error.WriteLine("modeldsl: --points takes whole numbers from 1 to 100000"); return ExitCodes.Usage; }
        if (threads < 0) { error.WriteLine("modeldsl: --threads takes a whole number of at least 1"); return ExitCodes.Usage; }
        (int Index, int Count)? shard = null;
        if (shardText is not null)
        {
            shard = ParseShard(shardText, Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID"), out var shardProblem);
            if (shard is null) { error.WriteLine($"modeldsl: --shard {shardProblem}"); return ExitCodes.Usage; }
        }
        if (ExportCommand.Clash(outPath, csvPath, parquetPath) is { } clash) { error.WriteLine($"modeldsl: {clash}"); return ExitCodes.Usage; }
        foreach (var target in new[] { outPath, csvPath, parquetPath }.OfType<string>())
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

        var columns = runner.Columns;
        IReadOnlyList<int> selection = [.. Enumerable.Range(0, columns.Length)];
        if (kernelList is not null)
        {
            var asked = kernelList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = asked.FirstOrDefault(k => !columns.Contains(k));
            if (unknown is not null || asked.Length == 0)
            {
                error.WriteLine($"modeldsl: --kernels: {(unknown is null ? "no kernel named" : $"the model has no kernel '{unknown}'")}; the kernels are: {string.Join(", ", columns)}");
                return ExitCodes.Usage;
            }
            selection = [.. Enumerable.Range(0, columns.Length).Where(j => asked.Contains(columns[j]))];
        }
        var stored = selection.Select(j => columns[j]).ToList();
        var tableChoices = EvalCommand.TableChoices(spec, point);
        var parts = ScanFingerprint.Parts(specPath, spec, cardPath, sets, axes, stored, systems, rtol);
        var description = new Dictionary<string, string>
        {
            ["command"] = "scan", ["model"] = spec.Name, ["spec"] = specPath, ["card"] = point.Title, ["card_file"] = cardPath,
            ["sets"] = string.Join(" ", sets), ["grid"] = string.Join(" ", axes),
            ["constants"] = string.Join(", ", spec.Consts.Select(c => $"{c.Name}={c.Value:R}")),
            ["tables"] = tableChoices ?? "",
        };
        foreach (var (name, value) in parts) description[ScanFingerprint.MetaPrefix + name] = value;
        if (shard is { } sh) description["shard"] = $"{sh.Index}/{sh.Count}";
        ResultStore? opened;
        string? storeProblem;
        try
        {
            opened = ResultStore.Open(outPath, ScanFingerprint.Hash(parts), description, runner.AxisTable, stored, runner.ChunkPoints, out storeProblem);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            error.WriteLine($"modeldsl: cannot open {outPath}: {e.Message}");
            return ExitCodes.Usage;
        }
        using var store = opened;
        if (store is null) { error.WriteLine($"modeldsl: {storeProblem}"); return ExitCodes.Usage; }

        var total = runner.Total;
        var progress = showProgress ? new ProgressBar(error, total) : null;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (shardIndex, shardCount) = shard ?? (0, 1);
        long computed, skipped, failed;
        try
        {
            (computed, skipped, failed) = runner.Run(store, selection, threads, shardIndex, shardCount, progress);
        }
        catch (Exception e) when (StoreFailure(e) is { } why)
        {
            // a full disk, a quota, a read-only file or a lock held too long: what is committed stays, and a rerun resumes
            if (showProgress) error.WriteLine();
            error.WriteLine($"modeldsl: cannot write {outPath}: {why.Message}; the chunks committed so far are kept: rerun the same command to resume");
            return ExitCodes.Usage;
        }
        if (showProgress) error.WriteLine();
        var seconds = started.Elapsed.TotalSeconds;
        var share = shard is null ? $"{total} points" : $"shard {shardIndex}/{shardCount}: {computed + skipped} of {total} points";
        output.WriteLine($"{spec.Name}, card \"{point.Title}\": {share} ({computed} computed{(skipped > 0 ? $", {skipped} already stored" : "")}) in {seconds:F2} s"
            + (computed > 0 ? $", {computed / Math.Max(seconds, 1e-9):0.###e+0} points/s" : "") + $" ({(threads > 0 ? threads : Environment.ProcessorCount)} threads) -> {outPath}");
        output.WriteLine((runner.CompiledForAxes
            ? "kernels compiled for the grid's axes"
            : $"kernels evaluated point by point ({runner.FallbackReason})")
            + (systems.Count == 0 ? "" : $"; {string.Join(", ", systems)} solved at every point (rtol {runner.SolveOptions.RelativeTolerance:G3})"));
        if (tableChoices is { } tables) output.WriteLine("tables: " + tables);
        if (failed > 0)
            error.WriteLine($"modeldsl: warning: {failed} of {computed} points have no value (a builtin failed there, as MDL0315 reports at a card); "
                + "their status in the results says why");
        return ExportCommand.Write(store, outPath, csvPath, parquetPath, output, error);
    }

    /// <summary>The storage failure (SQLite or I/O) behind an exception of the parallel scan, or null when it is none.</summary>
    internal static Exception? StoreFailure(Exception e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException => e,
        AggregateException a => a.InnerExceptions.Select(StoreFailure).FirstOrDefault(x => x is not null),
        _ => null,
    };

    /// <summary>The progress line on a terminal, drawn at most every 100 ms; the runner reports under its lock, so draws never interleave.</summary>
    private sealed class ProgressBar(TextWriter error, long total) : IProgress<long>
    {
        private DateTime _lastDraw = DateTime.MinValue;

        public void Report(long done)
        {
            if ((DateTime.UtcNow - _lastDraw).TotalMilliseconds < 100 && done < total) return;
            _lastDraw = DateTime.UtcNow;
            const int width = 30;
            var filled = (int)(width * done / Math.Max(1, total));
            error.Write($"\r  scanning [{new string('#', filled)}{new string('.', width - filled)}] {100.0 * done / Math.Max(1, total),5:F1}% ({done}/{total})");
        }
    }

    /// <summary>
    /// <c>K/N</c> (0 &lt;= K &lt; N) or <c>slurm/N</c>, K then read from <paramref name="slurmTask"/> (SLURM_ARRAY_TASK_ID);
    /// null with the reason when malformed.
    /// </summary>
    public static (int Index, int Count)? ParseShard(string text, string? slurmTask, out string? problem)
    {
        problem = null;
        var slash = text.IndexOf('/');
        if (slash <= 0 || !int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            problem = $"'{text}': expected K/N (0 <= K < N) or slurm/N";
            return null;
        }
        var k = text[..slash];
        if (k == "slurm")
        {
            if (slurmTask is null) { problem = $"'{text}': SLURM_ARRAY_TASK_ID is not set (run it as a task of 'sbatch --array=0-{n - 1}')"; return null; }
            if (!int.TryParse(slurmTask, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var task) || task >= n)
            {
                problem = $"'{text}': SLURM_ARRAY_TASK_ID is '{slurmTask}', not one of 0..{n - 1} (use 'sbatch --array=0-{n - 1}')";
                return null;
            }
            return (task, n);
        }
        if (!int.TryParse(k, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= n)
        {
            problem = $"'{text}': K must be a whole number from 0 to {n - 1}";
            return null;
        }
        return (index, n);
    }
}
