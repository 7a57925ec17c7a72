using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>
/// A token with its span. A token the parser inserted for a missing one has
/// <see cref="IsMissing"/> set and an empty span. Numbers carry their exact value.
/// </summary>
public sealed record SyntaxToken(SyntaxKind Kind, TextSpan Span, string Text)
{
    /// <summary>The exact value of a number literal; null for a malformed (reported) or missing one.</summary>
    public Rational? Value { get; init; }

    /// <summary>True for an imaginary literal such as <c>2.5i</c>.</summary>
    public bool IsImaginary { get; init; }

    /// <summary>True for a conjugate representation such as <c>3bar</c>.</summary>
    public bool IsBar { get; init; }

    /// <summary>True when the parser inserted the token for a missing one.</summary>
    public bool IsMissing { get; init; }
}
