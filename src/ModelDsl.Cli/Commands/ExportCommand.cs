using ModelDsl.Kernels.Scans;
using Parquet;
using Parquet.Schema;

namespace ModelDsl.Cli.Commands;

/// <summary>
/// What <c>modeldsl export RESULTS --csv F | --parquet F</c> (and <c>scan --csv/--parquet</c>) does: writes the stored points,
/// streamed chunk by chunk, as CSV (<see cref="ResultStore.ExportCsv"/>) or as Parquet (uncompressed, one row group per chunk:
/// <c>idx</c> int64, each axis and kernel float64 with NaN and infinities as such, <c>status</c> a string), for Python, R or a
/// spreadsheet without ModelDsl (docs/scans.md).
/// </summary>
public static class ExportCommand
{
    /// <summary>Opens <paramref name="resultsPath"/> and exports it.</summary>
    public static int Run(string resultsPath, string? csvPath, string? parquetPath, TextWriter output, TextWriter error)
    {
        if (csvPath is null && parquetPath is null) { error.WriteLine("modeldsl: export needs --csv FILE or --parquet FILE"); return ExitCodes.Usage; }
        if (Clash(resultsPath, csvPath, parquetPath) is { } clash) { error.WriteLine($"modeldsl: {clash}"); return ExitCodes.Usage; }
        using var store = ResultStore.OpenExisting(resultsPath, out var problem);
        if (store is null) { error.WriteLine($"modeldsl: {problem}"); return ExitCodes.Usage; }
        return Write(store, resultsPath, csvPath, parquetPath, output, error);
    }

    /// <summary>
    /// Why the export targets cannot be written (an export onto the results file would empty it; CSV and Parquet onto one
    /// file would overwrite each other); null when they can. Paths are compared in full.
    /// </summary>
    public static string? Clash(string resultsPath, string? csvPath, string? parquetPath)
    {
        static string? Full(string? p) => p is null ? null : Path.GetFullPath(p);
        var (results, csv, parquet) = (Full(resultsPath), Full(csvPath), Full(parquetPath));
        foreach (var (target, option) in new[] { (csv, "--csv"), (parquet, "--parquet") })
            if (target is not null && string.Equals(target, results, StringComparison.Ordinal))
                return $"{option} {target} is the results file itself; choose another name (the results are never overwritten)";
        return csv is not null && string.Equals(csv, parquet, StringComparison.Ordinal) ? $"--csv and --parquet name the same file {csv}" : null;
    }

    /// <summary>Writes the CSV and/or Parquet exports of an open store; exit 2 when a file cannot be written.</summary>
    public static int Write(ResultStore store, string resultsPath, string? csvPath, string? parquetPath, TextWriter output, TextWriter error)
    {
        foreach (var (path, write) in new (string?, Action<Stream>)[] { (csvPath, s => Csv(store, s)), (parquetPath, s => Parquet(store, s)) })
        {
            if (path is null) continue;
            try
            {
                using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                write(stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                error.WriteLine($"modeldsl: cannot write {path}: {e.Message} (the results are in {resultsPath})");
                return ExitCodes.Usage;
            }
            output.WriteLine($"{(path == csvPath ? "CSV" : "Parquet")}: {path}");
        }
        return ExitCodes.Success;
    }

    private static void Csv(ResultStore store, Stream stream)
    {
        using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16);
        store.ExportCsv(w);
    }

    /// <summary>Parquet, one row group per stored chunk, uncompressed (Parquet.Net, fully managed).</summary>
    private static void Parquet(ResultStore store, Stream stream)
    {
        var idx = new DataField<long>("idx", false);
        var axes = store.Axes.Select(a => new DataField<double>(a, false)).ToArray();
        var kernels = store.Kernels.Select(k => new DataField<double>(k, false)).ToArray();
        var status = new DataField<string>("status", false);
        var schema = new ParquetSchema([idx, .. axes, .. kernels, status]);
        WriteParquet(store, stream, schema, idx, axes, kernels, status).GetAwaiter().GetResult();
    }

    private static async Task WriteParquet(ResultStore store, Stream stream, ParquetSchema schema, DataField<long> idx, DataField<double>[] axes,
        DataField<double>[] kernels, DataField<string> status)
    {
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.None });
        var point = new double[axes.Length];
        foreach (var chunk in store.ReadChunks())
        {
            var indices = new long[chunk.Count];
            var axisColumns = axes.Select(_ => new double[chunk.Count]).ToArray();
            var texts = new string[chunk.Count];
            for (var n = 0; n < chunk.Count; n++)
            {
                indices[n] = chunk.First + n;
                store.AxisValuesAt(indices[n], point);
                for (var a = 0; a < axes.Length; a++) axisColumns[a][n] = point[a];
                texts[n] = store.StatusText(chunk, n);
            }
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(idx, (ReadOnlyMemory<long>)indices);
            for (var a = 0; a < axes.Length; a++) await group.WriteAsync(axes[a], (ReadOnlyMemory<double>)axisColumns[a]);
            for (var j = 0; j < kernels.Length; j++) await group.WriteAsync(kernels[j], chunk.Values.Slice(j * chunk.Count, chunk.Count));
            await group.WriteAsync(status, texts);
            group.CompleteValidate();
        }
    }
}
