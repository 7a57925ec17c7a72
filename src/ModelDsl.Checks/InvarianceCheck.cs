using ModelDsl.Model;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Checks;

/// <summary>
/// Invariance of every Lagrangian term under every group, monomial by monomial: U(1) charges
/// sum to zero (exactly, or "holds iff" for symbolic charges), Z(N) charges to zero mod N,
/// and for SU(N) the N-alities to zero mod N (a conjugated field counts with the opposite
/// charge and N-ality). The SU(N) test is the necessary condition for a singlet in the
/// product; the Lorentz structure of fermion bilinears is not checked.
/// A group that acts on generations (per-generation charges, or a Z(N) generator matrix) is tested on the term
/// written out over the generations (<see cref="TermComponents"/>): a general coupling such as
/// <c>Ye[i,j]*bar(L[i])*H*eR[j]</c> then holds iff the entries the symmetry forbids vanish (HoldsIff <c>Ye[1,2] = 0</c>, ...),
/// and a Z(N) matrix G requires the term to equal its image (every F_k -> sum_l G[k,l] F_l), i.e. for a Yukawa coupling
/// Y between conj(A) and B: G_A^dagger Y G_B = Y entry by entry.
/// A term's coupling is read as <see cref="TermSpec.Couplings"/> says: a texture with its exact entries, a parameter as
/// independent symbols, and a let (Casas-Ibarra Yukawas, a fitted matrix: numbers per parameter point, no exact form) as a
/// general matrix of unknown symbols; when the verdict depends on a let's entries the item says so ("let Y: entries unknown").
/// </summary>
public static class InvarianceCheck
{
    /// <summary>The check's name in specs and reports.</summary>
    public const string Name = "invariance";

    /// <summary>One outcome per term.</summary>
    public static IReadOnlyList<CheckOutcome> Run(ModelSpec spec) =>
        spec.Terms.Select(t => Check(spec, t)).ToList();

    private static CheckOutcome Check(ModelSpec spec, TermSpec term)
    {
        var (line, _) = spec.Source.GetLineColumn(term.Span.Start);
        var item = $"line {line}: {term.Kind.ToString().ToLowerInvariant()} {Shorten(term.Text)}";
        var conditions = new List<Expr>();
        var perGeneration = spec.Groups.Where(g => term.Monomials.Any(m => m.Fields.Any(o => o.Field.ActsOnGenerations(g)))).ToList();
        foreach (var m in term.Monomials)
        {
            foreach (var g in spec.Groups.Except(perGeneration))
            {
                var fields = string.Join("*", m.Fields.Select(o => o.Conjugated ? $"conj({o.Field.Name})" : o.Field.Name));
                switch (g.Kind)
                {
                    case GroupKind.Unitary1:
                        var sum = Expr.Add(m.Fields.Select(o => o.Conjugated ? -o.Field.ChargeUnder(g) : o.Field.ChargeUnder(g)));
                        var verdict = Conditions.FromResidual(sum, $"{g.Name} charge of {fields}");
                        if (verdict is Fails f) return new CheckOutcome(Name, item, f, sum.ToString(), term.Span);
                        if (verdict is HoldsIff h) conditions.AddRange(h.Conditions);
                        break;
                    case GroupKind.Cyclic:
                        var z = m.Fields.Sum(o => (o.Conjugated ? -1 : 1) * ZCharge(o.Field.ChargeUnder(g)));
                        var r = ((z % g.N) + g.N) % g.N;
                        if (r != 0) return new CheckOutcome(Name, item, new Fails($"{g.Name} charge of {fields} = {r} mod {g.N}"), $"{r} mod {g.N}", term.Span);
                        break;
                    case GroupKind.SpecialUnitary:
                        var n = m.Fields.Sum(o => (o.Conjugated ? -1 : 1) * o.Field.RepresentationUnder(g).NAlity);
                        var s = ((n % g.N) + g.N) % g.N;
                        if (s != 0) return new CheckOutcome(Name, item, new Fails($"{g.Name}: {fields} contains no singlet (N-ality {s} mod {g.N})"), $"N-ality {s}", term.Span);
                        break;
                }
            }
        }
        if (perGeneration.Count > 0)
        {
            var components = TermComponents.Expand(spec, term);
            foreach (var g in perGeneration)
            {
                var (failed, value) = CheckComponents(components, g, conditions);
                if (failed is not null) return new CheckOutcome(Name, item, failed, value, term.Span);
            }
        }
        Verdict result = conditions.Count == 0 ? Holds.Instance : new HoldsIff(conditions.Distinct().ToList());
        return new CheckOutcome(Name, item + LetNote(term, conditions), result, "0", term.Span);
    }

