using ModelDsl.Model;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Checks;

/// <summary>
/// Exact gauge-anomaly cancellation. Right-handed Weyl fermions enter as their left-handed
/// conjugates (charges and N-alities reversed, sign -1 on every coefficient below); each
/// field counts once per generation and per state of the groups not in the coefficient.
/// Coefficients: [SU(N)]^3 (N &gt;= 3, A(fund) = 1), [SU(N)]^2 U(1) (T(fund) = 1/2),
/// U(1)_a U(1)_b U(1)_c for every multiset including mixed ones, gravity^2 U(1), and the
/// global Witten anomaly of every SU(2) (the number of Weyl doublets must be even).
/// A field with one charge per generation (<c>U1X: (0, 1, -1)</c>) counts each generation with its own charges.
/// Z(N) groups have no anomaly check here.
/// </summary>
public static class AnomalyCheck
{
    /// <summary>The check's name in specs and reports.</summary>
    public const string Name = "anomalies";

    /// <summary>Every anomaly coefficient of the model, each with its verdict.</summary>
    public static IReadOnlyList<CheckOutcome> Run(ModelSpec spec)
    {
        var fermions = spec.Fields.Where(f => f.Kind == FieldKind.Fermion).ToList();
        var nonAbelian = spec.Groups.Where(g => g.Kind == GroupKind.SpecialUnitary).ToList();
        var abelian = spec.Groups.Where(g => g.Kind == GroupKind.Unitary1).ToList();
        var outcomes = new List<CheckOutcome>();

        Expr Sign(FieldSpec f) => f.Chirality == Chirality.Right ? Expr.MinusOne : Expr.One;

        Expr States(FieldSpec f, params GroupSpec[] excluded) =>
            Expr.Number(nonAbelian.Where(g => !excluded.Contains(g)).Aggregate(1, (m, g) => m * f.RepresentationUnder(g).Dimension));

        // the product of the U(1) charges, summed over the generations (each generation with its own charges)
        Expr Charges(FieldSpec f, params GroupSpec[] u) => u.Any(f.ActsOnGenerations)
            ? Expr.Add(Enumerable.Range(1, f.Generations).Select(k => Expr.Multiply(u.Select(g => f.ChargeOf(g, k)))))
            : Expr.Number(f.Generations) * Expr.Multiply(u.Select(f.ChargeUnder));

        void Add(string item, Expr value) =>
            outcomes.Add(new CheckOutcome(Name, item, Conditions.FromResidual(value, item), Symbolics.Algebra.Expansion.Expand(value).ToString(), null));

        foreach (var g in nonAbelian.Where(g => g.N >= 3))
            Add($"[{g.Name}]^3", Expr.Add(fermions.Select(f => Sign(f) * f.Generations * States(f, g) * Expr.Number(f.RepresentationUnder(g).CubicAnomaly))));

        foreach (var g in nonAbelian)
            foreach (var u in abelian)
                Add($"[{g.Name}]^2 {u.Name}", Expr.Add(fermions.Select(f =>
                    Sign(f) * States(f, g) * Expr.Number(f.RepresentationUnder(g).DynkinIndex) * Charges(f, u))));

        for (var a = 0; a < abelian.Count; a++)
            for (var b = a; b < abelian.Count; b++)
                for (var c = b; c < abelian.Count; c++)
                {
                    var (ga, gb, gc) = (abelian[a], abelian[b], abelian[c]);
                    Add(CubicName(ga, gb, gc), Expr.Add(fermions.Select(f =>
                        Sign(f) * States(f) * Charges(f, ga, gb, gc))));
                }

        foreach (var u in abelian)
            Add($"grav^2 {u.Name}", Expr.Add(fermions.Select(f => Sign(f) * States(f) * Charges(f, u))));

        foreach (var g in nonAbelian.Where(g => g.N == 2))
        {
            var doublets = fermions.Where(f => f.RepresentationUnder(g).Dimension == 2).Sum(f => f.Generations *
                nonAbelian.Where(h => h != g).Aggregate(1, (m, h) => m * f.RepresentationUnder(h).Dimension));
            var item = $"Witten {g.Name}";
            outcomes.Add(new CheckOutcome(Name, item,
                doublets % 2 == 0 ? Holds.Instance : new Fails($"{item}: {doublets} Weyl doublets (odd)"),
                $"{doublets} doublets", null));
        }
        return outcomes;
    }

    private static string CubicName(GroupSpec a, GroupSpec b, GroupSpec c)
    {
        var counts = new[] { a, b, c }.GroupBy(g => g.Name).Select(grp => grp.Count() == 1 ? grp.Key : $"{grp.Key}^{grp.Count()}");
        return string.Join(" ", counts);
    }
}
