using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>
/// <c>system NAME ["title"] { item ... }</c>: an ODE system (issue 10): its independent variable, states, breakpoints,
/// local defines, one equation per state and named outputs, in the order written.
/// </summary>
public sealed record SystemDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Name, SyntaxToken? Title, IReadOnlyList<SystemItemSyntax> Items)
    : DeclarationSyntax(Span, Keyword);
