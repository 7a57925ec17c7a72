using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Algebra;

/// <summary>
/// The verdict of <see cref="ZeroTest.Test"/>: zero, or not zero with the non-vanishing
/// expanded numerator as the witness.
/// </summary>
public sealed record ZeroTestResult(bool IsZero, Expr Numerator, Expr Denominator)
{
    /// <summary>The non-vanishing remainder (the expanded numerator); 0 when the expression is zero.</summary>
    public Expr Witness => Numerator;

    /// <summary>True when the denominator itself vanishes identically (the expression is undefined).</summary>
    public bool DenominatorVanishes => Denominator.IsZero;
}
