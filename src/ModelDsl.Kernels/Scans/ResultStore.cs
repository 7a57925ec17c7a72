using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace ModelDsl.Kernels.Scans;

/// <summary>
/// Scan results in one SQLite file, one row per chunk of points with one typed blob per column (docs/scans.md):
/// <c>meta(key, value)</c> says what was scanned (model, card, grid, fingerprint, chunk size, shard);
/// <c>axes(pos, name, count, vals)</c> holds each axis's values (a point's axis values are looked up, not stored per point);
/// <c>columns(pos, name)</c> names the stored kernels; <c>chunks(id, first, count, status, c0, c1, ...)</c> holds chunk
/// <c>id</c> = points <c>first .. first + count - 1</c> (the last axis fastest), column j in blob <c>cj</c> as little-endian
/// float64 (<c>8 * count</c> bytes, or 8 bytes when every value of the chunk is bit-identical: the constant encoding),
/// <c>status</c> one byte per point (<see cref="Ok"/>, <see cref="NonFinite"/>, <see cref="Error"/>; 1 byte when all equal);
/// <c>messages(idx, text)</c> holds why each error point has no value. NaN, +inf, -inf and -0.0 are stored as the raw doubles.
/// A chunk is written in one transaction with a rollback journal (<c>journal_mode=DELETE</c>, which works on NFS and Lustre,
/// unlike WAL), so a killed scan keeps every committed chunk and nothing else; no journal file remains once the file is closed.
/// One scan writes a file at a time (a second writer of the same chunks only repeats the work: a chunk already stored is kept).
/// </summary>
public sealed class ResultStore : IDisposable
{
    /// <summary>The <c>format</c> meta value of files in this layout.</summary>
    public const string Format = "modeldsl-results 2";

    /// <summary>Status code of a point whose stored values are all finite.</summary>
    public const byte Ok = 0;

    /// <summary>Status code of a point with a NaN or infinite stored value (the reader names the columns).</summary>
    public const byte NonFinite = 1;

    /// <summary>Status code of a point without a value (a builtin or a system solve failed there; the message says why).</summary>
    public const byte Error = 2;

    private readonly SqliteConnection _connection;
    private readonly ImmutableArray<ImmutableArray<double>> _axisValues;
    private readonly Lock _gate = new();
    private SqliteCommand? _insertChunk;
    private SqliteCommand? _insertMessage;

    private ResultStore(SqliteConnection connection, IReadOnlyList<string> axes, ImmutableArray<ImmutableArray<double>> axisValues,
        IReadOnlyList<string> kernels, int chunkSize)
    {
        _connection = connection;
        Axes = axes;
        _axisValues = axisValues;
        Kernels = kernels;
        ChunkSize = chunkSize;
        Total = axisValues.Aggregate(1L, (n, a) => n * a.Length);
    }

    /// <summary>Axis column names, in order (the last varies fastest).</summary>
    public IReadOnlyList<string> Axes { get; }

    /// <summary>Kernel column names, in order.</summary>
    public IReadOnlyList<string> Kernels { get; }

    /// <summary>Each axis's values, in order.</summary>
    public IReadOnlyList<ImmutableArray<double>> AxisValues => _axisValues;

    /// <summary>Points per chunk (the last chunk may hold fewer).</summary>
    public int ChunkSize { get; }

    /// <summary>Points of the whole grid.</summary>
    public long Total { get; }

    /// <summary>Chunks of the whole grid.</summary>
    public long ChunkCount => (Total + ChunkSize - 1) / ChunkSize;

