using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Algebra;

/// <summary>
/// Rational normal form numerator/denominator with both expanded. Sub-expressions that are
/// not rational in the symbols (functions, non-integer powers) are kept as atoms after their
/// own arguments are normalised; re, im and even powers of abs are first rewritten through
/// z and conj(z), which are independent atoms.
/// </summary>
public static class RationalForm
{
    /// <summary>(numerator, denominator), each an expanded polynomial in the atoms.</summary>
    public static (Expr Numerator, Expr Denominator) Together(Expr e)
    {
        var (n, d) = Split(Normalize(e));
        return (Expansion.Expand(n), Expansion.Expand(d));
    }

    /// <summary>
    /// numerator/denominator as one expression: common monomial factors cancelled, a number or
    /// monomial denominator distributed over the numerator's terms (so 12 (a x + b x)/(c x) becomes
    /// 12 a/c + 12 b/c), otherwise the denominator made primitive. A simplification for display,
    /// derivations and matrices; the zero test does not depend on it.
    /// </summary>
    public static Expr Simplify(Expr e)
    {
        var (n, d) = Together(e);
        if (d.IsZero) return e;
        (n, d) = CancelMonomials(n, d);
        if (d is not SumExpr) return Expansion.Expand(Expr.Multiply(n, Expr.Pow(d, Expr.MinusOne)));
        var (c, _) = Canonical.SplitCoefficient(((SumExpr)d).Terms[^1]);
        if (!c.IsOne && !c.IsZero)
        {
            var inv = Expr.Number(c.Reciprocal());
            n = Expansion.Expand(Expr.Multiply(inv, n));
            d = Expansion.Expand(Expr.Multiply(inv, d));
        }
        return Expr.Multiply(n, Expr.Pow(d, Expr.MinusOne));
    }

    /// <summary>A polynomial divided by the largest monomial dividing all its terms (its monomial content), e.g. a^2 x + a^2 y -> x + y.</summary>
    public static Expr RemoveMonomialContent(Expr polynomial)
    {
        var p = Expansion.Expand(polynomial);
        var divisor = CommonMonomial(p is SumExpr s ? s.Terms : [p]);
        return divisor is null ? p : Expansion.Expand(Expr.Multiply(p, divisor));
    }

    /// <summary>Divides numerator and denominator by the largest monomial (atoms to positive integer powers) dividing every term of both.</summary>
    private static (Expr N, Expr D) CancelMonomials(Expr n, Expr d)
    {
        var divisor = CommonMonomial((n is SumExpr sn ? sn.Terms : [n]).Concat(d is SumExpr sd ? sd.Terms : [d]));
        return divisor is null ? (n, d) : (Expansion.Expand(Expr.Multiply(n, divisor)), Expansion.Expand(Expr.Multiply(d, divisor)));
    }

    /// <summary>The reciprocal of the largest monomial dividing every (non-zero) term, or null when it is 1.</summary>
    private static Expr? CommonMonomial(IEnumerable<Expr> terms)
    {
        static Dictionary<Expr, int> Powers(Expr term)
        {
            var powers = new Dictionary<Expr, int>();
            foreach (var f in term is ProductExpr p ? p.Factors : [term])
            {
                if (f is NumberExpr) continue;
                if (f is PowerExpr { Exponent: NumberExpr { Value.IsInteger: true } k } pw && k.Value.AsRational.Sign > 0 && k.Value.AsRational.Numerator < 1000)
                    powers[pw.Base] = (int)k.Value.AsRational.Numerator;
                else if (f is not PowerExpr) powers[f] = 1;
            }
            return powers;
        }
        var all = terms.Where(t => !t.IsZero).Select(Powers).ToList();
        if (all.Count == 0) return null;
        var common = all[0].Where(kv => all.All(t => t.ContainsKey(kv.Key)))
            .Select(kv => (Base: kv.Key, Power: all.Min(t => t[kv.Key]))).ToList();
        return common.Count == 0 ? null : Expr.Multiply(common.Select(c => Expr.Pow(c.Base, -c.Power)));
    }

    /// <summary>Rewrites re(g), im(g) and abs(g)^(2k) into g and conj(g).</summary>
    public static Expr Normalize(Expr e) => Rewriting.MapBottomUp(e, x => x switch
    {
        FunctionExpr f => f.Definition.InConjugates(f) ?? x,
        PowerExpr { Base: FunctionExpr f, Exponent: NumberExpr { Value.IsInteger: true } k } =>
            f.Definition.PowerInConjugates(f, k.Value.AsRational) ?? x,
        _ => x,
    });

    private static (Expr N, Expr D) Split(Expr e)
    {
        switch (e)
        {
            case NumberExpr or SymbolExpr:
                return (e, Expr.One);
            case SumExpr s:
                var acc = (N: Expr.Zero, D: Expr.One);
                foreach (var t in s.Terms)
                {
                    var (n, d) = Split(t);
                    acc = acc.D == d
                        ? (Expr.Add(acc.N, n), acc.D)
                        : (Expansion.Expand(Expr.Add(Expr.Multiply(acc.N, d), Expr.Multiply(n, acc.D))), Expansion.Expand(Expr.Multiply(acc.D, d)));
                }
                return acc;
            case ProductExpr p:
                var parts = p.Factors.Select(Split).ToList();
                return (Expansion.Expand(Expr.Multiply(parts.Select(x => x.N))), Expansion.Expand(Expr.Multiply(parts.Select(x => x.D))));
            case PowerExpr { Exponent: NumberExpr { Value.IsInteger: true } k } pw when System.Numerics.BigInteger.Abs(k.Value.AsRational.Numerator) <= Expansion.MaxExpandedPower:
                var (bn, bd) = Split(pw.Base);
                var m = (int)k.Value.AsRational.Numerator;
                return m > 0
                    ? (Expansion.Expand(Expr.Pow(bn, m)), Expansion.Expand(Expr.Pow(bd, m)))
                    : (Expansion.Expand(Expr.Pow(bd, -m)), Expansion.Expand(Expr.Pow(bn, -m)));
            case PowerExpr pw:
                var atomBase = Simplify(pw.Base);
                var atomExp = Simplify(pw.Exponent);
                if (atomExp is NumberExpr { Value.IsRational: true } r && r.Value.AsRational.Sign < 0)
                    return (Expr.One, Expr.Pow(atomBase, Expr.Number(-r.Value.AsRational)));
                return (Expr.Pow(atomBase, atomExp), Expr.One);
            case FunctionExpr f:
                return (Expr.Apply(f.Definition, f.Arguments.Select(Simplify).ToArray()), Expr.One);
            default:
                throw new InvalidOperationException("Unknown node " + e.GetType().Name);
        }
    }
}
