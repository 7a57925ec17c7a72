using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Model;

/// <summary>
/// <c>majorana_mass(N)</c>: the symmetric Majorana mass matrix after the vevs, L = -1/2 M[i,j] N_i N_j + h.c., from every
/// Majorana term whose scalars (if any) have vevs: a written -1/2 M_ii N_i N_i gives M_ii, the two orders of N_i N_j
/// (i != j) together give M_ij. A term -1/2 y phi N N with <c>vev phi -&gt; w</c> gives M = y w/sqrt2.
/// </summary>
public sealed class MajoranaMassDerivation : IDerivation
{
    /// <inheritdoc/>
    public string Name => "majorana_mass";

    /// <inheritdoc/>
    public string Usage => "majorana_mass(N)";

    /// <inheritdoc/>
    public string Description => "the Majorana mass M[i,j] of L = -1/2 M[i,j] N_i N_j + h.c. after the vevs (symmetric)";

    /// <inheritdoc/>
    public DerivedQuantity? Derive(DerivationContext c) =>
        c.ArgumentCount(1, 1, Usage) && c.Field(0, FieldKind.Fermion) is { } n
            ? Of(c, n, report: true) is { } m ? new DerivedQuantity(m, IsVector: false) : null
            : null;

    /// <summary>The Majorana mass matrix of <paramref name="n"/>, or null (reported when <paramref name="report"/>) without a mass term.</summary>
    internal static ExprMatrix? Of(DerivationContext c, FieldSpec n, bool report)
    {
        var m = new Expr[n.Generations, n.Generations];
        var found = false;
        foreach (var term in c.Terms.Where(t => t.Kind == TermKind.Majorana))
            foreach (var comp in c.Components(term))
            {
                var fermions = comp.Parts.Where(p => p.Field.Kind == FieldKind.Fermion).ToList();
                if (fermions.Count != 2 || fermions.Any(p => p.Field.Name != n.Name || p.Conjugated)) continue;
                if (c.ScalarsAtVevs(comp.Parts.Where(p => p.Field.Kind == FieldKind.Scalar)) is not { } vevs) continue;
                found = true;
                var (i, j) = (fermions[0].Generation - 1, fermions[1].Generation - 1);
                var mass = (i == j ? -2 : -1) * comp.Coefficient * vevs;
                m[i, j] = (m[i, j] ?? Expr.Zero) + mass;
                if (i != j) m[j, i] = (m[j, i] ?? Expr.Zero) + mass;
            }
        if (!found)
        {
            if (report) c.Report($"No Majorana term gives {n.Name} a mass (a term -1/2*M*{n.Name}*{n.Name}, or one with a scalar that has a vev).");
            return null;
        }
        return ExprMatrix.Create(n.Generations, n.Generations, (i, j) => m[i, j] ?? Expr.Zero);
    }
}
