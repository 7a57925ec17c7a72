using ModelDsl.Kernels.Scans;

namespace ModelDsl.Cli.Commands;

/// <summary>
/// What <c>modeldsl merge --out MERGED SHARD...</c> does: checks that every shard file comes from the same scan (the parts of
/// <see cref="ScanFingerprint"/>: model, card, grid, kernels, tool version, data files, constants, overrides, systems), then
/// copies every chunk into MERGED, an ordinary unsharded results file (an existing MERGED of the same scan is added to, so
/// rerunning the unsharded <c>scan --out MERGED</c> fills in whatever is missing). A chunk found twice with bit-identical
/// values is kept once and reported; with different values it is an error. Exit 0 only when the merged grid is complete.
/// </summary>
public static class MergeCommand
{
    /// <summary>Merges <paramref name="shards"/> into <paramref name="outPath"/>.</summary>
    public static int Run(string outPath, IReadOnlyList<string> shards, TextWriter output, TextWriter error)
    {
        if (shards.Count == 0) { error.WriteLine("modeldsl: merge needs at least one shard file"); return ExitCodes.Usage; }
        if (shards.Any(s => Path.GetFullPath(s) == Path.GetFullPath(outPath))) { error.WriteLine($"modeldsl: {outPath} is both a shard and the merged file"); return ExitCodes.Usage; }
        var opened = new List<ResultStore>();
        try
        {
            foreach (var path in shards)
            {
                var s = ResultStore.OpenExisting(path, out var problem);
                if (s is null) { error.WriteLine($"modeldsl: {problem}"); return ExitCodes.Usage; }
                opened.Add(s);
            }
            var first = opened[0].Meta;
            var parts = ScanFingerprint.Recorded(first);
            if (parts.Count == 0) { error.WriteLine($"modeldsl: {shards[0]} is not the result of 'modeldsl scan' (it has no scan fingerprint)"); return ExitCodes.Usage; }
            for (var k = 1; k < opened.Count; k++)
                if (Difference(parts, ScanFingerprint.Recorded(opened[k].Meta), opened[0], opened[k]) is { } what)
                {
                    error.WriteLine($"modeldsl: {shards[k]} is not a shard of the same scan as {shards[0]}: it differs in {what}; nothing was merged");
                    return ExitCodes.Usage;
                }
            var description = first.Where(m => m.Key != "shard").ToDictionary(m => m.Key, m => m.Value);
            var axes = opened[0].Axes.Select((a, i) => (a, opened[0].AxisValues[i])).ToList();
            ResultStore? merged;
            string? mergeProblem;
            try
            {
                merged = ResultStore.Open(outPath, first["fingerprint"], description, axes, opened[0].Kernels, opened[0].ChunkSize, out mergeProblem);
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                error.WriteLine($"modeldsl: cannot open {outPath}: {e.Message}");
                return ExitCodes.Usage;
            }
            using var target = merged;
            if (target is null) { error.WriteLine($"modeldsl: {mergeProblem}"); return ExitCodes.Usage; }
            var have = target.StoredChunks();
            long points = 0, duplicatedPoints = 0;
            var duplicatedChunks = 0;
            var contributing = 0;
            for (var k = 0; k < opened.Count; k++)
            {
                var fromThis = 0L;
                foreach (var chunk in opened[k].ReadChunks())
                {
                    if (have.Contains(chunk.Id))
                    {
                        if (target.ReadChunk(chunk.Id) is not { } kept || !kept.SameAs(chunk))
                        {
                            error.WriteLine($"modeldsl: chunk {chunk.Id} (points {chunk.First}..{chunk.First + chunk.Count - 1}) of {shards[k]} differs from the one already merged: "
                                + "the same points with different values; the merged file keeps the first (it is incomplete as a merge)");
                            return ExitCodes.Usage;
                        }
                        duplicatedChunks++;
                        duplicatedPoints += chunk.Count;
                        continue;
                    }
                    target.Write(chunk);
                    have.Add(chunk.Id);
                    fromThis += chunk.Count;
                }
                points += fromThis;
                if (fromThis > 0) contributing++;
            }
            var stored = target.StoredPoints();
            var missing = target.Total - stored;
            output.WriteLine($"merged {points} points from {contributing} of {opened.Count} shard files into {outPath}: {stored} of {target.Total} points stored");
            if (duplicatedChunks > 0)
                output.WriteLine($"duplicated: {duplicatedPoints} points ({duplicatedChunks} chunks) found more than once with identical values, kept once");
            if (missing > 0)
            {
                var absent = Enumerable.Range(0, (int)target.ChunkCount).Where(c => !have.Contains(c)).ToList();
                error.WriteLine($"modeldsl: missing: {missing} points ({absent.Count} chunks: {Ranges(absent)}; chunk c holds points c*{target.ChunkSize} ..); "
                    + $"rerun the missing shards, or 'modeldsl scan' without --shard and with --out {outPath} to fill them in");
                return ExitCodes.Incomplete;
            }
            return ExitCodes.Success;
        }
        catch (Exception e) when (ScanCommand.StoreFailure(e) is { } why)
        {
            error.WriteLine($"modeldsl: merge into {outPath} failed: {why.Message}; the chunks copied so far are kept: rerun the same merge to go on");
            return ExitCodes.Usage;
        }
        finally
        {
            foreach (var s in opened) s.Dispose();
        }
    }

    /// <summary>The first fingerprint part in which two files differ ("the card", "the tool version (a vs b)"), or null.</summary>
    private static string? Difference(IReadOnlyList<(string Name, string Value)> a, IReadOnlyList<(string Name, string Value)> b, ResultStore sa, ResultStore sb)
    {
        foreach (var (name, value) in a)
        {
            var other = b.FirstOrDefault(p => p.Name == name).Value;
            if (other != value) return value.Length + (other?.Length ?? 0) < 120 ? $"its {name} ('{other}', not '{value}')" : $"its {name}";
        }
        if (b.Count != a.Count) return "its fingerprint's parts (another ModelDsl version)";
        return sa.ChunkSize != sb.ChunkSize ? "its chunk size" : null;
    }

    private static string Ranges(IReadOnlyList<int> ids)
    {
        var parts = new List<string>();
        for (var k = 0; k < ids.Count && parts.Count < 10;)
        {
            var end = k;
            while (end + 1 < ids.Count && ids[end + 1] == ids[end] + 1) end++;
            parts.Add(end == k ? $"{ids[k]}" : $"{ids[k]}-{ids[end]}");
            k = end + 1;
        }
        return string.Join(", ", parts) + (parts.Count == 10 ? ", ..." : "");
    }
}
