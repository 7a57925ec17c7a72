using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>vev FIELD -&gt; NAME</c>: the scalar gets a vacuum expectation value NAME.</summary>
public sealed record VevDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Field, SyntaxToken Value) : DeclarationSyntax(Span, Keyword);
