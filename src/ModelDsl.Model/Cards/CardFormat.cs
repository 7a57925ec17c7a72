using ModelDsl.Diagnostics;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// The one place where a card's format is decided and the card bound: a ModelDsl card (<see cref="CardBinder"/>) or a
/// ULYSSES parameter file (<see cref="UlyssesCard"/>; arXiv:2007.09150, Sec. 4; docs/ulysses.md). A file is read as
/// ULYSSES's when its name ends in <c>.dat</c> (the name ULYSSES's examples/ and its users give them) and it does not start
/// (after comments and empty lines) with a ModelDsl card's header <c>card "..." for MODEL</c>, which no ULYSSES file can
/// (ULYSSES has no key <c>card</c>); every other file is a ModelDsl card, so a ModelDsl card is never read as ULYSSES's.
/// </summary>
public static class CardFormat
{
    /// <summary>True when the card is read as a ULYSSES parameter file (see the class remarks).</summary>
    public static bool IsUlysses(SourceText card) =>
        card.Path.EndsWith(".dat", StringComparison.OrdinalIgnoreCase) && FirstWord(card) != "card";

    /// <summary>
    /// Binds a card of either format and applies the <c>--set</c> <paramref name="overrides"/>. With <paramref name="scan"/>
    /// a ULYSSES scan range (<c>key low high</c>) is a scan axis (the point holds its low end); without, it is MDL0329, as
    /// everywhere a card is one point. A ModelDsl card declares no ranges. Never throws.
    /// </summary>
    public static (ParameterPoint? Point, IReadOnlyList<CardRange> Ranges, IReadOnlyList<Diagnostic> Diagnostics) Bind(
        ModelSpec spec, SourceText card, IReadOnlyList<CardTree> overrides, bool scan)
    {
        if (!IsUlysses(card))
        {
            var (p, d) = CardBinder.Bind(spec, CardTree.Parse(card), overrides);
            return (p, [], d);
        }
        var ulysses = UlyssesCard.Read(card);
        var (point, ranges, diagnostics) = scan ? ulysses.BindScan(spec) : AsPoint(ulysses.Bind(spec));
        if (point is null || overrides.Count == 0) return (point, ranges, diagnostics);
        var (overridden, more) = CardBinder.Override(spec, point, overrides);
        return (overridden, overridden is null ? [] : ranges, [.. diagnostics, .. more]);
    }

    private static (ParameterPoint?, IReadOnlyList<CardRange>, IReadOnlyList<Diagnostic>) AsPoint((ParameterPoint? Point, IReadOnlyList<Diagnostic> Diagnostics) b) =>
        (b.Point, [], b.Diagnostics);

    /// <summary>The first word of the first line that is neither empty nor a comment.</summary>
    private static string? FirstWord(SourceText card)
    {
        for (var line = 0; line < card.LineCount; line++)
        {
            var content = card.GetLineText(line).TrimStart();
            if (content.Length == 0 || content[0] == '#') continue;
            var end = content.IndexOfAny([' ', '\t', '"']);
            return end < 0 ? content : content[..end];
        }
        return null;
    }
}
