using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>group NAME : SU(3)</c>, <c>U(1) coupling g1</c> or <c>Z(3)</c>.</summary>
public sealed record GroupDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Name, SyntaxToken TypeName, SyntaxToken Order, SyntaxToken? Coupling) : DeclarationSyntax(Span, Keyword);
