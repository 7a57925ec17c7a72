using ModelDsl.Model;
using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Calculus;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Checks;

/// <summary>
/// A derived relation lhs = rhs. <see cref="Kind"/> names it generically ("quartic coupling at the minimum");
/// <see cref="Equation"/> is the number of the same relation in seed 000 (Sec. 2), set only when the spec asks for
/// it with <c>check cw_minimum(phi, seed000)</c>.
/// </summary>
public sealed record CwRelation(string Kind, string Description, Expr Lhs, Expr Rhs)
{
    /// <summary>The equation number of seed 000, e.g. <c>(2.5)</c>, or null when the spec declares none.</summary>
    public string? Equation { get; init; }

    /// <summary>The equation number when declared, otherwise the generic kind.</summary>
    public string Label => Equation ?? Kind;
}

/// <summary>The Coleman-Weinberg analysis of one scalar: its one-loop potential and the relations derived from it.</summary>
public sealed record CwDerivation(string Scalar, SymbolExpr Vev, SymbolExpr QuarticCoupling, Expr Potential, IReadOnlyList<CwRelation> Relations);

/// <summary>
/// Coleman-Weinberg minimisation, seed 000 Sec. 2. From the spec: the tree potential (every
/// potential monomial in |phi|^2 and, for each other scalar S, S'S), and the one-loop term of
/// the massive vector of every U(1) under which phi has charge Q with coupling g,
/// (3 (Q g)^4 / (64 pi^2)) |phi|^4 (log(|phi|^2/vphi^2) - 25/6), in the renormalisation of eq. (2.3)
/// (fermion and scalar loops: see below).
/// Here the symbol phi stands for |phi| and S'S for S^dagger S; pi is a real symbol.
/// Majorana fermions that get their mass from phi enter with -2 tr((Y^dag Y)^2), the radial and
/// Goldstone modes with (lambda/2)^2 + (lambda/6)^2 (all in the same CW form); the full potential is
/// reported, and, as in (2.3), the derivation leaves out the scalar loops (order lambda^2 ~ g^8).
/// Derived: the S'S stationarity, the minimisation condition (2.4)-(2.5) solved for the
/// |phi|^4 coupling, the scalar mass (2.9), the vector masses (2.8)/(4.6).
/// </summary>
public static class ColemanWeinberg
{
    /// <summary>The check's name in specs.</summary>
    public const string Name = "cw_minimum";

    private static readonly Expr Pi = Expr.Real("pi");

    /// <summary>The reference a spec may name as the second argument of cw_minimum to label the relations with its equation numbers.</summary>
    public const string Seed000 = "seed000";

    /// <summary>The generic kinds of the derived relations.</summary>
    public const string FullPotential = "full one-loop potential", Potential = "one-loop potential", Stationarity = "stationarity condition",
        Minimisation = "minimisation condition", QuarticAtMinimum = "quartic coupling at the minimum", ScalarMass = "scalar mass", VectorMass = "vector mass";

    /// <summary>Seed 000's equation numbers of the relation kinds (Sec. 2 and (4.6)).</summary>
    private static readonly IReadOnlyDictionary<string, string> Seed000Equations = new Dictionary<string, string>
    {
        [FullPotential] = "(2.3)+", [Potential] = "(2.3)", [Stationarity] = "(2.6)", [Minimisation] = "(2.4)",
        [QuarticAtMinimum] = "(2.5)", [ScalarMass] = "(2.9)", [VectorMass] = "(2.8)/(4.6)",
    };

    /// <summary>The derivation for a scalar, or null with the reason; the relations carry seed 000's equation numbers when the spec's cw_minimum check of the scalar names <see cref="Seed000"/>.</summary>
    public static CwDerivation? Derive(ModelSpec spec, string scalar, out string? problem)
    {
        var d = DeriveRelations(spec, scalar, out problem);
        if (d is null || !spec.Checks.Any(c => c.Name == Name && c.Argument == scalar && c.Arguments.Skip(1).Contains(Seed000))) return d;
        return d with { Relations = [.. d.Relations.Select(r => r with { Equation = Seed000Equations[r.Kind] })] };
    }

