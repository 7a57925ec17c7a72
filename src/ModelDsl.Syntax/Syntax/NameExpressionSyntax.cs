using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A name: parameter, field, constant or index.</summary>
public sealed record NameExpressionSyntax(TextSpan Span, SyntaxToken Name) : ExpressionSyntax(Span);
