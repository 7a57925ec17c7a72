using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Algebra;

/// <summary>Distributes products over sums and expands positive integer powers of sums.</summary>
public static class Expansion
{
    /// <summary>Powers of sums above this are left unexpanded (an expansion that large is never useful).</summary>
    public const int MaxExpandedPower = 64;

    /// <summary>The fully expanded form (denominators and function arguments are expanded too, not combined);
    /// powers of sums up to <see cref="MaxExpandedPower"/>.</summary>
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
                if (b is SumExpr && x is NumberExpr { Value.IsInteger: true } n && n.Value.AsRational.Sign > 0 && n.Value.AsRational.Numerator <= MaxExpandedPower)
                    return PowerOut(b, (int)n.Value.AsRational.Numerator);
                return Expr.Pow(b, x);
            case FunctionExpr f:
                return Expr.Apply(f.Definition, f.Arguments.Select(Expand).ToArray());
            default:
                throw new InvalidOperationException("Unknown node " + e.GetType().Name);
        }
    }

    /// <summary>The product of two expanded expressions, expanded.</summary>
    public static Expr MultiplyOut(Expr a, Expr b)
    {
        var ta = a is SumExpr sa ? sa.Terms : [a];
        var tb = b is SumExpr sb ? sb.Terms : [b];
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

    private static bool HasExpandableSum(Expr t) => t switch
    {
        SumExpr => true,
        PowerExpr { Base: SumExpr, Exponent: NumberExpr { Value.IsInteger: true } n } => n.Value.AsRational.Sign > 0,
        ProductExpr p => p.Factors.Any(HasExpandableSum),
        _ => false,
    };

    private static Expr PowerOut(Expr b, int n)
    {
        var result = Expr.One;
        var square = b;
        while (n > 0)
        {
            if ((n & 1) == 1) result = MultiplyOut(result, square);
            n >>= 1;
            if (n > 0) square = MultiplyOut(square, square);
        }
        return result;
    }
}
