using ModelDsl.Text;

namespace ModelDsl.Diagnostics;

/// <summary>
/// A located user mistake: an ID from the table in models/README.md, a message, and the span
/// in its source. Printed as <c>file(line,col): error MDL0123: message</c>.
/// </summary>
public sealed record Diagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceText Source, TextSpan Span)
{
    /// <summary>1-based line of the span's start.</summary>
    public int Line => Source.GetLineColumn(Math.Min(Span.Start, Source.Length)).Line;

    /// <summary>1-based column of the span's start.</summary>
    public int Column => Source.GetLineColumn(Math.Min(Span.Start, Source.Length)).Column;

    /// <summary>True for errors.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Source.Path}({Line},{Column}): {(IsError ? "error" : "warning")} {Id}: {Message}";
}
