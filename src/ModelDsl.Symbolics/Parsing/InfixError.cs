namespace ModelDsl.Symbolics.Parsing;

/// <summary>
/// A located error from the infix parser: an ID (MDL01xx, shared with the spec language's
/// table in models/README.md), a message, the span (0-based start, length) and the 1-based
/// line and column of its start.
/// </summary>
public sealed record InfixError(string Id, string Message, int Start, int Length, int Line, int Column)
{
    /// <summary><c>(line,col): error ID: message</c>.</summary>
    public override string ToString() => $"({Line},{Column}): error {Id}: {Message}";
}
