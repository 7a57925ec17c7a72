using ModelDsl.Diagnostics;
using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>The product of parsing: the source, its syntax tree and the lexical and syntax diagnostics.</summary>
public sealed class SyntaxTree
{
    private SyntaxTree(SourceText text, CompilationUnitSyntax root, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<SyntaxComment> comments)
    {
        Comments = comments;
        Text = text;
        Root = root;
        Diagnostics = diagnostics;
    }

    /// <summary>The source text.</summary>
    public SourceText Text { get; }

    /// <summary>The root node.</summary>
    public CompilationUnitSyntax Root { get; }

    /// <summary>The comments, in source order.</summary>
    public IReadOnlyList<SyntaxComment> Comments { get; }

    /// <summary>Lexical and syntax diagnostics, in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Parses a spec; never throws.</summary>
    public static SyntaxTree Parse(SourceText text)
    {
        var bag = new DiagnosticBag();
        var parser = new Parser(text, bag);
        var root = parser.ParseCompilationUnit();
        return new SyntaxTree(text, root, bag.OrderBy(d => d.Span.Start).ToArray(), parser.Comments);
    }

    /// <summary>Parses spec text; <paramref name="path"/> is shown in diagnostics.</summary>
    public static SyntaxTree Parse(string text, string path = "<text>") => Parse(SourceText.From(text, path));
}
