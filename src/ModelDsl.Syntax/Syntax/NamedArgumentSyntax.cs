using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>
/// <c>NAME: value</c>, an argument given by name in a call's argument list, e.g. <c>texture_fit(h0: h0, mN: mN)</c>.
/// It stands only directly inside a call's parentheses.
/// </summary>
public sealed record NamedArgumentSyntax(TextSpan Span, SyntaxToken Name, SyntaxToken Colon, ExpressionSyntax Value) : ExpressionSyntax(Span);
