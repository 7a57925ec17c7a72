using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>d(NAME[i, ...])/dz = EXPR</c>: the right-hand side of a state's equation; the indices are new names or numbers.</summary>
public sealed record SystemEquationSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken State, IReadOnlyList<ExpressionSyntax> Indices, SyntaxToken Variable,
    ExpressionSyntax Expression) : SystemItemSyntax(Span, Keyword);
