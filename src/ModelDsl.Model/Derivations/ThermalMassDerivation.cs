using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Model;

/// <summary>
/// <c>thermal_mass(F)</c>, <c>thermal_mass(F, gauge)</c>, <c>thermal_mass(F, Y, ...)</c>: the leading (hard thermal loop)
/// thermal mass of a Weyl fermion, m^2(T)/T^2 as a matrix over its generations (Hermitian), from its gauge and Yukawa couplings
/// (Weldon, PRD 26 (1982) 2789; the lepton doublet as in Giudice, Notari, Raidal, Riotto, Strumia, Nucl. Phys. B 685 (2004)
/// 89 [hep-ph/0310123], and seed 001's infrared regulator):
/// gauge part delta_ij (1/8) [sum over SU(N) of g^2 C2(r) + sum over U(1) of g^2 q_i^2], C2(r) = T(r)(N^2 - 1)/dim r, which is
/// (3 g^2 + g'^2)/32 for the lepton doublet; Yukawa part (1/16) sum mult conj(y_i) y_j over the couplings L = -y_i F_i f s + h.c.
/// that share a partner f and a scalar s (<see cref="DerivationContext.Vertices"/>, mult their gauge multiplicity): (h h^dagger)/16
/// for L with -h bar(L) H~ N, (h^dagger h)/8 for a singlet N (two doublet components), and |y_i|^2/16 for -1/2 y_i phi N_i N_i,
/// seed 000's (3.23). Later arguments select parts: <c>gauge</c>, or the names of the couplings whose terms count (none: all).
/// The gauge couplings are the groups' coupling names. A scalar's thermal mass, which also depends on its quartic
/// couplings, is not derived.
/// </summary>
public sealed class ThermalMassDerivation : IDerivation
{
    /// <inheritdoc/>
    public string Name => "thermal_mass";

    /// <inheritdoc/>
    public string Usage => "thermal_mass(F[, gauge][, COUPLING...])";

    /// <inheritdoc/>
    public string Description => "the leading thermal mass m^2(T)/T^2 of a fermion over its generations: gauge (1/8) sum g^2 C2 and Yukawa (1/16) sum mult y y^dagger parts";

    /// <inheritdoc/>
    public DerivedQuantity? Derive(DerivationContext c)
    {
        if (c.Arguments.Count == 0) { c.Report($"{Usage} takes a fermion field."); return null; }
        if (c.IsField(0, FieldKind.Scalar))
        {
            c.Report(0, $"thermal_mass derives a fermion's thermal mass; a scalar's also depends on its quartic couplings and is not derived.");
            return null;
        }
        if (c.Field(0, FieldKind.Fermion) is not { } f) return null;
        var selected = c.Arguments.Skip(1).Select(a => a.Text).ToList();
        var gauge = selected.Count == 0 || selected.Contains("gauge");
        var couplings = selected.Where(s => s != "gauge").ToList();
        var vertices = c.Vertices(f);
        var known = vertices.SelectMany(v => v.Term.Couplings.Select(k => k.Name)).Distinct().ToList();
        for (var k = 1; k < c.Arguments.Count; k++)
            if (c.Arguments[k].Text != "gauge" && !known.Contains(c.Arguments[k].Text))
            {
                c.Report(k, $"'{c.Arguments[k].Text}' is neither 'gauge' nor a coupling of {f.Name}'s Yukawa or Majorana terms ({(known.Count == 0 ? "it has none" : string.Join(", ", known))}).");
                return null;
            }

        var n = f.Generations;
        var m = new Expr[n, n];
        void Add(int i, int j, Expr e) => m[i, j] = (m[i, j] ?? Expr.Zero) + e;
        if (gauge)
            foreach (var g in c.Groups.Where(g => g.Kind != GroupKind.Cyclic))
            {
                var charged = g.IsNonAbelian ? f.RepresentationUnder(g).Dimension > 1 : Enumerable.Range(1, n).Any(k => !f.ChargeOf(g, k).IsZero);
                if (!charged) continue;
                if (g.Coupling is not { } coupling)
                {
                    c.Report($"{f.Name} is charged under {g.Name}, which has no coupling name: declare it, e.g. group {g.Name} : {g.TypeText} coupling g.");
                    return null;
                }
                var g2 = Expr.Pow(Expr.Real(coupling), 2);
                for (var k = 0; k < n; k++)
                {
                    var r = f.RepresentationUnder(g);
                    Expr weight = g.IsNonAbelian
                        ? Expr.Number(r.DynkinIndex * Rational.FromInteger(g.N * g.N - 1) / Rational.FromInteger(r.Dimension))
                        : Expr.Pow(f.ChargeOf(g, k + 1), 2);
                    Add(k, k, Expr.Number(Rational.One / Rational.FromInteger(8)) * g2 * weight);
                }
            }
        if (selected.Count == 0 || couplings.Count > 0)
            foreach (var channel in vertices.Where(v => couplings.Count == 0 || v.Term.Couplings.Any(k => couplings.Contains(k.Name)))
                         .GroupBy(v => (v.Partner, v.Scalar.Field.Name, v.Scalar.Conjugated)))
            {
                var one = channel.First();
                if (c.Multiplicity(f, one.Partner.Field, one.Scalar.Field, out var problem) is not { } mult)
                {
                    c.Report($"thermal_mass: {problem}.");
                    return null;
                }
                var y = new Expr[n];
                foreach (var v in channel) y[v.Generation - 1] = (y[v.Generation - 1] ?? Expr.Zero) + v.Coupling;
                for (var i = 0; i < n; i++)
                    for (var j = 0; j < n; j++)
                        if (y[i] is { } yi && y[j] is { } yj)
                            Add(i, j, Expr.Number(mult / Rational.FromInteger(16)) * (i == j ? Expr.Pow(Expr.Abs(yi), 2) : Expr.Conj(yi) * yj));
            }
        return new DerivedQuantity(ExprMatrix.Create(n, n, (i, j) => m[i, j] ?? Expr.Zero), IsVector: false);
    }
}
