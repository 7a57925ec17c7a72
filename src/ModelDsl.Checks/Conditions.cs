using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Checks;

/// <summary>Turns an exact residual (an anomaly coefficient, a charge sum) into a verdict.</summary>
public static class Conditions
{
    /// <summary>
    /// Holds when the value is identically zero; Fails when it is a non-zero number; otherwise
    /// HoldsIff(value = 0), with the condition simplified: a monomial c x^a y^b becomes x y,
    /// a polynomial is divided by its leading coefficient.
    /// </summary>
    public static Verdict FromResidual(Expr value, string name)
    {
        var expanded = Expansion.Expand(value);
        if (ZeroTest.IsZero(expanded)) return Holds.Instance;
        if (expanded.Symbols().Count == 0) return new Fails($"{name} = {expanded}");
        return new HoldsIff([Simplify(expanded)]);
    }

    /// <summary>The simplest expression with the same zero set (for the cases above).</summary>
    public static Expr Simplify(Expr p)
    {
        if (p is not SumExpr sum)
        {
            var factors = p is ProductExpr pr ? pr.Factors : [p];
            var bases = factors.Where(f => f is not NumberExpr).Select(f => f is PowerExpr { Exponent: NumberExpr { Value.IsInteger: true } n } pw && n.Value.AsRational.Sign > 0 ? pw.Base : f);
            return Expr.Multiply(bases.Distinct());
        }
        var last = sum.Terms[^1];
        var lead = last is ProductExpr { Factors: [NumberExpr c, ..] } ? c.Value : Cyclotomic.One;
        return Expansion.Expand(Expr.Multiply(Expr.Number(lead.Reciprocal()), p));
    }
}
