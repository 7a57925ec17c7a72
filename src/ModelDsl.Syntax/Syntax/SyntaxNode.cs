using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A node of the syntax tree, with the span it covers.</summary>
public abstract record SyntaxNode(TextSpan Span);
