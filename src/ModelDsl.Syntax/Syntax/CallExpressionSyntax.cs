using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>NAME(args)</c>, or <c>TABLE.NAME(args)</c> (a column of a table, <see cref="Record"/> set)</summary>
public sealed record CallExpressionSyntax(TextSpan Span, SyntaxToken Name, IReadOnlyList<ExpressionSyntax> Arguments) : ExpressionSyntax(Span)
{
    /// <summary>The table (or table-choice parameter) before the dot of <c>hp_c.heff(T)</c>; null for a plain call.</summary>
    public SyntaxToken? Record { get; init; }
}
