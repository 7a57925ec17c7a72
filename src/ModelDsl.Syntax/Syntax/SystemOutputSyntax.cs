using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>output NAME = EXPR at end</c> or <c>at POINT</c>: a named result read from the solution (<see cref="At"/> null: the end).</summary>
public sealed record SystemOutputSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Name, ExpressionSyntax Expression, ExpressionSyntax? At)
    : SystemItemSyntax(Span, Keyword);
