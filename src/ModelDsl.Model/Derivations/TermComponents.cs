using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Model;

/// <summary>
/// A Lagrangian term written out over the generations: every free index takes each of its values
/// (<c>Ye[i,j]*bar(L[i])*H*eR[j]</c> becomes the nine <c>Ye[1,1]*conj(L[1])*H*eR[1]</c>, ...), and equal
/// products of field components are collected with the sum of their coefficients. The term is then a polynomial
/// in field components, which is what a symmetry acting on generations transforms.
/// </summary>
public static class TermComponents
{
    /// <summary>One field component: field, generation (1-based), conjugated or not.</summary>
    public readonly record struct Part(FieldSpec Field, int Generation, bool Conjugated)
    {
        public override string ToString()
        {
            var name = Field.Generations > 1 ? $"{Field.Name}[{Generation}]" : Field.Name;
            return Conjugated ? $"conj({name})" : name;
        }
    }

    /// <summary>A product of field components (sorted) and its coefficient.</summary>
    public sealed record Component(Expr Coefficient, IReadOnlyList<Part> Parts)
    {
        /// <summary>The product as text, e.g. <c>conj(L[1])*H*eR[2]</c>; also the key that collects equal products.</summary>
        public string Fields => string.Join("*", Parts);
    }

    /// <summary>
    /// The term's components, equal field products collected (coefficients expanded), in first-seen order. A texture coupling's
    /// entries are its exact expressions (<c>h0[1,2]</c> becomes <c>a*omega</c>); a parameter's and a let's stay symbols, so a
    /// let (numbers per point only) is a general matrix here.
    /// </summary>
    public static IReadOnlyList<Component> Expand(ModelSpec spec, TermSpec term) =>
        Expand(term, name => spec.Textures.First(t => t.Name == name).Matrix);

