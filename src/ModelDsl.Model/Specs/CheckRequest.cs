using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>A check the spec asks for, with its arguments (<see cref="Argument"/> is the first).</summary>
public sealed record CheckRequest(string Name, IReadOnlyList<string> Arguments, TextSpan Span)
{
    /// <summary>The first argument, if any.</summary>
    public string? Argument => Arguments.Count > 0 ? Arguments[0] : null;
}
