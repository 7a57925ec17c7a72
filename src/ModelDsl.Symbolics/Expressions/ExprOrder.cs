namespace ModelDsl.Symbolics.Expressions;

/// <summary>
/// The canonical total order: numbers first; otherwise by (base, exponent), so x &lt; x^2 &lt; y;
/// expressions that are not powers compare by kind (symbol, function, product, sum) and then children.
/// </summary>
internal static class ExprOrder
{
    public static int HashSequence(int seed, Expr[] items)
    {
        var h = new HashCode();
        h.Add(seed);
        foreach (var x in items) h.Add(x);
        return h.ToHashCode();
    }

    public static int Compare(Expr a, Expr b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is NumberExpr na)
            return b is NumberExpr nb ? CompareNumbers(na, nb) : -1;
        if (b is NumberExpr) return 1;
        if (a is PowerExpr || b is PowerExpr)
        {
            var (ba, ea) = Split(a);
            var (bb, eb) = Split(b);
            var c = Compare(ba, bb);
            return c != 0 ? c : Compare(ea, eb);
        }
        return CompareStructural(a, b);
    }

    private static (Expr Base, Expr Exponent) Split(Expr e) => e is PowerExpr p ? (p.Base, p.Exponent) : (e, Expr.One);

    private static int Rank(Expr e) => e switch
    {
        SymbolExpr => 1,
        FunctionExpr => 2,
        ProductExpr => 3,
        SumExpr => 4,
        _ => 5,
    };

    private static int CompareStructural(Expr a, Expr b)
    {
        var ra = Rank(a);
        var rb = Rank(b);
        if (ra != rb) return ra.CompareTo(rb);
        switch (a)
        {
            case SymbolExpr sa:
                var sb = (SymbolExpr)b;
                var c = string.CompareOrdinal(sa.Name, sb.Name);
                return c != 0 ? c : sb.IsReal.CompareTo(sa.IsReal);
            case FunctionExpr fa:
                var fb = (FunctionExpr)b;
                if (!ReferenceEquals(fa.Definition, fb.Definition))
                {
                    var da = fa.Definition;
                    var db = fb.Definition;
                    var byRank = da.CanonicalRank.CompareTo(db.CanonicalRank);
                    if (byRank != 0) return byRank;
                    var byName = string.CompareOrdinal(da.Name, db.Name);
                    return byName != 0 ? byName : da.Serial.CompareTo(db.Serial);
                }
                return CompareSequences(fa.Arguments, fb.Arguments);
            default:
                return CompareSequences(a.Children, b.Children);
        }
    }

    private static int CompareSequences(IReadOnlyList<Expr> xs, IReadOnlyList<Expr> ys)
    {
        // Compare from the last (highest-order) element, as mathnet-symbolics does, so that
        // sums and products with a leading number sort by their symbolic part.
        int i = xs.Count - 1, j = ys.Count - 1;
        for (; i >= 0 && j >= 0; i--, j--)
        {
            var c = Compare(xs[i], ys[j]);
            if (c != 0) return c;
        }
        return xs.Count.CompareTo(ys.Count);
    }

    private static int CompareNumbers(NumberExpr a, NumberExpr b)
    {
        for (var k = 0; k < 4; k++)
        {
            var c = a.Value[k].CompareTo(b.Value[k]);
            if (c != 0) return c;
        }
        return 0;
    }
}
