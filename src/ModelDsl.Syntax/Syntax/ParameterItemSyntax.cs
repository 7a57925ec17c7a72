using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A parameter name with optional dimensions: <c>[n]</c> (vector) or <c>[rows, cols]</c> (matrix).</summary>
public sealed record ParameterItemSyntax(TextSpan Span, SyntaxToken Name, IReadOnlyList<SyntaxToken> Dimensions) : SyntaxNode(Span);
