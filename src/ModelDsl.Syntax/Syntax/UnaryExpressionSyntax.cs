using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>-x</c> or <c>+x</c></summary>
public sealed record UnaryExpressionSyntax(TextSpan Span, SyntaxToken Operator, ExpressionSyntax Operand) : ExpressionSyntax(Span);
