using System.Text;

namespace ModelDsl.Diagnostics;

/// <summary>Prints diagnostics with the source line and the span marked (as minsk's <c>WriteDiagnostics</c>).</summary>
public static class DiagnosticPrinter
{
    /// <summary>
    /// <c>file(line,col): error ID: message</c>, then the source line, then a marker line with
    /// <c>^</c> under the span (at least one character).
    /// </summary>
    public static string Format(Diagnostic d)
    {
        var sb = new StringBuilder().AppendLine(d.ToString());
        if (d.Source.Length == 0) return sb.ToString();
        var lineIndex = d.Source.GetLineIndex(Math.Min(d.Span.Start, d.Source.Length));
        var line = d.Source.GetLineText(lineIndex);
        var shown = new string(line.Select(c => char.IsControl(c) && c != '\t' ? '?' : c).ToArray());
        if (shown.Length > 200) shown = shown[..200] + " ...";
        sb.Append("    ").AppendLine(shown);
        var col = d.Column - 1;
        var width = Math.Max(1, Math.Min(d.Span.Length, Math.Max(1, line.Length - col)));
        if (col <= shown.Length)
            sb.Append("    ").Append(new string(' ', Math.Min(col, 200))).AppendLine(new string('^', Math.Min(width, 80)));
        return sb.ToString();
    }

    /// <summary>All diagnostics, in source order, each formatted by <see cref="Format"/>.</summary>
    public static string FormatAll(IEnumerable<Diagnostic> diagnostics) =>
        string.Concat(diagnostics.OrderBy(d => d.Source.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Start).Select(Format));
}