    /// <summary>
    /// Opens (or creates) the store for a scan with this fingerprint. Returns null with a message when the file holds a
    /// different scan, another shard of it, or is not a results file of this layout (it is never overwritten).
    /// <paramref name="description"/> goes to the meta table; its <c>shard</c> entry (<c>K/N</c>, or absent) must match the file's.
    /// </summary>
    public static ResultStore? Open(string path, string fingerprint, IReadOnlyDictionary<string, string> description,
        IReadOnlyList<(string Name, ImmutableArray<double> Values)> axes, IReadOnlyList<string> kernels, int chunkSize, out string? problem)
    {
        problem = null;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        // a rollback journal works on network file systems (WAL needs shared memory); the normal locking lets a reader look
        // at the file between two chunks (e.g. sqlite3 while a scan runs)
        Execute(connection, "PRAGMA journal_mode=DELETE;");
        // NORMAL: a committed chunk survives a kill of the process (the operating system holds its pages); after a power cut or
        // a crash of the machine SQLite's rollback journal in this mode may lose the last commits or, rarely, damage the file.
        // FULL would add a sync per chunk: measured 2.4-2.7e6 against 5.3-5.8e6 points/s for the 1e6-point w23 scan (docs/scans.md).
        Execute(connection, "PRAGMA synchronous=NORMAL;");
        var tables = Scalar(connection, "SELECT count(*) FROM sqlite_master;");
        if (tables > 0)
        {
            var meta = HasMeta(connection) ? ReadMeta(connection) : [];
            problem = !meta.TryGetValue("format", out var format) || format != Format
                ? $"{path} is not a results file of this ModelDsl (an earlier layout or another file); choose another --out or delete it."
                : meta.GetValueOrDefault("fingerprint") != fingerprint
                    ? $"{path} holds the results of a different scan (another model, card, grid, kernel selection, override, data file or tool version); choose another --out or delete it."
                    : meta.GetValueOrDefault("shard", "") != description.GetValueOrDefault("shard", "")
                        ? $"{path} holds {Shard(meta.GetValueOrDefault("shard", ""))} of this scan, not {Shard(description.GetValueOrDefault("shard", ""))}; rerun with the same --shard or choose another --out."
                        : null;
            if (problem is not null)
            {
                connection.Dispose();
                return null;
            }
            return Load(connection, meta);
        }
        Execute(connection, "PRAGMA page_size=65536;");
        using (var tx = connection.BeginTransaction())
        {
            Execute(connection, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);", tx);
            Execute(connection, "CREATE TABLE axes (pos INTEGER PRIMARY KEY, name TEXT NOT NULL, count INTEGER NOT NULL, vals BLOB NOT NULL);", tx);
            Execute(connection, "CREATE TABLE columns (pos INTEGER PRIMARY KEY, name TEXT NOT NULL);", tx);
            Execute(connection, "CREATE TABLE chunks (id INTEGER PRIMARY KEY, first INTEGER NOT NULL, count INTEGER NOT NULL, status BLOB NOT NULL"
                + string.Concat(kernels.Select((_, j) => $", c{j} BLOB NOT NULL")) + ");", tx);
            Execute(connection, "CREATE TABLE messages (idx INTEGER PRIMARY KEY, text TEXT NOT NULL);", tx);
            var entries = description.Where(d => d.Key is not ("format" or "fingerprint" or "chunk_size" or "axes" or "kernels"))
                .Append(new("format", Format)).Append(new("fingerprint", fingerprint))
                .Append(new("chunk_size", chunkSize.ToString(CultureInfo.InvariantCulture)))
                .Append(new("axes", Join(axes.Select(a => a.Name)))).Append(new("kernels", Join(kernels)));
            foreach (var (k, v) in entries) Insert(connection, tx, "INSERT INTO meta (key, value) VALUES ($a, $b);", k, v);
            for (var a = 0; a < axes.Count; a++)
            {
                using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO axes (pos, name, count, vals) VALUES ($p, $n, $c, $v);";
                cmd.Parameters.AddWithValue("$p", a);
                cmd.Parameters.AddWithValue("$n", axes[a].Name);
                cmd.Parameters.AddWithValue("$c", axes[a].Values.Length);
                cmd.Parameters.AddWithValue("$v", Bytes(axes[a].Values.AsSpan()));
                cmd.ExecuteNonQuery();
            }
            for (var j = 0; j < kernels.Count; j++) Insert(connection, tx, "INSERT INTO columns (pos, name) VALUES ($a, $b);", j, kernels[j]);
            tx.Commit();
        }
        return new ResultStore(connection, [.. axes.Select(a => a.Name)], [.. axes.Select(a => a.Values)], [.. kernels], chunkSize);
    }

    private static string Shard(string shard) => shard.Length == 0 ? "the whole grid" : $"shard {shard}";

    /// <summary>Opens an existing results file for reading (plot, export); throws when it is not one.</summary>
    public static ResultStore OpenExisting(string path) =>
        OpenExisting(path, out var problem) ?? throw new InvalidOperationException(problem);

