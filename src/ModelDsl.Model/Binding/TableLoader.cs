using System.Collections.Concurrent;
using System.Globalization;
using ModelDsl.Diagnostics;
using ModelDsl.Symbolics.Functions;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// Reads the data file of a <c>table</c> declaration: <c>#</c> comment lines, one of them
/// <c># columns: x y1 y2 ...</c> naming the columns, then rows of whitespace-separated numbers ascending in
/// the first column. Rows with x &lt;= 0 are skipped (ln x is the spline's variable); at least 4 must remain,
/// x strictly increasing, every y &gt; 0. A file with exactly one data row is a table of constants: every column (the
/// first included) is the exact decimal written there. Each mistake is one diagnostic at the path string (MDL0260-MDL0262).
/// </summary>
internal static class TableLoader
{
    // one function per (table, column, file contents and path): binding a spec twice gives equal kernels
    private static readonly ConcurrentDictionary<string, TabulatedFunction> Functions = new(StringComparer.Ordinal);

    public static TableSpec? Load(TableDeclarationSyntax t, SourceText spec, DiagnosticBag bag)
    {
        var relative = t.Path.Text.Trim('"');
        var at = t.Path.Span;
        var baseDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(string.IsNullOrEmpty(spec.Path) ? "." : spec.Path)) ?? ".";
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, relative));
        string content;
        try
        {
            content = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            bag.ReportTableFile(spec, at, $"The table file '{relative}' cannot be read ({full}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}).");
            return null;
        }
        var lines = content.Split('\n');
        string[]? names = null;
        var rows = new List<(double[] Values, int Line)>();
        string[]? firstRow = null;
        for (var k = 0; k < lines.Length; k++)
        {
            var line = lines[k].Trim();
            if (line.Length == 0) continue;
            if (line[0] == '#')
            {
                var comment = line[1..].Trim();
                if (names is null && comment.StartsWith("columns:", StringComparison.Ordinal))
                    names = comment["columns:".Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                continue;
            }
            if (names is null || names.Length < 2)
            {
                bag.ReportTableFormat(spec, at, $"'{relative}' line {k + 1}: data before a '# columns: x y1 ...' header naming at least two columns.");
                return null;
            }
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != names.Length)
            {
                bag.ReportTableFormat(spec, at, $"'{relative}' line {k + 1}: {fields.Length} numbers, but the header names {names.Length} columns.");
                return null;
            }
            var values = new double[fields.Length];
            for (var j = 0; j < fields.Length; j++)
                if (!double.TryParse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out values[j]) || !double.IsFinite(values[j]))
                {
                    bag.ReportTableFormat(spec, at, $"'{relative}' line {k + 1}: '{fields[j]}' is not a finite number.");
                    return null;
                }
            rows.Add((values, k + 1));
            firstRow ??= fields;
        }
        if (names is null)
        {
            bag.ReportTableFormat(spec, at, $"'{relative}' has no '# columns: x y1 ...' header naming its columns.");
            return null;
        }
        if (rows.Count == 1) return BuildConstants(t.Name.Text, relative, names, firstRow!, rows[0].Line, spec, at, bag);
        return Build(t.Name.Text, relative, content, names, rows, spec, at, bag);
    }

    /// <summary>A table of constants: one data row, each column the exact decimal written (no spline, no variable).</summary>
    private static TableSpec? BuildConstants(string table, string relative, string[] names, string[] fields, int line, SourceText spec, TextSpan at, DiagnosticBag bag)
    {
        if (!ValidNames(names, relative, spec, at, bag)) return null;
        var constants = new Dictionary<string, Symbolics.Numbers.Rational>(StringComparer.Ordinal);
        for (var j = 0; j < names.Length; j++)
        {
            if (Symbolics.Numbers.Rational.TryParse(fields[j]) is not { } exact)
            {
                bag.ReportTableFormat(spec, at, $"'{relative}' line {line}: '{fields[j]}' is not a decimal number (a table of constants keeps each value exact).");
                return null;
            }
            constants[names[j]] = exact;
        }
        return new TableSpec(table, relative, "", at) { Columns = names, Constants = constants };
    }

    private static bool ValidNames(string[] names, string relative, SourceText spec, TextSpan at, DiagnosticBag bag)
    {
        if (names.Distinct(StringComparer.Ordinal).Count() == names.Length && names.All(n => n.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(n[0])))
            return true;
        bag.ReportTableFormat(spec, at, $"'{relative}': the column names ({string.Join(" ", names)}) must be distinct names (letters, digits, '_').");
        return false;
    }

    private static TableSpec? Build(string table, string relative, string content, string[] names, List<(double[] Values, int Line)> rows,
        SourceText spec, TextSpan at, DiagnosticBag bag)
    {
        if (!ValidNames(names, relative, spec, at, bag)) return null;
        var usable = rows.Where(r => r.Values[0] > 0).ToList();
        if (usable.Count < 4)
        {
            bag.ReportTableData(spec, at, $"'{relative}' has {usable.Count} rows with {names[0]} > 0; a cubic spline needs at least 4.");
            return null;
        }
        for (var k = 1; k < usable.Count; k++)
            if (!(usable[k].Values[0] > usable[k - 1].Values[0]))
            {
                bag.ReportTableData(spec, at, $"'{relative}' line {usable[k].Line}: {names[0]} is not strictly increasing.");
                return null;
            }
        foreach (var r in usable)
            for (var j = 1; j < names.Length; j++)
                if (!(r.Values[j] > 0))
                {
                    bag.ReportTableData(spec, at, $"'{relative}' line {r.Line}: {names[j]} is not positive; the ln-ln spline needs y > 0.");
                    return null;
                }
        // the splines' names carry a hash of the file's contents only (not of its path): the same data gives the same name on any
        // machine or checkout, so a scan fingerprint (which prints these names) matches across a cluster's nodes
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)))[..16];
        var u = usable.Select(r => Math.Log(r.Values[0])).ToArray();
        var splines = new Dictionary<string, TabulatedFunction>(StringComparer.Ordinal);
        for (var j = 1; j < names.Length; j++)
        {
            var column = j;
            var name = new string($"tab_{table}_{names[j]}_{hash}".Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
            splines[names[j]] = Functions.GetOrAdd(name, n => FunctionRegistry.Tabulated(n, u, usable.Select(r => Math.Log(r.Values[column])).ToArray()).Function!);
        }
        return new TableSpec(table, relative, names[0], at)
        {
            Columns = names[1..], XMin = usable[0].Values[0], XMax = usable[^1].Values[0], LogLogSplines = splines,
        };
    }
}
