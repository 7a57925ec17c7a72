using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Algebra;

/// <summary>Structural rewriting: rebuild a node from new children, substitution, bottom-up maps.</summary>
public static class Rewriting
{
    /// <summary>Rebuilds a node of the same kind from new children through the smart constructors.</summary>
    public static Expr WithChildren(Expr e, IReadOnlyList<Expr> children) => e switch
    {
        NumberExpr or SymbolExpr => e,
        SumExpr => Expr.Add(children),
        ProductExpr => Expr.Multiply(children),
        PowerExpr => Expr.Pow(children[0], children[1]),
        FunctionExpr f => Expr.Apply(f.Definition, children.ToArray()),
        _ => throw new InvalidOperationException("Unknown node " + e.GetType().Name),
    };

    /// <summary>Applies <paramref name="rewrite"/> to every node, children first, rebuilding canonically.</summary>
    public static Expr MapBottomUp(Expr e, Func<Expr, Expr> rewrite)
    {
        if (e.Children.Count == 0) return rewrite(e);
        var children = e.Children.Select(c => MapBottomUp(c, rewrite)).ToArray();
        var changed = false;
        for (var k = 0; k < children.Length; k++)
            if (!ReferenceEquals(children[k], e.Children[k])) { changed = true; break; }
        return rewrite(changed ? WithChildren(e, children) : e);
    }

    /// <summary>
    /// Replaces every occurrence of a key (a symbol, or any sub-expression) by its value and
    /// re-canonicalises. Substituting a complex symbol z also turns conj(z) into conj(value).
    /// </summary>
    public static Expr Substitute(Expr e, IReadOnlyDictionary<Expr, Expr> map)
    {
        if (map.TryGetValue(e, out var v)) return v;
        if (e.Children.Count == 0) return e;
        var children = e.Children.Select(c => Substitute(c, map)).ToArray();
        return WithChildren(e, children);
    }

    /// <summary>Substitutes a single symbol or sub-expression.</summary>
    public static Expr Substitute(Expr e, Expr key, Expr value) =>
        Substitute(e, new Dictionary<Expr, Expr> { [key] = value });
}
