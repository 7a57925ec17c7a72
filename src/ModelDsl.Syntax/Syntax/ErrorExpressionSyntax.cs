using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>Stands where an expression was expected but none could be parsed (already reported).</summary>
public sealed record ErrorExpressionSyntax(TextSpan Span) : ExpressionSyntax(Span);
