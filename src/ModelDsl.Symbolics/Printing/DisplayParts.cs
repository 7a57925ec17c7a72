using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Printing;

/// <summary>
/// The display decomposition shared by the infix and LaTeX printers (one display model
/// behind every printer, as in mathnet-symbolics <c>Visual</c>): sums as signed terms,
/// products as sign * numerator / denominator.
/// </summary>
internal static class DisplayParts
{
    /// <summary>A term of a sum: whether it is shown with a minus sign, and its magnitude.</summary>
    public static (bool Negative, Expr Magnitude) SignedTerm(Expr term)
    {
        var (c, rest) = Canonical.SplitCoefficient(term);
        return IsNegative(c) ? (true, Expr.Multiply(Expr.Number(-c), rest)) : (false, term);
    }

    /// <summary>Sum terms in display order: symbolic terms first, the number last.</summary>
    public static IEnumerable<Expr> SumOrder(SumExpr s) =>
        s.Terms.Where(t => t is not NumberExpr).Concat(s.Terms.Where(t => t is NumberExpr));

    /// <summary>True when a number is shown as one negative term (so a sum prints it after " - ").</summary>
    public static bool IsNegative(Cyclotomic c) => c.DisplayTerms() is [var only] && only.Coefficient.Sign < 0;

    /// <summary>Number of terms a number is shown with.</summary>
    public static int PartCount(Cyclotomic c) => c.DisplayTerms().Count;

    /// <summary>
    /// Splits a product (or a lone power with negative exponent) into sign, an exact
    /// coefficient (positive rational parts go to numerator/denominator, other numbers stay
    /// in front), numerator factors and denominator factors (with positive exponents).
    /// </summary>
    public static ProductDisplay Product(Expr e)
    {
        var factors = e is ProductExpr p ? p.Factors : [e];
        var negative = false;
        Cyclotomic? front = null;
        var num = new List<Expr>();
        var den = new List<Expr>();
        Rational? numCoeff = null, denCoeff = null;
        foreach (var f in factors)
        {
            if (f is NumberExpr n)
            {
                var c = n.Value;
                if (c.IsRational)
                {
                    var r = c.AsRational;
                    if (r.Sign < 0) { negative = true; r = -r; }
                    if (!r.Numerator.IsOne) numCoeff = Rational.FromInteger(r.Numerator);
                    if (!r.Denominator.IsOne) denCoeff = Rational.FromInteger(r.Denominator);
                }
                else if (IsNegative(c)) { negative = true; front = -c; }
                else front = c;
                continue;
            }
            if (f is PowerExpr { Exponent: NumberExpr { Value.IsRational: true } ex } pw && ex.Value.AsRational.Sign < 0)
                den.Add(Expr.Pow(pw.Base, Expr.Number(-ex.Value.AsRational)));
            else
                num.Add(f);
        }
        return new ProductDisplay(negative, front, numCoeff, num, denCoeff, den);
    }
}

/// <summary>sign * front * numCoeff * num / (denCoeff * den).</summary>
internal sealed record ProductDisplay(
    bool Negative, Cyclotomic? Front, Rational? NumeratorCoefficient, List<Expr> Numerator,
    Rational? DenominatorCoefficient, List<Expr> Denominator)
{
    public bool HasDenominator => DenominatorCoefficient is not null || Denominator.Count > 0;
}
