using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>
/// <c>state NAME[n] : real = INIT [atol TOL]</c> (or <c>NAME[r, c]</c>, or a scalar <c>NAME</c>; <c>real</c> or <c>complex</c>):
/// a state with its initial value (one expression for every component) and its absolute tolerance.
/// </summary>
public sealed record SystemStateSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Name, IReadOnlyList<SyntaxToken> Dimensions, SyntaxToken Type,
    ExpressionSyntax? Initial, ExpressionSyntax? AbsoluteTolerance) : SystemItemSyntax(Span, Keyword);
