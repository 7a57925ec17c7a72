using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>param a, M[3,3], v[3] : complex symmetric [= default]</c></summary>
public sealed record ParameterDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, IReadOnlyList<ParameterItemSyntax> Items, IReadOnlyList<SyntaxToken> Flags, ExpressionSyntax? Default = null) : DeclarationSyntax(Span, Keyword);
