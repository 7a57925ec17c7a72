using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A parameter name with optional matrix dimensions <c>[rows, cols]</c>.</summary>
public sealed record ParameterItemSyntax(TextSpan Span, SyntaxToken Name, IReadOnlyList<SyntaxToken> Dimensions) : SyntaxNode(Span);