    /// <summary>
    /// A group that acts on generations, tested on the term written out over the generations. U(1), and Z(N) with
    /// charges only: a component whose charges do not sum to zero (mod N) must have a vanishing coefficient. Z(N) with a
    /// generator matrix: the term must equal its image under the generator, coefficient by coefficient. A coefficient that
    /// is a non-zero number fails; one with parameters adds the condition that it vanish (adds to <paramref name="conditions"/>).
    /// </summary>
    private static (Fails? Failed, string Value) CheckComponents(IReadOnlyList<TermComponents.Component> components, GroupSpec g, List<Expr> conditions)
    {
        var matrix = g.Kind == GroupKind.Cyclic && components.Any(c => c.Parts.Any(p => p.Field.GenerationMatrices.ContainsKey(g.Name)));
        if (matrix)
        {
            var image = TermComponents.Transform(components, g).ToDictionary(c => c.Fields, c => c.Coefficient, StringComparer.Ordinal);
            var before = components.ToDictionary(c => c.Fields, c => c.Coefficient, StringComparer.Ordinal);
            foreach (var key in image.Keys.Union(before.Keys))
            {
                var change = image.GetValueOrDefault(key, Expr.Zero) - before.GetValueOrDefault(key, Expr.Zero);
                var verdict = Conditions.FromResidual(change, $"{g.Name}: change of the coefficient of {key}");
                if (verdict is Fails f) return (f, Symbolics.Algebra.Expansion.Expand(change).ToString());
                if (verdict is HoldsIff h) conditions.AddRange(h.Conditions);
            }
            return (null, "0");
        }
        foreach (var c in components.Where(c => !c.Coefficient.IsZero))
        {
            string? broken;
            if (g.Kind == GroupKind.Unitary1)
            {
                var sum = Expr.Add(c.Parts.Select(p => p.Conjugated ? -p.Field.ChargeOf(g, p.Generation) : p.Field.ChargeOf(g, p.Generation)));
                var charge = Conditions.FromResidual(sum, $"{g.Name} charge of {c.Fields}");
                if (charge is HoldsIff symbolic) { conditions.AddRange(symbolic.Conditions); continue; }
                broken = charge is Fails f ? f.Witness : null;
            }
            else
            {
                var z = c.Parts.Sum(p => (p.Conjugated ? -1 : 1) * ZCharge(p.Field.ChargeOf(g, p.Generation)));
                var r = ((z % g.N) + g.N) % g.N;
                broken = r == 0 ? null : $"{g.Name} charge of {c.Fields} = {r} mod {g.N}";
            }
            if (broken is null) continue;
            var coefficient = Conditions.FromResidual(c.Coefficient, broken);
            if (coefficient is HoldsIff h) conditions.AddRange(h.Conditions);
            else if (coefficient is Fails) return (new Fails(broken), broken[(broken.LastIndexOf(" = ", StringComparison.Ordinal) + 3)..]);
        }
        return (null, "0");
    }

    /// <summary>
    /// A note for a verdict that depends on a let coupling's entries (unknown symbols to an exact check): " [let Y: entries unknown]"
    /// when a condition names them. (A failure never does: it needs a non-zero number.)
    /// </summary>
    private static string LetNote(TermSpec term, List<Expr> conditions)
    {
        var lets = term.Couplings.Where(c => c.Kind == CouplingKind.Let).Select(c => c.Name).ToList();
        var named = lets.Where(n => conditions.Any(x => x.Symbols().Any(s => s.Name.StartsWith(n + "[", StringComparison.Ordinal)))).ToList();
        return named.Count == 0 ? "" : $" [let {string.Join(", ", named)}: entries unknown]";
    }

    private static int ZCharge(Expr q) => q is NumberExpr { Value.IsInteger: true } n ? (int)n.Value.AsRational.Numerator : 0;

    private static string Shorten(string text)
    {
        var oneLine = string.Join(" ", text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 48 ? oneLine : oneLine[..45] + "...";
    }
}
