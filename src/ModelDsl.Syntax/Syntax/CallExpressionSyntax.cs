using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>NAME(args)</c></summary>
public sealed record CallExpressionSyntax(TextSpan Span, SyntaxToken Name, IReadOnlyList<ExpressionSyntax> Arguments) : ExpressionSyntax(Span);
