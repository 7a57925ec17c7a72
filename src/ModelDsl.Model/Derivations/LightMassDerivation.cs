using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Model;

/// <summary>
/// <c>light_mass(L, N)</c>: the type-I seesaw light-neutrino mass matrix m_nu = -m_D M^-1 m_D^T, L = -1/2 m_nu[a,b] nu_a nu_b + h.c.,
/// with m_D = dirac_mass(L, N) and M = majorana_mass(N) (leading order in m_D/M; Minkowski 1977; Mohapatra, Senjanovic,
/// PRL 44 (1980) 912; the sign as in Davidson, Nardi, Nir, Phys. Rept. 466 (2008) 105, eq. 3). With m_D = (v/sqrt2) Y^dagger
/// of Yukawas Y[i,a] from the project's Casas-Ibarra parameterisation, which makes m_D M^-1 m_D^T = U diag(m) U^T
/// (the <c>seesaw_mass</c> builtin; U the <c>pmns</c> builtin's matrix), m_nu = -U diag(m) U^T: the overall sign is a rephasing
/// of every nu_a by i.
/// </summary>
public sealed class LightMassDerivation : IDerivation
{
    /// <inheritdoc/>
    public string Name => "light_mass";

    /// <inheritdoc/>
    public string Usage => "light_mass(L, N)";

    /// <inheritdoc/>
    public string Description => "the seesaw light-neutrino mass m_nu = -m_D M^-1 m_D^T, m_D = dirac_mass(L, N), M = majorana_mass(N)";

    /// <inheritdoc/>
    public DerivedQuantity? Derive(DerivationContext c)
    {
        if (!c.ArgumentCount(2, 2, Usage) || c.Field(0, FieldKind.Fermion) is not { } l || c.Field(1, FieldKind.Fermion) is not { } n) return null;
        if (DiracMassDerivation.Of(c, l, n) is not { } mD || MajoranaMassDerivation.Of(c, n, report: true) is not { } m) return null;
        var inverse = IsDiagonal(m)
            ? Enumerable.Range(0, m.Rows).Any(k => m[k, k].IsZero) ? null : ExprMatrix.Diagonal(Enumerable.Range(0, m.Rows).Select(k => Expr.Pow(m[k, k], -1)).ToArray())
            : m.TryInverse();
        if (inverse is null)
        {
            c.Report($"The Majorana mass matrix of {n.Name} is singular (its determinant is identically zero): the seesaw needs M^-1.");
            return null;
        }
        return new DerivedQuantity((mD * inverse * mD.Transpose()).Map(e => -e), IsVector: false);
    }

    /// <summary>True when every off-diagonal entry is exactly zero.</summary>
    internal static bool IsDiagonal(ExprMatrix m) =>
        Enumerable.Range(0, m.Rows).All(i => Enumerable.Range(0, m.Columns).All(j => i == j || m[i, j].IsZero));
}