    /// <summary>
    /// The term's components as in <see cref="Expand(ModelSpec, TermSpec)"/>, with the texture couplings' matrices looked up by
    /// <paramref name="texture"/> (the binder's textures so far, for quantities derived while binding).
    /// </summary>
    public static IReadOnlyList<Component> Expand(TermSpec term, Func<string, ExprMatrix> texture)
    {
        Expr Entry(SymbolExpr s)
        {
            var coupling = term.Couplings.FirstOrDefault(c => c.Kind == CouplingKind.Texture && c.Name == s.Name[..s.Name.IndexOf('[')]);
            var parts = Indices(s.Name);
            if (coupling is null || !parts.All(IsNumber)) return s;
            var matrix = texture(coupling.Name);
            var at = parts.Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture) - 1).ToArray();
            return matrix[at[0], at.Length > 1 ? at[1] : 0];
        }
        var collected = new Dictionary<string, Component>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var m in term.Monomials)
        {
            var ranges = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var o in m.Fields.Where(o => o.Index is { } i && !IsNumber(i))) ranges[o.Index!] = o.Field.Generations;
            foreach (var s in m.Coefficient.Symbols().Where(s => s.Name.Contains('[')))
            {
                var c = term.Couplings.FirstOrDefault(c => c.Name == s.Name[..s.Name.IndexOf('[')]);
                int[] dimensions = c is null ? [] : c.Columns == 0 ? [c.Rows] : [c.Rows, c.Columns];
                var parts = Indices(s.Name);
                for (var k = 0; k < parts.Length; k++)
                    if (!IsNumber(parts[k]) && k < dimensions.Length) ranges.TryAdd(parts[k], dimensions[k]);
            }
            foreach (var values in Assignments([.. ranges]))
            {
                var coefficient = Rewriting.MapBottomUp(m.Coefficient, e => e is SymbolExpr s && s.Name.Contains('[') ? Entry(Renamed(s, values)) : e);
                var parts = m.Fields.Select(o => new Part(o.Field, o.Index is null ? 1 : IsNumber(o.Index) ? int.Parse(o.Index, System.Globalization.CultureInfo.InvariantCulture) : values[o.Index], o.Conjugated))
                    .OrderBy(p => p.Field.Name, StringComparer.Ordinal).ThenBy(p => p.Generation).ThenBy(p => p.Conjugated).ToList();
                var c = new Component(coefficient, parts);
                if (collected.TryGetValue(c.Fields, out var earlier)) collected[c.Fields] = earlier with { Coefficient = earlier.Coefficient + coefficient };
                else { collected[c.Fields] = c; order.Add(c.Fields); }
            }
        }
        return order.Select(k => collected[k] with { Coefficient = Expansion.Expand(collected[k].Coefficient) }).ToList();
    }

    /// <summary>
    /// The components after the Z(N) generator <paramref name="g"/> acts once: each component F_k becomes
    /// sum_l G[k,l] F_l (conjugated: conj(G[k,l]) conj(F_l)), G the field's generator matrix (diag(zeta^q) for charges).
    /// </summary>
    public static IReadOnlyList<Component> Transform(IReadOnlyList<Component> term, GroupSpec g)
    {
        var collected = new Dictionary<string, Component>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var c in term)
        {
            IEnumerable<(Cyclotomic Factor, List<Part> Parts)> images = [(Cyclotomic.One, [])];
            foreach (var p in c.Parts)
            {
                var m = p.Field.GeneratorMatrix(g)!;
                var row = Enumerable.Range(0, m.Columns)
                    .Select(l => (Value: ((NumberExpr)m[p.Generation - 1, l]).Value, Part: p with { Generation = l + 1 }))
                    .Where(x => !x.Value.IsZero).Select(x => (Value: p.Conjugated ? x.Value.Conjugate() : x.Value, x.Part)).ToList();
                images = images.SelectMany(i => row.Select(r => (i.Factor * r.Value, new List<Part>(i.Parts) { r.Part }))).ToList();
            }
            foreach (var (factor, parts) in images)
            {
                var image = new Component(Expr.Number(factor) * c.Coefficient,
                    parts.OrderBy(p => p.Field.Name, StringComparer.Ordinal).ThenBy(p => p.Generation).ThenBy(p => p.Conjugated).ToList());
                if (collected.TryGetValue(image.Fields, out var earlier)) collected[image.Fields] = earlier with { Coefficient = earlier.Coefficient + image.Coefficient };
                else { collected[image.Fields] = image; order.Add(image.Fields); }
            }
        }
        return order.Select(k => collected[k] with { Coefficient = Expansion.Expand(collected[k].Coefficient) }).ToList();
    }

    /// <summary>
    /// The components of the term's Hermitian conjugate: each coefficient conjugated and each field component conjugated
    /// (the <c>+ h.c.</c> of a Yukawa or Majorana term).
    /// </summary>
    public static IReadOnlyList<Component> Conjugate(IReadOnlyList<Component> term) =>
        term.Select(c => new Component(Expr.Conj(c.Coefficient),
            c.Parts.Select(p => p with { Conjugated = !p.Conjugated })
                .OrderBy(p => p.Field.Name, StringComparer.Ordinal).ThenBy(p => p.Generation).ThenBy(p => p.Conjugated).ToList())).ToList();

    private static bool IsNumber(string index) => index.All(char.IsAsciiDigit);

    private static string[] Indices(string name) => name[(name.IndexOf('[') + 1)..^1].Split(',');

    private static SymbolExpr Renamed(SymbolExpr s, IReadOnlyDictionary<string, int> values)
    {
        var parts = Indices(s.Name).Select(i => values.TryGetValue(i, out var v) ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : i);
        var name = $"{s.Name[..s.Name.IndexOf('[')]}[{string.Join(",", parts)}]";
        return s.IsReal ? Expr.Real(name) : Expr.Complex(name);
    }

    private static IEnumerable<Dictionary<string, int>> Assignments(KeyValuePair<string, int>[] ranges)
    {
        IEnumerable<Dictionary<string, int>> result = [new Dictionary<string, int>(StringComparer.Ordinal)];
        foreach (var (index, range) in ranges)
            result = result.SelectMany(a => Enumerable.Range(1, range).Select(v => new Dictionary<string, int>(a, StringComparer.Ordinal) { [index] = v })).ToList();
        return result;
    }
}
