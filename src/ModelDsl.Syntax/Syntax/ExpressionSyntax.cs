using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>An expression (the grammar of the symbolic core's infix printer, plus indexing).</summary>
public abstract record ExpressionSyntax(TextSpan Span) : SyntaxNode(Span);
