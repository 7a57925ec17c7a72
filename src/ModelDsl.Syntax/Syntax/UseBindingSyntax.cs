using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>INPUT = expr</c> inside a <c>use</c>: a library input bound to a scalar expression or a whole array of the model.</summary>
public sealed record UseBindingSyntax(TextSpan Span, SyntaxToken Input, ExpressionSyntax Value) : SyntaxNode(Span);
