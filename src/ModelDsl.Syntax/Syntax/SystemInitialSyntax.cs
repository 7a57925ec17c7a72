using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>initial NAME[i, ...] = EXPR</c>: the initial value of some components of a state (index names range over them), overriding the state's own.</summary>
public sealed record SystemInitialSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken State, IReadOnlyList<ExpressionSyntax> Indices, ExpressionSyntax Expression)
    : SystemItemSyntax(Span, Keyword);
