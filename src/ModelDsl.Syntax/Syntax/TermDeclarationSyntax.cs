using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>potential EXPR</c>, <c>yukawa EXPR + h.c.</c>, <c>majorana EXPR + h.c.</c></summary>
public sealed record TermDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, ExpressionSyntax Expression, bool PlusHermitianConjugate) : DeclarationSyntax(Span, Keyword);
