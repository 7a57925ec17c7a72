using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>check anomalies, invariance, cw_minimum(phi)</c></summary>
public sealed record CheckDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, IReadOnlyList<CheckItemSyntax> Items) : DeclarationSyntax(Span, Keyword);
