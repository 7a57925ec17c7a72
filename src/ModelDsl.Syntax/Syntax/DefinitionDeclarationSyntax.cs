using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>
/// <c>const NAME = expr</c>, <c>let NAME = builtin(args)</c>, <c>define NAME(i, j) = expr</c> or
/// <c>kernel NAME = expr</c>; <see cref="Parameters"/> are the index parameters of a define.
/// </summary>
public sealed record DefinitionDeclarationSyntax(TextSpan Span, SyntaxToken Keyword, SyntaxToken Name, IReadOnlyList<SyntaxToken> Parameters, ExpressionSyntax Expression)
    : DeclarationSyntax(Span, Keyword)
{
    /// <summary>
    /// The energy unit after the value, <c>const m_star = 1.08e-3 eV</c>, or after <c>in</c>, <c>kernel mt = ... in eV</c>
    /// (read for const and kernel declarations only); null without one.
    /// </summary>
    public SyntaxToken? Unit { get; init; }

    /// <summary>The word <c>in</c> before <see cref="Unit"/>, or null when the unit follows the value directly.</summary>
    public SyntaxToken? In { get; init; }

    /// <summary>
    /// A kernel's unit raised to a power, <c>in GeV^2</c>, <c>in eV^-1</c>: the tokens after <see cref="Unit"/> (the caret, an
    /// optional minus, the integer); empty without one. A dimensionless kernel is declared <c>in 1</c> (<see cref="Unit"/> is
    /// then the number 1).
    /// </summary>
    public IReadOnlyList<SyntaxToken> UnitPower { get; init; } = [];
}
