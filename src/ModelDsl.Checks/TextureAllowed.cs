using System.Text;
using ModelDsl.Model;
using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Checks;

/// <summary>
/// <c>check texture_allowed(T, A, B)</c>: derives exactly the most general coupling matrix Y (rows: the generations of
/// field A, columns: those of B) that the model's symmetries allow in the term whose coupling is T (else the first term that
/// couples A and B), and holds when the texture T lies in that space. <c>texture_allowed(T)</c> is bound to this form with
/// A and B the fields of T's first and second index in its term. The term is read as sum_ij Y[i,j] A_i B_j times its other fields (one
/// generation each, or a fixed index), each field plain or conjugated as written. Equations, one set per group:
/// <list type="bullet">
/// <item>SU(N): the N-alities of the fields sum to 0 mod N, else Y = 0.</item>
/// <item>U(1), and Z(N) acting by charges: Y[i,j] = 0 for every (i,j) whose charges (generation i of A, j of B, the
/// other fields' charges; a conjugated field counts with the opposite charge) do not sum to 0 (mod N).</item>
/// <item>Z(N) with a generator matrix on A or B (F_k -> sum_l G[k,l] F_l, <c>perm</c> or <c>matrix</c>):
/// phi G_A'^T Y G_B' = Y, where G_F' = G_F for a plain field and conj(G_F) for a conjugated one, and phi is the phase
/// exp(2 pi i q/N) of the other fields (conjugated: its inverse). For the Yukawa h bar(L) conj(H) N of seed 001 this
/// is conj(G_L)^T h G_N = h, i.e. G_L^dagger h G_N = h.</item>
/// </list>
/// The equations form a linear system over Q(exp(i pi/6)) (rationals and cyclotomic numbers, omega = exp(2 pi i/3)),
/// solved by exact Gauss-Jordan elimination with the pivots taken from the last entry backwards, so the free entries
/// are the first ones (row-major): for seed 001's Z3 (eq. 2.10) the free entries are h[l,1] and h[l,2] = omega h[l,1],
/// h[l,3] = omega^2 h[l,1]. One generator per group suffices: Z(N) is cyclic and U(1)/SU(N) act through charges and
/// N-alities. A texture T holds when every pivot entry equals its combination of T's free entries (exact zero test);
/// otherwise it fails, naming the entries that break the symmetry and the first residual. For a term with two copies of
/// one field (a Majorana mass) the coupling is taken as a matrix, so an antisymmetric part must also be invariant.
/// </summary>
public static class TextureAllowed
{
    /// <summary>The check's name in specs.</summary>
    public const string Name = "texture_allowed";

    /// <summary>The space of couplings of A and B that the symmetries allow, named after the texture T (request arguments T, A, B); null when no term couples A and B.</summary>
    public static AllowedCoupling? Allowed(ModelSpec spec, CheckRequest request)
    {
        var (texture, a, b) = (request.Arguments[0], request.Arguments[1], request.Arguments[2]);
        var fa = spec.Fields.First(f => f.Name == a);
        var fb = spec.Fields.First(f => f.Name == b);
        // the term whose coupling is the texture, else the first term that couples A and B
        var terms = spec.Terms.Where(t => t.Couplings.Any(c => c.Name == texture)).Concat(spec.Terms).ToList();
        var found = terms.SelectMany(t => t.Monomials).Select(m => Split(m, a, b)).FirstOrDefault(x => x is not null);
        if (found is not { } parts) return null;
        var (oa, ob, others) = parts;
        var (rows, columns) = (fa.Generations, fb.Generations);
        var n = rows * columns;
        var equations = new List<Cyclotomic[]>();
        var groups = new List<string>();
        foreach (var g in spec.Groups)
        {
            var before = equations.Count;
            switch (g.Kind)
            {
                case GroupKind.SpecialUnitary:
                    var nality = new[] { oa, ob }.Concat(others).Sum(o => (o.Conjugated ? -1 : 1) * o.Field.RepresentationUnder(g).NAlity);
                    if (((nality % g.N) + g.N) % g.N != 0) equations.AddRange(Enumerable.Range(0, n).Select(v => Unit(n, v)));
                    break;
                case GroupKind.Cyclic when fa.GenerationMatrices.ContainsKey(g.Name) || fb.GenerationMatrices.ContainsKey(g.Name):
                    equations.AddRange(GeneratorEquations(g, oa, ob, others, rows, columns));
                    break;
                default:
                    for (var i = 0; i < rows; i++)
                        for (var j = 0; j < columns; j++)
                            if (!ChargeSumVanishes(g, [(oa, i + 1), (ob, j + 1), .. others.Select(o => (o, Generation(o)))]))
                                equations.Add(Unit(n, i * columns + j));
                    break;
            }
            if (equations.Skip(before).Any(e => e.Any(x => !x.IsZero))) groups.Add(g.Name);
        }
        var (reduced, pivots) = Reduce(equations, n);
        Expr Free(int v) => Expr.Complex($"{texture}[{v / columns + 1},{v % columns + 1}]");
        var general = ExprMatrix.Create(rows, columns, (i, j) =>
        {
            var v = i * columns + j;
            return pivots.TryGetValue(v, out var r) ? Combination(reduced[r], v, Free) : Free(v);
        });
        var op = string.Join("*", terms.SelectMany(t => t.Monomials).First(m => Split(m, a, b) is not null).Fields
            .Select(o => o.Conjugated ? $"conj({o.Field.Name})" : o.Field.Name));
        return new AllowedCoupling(general, n - pivots.Count, [.. groups], op);
    }

