using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A named field property: <c>NAME: value</c>, or a flag <c>NAME</c> (e.g. <c>complex</c>).</summary>
public sealed record FieldEntrySyntax(TextSpan Span, SyntaxToken Name, ExpressionSyntax? Value) : SyntaxNode(Span);
