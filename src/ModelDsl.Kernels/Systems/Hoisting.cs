using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Kernels.Systems;

/// <summary>
/// Replaces every largest sub-expression that depends on none of the <c>inner</c> symbols (the variable, the unknowns, the
/// tabulated integrals) by a symbol of its own, <c>hoist#k</c> (real when the sub-expression is). The right-hand sides
/// become small skeletons over these symbols: symbolic derivatives with respect to the inner symbols are taken of the
/// skeletons (the hoisted parts are constants for them), and each hoisted part is lowered once, at the parameter level.
/// </summary>
internal sealed class Hoisting(IReadOnlySet<SymbolExpr> inner)
{
    private readonly Dictionary<Expr, bool> _dependsMemo = [];
    private readonly Dictionary<Expr, SymbolExpr> _symbols = [];
    private readonly List<(SymbolExpr Symbol, Expr Value)> _hoisted = [];

    /// <summary>The hoisted parts with their symbols, in order.</summary>
    public IReadOnlyList<(SymbolExpr Symbol, Expr Value)> Hoisted => _hoisted;

    /// <summary>The skeleton of e.</summary>
    public Expr Hoist(Expr e)
    {
        if (!Depends(e)) return e is NumberExpr or SymbolExpr ? e : SymbolFor(e);
        if (e.Children.Count == 0) return e;
        return Rewriting.WithChildren(e, [.. e.Children.Select(Hoist)]);
    }

    private bool Depends(Expr e)
    {
        if (_dependsMemo.TryGetValue(e, out var d)) return d;
        d = e is SymbolExpr s ? inner.Contains(s) : e.Children.Any(Depends);
        _dependsMemo[e] = d;
        return d;
    }

    private SymbolExpr SymbolFor(Expr e)
    {
        if (_symbols.TryGetValue(e, out var s)) return s;
        var name = $"hoist#{_hoisted.Count + 1}";
        s = e.IsRealValued ? Expr.Real(name) : Expr.Complex(name);
        _symbols[e] = s;
        _hoisted.Add((s, e));
        return s;
    }
}
