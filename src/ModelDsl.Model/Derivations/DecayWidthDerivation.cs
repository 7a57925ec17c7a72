using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Functions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Model;

/// <summary>
/// <c>decay_width(N)</c>: the tree-level two-body width Gamma_i of each state of a Majorana fermion N (in its mass basis: a
/// diagonal <c>majorana_mass(N)</c>, M_i = |M_ii|) into the channels its Yukawa terms open, summed over both CP channels
/// (N_i -&gt; f s and N_i -&gt; f-bar s*, equal at tree level): for each coupling L = -y N_i f s + h.c. (<see cref="DerivationContext.Vertices"/>; the
/// couplings of one operator from several terms added first),
/// Gamma_i += 2 mult |y|^2 M_i/(32 pi) (1 + r_f - r_s) lambda^(1/2)(1, r_f, r_s), with r = m^2/M_i^2, lambda the Kallen function
/// and mult the gauge multiplicity (<see cref="DerivationContext.Multiplicity"/>); a Weyl fermion to a Weyl fermion and a
/// scalar. The daughter fermion's mass is its Majorana mass when it has one (threshold: the channel is closed for
/// m_f &gt;= M_i; the scalar must then be complex, so that f s and f s* are distinct final states and the factor is 1 - r_f^2
/// exactly; with a real scalar the two amplitudes interfere through the Majorana phases, which is reported), scalars are massless (the unbroken phase, as in thermal leptogenesis). For -h bar(L) H~ N + h.c. this
/// is Gamma_i = M_i (h^dagger h)_ii/(8 pi) (Buchmuller, Di Bari, Plumacher, Annals Phys. 315 (2005) 305 [hep-ph/0401240];
/// Davidson, Nardi, Nir, Phys. Rept. 466 (2008) 105 [0802.2962]). Decays of one state of N into another (a Majorana pair
/// with a scalar) are not included.
/// </summary>
public sealed class DecayWidthDerivation : IDerivation
{
    /// <inheritdoc/>
    public string Name => "decay_width";

    /// <inheritdoc/>
    public string Usage => "decay_width(N)";

    /// <inheritdoc/>
    public string Description => "the tree-level two-body widths Gamma_i of the Majorana states N_i, both CP channels (GeV; M_i (h^dagger h)_ii/(8 pi) for N -> L H)";

    /// <inheritdoc/>
    public DerivedQuantity? Derive(DerivationContext c)
    {
        if (!c.ArgumentCount(1, 1, Usage) || c.Field(0, FieldKind.Fermion) is not { } n) return null;
        if (MajoranaMassDerivation.Of(c, n, report: false) is not { } m)
        {
            c.Report($"decay_width derives the widths of a Majorana fermion; {n.Name} has no Majorana mass term.");
            return null;
        }
        if (!LightMassDerivation.IsDiagonal(m))
        {
            c.Report($"The Majorana mass matrix of {n.Name} has off-diagonal entries: decay_width needs {n.Name} in its mass basis (a diagonal mass term, -1/2*M[i]*{n.Name}[i]*{n.Name}[i]).");
            return null;
        }
        var widths = Enumerable.Repeat(Expr.Zero, n.Generations).ToArray();
        var vertices = c.Vertices(n).Where(v => v.Partner.Field.Name != n.Name).ToList();
        if (vertices.Count == 0)
        {
            c.Report($"No Yukawa term couples {n.Name} to a fermion and a scalar: it has no two-body decay.");
            return null;
        }
        // each daughter field's Majorana mass matrix, once (null: it has none, massless in the unbroken phase)
        var daughters = vertices.Select(v => v.Partner.Field).DistinctBy(f => f.Name)
            .ToDictionary(f => f.Name, f => MajoranaMassDerivation.Of(c, f, report: false));
        // one channel per (state, daughter fermion, scalar): couplings of the same operator from several terms add before squaring
        foreach (var channel in vertices.GroupBy(v => (v.Generation, v.Partner, v.Scalar.Field.Name, v.Scalar.Conjugated)))
        {
            var v = channel.First();
            var coupling = channel.Skip(1).Aggregate(v.Coupling, (sum, w) => sum + w.Coupling);
            if (c.Multiplicity(n, v.Partner.Field, v.Scalar.Field, out var problem) is not { } mult)
            {
                c.Report($"decay_width: {problem}.");
                return null;
            }
            if (m[v.Generation - 1, v.Generation - 1].IsZero) continue; // a massless state does not decay
            var mass = Expr.Abs(m[v.Generation - 1, v.Generation - 1]);
            var rate = 2 * Expr.Number(mult) * Expr.Pow(Expr.Abs(coupling), 2) * mass / (32 * Expr.Real("pi"));
            var daughter = daughters[v.Partner.Field.Name];
            if (daughter is not null && !LightMassDerivation.IsDiagonal(daughter))
            {
                c.Report($"decay_width: {n.Name} decays to {v.Partner.Field.Name}, whose Majorana mass matrix has off-diagonal entries: the daughter's masses need its mass basis (a diagonal mass term).");
                return null;
            }
            if (daughter?[v.Partner.Generation - 1, v.Partner.Generation - 1] is { IsZero: false } daughterMass)
            {
                var mf = Expr.Abs(daughterMass);
                if (!v.Scalar.Field.IsComplex)
                {
                    // a real scalar: N -> f s from the term and from its h.c. is one final state, and the two amplitudes
                    // interfere with a term 2 sqrt(r)(1 - r) Re(y^2 ...) that depends on the Majorana phases of N and f
                    c.Report($"decay_width: {n.Name} decays to {v.Partner.Field.Name}, which has a Majorana mass, and the real scalar {v.Scalar.Field.Name}: the interference of the two helicity amplitudes (which depends on the Majorana phases) is not derived; make {v.Scalar.Field.Name} complex or {v.Partner.Field.Name} massless.");
                    return null;
                }
                // lambda(1, r, 0) = (1 - r)^2, so (1 + r) lambda^(1/2) = (1 + r)(1 - r) = 1 - r^2 above threshold
                var r = Expr.Pow(mf, 2) / Expr.Pow(mass, 2);
                rate *= Expr.Apply(IfPosFunction.Instance, mass - mf, 1 - Expr.Pow(r, 2), Expr.Zero);
            }
            widths[v.Generation - 1] += rate;
        }
        return new DerivedQuantity(ExprMatrix.Create(n.Generations, 1, (i, _) => widths[i]), IsVector: true);
    }
}
