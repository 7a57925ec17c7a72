using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A whole .mdl file: its declarations in order.</summary>
public sealed record CompilationUnitSyntax(TextSpan Span, IReadOnlyList<DeclarationSyntax> Declarations) : SyntaxNode(Span)
{
    /// <summary>
    /// The names in the text of declarations with a syntax error (parsed or skipped), so that the binder
    /// can treat those it finds declared nowhere else as failed declarations rather than unknown names.
    /// </summary>
    public IReadOnlyList<SyntaxToken> BrokenNames { get; init; } = [];
}
