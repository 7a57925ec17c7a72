using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Algebra;

/// <summary>
/// Distributes products over sums and expands positive integer powers of sums. Bounded: powers of
/// sums above <see cref="MaxExpandedPower"/> are kept as powers, and an expansion that would multiply
/// out more than <see cref="MaxTerms"/> term pairs stops with <see cref="ExpressionTooLargeException"/>
/// (<see cref="TryExpand"/> returns the reason instead), so no input exhausts time, memory or stack.
/// </summary>
public static class Expansion
{
    /// <summary>
    /// Powers of sums above this are left unexpanded; below it, the term bound <see cref="MaxTerms"/> decides (a binomial
    /// such as (H'H - v2)^70 has 71 terms and is expanded; a sum of three terms to the 1000th would exceed the bound).
    /// </summary>
    public const int MaxExpandedPower = 1000;

    /// <summary>The most term pairs one product of sums may multiply out (and so the most terms of a result).</summary>
    public const int MaxTerms = 200_000;

    /// <summary>The fully expanded form (denominators and function arguments are expanded too, not combined);
    /// powers of sums up to <see cref="MaxExpandedPower"/>. Throws <see cref="ExpressionTooLargeException"/>
    /// when a product of sums exceeds <see cref="MaxTerms"/> term pairs.</summary>
    public static Expr Expand(Expr e)
    {
        switch (e)
        {
            case NumberExpr or SymbolExpr:
                return e;
            case SumExpr s:
                return Expr.Add(s.Terms.Select(Expand));
            case ProductExpr p:
                return p.Factors.Select(Expand).Aggregate(Expr.One, MultiplyOut);
            case PowerExpr pw:
                var b = Expand(pw.Base);
                var x = Expand(pw.Exponent);
                if (b is SumExpr && IsExpandablePower(x))
                    return PowerOut(b, (int)((NumberExpr)x).Value.AsRational.Numerator);
                return Expr.Pow(b, x);
            case FunctionExpr f:
                return Expr.Apply(f.Definition, f.Arguments.Select(Expand).ToArray());
            default:
                throw new InvalidOperationException("Unknown node " + e.GetType().Name);
        }
    }

    /// <summary>The expanded form, or false with the reason when it would be larger than <see cref="MaxTerms"/>.</summary>
    public static bool TryExpand(Expr e, out Expr expanded, out string? error)
    {
        try
        {
            expanded = Expand(e);
            error = null;
            return true;
        }
        catch (ExpressionTooLargeException ex)
        {
            expanded = e;
            error = ex.Message;
            return false;
        }
    }

    private static bool IsExpandablePower(Expr exponent) =>
        exponent is NumberExpr { Value.IsInteger: true } n && n.Value.AsRational.Sign > 0 && n.Value.AsRational.Numerator <= MaxExpandedPower;

    /// <summary>The product of two expanded expressions, expanded.</summary>
    public static Expr MultiplyOut(Expr a, Expr b)
    {
        var ta = a is SumExpr sa ? sa.Terms : [a];
        var tb = b is SumExpr sb ? sb.Terms : [b];
        if ((long)ta.Count * tb.Count > MaxTerms)
            throw new ExpressionTooLargeException(
                $"Expanding a product of a sum of {ta.Count} terms and a sum of {tb.Count} terms would give more than {MaxTerms} terms.");
        var terms = new List<Expr>(ta.Count * tb.Count);
        foreach (var x in ta)
            foreach (var y in tb)
            {
                var t = Expr.Multiply(x, y);
                // Merging bases can re-form a sum, e.g. (x+y)^(1/2) (x+y)^(3/2) = (x+y)^2.
                terms.Add(HasExpandableSum(t) ? Expand(t) : t);
            }
        return Expr.Add(terms);
    }

    // Only what Expand would change: a power of a sum that is kept (exponent above MaxExpandedPower)
    // must not send the product back to Expand, which would multiply it out again, forever.
    private static bool HasExpandableSum(Expr t) => t switch
    {
        SumExpr => true,
        PowerExpr { Base: SumExpr } p => IsExpandablePower(p.Exponent),
        ProductExpr p => p.Factors.Any(HasExpandableSum),
        _ => false,
    };

    /// <summary>b^n by repeated multiplication with b, so that each step stays within the size of the result.</summary>
    private static Expr PowerOut(Expr b, int n)
    {
        // (t_1 + ... + t_m)^n has at most C(n + m - 1, m - 1) terms: refuse at once rather than after the work
        var m = ((SumExpr)b).Terms.Count;
        double bound = 1;
        for (var k = 1; k < m && bound <= MaxTerms; k++) bound = bound * (n + k) / k;
        if (bound > MaxTerms)
            throw new ExpressionTooLargeException($"Expanding a sum of {m} terms to the power {n} would give more than {MaxTerms} terms.");
        var result = b;
        for (var k = 1; k < n; k++) result = MultiplyOut(result, b);
        return result;
    }
}
