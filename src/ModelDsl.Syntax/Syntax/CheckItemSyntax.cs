using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A check name with an optional argument.</summary>
public sealed record CheckItemSyntax(TextSpan Span, SyntaxToken Name, SyntaxToken? Argument) : SyntaxNode(Span);