    /// <summary>Runs the check.</summary>
    public static CheckOutcome Check(ModelSpec spec, CheckRequest request)
    {
        var name = request.Arguments[0];
        var allowed = Allowed(spec, request);
        var item = $"{name} allowed for {request.Arguments[1]} x {request.Arguments[2]}";
        if (allowed is null) return new CheckOutcome(Name, item, new Fails($"no term couples {request.Arguments[1]} and {request.Arguments[2]}"), "", request.Span);
        item = $"{name} allowed in {allowed.Operator}";
        var t = spec.Textures.First(x => x.Name == name).Matrix;
        var general = allowed.General;
        var byGroups = allowed.Groups.Count == 0 ? "no symmetry constrains it" : $"by {string.Join(", ", allowed.Groups)}";
        var value = $"{Print(general)} ({allowed.Dimension} free, {byGroups})";
        var breaking = new List<(int I, int J, Expr Residual)>();
        var entries = new Dictionary<Expr, Expr>();
        for (var i = 0; i < t.Rows; i++)
            for (var j = 0; j < t.Columns; j++) entries[Expr.Complex($"{name}[{i + 1},{j + 1}]")] = t[i, j];
        for (var i = 0; i < t.Rows; i++)
            for (var j = 0; j < t.Columns; j++)
            {
                var residual = Expansion.Expand(t[i, j] - Rewriting.Substitute(general[i, j], entries));
                if (!ZeroTest.IsZero(residual)) breaking.Add((i + 1, j + 1, residual));
            }
        if (breaking.Count == 0) return new CheckOutcome(Name, item, Holds.Instance, value, request.Span);
        var (bi, bj, first) = breaking[0];
        var witness = $"{name} breaks {string.Join(", ", allowed.Groups)} at {string.Join(", ", breaking.Select(x => $"({x.I},{x.J})"))}: "
            + $"the symmetry needs {string.Join(", ", breaking.Select(x => $"{name}[{x.I},{x.J}] = {general[x.I - 1, x.J - 1]}"))}; "
            + $"here {name}[{bi},{bj}] - ({general[bi - 1, bj - 1]}) = {first}";
        return new CheckOutcome(Name, item, new Fails(witness), value, request.Span);
    }

    /// <summary>The monomial's occurrence of A, of B (another occurrence when A = B), and its other fields; null when it lacks one.</summary>
    private static (FieldOccurrence A, FieldOccurrence B, List<FieldOccurrence> Others)? Split(TermMonomial m, string a, string b)
    {
        var rest = m.Fields.ToList();
        var oa = rest.FirstOrDefault(o => o.Field.Name == a);
        if (oa is null) return null;
        rest.Remove(oa);
        var ob = rest.FirstOrDefault(o => o.Field.Name == b);
        if (ob is null) return null;
        rest.Remove(ob);
        return (oa, ob, rest);
    }

    private static int Generation(FieldOccurrence o) => o.Index is { } i && i.All(char.IsAsciiDigit) ? int.Parse(i, System.Globalization.CultureInfo.InvariantCulture) : 1;

