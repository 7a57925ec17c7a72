using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>A check name with optional arguments, e.g. <c>cw_minimum(phi)</c> or <c>seesaw_zero_mass(h, M)</c>.</summary>
public sealed record CheckItemSyntax(TextSpan Span, SyntaxToken Name, IReadOnlyList<SyntaxToken> Arguments) : SyntaxNode(Span)
{
    /// <summary>The first argument, if any.</summary>
    public SyntaxToken? Argument => Arguments.Count > 0 ? Arguments[0] : null;
}