    /// <summary>The derivation for a scalar with generic labels, or null with the reason (no vev, no gauge charge, no quartic term, ...).</summary>
    private static CwDerivation? DeriveRelations(ModelSpec spec, string scalar, out string? problem)
    {
        problem = null;
        var field = spec.Fields.FirstOrDefault(f => f.Name == scalar && f.Kind == FieldKind.Scalar);
        if (field is null) { problem = $"'{scalar}' is not a scalar of the model"; return null; }
        var vev = spec.Vevs.FirstOrDefault(v => v.Field == field)?.Value;
        if (vev is null) { problem = $"'{scalar}' has no vev: declare 'vev {scalar} -> NAME'"; return null; }
        if (spec.Groups.Any(g => g.IsNonAbelian && field.RepresentationUnder(g).Dimension > 1))
        {
            problem = $"'{scalar}' is charged under a non-abelian group; only U(1) Coleman-Weinberg sectors are derived";
            return null;
        }
        var r = Expr.Real(scalar);
        var others = spec.Fields.Where(f => f.Kind == FieldKind.Scalar && f != field).ToList();
        var bilinears = others.ToDictionary(f => f, f => Expr.Real($"{f.Name}'{f.Name}"));

        // Tree potential: monomials in phi, conj(phi) and S, conj(S).
        var tree = new List<Expr>();
        foreach (var term in spec.Terms.Where(t => t.Kind == TermKind.Potential))
            foreach (var m in term.Monomials)
            {
                var counts = m.Fields.GroupBy(o => o.Field).ToDictionary(g => g.Key, g => (Plain: g.Count(o => !o.Conjugated), Conj: g.Count(o => o.Conjugated)));
                if (counts.Any(c => c.Value.Plain != c.Value.Conj))
                {
                    problem = $"the potential term '{term.Text}' is not a function of |{scalar}|^2 and S'S only";
                    return null;
                }
                var factor = m.Coefficient;
                foreach (var (f, c) in counts)
                    factor *= f == field ? Expr.Pow(r, 2 * c.Plain) : Expr.Pow(bilinears[f], c.Plain);
                tree.Add(factor);
            }
        var treeV = Expansion.Expand(Expr.Add(tree));

        // One-loop vector contributions.
        var loop = new List<Expr>();
        var vectors = new List<(string Group, Expr Mass)>();
        foreach (var g in spec.Groups.Where(g => g.Kind == GroupKind.Unitary1))
        {
            var q = field.ChargeUnder(g);
            if (q.IsZero) continue;
            if (g.Coupling is null) { problem = $"the group '{g.Name}' has no coupling name: write 'coupling g'"; return null; }
            var k = q * Expr.Real(g.Coupling);
            vectors.Add((g.Name, k * vev));
            loop.Add(3 * Expr.Pow(k, 4) / (64 * Expr.Pow(Pi, 2)) * Expr.Pow(r, 4)
                     * (Expr.Log(Expr.Pow(r, 2) / Expr.Pow(vev, 2)) - Expr.Fraction(25, 6)));
        }
        if (vectors.Count == 0) { problem = $"'{scalar}' carries no U(1) charge: no Coleman-Weinberg potential"; return null; }

        // Majorana fermions that get their mass from phi: a term c*phi*F[i]*F[j] (or with conj(phi)) with a matrix
        // coupling Y gives M = Y |phi|; two states per Majorana fermion, counted with a minus sign:
        // -2 tr((Y^dag Y)^2) / (64 pi^2), the trace kept as one real symbol.
        var fermionLoops = new List<Expr>();
        foreach (var term in spec.Terms.Where(t => t.Kind == TermKind.Majorana))
        {
            var coupling = term.Monomials
                .Where(m => m.Fields.Count(o => o.Field == field) == 1 && m.Fields.Count(o => o.Field.Kind == FieldKind.Fermion) == 2)
                .SelectMany(m => m.Coefficient.Symbols())
                .Select(s => s.Name.Split('[')[0])
                .Distinct()
                .FirstOrDefault(n => term.Couplings.Any(c => c.Name == n));
            if (coupling is null) continue;
            fermionLoops.Add(-2 * Expr.Real($"tr(({coupling}'{coupling})^2)") / (64 * Expr.Pow(Pi, 2)) * Expr.Pow(r, 4)
                             * (Expr.Log(Expr.Pow(r, 2) / Expr.Pow(vev, 2)) - Expr.Fraction(25, 6)));
        }
        var potential = treeV + Expr.Add(loop) + Expr.Add(fermionLoops);

        // The |phi|^4 coupling: the parameter in the r^4 coefficient of the tree potential.
        var quarticCoefficient = Differentiation.Differentiate(Differentiation.Differentiate(Differentiation.Differentiate(
            Differentiation.Differentiate(Rewriting.Substitute(treeV, bilinears.Values.ToDictionary(b => (Expr)b, _ => Expr.Zero)), r), r), r), r) / 24;
        var quarticParameters = quarticCoefficient.Symbols().Where(s => s.Name != "pi").ToList();
        if (quarticParameters.Count != 1)
        {
            problem = $"the potential needs a |{scalar}|^4 term with one coupling (found {quarticParameters.Count})";
            return null;
        }
        var lambda = quarticParameters[0];

        // Scalar loops: the radial mode (m^2 = lambda r^2/2) and the Goldstone (lambda r^2/6) of lambda/24 r^4.
        // They are of order lambda^2 ~ g^8, so, as in (2.3), the derivation below leaves them out.
        var scalarLoop = (Expr.Pow(lambda / 2, 2) + Expr.Pow(lambda / 6, 2)) / (64 * Expr.Pow(Pi, 2)) * Expr.Pow(r, 4)
                         * (Expr.Log(Expr.Pow(r, 2) / Expr.Pow(vev, 2)) - Expr.Fraction(25, 6));
        var relations = new List<CwRelation>
        {
            new(FullPotential, "the full one-loop potential: vector, fermion and scalar loops with their states and signs", Expr.Real("V_full"), potential + scalarLoop),
            new(Potential, $"the potential of the derivation (the scalar loops, of order lambda^2, left out); {scalar} stands for |{scalar}|", Expr.Real("V"), potential),
        };

        // Stationarity in every S'S (a quadratic potential in each bilinear).
        var atMinimum = new Dictionary<Expr, Expr>();
        foreach (var (f, b) in bilinears)
        {
            var first = Differentiation.Differentiate(potential, b);
            if (first.IsZero) continue;
            var linear = Rewriting.Substitute(first, b, Expr.Zero);
            var quadratic = Differentiation.Differentiate(first, b);
            if (quadratic.IsZero || !Differentiation.Differentiate(quadratic, b).IsZero) { problem = $"the potential is not quadratic in {b}"; return null; }
            var solution = RationalForm.Simplify(-linear / quadratic);
            atMinimum[b] = solution;
            relations.Add(new(Stationarity, $"{f.Name} stationarity: dV/d({b}) = 0", b, Rewriting.Substitute(solution, r, vev)));
        }

        Expr AtVev(Expr e) => RationalForm.Simplify(Rewriting.Substitute(Rewriting.Substitute(e, atMinimum), r, vev));
        var dV = Differentiation.Differentiate(potential, r);
        var stationarity = AtVev(dV / Expr.Pow(r, 3));
        relations.Add(new(Minimisation, $"minimisation: dV/d{scalar} / <{scalar}>^3 at the vev", Expr.Real($"dV/d{scalar}/{vev.Name}^3"), stationarity));

        var slope = Differentiation.Differentiate(stationarity, lambda);
        if (slope.IsZero || !Differentiation.Differentiate(slope, lambda).IsZero) { problem = $"the minimisation condition is not linear in {lambda.Name}"; return null; }
        var lambdaValue = RationalForm.Simplify(-Rewriting.Substitute(stationarity, lambda, Expr.Zero) / slope);
        relations.Add(new(QuarticAtMinimum, $"the condition on {lambda.Name} (dimensional transmutation)", lambda, lambdaValue));

        var curvature = Differentiation.Differentiate(dV, r);
        var massSquared = RationalForm.Simplify(Rewriting.Substitute(AtVev(curvature), lambda, lambdaValue));
        relations.Add(new(ScalarMass, $"mass of the {scalar} scalar: d^2V/d{scalar}^2 at the minimum", Expr.Real($"m_{scalar}^2"), massSquared));
        foreach (var (group, mass) in vectors)
            relations.Add(new(VectorMass, $"mass of the {group} vector", Expr.Real($"m_{group}"), mass));
        return new CwDerivation(scalar, vev, lambda, potential, [.. relations]);
    }

