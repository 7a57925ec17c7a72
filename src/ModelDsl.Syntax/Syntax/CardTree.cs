using ModelDsl.Diagnostics;
using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A parsed parameter card with its lexical and syntax diagnostics.</summary>
public sealed class CardTree
{
    private CardTree(SourceText text, CardSyntax root, IReadOnlyList<Diagnostic> diagnostics)
    {
        Text = text;
        Root = root;
        Diagnostics = diagnostics;
    }

    /// <summary>The source.</summary>
    public SourceText Text { get; }

    /// <summary>The card.</summary>
    public CardSyntax Root { get; }

    /// <summary>Diagnostics in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Parses a card (<paramref name="requireHeader"/> false for the text of a --set option).</summary>
    public static CardTree Parse(SourceText text, bool requireHeader = true)
    {
        var bag = new DiagnosticBag();
        var root = new Parser(text, bag).ParseCard(requireHeader);
        return new CardTree(text, root, bag.OrderBy(d => d.Span.Start).ToArray());
    }
}
