using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>
/// <c>const NAME = expr</c>, <c>let NAME = builtin(args)</c>, <c>define NAME(i, j) = expr</c> or
/// <c>kernel NAME = expr</c>; <see cref="Parameters"/> are the index parameters of a define.
/// </summary>
public sealed record DefinitionDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Name, IReadOnlyList<SyntaxToken> Parameters, ExpressionSyntax Expression)
    : DeclarationSyntax(Span, Keyword);