    /// <summary>
    /// Holds when the potential has a radiative minimum at the vev: the minimisation condition fixes
    /// the quartic coupling (2.5), and the scalar mass (2.9) is positive. Positivity is proved at the
    /// order of seed 000: portal couplings (parameters of terms that mix the scalar with another) and
    /// the fermion-loop traces (Y^M)^4 set to 0, the mass must reduce to a positive rational times even
    /// powers of real symbols, e.g. 3 (2 gBL)^4 vphi^2 / (8 pi^2); the value states the full mass, so
    /// the fermion-loop condition (e.g. 24 gBL^4 &gt; tr((YM'YM)^2)) can be read off.
    /// </summary>
    public static CheckOutcome Check(ModelSpec spec, CheckRequest request)
    {
        var scalar = request.Argument ?? "";
        var item = $"CW minimum of {scalar}";
        var d = Derive(spec, scalar, out var problem);
        if (d is null) return new CheckOutcome(Name, item, new Fails(problem!), "", request.Span);
        var lambdaRelation = d.Relations.First(x => x.Kind == QuarticAtMinimum);
        var mass = d.Relations.First(x => x.Kind == ScalarMass).Rhs;
        var portal = spec.Terms.Where(t => t.Kind == TermKind.Potential)
            .SelectMany(t => t.Monomials)
            .Where(m => m.Fields.Any(o => o.Field.Name == scalar) && m.Fields.Any(o => o.Field.Name != scalar))
            .SelectMany(m => m.Coefficient.Symbols())
            .Distinct()
            .ToDictionary(s => (Expr)s, _ => Expr.Zero);
        foreach (var trace in mass.Symbols().Where(s => s.Name.StartsWith("tr(", StringComparison.Ordinal))) portal[trace] = Expr.Zero;
        var decoupled = RationalForm.Simplify(Rewriting.Substitute(mass, portal));
        if (!IsPositiveMonomial(decoupled))
            return new CheckOutcome(Name, item, new Fails($"no minimum: m_{scalar}^2 = {decoupled} without portal couplings"), mass.ToString(), request.Span);
        return new CheckOutcome(Name, item, Holds.Instance, $"{lambdaRelation.Lhs} = {lambdaRelation.Rhs}; m_{scalar}^2 = {mass}", request.Span);
    }

    /// <summary>A positive rational times even integer powers of real symbols (positive for non-zero symbols).</summary>
    private static bool IsPositiveMonomial(Expr e)
    {
        var factors = e is ProductExpr p ? p.Factors : [e];
        foreach (var f in factors)
        {
            switch (f)
            {
                case NumberExpr n when n.Value.IsRational && n.Value.AsRational.Sign > 0: continue;
                case PowerExpr { Base: SymbolExpr { IsReal: true }, Exponent: NumberExpr { Value.IsInteger: true } k }
                    when k.Value.AsRational.Numerator.IsEven: continue;
                default: return false;
            }
        }
        return !e.IsZero;
    }
}
