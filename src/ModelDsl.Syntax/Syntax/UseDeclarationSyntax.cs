using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>
/// <c>use NAME = "path" { INPUT = expr, ... }</c>: the library spec at <see cref="Path"/> (relative to the spec), its
/// inputs bound to the model's quantities; its kernels become the model's as <c>NAME.KERNEL</c>.
/// </summary>
public sealed record UseDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Name, SyntaxToken Path, IReadOnlyList<UseBindingSyntax> Bindings)
    : DeclarationSyntax(Span, Keyword);
