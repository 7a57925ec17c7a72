using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>One item of a <c>system</c> block; <see cref="Keyword"/> is its first token (<c>variable</c>, <c>state</c>, <c>d</c>, ...).</summary>
public abstract record SystemItemSyntax(TextSpan Span, SyntaxToken Keyword) : SyntaxNode(Span);
