using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>( expr )</c></summary>
public sealed record ParenthesizedExpressionSyntax(TextSpan Span, ExpressionSyntax Expression) : ExpressionSyntax(Span);
