using ModelDsl.Model;
using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Checks;

/// <summary>
/// The zero-mass seesaw condition of seed 001, proved or refuted exactly: the light-neutrino mass
/// matrix of a texture h vanishes at tree level, h M^-1 h^T == 0, for a degenerate Majorana mass
/// (eq. 2.9: M a real scalar) or a non-degenerate spectrum (M a vector: h diag(1/M) h^T, the tree
/// form of (2.14)); with a third argument <c>one_loop</c>, the one-loop corrected form (2.12)-(2.14),
/// each inverse mass replaced by 1/m - (alpha_w/(16 pi M_W^2)) m f(m), f(m) = log(x_H)/(x_H - 1)
/// + 3 log(x_Z)/(x_Z - 1), x_H = m^2/M_H^2, x_Z = m^2/M_Z^2 ([R] in the seed-001 notes: alpha_w, M_W,
/// M_Z, M_H stay symbols). Verdict: Holds when every entry vanishes identically; Fails with the first
/// non-vanishing entry when some entry is a non-zero number or a sum of squares of real symbols
/// (vanishing only when they all do); otherwise HoldsIff the entries' residual conditions.
/// </summary>
public static class SeesawZeroMass
{
    /// <summary>The check's name in specs.</summary>
    public const string Name = "seesaw_zero_mass";

    /// <summary>h M^-1 h^T for the texture and mass parameter the request names.</summary>
    public static ExprMatrix? LightMassMatrix(ModelSpec spec, CheckRequest request, out string? problem)
    {
        problem = null;
        var texture = spec.Textures.FirstOrDefault(t => t.Name == request.Argument);
        var mass = spec.Parameters.FirstOrDefault(p => p.Name == request.Arguments[1]);
        if (texture is null || mass is null) { problem = "unknown texture or mass"; return null; }
        var h = texture.Matrix;
        if (mass.Rank == 1 && h.Columns != mass.Rows) { problem = $"{texture.Name} has {h.Columns} columns but {mass.Name} has {mass.Rows} masses"; return null; }
        var masses = mass.Rank == 0
            ? Enumerable.Repeat((Expr)mass.Symbol, h.Columns).ToArray()
            : Enumerable.Range(1, mass.Rows).Select(k => (Expr)Expr.Real($"{mass.Name}[{k}]")).ToArray();
        var oneLoop = request.Arguments.Count == 3;
        var inverse = ExprMatrix.Diagonal(masses.Select(m => oneLoop ? EffectiveInverseMass(m) : Expr.Pow(m, -1)).ToArray());
        return (h * inverse * h.Transpose()).Simplify();
    }

    /// <summary>
    /// (2.12)-(2.14): 1/m - (alpha_w/(16 pi M_W^2)) m f(m), f(m) = log(x_H)/(x_H - 1) + 3 log(x_Z)/(x_Z - 1),
    /// x_H = m^2/M_H^2, x_Z = m^2/M_Z^2 (the sign of the correction is [R] in the seed-001 notes).
    /// </summary>
    public static Expr EffectiveInverseMass(Expr m)
    {
        Expr Sym(string name) => Expr.Real(name);
        var xH = Expr.Pow(m, 2) / Expr.Pow(Sym("M_H"), 2);
        var xZ = Expr.Pow(m, 2) / Expr.Pow(Sym("M_Z"), 2);
        var f = Expr.Log(xH) / (xH - 1) + 3 * Expr.Log(xZ) / (xZ - 1);
        return Expr.Pow(m, -1) - Sym("alpha_w") / (16 * Sym("pi") * Expr.Pow(Sym("M_W"), 2)) * m * f;
    }

    /// <summary>Runs the check.</summary>
    public static CheckOutcome Check(ModelSpec spec, CheckRequest request)
    {
        var item = $"{request.Argument} M^-1 {request.Argument}^T = 0 ({request.Arguments[1]}{(request.Arguments.Count == 3 ? ", one loop" : "")})";
        var m = LightMassMatrix(spec, request, out var problem);
        if (m is null) return new CheckOutcome(Name, item, new Fails(problem!), "", request.Span);
        var conditions = new List<Expr>();
        for (var i = 0; i < m.Rows; i++)
            for (var j = 0; j < m.Columns; j++)
            {
                var (numerator, _) = RationalForm.Together(m[i, j]);
                if (numerator.IsZero) continue;
                var residual = RationalForm.RemoveMonomialContent(numerator);
                var where = $"entry ({i + 1},{j + 1}) = {m[i, j]}";
                if (residual.Symbols().Count == 0)
                    return new CheckOutcome(Name, item, new Fails($"{where} is not zero"), m[i, j].ToString(), request.Span);
                if (IsPositiveDefinite(residual))
                    return new CheckOutcome(Name, item, new Fails($"{where} vanishes only when {string.Join(", ", residual.Symbols().Select(s => s.Name))} all vanish"),
                        m[i, j].ToString(), request.Span);
                conditions.Add(Conditions.Simplify(residual));
            }
        if (conditions.Count == 0) return new CheckOutcome(Name, item, Holds.Instance, "0", request.Span);
        return new CheckOutcome(Name, item, new HoldsIff(conditions.Distinct().ToList()), "", request.Span);
    }

    /// <summary>A sum of positive rationals times even powers of real symbols: zero only when all those symbols are.</summary>
    private static bool IsPositiveDefinite(Expr e)
    {
        var terms = e is SumExpr s ? s.Terms : [e];
        return terms.All(t =>
        {
            var factors = t is ProductExpr p ? p.Factors : [t];
            return factors.All(f => f switch
            {
                NumberExpr n => n.Value.IsRational && n.Value.AsRational.Sign > 0,
                PowerExpr { Base: SymbolExpr { IsReal: true }, Exponent: NumberExpr { Value.IsInteger: true } k } => k.Value.AsRational.Numerator.IsEven && k.Value.AsRational.Sign > 0,
                _ => false,
            }) && !t.IsZero;
        });
    }
}
