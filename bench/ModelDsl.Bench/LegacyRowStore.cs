using Microsoft.Data.Sqlite;
using ModelDsl.Kernels.Scans;

namespace ModelDsl.Bench;

/// <summary>
/// BENCH ONLY, the baseline of <see cref="ScanStoreBenchmarks"/>: the results store as it was before issue 13 (SQLite in WAL
/// mode, one row per point: index, axis values, every kernel as REAL with NaN and infinities as NULL, status text; chunks of
/// 512 points per transaction), driven as the old runner drove it (the whole pending index list built first, points
/// evaluated as <see cref="ScanRow"/> objects). Kept here only to measure the new store against it in the same run.
/// </summary>
internal sealed class LegacyRowStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string[] _names;

    public LegacyRowStore(string path, IReadOnlyList<string> axes, IReadOnlyList<string> kernels)
    {
        _names = [.. axes, .. kernels];
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=NORMAL;");
        Execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);");
        Execute($"CREATE TABLE IF NOT EXISTS points (idx INTEGER PRIMARY KEY, {string.Join(", ", _names.Select(c => Quote(c) + " REAL"))}, status TEXT NOT NULL);");
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>The old <c>ScanRunner.Run</c>: every pending index in a list, chunks of 512 in parallel, one transaction each.</summary>
    public long Run(ScanRunner runner)
    {
        var pending = new List<long>();
        for (long i = 0; i < runner.Total; i++) pending.Add(i);
        var gate = new object();
        long done = 0;
        Parallel.ForEach(pending.Chunk(512).ToList(), chunk =>
        {
            var rows = runner.Evaluate(chunk);
            lock (gate)
            {
                Write(rows);
                done += rows.Count;
            }
        });
        return done;
    }

    private void Write(IReadOnlyList<ScanRow> rows)
    {
        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO points (idx, {string.Join(", ", _names.Select(Quote))}, status) VALUES ($idx, {string.Join(", ", _names.Select((_, k) => "$c" + k))}, $status);";
        var pIdx = cmd.Parameters.Add("$idx", SqliteType.Integer);
        var ps = _names.Select((_, k) => cmd.Parameters.Add("$c" + k, SqliteType.Real)).ToArray();
        var pStatus = cmd.Parameters.Add("$status", SqliteType.Text);
        cmd.Prepare();
        foreach (var row in rows)
        {
            pIdx.Value = row.Index;
            for (var k = 0; k < ps.Length; k++)
            {
                var v = row.Values[k];
                ps[k].Value = double.IsFinite(v) ? v : DBNull.Value;
            }
            pStatus.Value = row.Status;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public void Dispose() => _connection.Dispose();
}