    /// <summary>Opens an existing results file for reading (plot, export, merge); null with the reason when it is not one.</summary>
    public static ResultStore? OpenExisting(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path)) { problem = $"{path}: no such results file"; return null; }
        SqliteConnection? connection = null;
        try
        {
            connection = OpenForReading(path);
            var meta = HasMeta(connection) ? ReadMeta(connection) : [];
            if (meta.GetValueOrDefault("format") != Format)
            {
                connection.Dispose();
                problem = meta.ContainsKey("axes")
                    ? $"{path} was written by an earlier ModelDsl (one row per point); rerun the scan into a new file"
                    : $"{path} is not a ModelDsl results file";
                return null;
            }
            return Load(connection, meta);
        }
        catch (Exception e) when (e is SqliteException or FormatException or InvalidDataException or KeyNotFoundException or InvalidCastException)
        {
            // not SQLite, or SQLite with damaged or foreign tables: a message, never a stack trace
            connection?.Dispose();
            problem = $"{path} is not a ModelDsl results file ({e.Message})";
            return null;
        }
    }

    /// <summary>
    /// A connection that reads the file: read-write when the file may be written (so that the journal a killed scan left behind
    /// is rolled back, which a read-only connection cannot do), else read-only.
    /// </summary>
    private static SqliteConnection OpenForReading(string path)
    {
        var writable = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        try
        {
            writable.Open();
            Scalar(writable, "SELECT count(*) FROM sqlite_master;");
            return writable;
        }
        catch (SqliteException)
        {
            writable.Dispose();
        }
        var readOnly = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        readOnly.Open();
        return readOnly;
    }

    private static ResultStore Load(SqliteConnection connection, Dictionary<string, string> meta)
    {
        var names = new List<string>();
        var values = new List<ImmutableArray<double>>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name, count, vals FROM axes ORDER BY pos;";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                names.Add(r.GetString(0));
                values.Add([.. Doubles(r.GetFieldValue<byte[]>(2), r.GetInt32(1))]);
            }
        }
        var kernels = new List<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM columns ORDER BY pos;";
            using var r = cmd.ExecuteReader();
            while (r.Read()) kernels.Add(r.GetString(0));
        }
        return new ResultStore(connection, [.. names], [.. values], [.. kernels], int.Parse(meta["chunk_size"], CultureInfo.InvariantCulture));
    }

    private static bool HasMeta(SqliteConnection c) => Scalar(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta';") > 0;

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

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

    /// <summary>The scan's description (model, card, axes, kernels, fingerprint, shard, ...).</summary>
    public IReadOnlyDictionary<string, string> Meta
    {
        get { lock (_gate) return ReadMeta(_connection); }
    }

    private static void Execute(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static void Insert(SqliteConnection c, SqliteTransaction tx, string sql, object a, object b)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$a", a);
        cmd.Parameters.AddWithValue("$b", b);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The ids of the chunks already stored.</summary>
    public HashSet<long> StoredChunks()
    {
        lock (_gate)
        {
            var set = new HashSet<long>();
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT id FROM chunks;";
            using var r = cmd.ExecuteReader();
            while (r.Read()) set.Add(r.GetInt64(0));
            return set;
        }
    }

    /// <summary>Number of points stored.</summary>
    public long StoredPoints()
    {
        lock (_gate) return Scalar(_connection, "SELECT coalesce(sum(count), 0) FROM chunks;");
    }

    /// <summary>
    /// Stores one chunk in one transaction (thread-safe: the blobs are encoded by the calling thread, the insert is serialised).
    /// The chunk must be a whole chunk of the grid (its id times <see cref="ChunkSize"/> is its first point) not yet stored.
    /// </summary>
    public void Write(ResultChunk chunk)
    {
        if (chunk.First != chunk.Id * ChunkSize || chunk.Count != (int)Math.Min(ChunkSize, Total - chunk.First) || chunk.Values.Length < Kernels.Count * chunk.Count)
            throw new ArgumentException($"chunk {chunk.Id} is not a whole chunk of this grid", nameof(chunk));
        var blobs = new byte[Kernels.Count][];
        for (var j = 0; j < blobs.Length; j++) blobs[j] = Encode(chunk.Values.Span.Slice(j * chunk.Count, chunk.Count));
        var status = chunk.Status.Span[..chunk.Count];
        var statusBlob = status.IndexOfAnyExcept(status[0]) < 0 ? [status[0]] : status.ToArray();
        lock (_gate)
        {
            if (_insertChunk is null)
            {
                _insertChunk = _connection.CreateCommand();
                _insertChunk.CommandText = $"INSERT OR IGNORE INTO chunks (id, first, count, status{string.Concat(Kernels.Select((_, j) => $", c{j}"))}) "
                    + $"VALUES ($id, $first, $count, $status{string.Concat(Kernels.Select((_, j) => $", $c{j}"))});";
                _insertChunk.Parameters.Add("$id", SqliteType.Integer);
                _insertChunk.Parameters.Add("$first", SqliteType.Integer);
                _insertChunk.Parameters.Add("$count", SqliteType.Integer);
                _insertChunk.Parameters.Add("$status", SqliteType.Blob);
                for (var j = 0; j < Kernels.Count; j++) _insertChunk.Parameters.Add($"$c{j}", SqliteType.Blob);
                _insertMessage = _connection.CreateCommand();
                _insertMessage.CommandText = "INSERT OR IGNORE INTO messages (idx, text) VALUES ($idx, $text);";
                _insertMessage.Parameters.Add("$idx", SqliteType.Integer);
                _insertMessage.Parameters.Add("$text", SqliteType.Text);
            }
            using var tx = _connection.BeginTransaction();
            _insertChunk.Transaction = tx;
            _insertChunk.Parameters[0].Value = chunk.Id;
            _insertChunk.Parameters[1].Value = chunk.First;
            _insertChunk.Parameters[2].Value = chunk.Count;
            _insertChunk.Parameters[3].Value = statusBlob;
            for (var j = 0; j < blobs.Length; j++) _insertChunk.Parameters[4 + j].Value = blobs[j];
            _insertChunk.ExecuteNonQuery();
            _insertMessage!.Transaction = tx;
            foreach (var (offset, text) in chunk.Messages.OrderBy(m => m.Key))
            {
                _insertMessage.Parameters[0].Value = chunk.First + offset;
                _insertMessage.Parameters[1].Value = text;
                _insertMessage.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    /// <summary>A column of a chunk as its blob: 8 bytes when every value is bit-identical, else 8 per value (little-endian float64).</summary>
    private static byte[] Encode(ReadOnlySpan<double> column)
    {
        var bits = MemoryMarshal.Cast<double, long>(column);
        return Bytes(bits.IndexOfAnyExcept(bits[0]) < 0 ? column[..1] : column);
    }

    private static byte[] Bytes(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * 8];
        if (BitConverter.IsLittleEndian) MemoryMarshal.AsBytes(values).CopyTo(bytes);
        else for (var k = 0; k < values.Length; k++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 * k), values[k]);
        return bytes;
    }

    private static void Decode(byte[] blob, Span<double> into)
    {
        if (blob.Length == 8) into.Fill(BinaryPrimitives.ReadDoubleLittleEndian(blob));
        else if (blob.Length != 8 * into.Length) throw new InvalidDataException($"a column blob of {blob.Length} bytes in a chunk of {into.Length} points");
        else if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, double>(blob).CopyTo(into);
        else for (var k = 0; k < into.Length; k++) into[k] = BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(8 * k));
    }

    private static double[] Doubles(byte[] blob, int count)
    {
        var values = new double[count];
        Decode(blob, values);
        return values;
    }

    /// <summary>The stored chunks in ascending id order, read one at a time (a large file is never loaded whole).</summary>
    public IEnumerable<ResultChunk> ReadChunks() => ReadChunks(null);

    /// <summary>One stored chunk, or null when it is not stored.</summary>
    public ResultChunk? ReadChunk(long id) => ReadChunks(id).FirstOrDefault();

    private IEnumerable<ResultChunk> ReadChunks(long? only)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT id, first, count, status{string.Concat(Kernels.Select((_, j) => $", c{j}"))} FROM chunks"
            + (only is null ? "" : " WHERE id = $id") + " ORDER BY id;";
        if (only is { } id) cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var (chunkId, first, count) = (r.GetInt64(0), r.GetInt64(1), r.GetInt32(2));
            var statusBlob = r.GetFieldValue<byte[]>(3);
            var status = statusBlob.Length == 1 && count > 1 ? Enumerable.Repeat(statusBlob[0], count).ToArray() : statusBlob;
            var values = new double[Kernels.Count * count];
            for (var j = 0; j < Kernels.Count; j++) Decode(r.GetFieldValue<byte[]>(4 + j), values.AsSpan(j * count, count));
            var messages = status.Contains(Error) ? ReadMessages(first, count) : (IReadOnlyDictionary<int, string>)ImmutableDictionary<int, string>.Empty;
            yield return new ResultChunk(chunkId, first, count, values, status, messages);
        }
    }

    private Dictionary<int, string> ReadMessages(long first, int count)
    {
        var messages = new Dictionary<int, string>();
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT idx, text FROM messages WHERE idx >= $a AND idx < $b;";
        cmd.Parameters.AddWithValue("$a", first);
        cmd.Parameters.AddWithValue("$b", first + count);
        using var r = cmd.ExecuteReader();
        while (r.Read()) messages[(int)(r.GetInt64(0) - first)] = r.GetString(1);
        return messages;
    }

    /// <summary>The axis values of grid point <paramref name="index"/> (the last axis fastest) into <paramref name="into"/>.</summary>
    public void AxisValuesAt(long index, Span<double> into)
    {
        for (var a = _axisValues.Length - 1; a >= 0; a--)
        {
            var n = _axisValues[a].Length;
            into[a] = _axisValues[a][(int)(index % n)];
            index /= n;
        }
    }

    /// <summary>The status text of point <paramref name="n"/> of a chunk: "ok", "non-finite: NAMES" (the stored columns that are not finite), or the error's message.</summary>
    public string StatusText(ResultChunk chunk, int n) => chunk.Status.Span[n] switch
    {
        Ok => "ok",
        NonFinite => "non-finite: " + string.Join(" ", Kernels.Where((_, j) => !double.IsFinite(chunk.Values.Span[j * chunk.Count + n]))),
        _ => chunk.Messages.GetValueOrDefault(n, "error"),
    };

    /// <summary>All stored rows (axis values, then the kernels), by index, streamed chunk by chunk.</summary>
    public IEnumerable<ScanRow> ReadAll()
    {
        foreach (var chunk in ReadChunks())
            for (var n = 0; n < chunk.Count; n++)
            {
                var values = new double[Axes.Count + Kernels.Count];
                AxisValuesAt(chunk.First + n, values);
                for (var j = 0; j < Kernels.Count; j++) values[Axes.Count + j] = chunk.Values.Span[j * chunk.Count + n];
                yield return new ScanRow(chunk.First + n, values, StatusText(chunk, n));
            }
    }

    /// <summary>
    /// Writes every stored point as CSV, streamed chunk by chunk: header <c>idx, axes, kernels, status</c>; numbers round-trip
    /// ("R"), NaN as <c>nan</c>, infinities as <c>inf</c> / <c>-inf</c>; names and statuses quoted (RFC 4180) when they hold a comma or a quote.
    /// Nothing machine- or run-specific is written, so two files holding the same points export the same bytes.
    /// </summary>
    public void ExportCsv(TextWriter w)
    {
        w.Write(string.Join(",", new[] { "idx" }.Concat(Axes).Concat(Kernels).Append("status").Select(CsvText)));
        w.Write('\n');
        Span<char> buffer = stackalloc char[32];
        var axes = new double[Axes.Count];
        foreach (var chunk in ReadChunks())
            for (var n = 0; n < chunk.Count; n++)
            {
                w.Write((chunk.First + n).ToString(CultureInfo.InvariantCulture));
                AxisValuesAt(chunk.First + n, axes);
                foreach (var v in axes) WriteNumber(w, v, buffer);
                for (var j = 0; j < Kernels.Count; j++) WriteNumber(w, chunk.Values.Span[j * chunk.Count + n], buffer);
                w.Write(',');
                w.Write(CsvText(StatusText(chunk, n)));
                w.Write('\n');
            }
    }

    private static void WriteNumber(TextWriter w, double v, Span<char> buffer)
    {
        w.Write(',');
        if (double.IsNaN(v)) w.Write("nan");
        else if (double.IsPositiveInfinity(v)) w.Write("inf");
        else if (double.IsNegativeInfinity(v)) w.Write("-inf");
        else
        {
            v.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
            w.Write(buffer[..written]);
        }
    }

    private static string CsvText(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";

    /// <inheritdoc />
    public void Dispose()
    {
        _insertChunk?.Dispose();
        _insertMessage?.Dispose();
        _connection.Dispose();
    }
}
