using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A parameter card: <c>card "title" [for MODEL]</c> followed by assignments.</summary>
public sealed record CardSyntax(TextSpan Span, SyntaxToken? Title, SyntaxToken? ModelName, IReadOnlyList<CardAssignmentSyntax> Assignments);
