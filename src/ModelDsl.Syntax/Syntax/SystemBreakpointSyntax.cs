using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>breakpoint EXPR</c>: a value of the variable where the right-hand side is not smooth; the solver steps onto it.</summary>
public sealed record SystemBreakpointSyntax(TextSpan Span, SyntaxToken Keyword, ExpressionSyntax Value) : SystemItemSyntax(Span, Keyword);
