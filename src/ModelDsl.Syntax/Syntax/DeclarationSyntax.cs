using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A top-level declaration; <see cref="Keyword"/> says which.</summary>
public abstract record DeclarationSyntax(TextSpan Span, SyntaxToken Keyword) : SyntaxNode(Span);
