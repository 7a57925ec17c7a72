using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>param a, M[3,3] : complex symmetric</c></summary>
public sealed record ParameterDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, IReadOnlyList<ParameterItemSyntax> Items, IReadOnlyList<SyntaxToken> Flags) : DeclarationSyntax(Span, Keyword);
