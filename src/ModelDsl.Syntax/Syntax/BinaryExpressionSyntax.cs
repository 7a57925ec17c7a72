using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>a + b</c>, <c>a - b</c>, <c>a * b</c>, <c>a / b</c>, <c>a ^ b</c>; <c>j != i</c> (a sum's condition)</summary>
public sealed record BinaryExpressionSyntax(TextSpan Span, ExpressionSyntax Left, SyntaxToken Operator, ExpressionSyntax Right) : ExpressionSyntax(Span);
