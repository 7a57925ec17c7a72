using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Model;

/// <summary>
/// <c>yukawa_matrix(A, B)</c> or <c>yukawa_matrix(A, B, S)</c>: the Yukawa matrix y[a,b] in the orientation L = -y[a,b] bar(A_a) S B_b + h.c.,
/// read from the model's Yukawa terms whichever way they are written (a term -Y[i,a] bar(N_i) H L_a + h.c. gives
/// yukawa_matrix(L, N) = Y^dagger). For the type-I seesaw, yukawa_matrix(L, N) is the h_{alpha i} of -h bar(l_alpha) H~ N_i
/// (Davidson, Nardi, Nir, Phys. Rept. 466 (2008) 105, eq. 2).
/// </summary>
public sealed class YukawaDerivation : IDerivation
{
    /// <inheritdoc/>
    public string Name => "yukawa_matrix";

    /// <inheritdoc/>
    public string Usage => "yukawa_matrix(A, B[, S])";

    /// <inheritdoc/>
    public string Description => "the Yukawa matrix y[a,b] of L = -y[a,b] bar(A_a) S B_b + h.c. (rows A, columns B)";

    /// <inheritdoc/>
    public DerivedQuantity? Derive(DerivationContext c)
    {
        if (!c.ArgumentCount(2, 3, Usage)) return null;
        if (c.Field(0, FieldKind.Fermion) is not { } a || c.Field(1, FieldKind.Fermion) is not { } b) return null;
        var scalar = c.Arguments.Count == 3 ? c.Field(2, FieldKind.Scalar) : null;
        if (c.Arguments.Count == 3 && scalar is null) return null;
        if (a.Name == b.Name)
        {
            c.Report($"yukawa_matrix couples two different fermions; the coupling of {a.Name} to itself is a Majorana term (majorana_mass({a.Name}) after the vevs).");
            return null;
        }
        var vertices = c.Vertices(b).Where(v => v.Partner.Field.Name == a.Name && v.Partner.Conjugated && (scalar is null || v.Scalar.Field.Name == scalar.Name)).ToList();
        if (vertices.Count == 0)
        {
            c.Report($"No Yukawa term couples bar({a.Name}) and {b.Name}{(scalar is null ? "" : $" through {scalar.Name}")}.");
            return null;
        }
        var scalars = vertices.Select(v => v.Scalar.Field.Name).Distinct().ToList();
        if (scalars.Count > 1)
        {
            c.Report($"bar({a.Name}) and {b.Name} couple to {string.Join(" and ", scalars)}: name the scalar, e.g. yukawa_matrix({a.Name}, {b.Name}, {scalars[0]}).");
            return null;
        }
        var y = new Expr[a.Generations, b.Generations];
        foreach (var v in vertices) y[v.Partner.Generation - 1, v.Generation - 1] = (y[v.Partner.Generation - 1, v.Generation - 1] ?? Expr.Zero) + v.Coupling;
        return new DerivedQuantity(ExprMatrix.Create(a.Generations, b.Generations, (i, j) => y[i, j] ?? Expr.Zero), IsVector: false);
    }
}
