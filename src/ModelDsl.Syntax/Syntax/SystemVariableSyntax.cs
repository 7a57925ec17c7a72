using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary><c>variable z from START to END [log]</c>: the independent variable and its range; <c>log</c> steps in ln z.</summary>
public sealed record SystemVariableSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Name, ExpressionSyntax Start, ExpressionSyntax End, SyntaxToken? Log)
    : SystemItemSyntax(Span, Keyword);
