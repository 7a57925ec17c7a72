using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A parameter card: <c>card "title" [for MODEL]</c> followed by assignments.</summary>
public sealed record CardSyntax(TextSpan Span, SyntaxToken? Title, SyntaxToken? ModelName, IReadOnlyList<CardAssignmentSyntax> Assignments)
{
    /// <summary>
    /// The names of assignments dropped after a syntax error, so that the binder does not also call them
    /// missing; a name the parser had to insert (<see cref="SyntaxToken.IsMissing"/>) means an unknown one.
    /// </summary>
    public IReadOnlyList<SyntaxToken> BrokenNames { get; init; } = [];
}