    private static bool ChargeSumVanishes(GroupSpec g, IEnumerable<(FieldOccurrence O, int Generation)> parts)
    {
        if (g.Kind == GroupKind.Unitary1)
            return Conditions.FromResidual(Expr.Add(parts.Select(p => p.O.Conjugated ? -p.O.Field.ChargeOf(g, p.Generation) : p.O.Field.ChargeOf(g, p.Generation))), "") is Holds;
        var z = parts.Sum(p => (p.O.Conjugated ? -1 : 1) * (p.O.Field.ChargeOf(g, p.Generation) is NumberExpr { Value.IsInteger: true } q ? (int)(q.Value.AsRational.Numerator % g.N) : 0));
        return z % g.N == 0;
    }

    /// <summary>phi (G_A')^T Y G_B' - Y = 0, one equation per entry (k, l): sum_ij phi G_A'[i,k] G_B'[j,l] Y[i,j] - Y[k,l].</summary>
    private static IEnumerable<Cyclotomic[]> GeneratorEquations(GroupSpec g, FieldOccurrence oa, FieldOccurrence ob, List<FieldOccurrence> others, int rows, int columns)
    {
        Cyclotomic[,] Action(FieldOccurrence o)
        {
            var m = o.Field.GeneratorMatrix(g)!;
            var result = new Cyclotomic[m.Rows, m.Columns];
            for (var i = 0; i < m.Rows; i++)
                for (var j = 0; j < m.Columns; j++)
                {
                    var x = ((NumberExpr)m[i, j]).Value;
                    result[i, j] = o.Conjugated ? x.Conjugate() : x;
                }
            return result;
        }
        var (ga, gb) = (Action(oa), Action(ob));
        var phi = others.Aggregate(Cyclotomic.One, (p, o) =>
        {
            var phase = FieldSpec.Phase(g.N, o.Field.ChargeOf(g, Generation(o)));
            return p * (o.Conjugated ? phase.Conjugate() : phase);
        });
        var n = rows * columns;
        for (var k = 0; k < rows; k++)
            for (var l = 0; l < columns; l++)
            {
                var e = Enumerable.Repeat(Cyclotomic.Zero, n).ToArray();
                for (var i = 0; i < rows; i++)
                    for (var j = 0; j < columns; j++) e[i * columns + j] += phi * ga[i, k] * gb[j, l];
                e[k * columns + l] -= Cyclotomic.One;
                yield return e;
            }
    }

    private static Cyclotomic[] Unit(int n, int v)
    {
        var e = Enumerable.Repeat(Cyclotomic.Zero, n).ToArray();
        e[v] = Cyclotomic.One;
        return e;
    }

    /// <summary>
    /// Exact Gauss-Jordan elimination, pivot columns searched from the last backwards (so the free variables are the first
    /// ones); returns the reduced rows and, for each pivot variable, its row (1 at the pivot, 0 at every other pivot).
    /// </summary>
    private static (List<Cyclotomic[]> Rows, Dictionary<int, int> Pivots) Reduce(List<Cyclotomic[]> equations, int n)
    {
        var rows = equations.Select(e => (Cyclotomic[])e.Clone()).ToList();
        var pivots = new Dictionary<int, int>();
        var rank = 0;
        for (var col = n - 1; col >= 0 && rank < rows.Count; col--)
        {
            var r = Enumerable.Range(rank, rows.Count - rank).FirstOrDefault(k => !rows[k][col].IsZero, -1);
            if (r < 0) continue;
            (rows[rank], rows[r]) = (rows[r], rows[rank]);
            var inverse = rows[rank][col].Reciprocal();
            rows[rank] = rows[rank].Select(x => x * inverse).ToArray();
            for (var k = 0; k < rows.Count; k++)
            {
                if (k == rank || rows[k][col].IsZero) continue;
                var factor = rows[k][col];
                rows[k] = rows[k].Select((x, c) => x - factor * rows[rank][c]).ToArray();
            }
            pivots[col] = rank++;
        }
        return (rows, pivots);
    }

    /// <summary>The pivot variable v as minus the combination of the free variables in its reduced row.</summary>
    private static Expr Combination(Cyclotomic[] row, int v, Func<int, Expr> free) =>
        Expr.Add(row.Select((x, c) => c == v || x.IsZero ? Expr.Zero : Expr.Number(-x) * free(c)));

    private static string Print(ExprMatrix m)
    {
        var sb = new StringBuilder("matrix(");
        for (var i = 0; i < m.Rows; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append("row(").Append(string.Join(", ", Enumerable.Range(0, m.Columns).Select(j => m[i, j].ToString()))).Append(')');
        }
        return sb.Append(')').ToString();
    }
}
