using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ModelDsl.Kernels.Scans;

/// <summary>
/// Scan results in an embedded SQLite database: a <c>meta</c> table (what was scanned: model,
/// card, axes, kernels, a fingerprint) and a <c>points</c> table with one row per grid point
/// (index, axis values, every kernel, status). Rows are written in transactions of one chunk
/// each, so a killed scan loses at most the chunk in flight; the primary key on the index means
/// no point is stored twice.
/// </summary>
public sealed class ResultStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private ResultStore(SqliteConnection connection, IReadOnlyList<string> axes, IReadOnlyList<string> kernels)
    {
        _connection = connection;
        Axes = axes;
        Kernels = kernels;
    }

    /// <summary>Axis column names, in order.</summary>
    public IReadOnlyList<string> Axes { get; }

    /// <summary>Kernel column names, in order.</summary>
    public IReadOnlyList<string> Kernels { get; }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// Opens (or creates) the store for a scan with this fingerprint. Returns null with a message
    /// when the file holds a different scan (it is never overwritten).
    /// </summary>
    public static ResultStore? Open(string path, string fingerprint, IReadOnlyDictionary<string, string> description,
        IReadOnlyList<string> axes, IReadOnlyList<string> kernels, out string? problem)
    {
        problem = null;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "PRAGMA synchronous=NORMAL;");
        Execute(connection, "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);");
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT value FROM meta WHERE key = 'fingerprint';";
            if (read.ExecuteScalar() is string existing && existing != fingerprint)
            {
                connection.Dispose();
                problem = $"{path} holds the results of a different scan (another model, card, grid or override); choose another --out or delete it.";
                return null;
            }
        }
        var columns = string.Join(", ", axes.Concat(kernels).Select(c => Quote(c) + " REAL"));
        Execute(connection, $"CREATE TABLE IF NOT EXISTS points (idx INTEGER PRIMARY KEY, {columns}, status TEXT NOT NULL);");
        using (var tx = connection.BeginTransaction())
        {
            foreach (var (k, v) in description.Append(new("fingerprint", fingerprint)))
            {
                using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ($k, $v);";
                cmd.Parameters.AddWithValue("$k", k);
                cmd.Parameters.AddWithValue("$v", v);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return new ResultStore(connection, axes, kernels);
    }

    /// <summary>Opens an existing results file for reading (plot, export); null when it is not one.</summary>
    public static ResultStore OpenExisting(string path) =>
        OpenExisting(path, out var problem) ?? throw new InvalidOperationException(problem);

    /// <summary>Opens an existing results file for reading (plot, export); null with the reason when it is not one.</summary>
    public static ResultStore? OpenExisting(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path)) { problem = $"{path}: no such results file"; return null; }
        try
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            var meta = ReadMeta(connection);
            if (!meta.TryGetValue("axes", out var axes) || !meta.TryGetValue("kernels", out var kernels))
            {
                connection.Dispose();
                problem = $"{path} is not a ModelDsl results file";
                return null;
            }
            return new ResultStore(connection, Split(axes), Split(kernels));
        }
        catch (SqliteException e)
        {
            problem = $"{path} is not a ModelDsl results file ({e.Message})";
            return null;
        }
    }

    private static string[] Split(string list) => list.Length == 0 ? [] : list.Split('\u001f');

    /// <summary>Joins column names for the meta table.</summary>
    public static string Join(IEnumerable<string> names) => string.Join('\u001f', names);

    private static Dictionary<string, string> ReadMeta(SqliteConnection connection)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT key, value FROM meta;";
        using var r = cmd.ExecuteReader();
        while (r.Read()) meta[r.GetString(0)] = r.GetString(1);
        return meta;
    }

    /// <summary>The scan's description (model, card, axes, kernels, ...).</summary>
    public IReadOnlyDictionary<string, string> Meta => ReadMeta(_connection);

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>The indices already stored.</summary>
    public HashSet<long> StoredIndices()
    {
        var set = new HashSet<long>();
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT idx FROM points;";
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetInt64(0));
        return set;
    }

    /// <summary>Stores one chunk of rows in one transaction.</summary>
    public void Write(IReadOnlyList<ScanRow> rows)
    {
        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        var names = Axes.Concat(Kernels).ToList();
        cmd.CommandText = $"INSERT INTO points (idx, {string.Join(", ", names.Select(Quote))}, status) VALUES ($idx, {string.Join(", ", names.Select((_, k) => "$c" + k))}, $status);";
        var pIdx = cmd.Parameters.Add("$idx", SqliteType.Integer);
        var ps = names.Select((_, k) => cmd.Parameters.Add("$c" + k, SqliteType.Real)).ToArray();
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

    /// <summary>All rows, by index.</summary>
    public IEnumerable<ScanRow> ReadAll()
    {
        using var cmd = _connection.CreateCommand();
        var names = Axes.Concat(Kernels).ToList();
        cmd.CommandText = $"SELECT idx, {string.Join(", ", names.Select(Quote))}, status FROM points ORDER BY idx;";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var values = new double[names.Count];
            for (var k = 0; k < values.Length; k++) values[k] = r.IsDBNull(k + 1) ? double.NaN : r.GetDouble(k + 1);
            yield return new ScanRow(r.GetInt64(0), values, r.GetString(names.Count + 1));
        }
    }

    /// <summary>Writes every row as CSV (header: idx, axes, kernels, status; numbers round-trip).</summary>
    public void ExportCsv(TextWriter w)
    {
        w.WriteLine(string.Join(",", new[] { "idx" }.Concat(Axes).Concat(Kernels).Append("status")));
        foreach (var row in ReadAll())
            w.WriteLine(string.Join(",", new[] { row.Index.ToString(CultureInfo.InvariantCulture) }
                .Concat(row.Values.Select(v => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : ""))
                .Append(row.Status)));
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}

/// <summary>One stored grid point: index, axis values then kernel values, status ("ok" or why not).</summary>
public sealed record ScanRow(long Index, double[] Values, string Status);
