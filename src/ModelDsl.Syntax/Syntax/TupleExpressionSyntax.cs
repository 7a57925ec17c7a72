using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>
/// <c>( expr, expr, ... )</c> with at least two items: one value per generation, written only as the whole value of a
/// field entry (<c>U1X: (0, 1, -1)</c>, per-generation charges); nowhere else.
/// </summary>
public sealed record TupleExpressionSyntax(TextSpan Span, IReadOnlyList<ExpressionSyntax> Items) : ExpressionSyntax(Span);
