using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A number literal.</summary>
public sealed record LiteralExpressionSyntax(TextSpan Span, SyntaxToken Token) : ExpressionSyntax(Span);
