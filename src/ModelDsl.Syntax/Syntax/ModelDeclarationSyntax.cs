using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>model NAME "title"</c></summary>
public sealed record ModelDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Name, SyntaxToken? Title) : DeclarationSyntax(Span, Keyword);
