using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>NAME[i, j]</c></summary>
public sealed record IndexExpressionSyntax(TextSpan Span, SyntaxToken Name, IReadOnlyList<ExpressionSyntax> Indices) : ExpressionSyntax(Span);
