using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>table NAME = file("path")</c>: a tabulated function file (path relative to the spec); <see cref="File"/> is the word <c>file</c>.</summary>
public sealed record TableDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Name, SyntaxToken File, SyntaxToken Path) : DeclarationSyntax(Span, Keyword);
