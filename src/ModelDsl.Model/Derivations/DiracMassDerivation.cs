using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Model;

/// <summary>
/// <c>dirac_mass(A, B)</c>: the Dirac mass matrix after the vevs, L = -m[a,b] bar(A_a) B_b + h.c., from every Yukawa term
/// (and its h.c.) with bar(A_a) B_b and scalars that all have vevs, each scalar replaced by its vev (&lt;S&gt; = v/sqrt2 for a
/// complex scalar with <c>vev S -&gt; v</c>, v for a real one). For the type-I seesaw with -h bar(L) H~ N + h.c. and
/// <c>vev H -&gt; v</c>: m_D = h v/sqrt2 (v = 246 GeV), the neutral components' mass.
/// </summary>
public sealed class DiracMassDerivation : IDerivation
{
    /// <inheritdoc/>
    public string Name => "dirac_mass";

    /// <inheritdoc/>
    public string Usage => "dirac_mass(A, B)";

    /// <inheritdoc/>
    public string Description => "the Dirac mass m[a,b] of L = -m[a,b] bar(A_a) B_b + h.c. after the vevs (<S> = v/sqrt2 for a complex scalar)";

    /// <inheritdoc/>
    public DerivedQuantity? Derive(DerivationContext c) =>
        c.ArgumentCount(2, 2, Usage) && c.Field(0, FieldKind.Fermion) is { } a && c.Field(1, FieldKind.Fermion) is { } b
            ? Of(c, a, b) is { } m ? new DerivedQuantity(m, IsVector: false) : null
            : null;

    /// <summary>The Dirac mass matrix of bar(A) B (rows A, columns B), or null after reporting.</summary>
    internal static ExprMatrix? Of(DerivationContext c, FieldSpec a, FieldSpec b)
    {
        if (a.Name == b.Name)
        {
            c.Report($"A Dirac mass couples two different fermions; the mass of {a.Name} with itself is majorana_mass({a.Name}).");
            return null;
        }
        var m = new Expr[a.Generations, b.Generations];
        var coupled = false;
        var withoutVev = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var term in c.Terms.Where(t => t.Kind == TermKind.Yukawa))
            foreach (var comp in c.Components(term))
            {
                var fermions = comp.Parts.Where(p => p.Field.Kind == FieldKind.Fermion).ToList();
                if (fermions.Count != 2) continue;
                var bar = fermions.FirstOrDefault(p => p.Field.Name == a.Name && p.Conjugated);
                var plain = fermions.FirstOrDefault(p => p.Field.Name == b.Name && !p.Conjugated);
                if (bar.Field is null || plain.Field is null) continue;
                coupled = true;
                var scalars = comp.Parts.Where(p => p.Field.Kind == FieldKind.Scalar).ToList();
                if (c.ScalarsAtVevs(scalars) is not { } vevs)
                {
                    withoutVev.UnionWith(scalars.Where(p => c.Vev(p.Field) is null).Select(p => p.Field.Name));
                    continue;
                }
                m[bar.Generation - 1, plain.Generation - 1] = (m[bar.Generation - 1, plain.Generation - 1] ?? Expr.Zero) - comp.Coefficient * vevs;
            }
        if (!coupled) { c.Report($"No Yukawa term couples bar({a.Name}) and {b.Name}."); return null; }
        if (m.Cast<Expr?>().All(e => e is null))
        {
            var name = withoutVev.FirstOrDefault() ?? "S";
            c.Report($"The Yukawa terms that couple bar({a.Name}) and {b.Name} have no vev for {string.Join(" and ", withoutVev)}: declare it, e.g. vev {name} -> v.");
            return null;
        }
        return ExprMatrix.Create(a.Generations, b.Generations, (i, j) => m[i, j] ?? Expr.Zero);
    }
}
