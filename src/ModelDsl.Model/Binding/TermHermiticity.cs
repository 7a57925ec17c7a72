using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Functions;

namespace ModelDsl.Model;

/// <summary>
/// Whether a potential term equals its complex conjugate (a Lagrangian is Hermitian), tested exactly on the expanded
/// polynomial. Sufficient up to two equivalences that the binder knows: a renaming of the term's summed indices (its
/// indices are contracted in pairs, so <c>lam[i,j]*conj(S[i])*S[j]</c> may come back as the same term with i and j
/// exchanged), and the <c>hermitian</c> flag of a matrix parameter (conj(P[a,b]) = P[b,a]). A term with more than five
/// index names is not tested (120 renamings; such a term is taken as Hermitian).
/// </summary>
internal static class TermHermiticity
{
    private const int MaxIndexNames = 5;

    /// <summary>True when conj(<paramref name="expr"/>) equals it up to the equivalences above.</summary>
    public static bool IsHermitian(Expr expr, IReadOnlyDictionary<string, ParameterSpec> parameters, IReadOnlyList<string> indices)
    {
        if (indices.Count > MaxIndexNames) return true;
        if (!Expansion.TryExpand(RationalForm.Normalize(expr), out var e, out _)) return true; // too large: reported by the binder
        var conjugate = Rewriting.MapBottomUp(Expr.Conj(e), n => HermitianEntry(n, parameters));
        foreach (var renaming in Permutations(indices))
            if ((e - Rename(conjugate, indices, renaming)).IsZero) return true;
        return false;
    }

    /// <summary>conj(P[a,b]) = P[b,a] for a parameter declared <c>hermitian</c>.</summary>
    private static Expr HermitianEntry(Expr node, IReadOnlyDictionary<string, ParameterSpec> parameters)
    {
        if (node is not FunctionExpr { Argument: SymbolExpr s } f || f.Definition != ConjFunction.Instance) return node;
        var (name, parts) = Split(s.Name);
        return parts.Length == 2 && parameters.TryGetValue(name, out var p) && p.IsHermitian ? Expr.Complex($"{name}[{parts[1]},{parts[0]}]") : node;
    }

    private static (string Name, string[] Parts) Split(string symbol)
    {
        var bracket = symbol.IndexOf('[');
        return bracket < 0 || !symbol.EndsWith(']') ? (symbol, []) : (symbol[..bracket], symbol[(bracket + 1)..^1].Split(','));
    }

    private static Expr Rename(Expr e, IReadOnlyList<string> from, IReadOnlyList<string> to) => Rewriting.MapBottomUp(e, n =>
    {
        if (n is not SymbolExpr s) return n;
        var (name, parts) = Split(s.Name);
        if (parts.Length == 0) return n;
        var renamed = $"{name}[{string.Join(",", parts.Select(x => IndexIn(from, x) is var k and >= 0 ? to[k] : x))}]";
        return renamed == s.Name ? n : s.IsReal ? Expr.Real(renamed) : Expr.Complex(renamed);
    });

    private static int IndexIn(IReadOnlyList<string> list, string x)
    {
        for (var k = 0; k < list.Count; k++) if (list[k] == x) return k;
        return -1;
    }

    private static IEnumerable<IReadOnlyList<string>> Permutations(IReadOnlyList<string> items)
    {
        if (items.Count <= 1) { yield return items; yield break; }
        for (var k = 0; k < items.Count; k++)
            foreach (var rest in Permutations([.. items.Take(k), .. items.Skip(k + 1)]))
                yield return [items[k], .. rest];
    }
}
