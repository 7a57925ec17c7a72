using ModelDsl.Model;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Checks;

/// <summary>
/// Invariance of every Lagrangian term under every group, monomial by monomial: U(1) charges
/// sum to zero (exactly, or "holds iff" for symbolic charges), Z(N) charges to zero mod N,
/// and for SU(N) the N-alities to zero mod N (a conjugated field counts with the opposite
/// charge and N-ality). The SU(N) test is the necessary condition for a singlet in the
/// product; the Lorentz structure of fermion bilinears is not checked.
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
        foreach (var m in term.Monomials)
        {
            foreach (var g in spec.Groups)
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
        Verdict result = conditions.Count == 0 ? Holds.Instance : new HoldsIff(conditions.Distinct().ToList());
        return new CheckOutcome(Name, item, result, "0", term.Span);
    }

    private static int ZCharge(Expr q) => q is NumberExpr { Value.IsInteger: true } n ? (int)n.Value.AsRational.Numerator : 0;

    private static string Shorten(string text)
    {
        var oneLine = string.Join(" ", text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 48 ? oneLine : oneLine[..45] + "...";
    }
}
