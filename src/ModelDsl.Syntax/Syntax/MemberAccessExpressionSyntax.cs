using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>
/// <c>NAME.FIELD</c> or <c>NAME.FIELD[i, j]</c>: a field of a record (the result of a builtin <c>let</c>), e.g.
/// <c>F.mass[al]</c>, <c>F.h[l, al]</c>, <c>F.residual</c>. <see cref="Indices"/> is empty when there are no brackets.
/// </summary>
public sealed record MemberAccessExpressionSyntax(TextSpan Span, SyntaxToken Record, SyntaxToken Dot, SyntaxToken Member, IReadOnlyList<ExpressionSyntax> Indices)
    : ExpressionSyntax(Span);
