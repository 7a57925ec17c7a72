using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>
/// <c>include "path"</c>: the <c>define</c>s of the definitions file at <see cref="Path"/> (relative to the spec) become
/// the spec's own, as if written at the include; their bodies' names resolve in the including spec.
/// </summary>
public sealed record IncludeDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Path) : DeclarationSyntax(Span, Keyword);
