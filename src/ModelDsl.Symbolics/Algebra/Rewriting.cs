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

    /// <summary>
    /// Applies <paramref name="rewrite"/> to every node, children first, rebuilding canonically. A sub-expression shared by
    /// several parents is mapped once (<paramref name="rewrite"/> must give the same result for the same node).
    /// </summary>
    public static Expr MapBottomUp(Expr e, Func<Expr, Expr> rewrite) =>
        MapBottomUp(e, rewrite, new Dictionary<Expr, Expr>(ReferenceEqualityComparer.Instance));

    private static Expr MapBottomUp(Expr e, Func<Expr, Expr> rewrite, Dictionary<Expr, Expr> done)
    {
        if (e.Children.Count == 0) return rewrite(e);
        if (done.TryGetValue(e, out var result)) return result;
        var children = new Expr[e.Children.Count];
        var changed = false;
        for (var k = 0; k < children.Length; k++)
        {
            children[k] = MapBottomUp(e.Children[k], rewrite, done);
            changed |= !ReferenceEquals(children[k], e.Children[k]);
        }
        return done[e] = rewrite(changed ? WithChildren(e, children) : e);
    }

    /// <summary>
    /// Replaces every occurrence of a key (a symbol, or any sub-expression) by its value and
    /// re-canonicalises. Substituting a complex symbol z also turns conj(z) into conj(value).
    /// </summary>
    public static Expr Substitute(Expr e, IReadOnlyDictionary<Expr, Expr> map) =>
        Substitute(e, map, new Dictionary<Expr, Expr>(ReferenceEqualityComparer.Instance));

    /// <summary>
    /// <see cref="Substitute(Expr, IReadOnlyDictionary{Expr, Expr})"/> with a memo of the nodes done (a shared sub-expression
    /// is substituted once); a node none of whose children changes is kept as it is (it is canonical already).
    /// </summary>
    private static Expr Substitute(Expr e, IReadOnlyDictionary<Expr, Expr> map, Dictionary<Expr, Expr> done)
    {
        if (map.TryGetValue(e, out var v)) return v;
        if (e.Children.Count == 0) return e;
        if (done.TryGetValue(e, out var result)) return result;
        var children = new Expr[e.Children.Count];
        var changed = false;
        for (var k = 0; k < children.Length; k++)
        {
            children[k] = Substitute(e.Children[k], map, done);
            changed |= !ReferenceEquals(children[k], e.Children[k]);
        }
        return done[e] = changed ? WithChildren(e, children) : e;
    }

    /// <summary>Substitutes a single symbol or sub-expression.</summary>
    public static Expr Substitute(Expr e, Expr key, Expr value) =>
        Substitute(e, new Dictionary<Expr, Expr> { [key] = value });
}
