using System.Collections.Immutable;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// A declared field: kind, chirality (fermions), generations, real or complex (scalars),
/// its SU(N) representations, U(1) charges (exact rationals or polynomials in real parameters)
/// and Z(N) charges (integers mod N). Groups not named give the singlet and charge 0.
/// A symmetry may also act on the generation index: one charge per generation
/// (<see cref="GenerationCharges"/>, <c>U1X: (0, 1, -1)</c>) or, for Z(N), a generator matrix
/// (<see cref="GenerationMatrices"/>, <c>Z3: perm(2, 3, 1)</c>): F_k -> sum_l G[k,l] F_l.
/// </summary>
public sealed record FieldSpec(
    string Name, FieldKind Kind, Chirality? Chirality, int Generations, bool IsComplex,
    IReadOnlyDictionary<string, Representation> Representations, IReadOnlyDictionary<string, Expr> Charges, TextSpan Span)
{
    private readonly ImmutableDictionary<string, ImmutableArray<Expr>> _generationCharges = ImmutableDictionary<string, ImmutableArray<Expr>>.Empty;
    private readonly ImmutableDictionary<string, ExprMatrix> _generationMatrices = ImmutableDictionary<string, ExprMatrix>.Empty;

    /// <summary>Per-generation charges under a U(1) or Z(N) (Z(N): integers reduced mod N), one per generation, by group name.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<Expr>> GenerationCharges { get => _generationCharges; init => _generationCharges = value.ToImmutableDictionary(StringComparer.Ordinal); }

    /// <summary>
    /// Z(N) generators acting on the generation index as a matrix G (Generations x Generations, exact
    /// cyclotomic entries, unitary, G^N = 1): F_k -> sum_l G[k,l] F_l, by group name. <c>perm(2, 3, 1)</c> is
    /// the cyclic shift F_1 -> F_2 -> F_3 -> F_1 (G[k, p_k] = 1).
    /// </summary>
    public IReadOnlyDictionary<string, ExprMatrix> GenerationMatrices { get => _generationMatrices; init => _generationMatrices = value.ToImmutableDictionary(StringComparer.Ordinal); }

    /// <summary>The representation under a non-abelian group (singlet when not given).</summary>
    public Representation RepresentationUnder(GroupSpec g) => Representations.GetValueOrDefault(g.Name, Representation.Singlet);

    /// <summary>The charge under an abelian or cyclic group (0 when not given) when it is the same for every generation.</summary>
    public Expr ChargeUnder(GroupSpec g) => Charges.GetValueOrDefault(g.Name, Expr.Zero);

    /// <summary>The charge of generation <paramref name="generation"/> (1-based) under a U(1) or Z(N): its own if the field has one per generation.</summary>
    public Expr ChargeOf(GroupSpec g, int generation) =>
        GenerationCharges.TryGetValue(g.Name, out var q) ? q[generation - 1] : ChargeUnder(g);

    /// <summary>True when <paramref name="g"/> treats the generations differently (per-generation charges or a generator matrix).</summary>
    public bool ActsOnGenerations(GroupSpec g) => GenerationCharges.ContainsKey(g.Name) || GenerationMatrices.ContainsKey(g.Name);

    /// <summary>
    /// The Z(N) generator on the generation index as an exact matrix: the declared matrix, or diag(zeta_N^q_k) for
    /// charges (zeta_N = exp(2 pi i/N)); null when N does not divide 12 (the phases are not in Q(exp(i pi/6))).
    /// </summary>
    public ExprMatrix? GeneratorMatrix(GroupSpec g)
    {
        if (GenerationMatrices.TryGetValue(g.Name, out var m)) return m;
        if (12 % g.N != 0) return null;
        return ExprMatrix.Diagonal(Enumerable.Range(1, Generations).Select(k => (Expr)Expr.Number(Phase(g.N, ChargeOf(g, k)))).ToArray());
    }

    /// <summary>exp(2 pi i q/N) for an integer charge q and N dividing 12, exact.</summary>
    public static Cyclotomic Phase(int n, Expr charge)
    {
        var q = charge is NumberExpr { Value.IsInteger: true } c ? (int)(c.Value.AsRational.Numerator % n) : 0;
        return Cyclotomic.Zeta.Pow(12 / n * q);
    }
}
