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

    /// <summary>numerator/denominator as one expression (a simplification for display and matrices).</summary>
    public static Expr Simplify(Expr e)
    {
        var (n, d) = Together(e);
        if (d.IsZero) return e;
        if (d is NumberExpr dn) return Expansion.Expand(Expr.Multiply(n, Expr.Number(dn.Value.Reciprocal())));
        var (c, _) = Canonical.SplitCoefficient(d is SumExpr s ? s.Terms[^1] : d);
        if (!c.IsOne && !c.IsZero)
        {
            var inv = Expr.Number(c.Reciprocal());
            n = Expansion.Expand(Expr.Multiply(inv, n));
            d = Expansion.Expand(Expr.Multiply(inv, d));
        }
        return Expr.Multiply(n, Expr.Pow(d, Expr.MinusOne));
    }

    /// <summary>Rewrites re(g), im(g) and abs(g)^(2k) into g and conj(g).</summary>
    public static Expr Normalize(Expr e) => Rewriting.MapBottomUp(e, x => x switch
    {
        FunctionExpr { Kind: FunctionKind.Re } f => (f.Argument + Expr.Conj(f.Argument)) * Expr.Fraction(1, 2),
        FunctionExpr { Kind: FunctionKind.Im } f => (f.Argument - Expr.Conj(f.Argument)) * Expr.Number(Cyclotomic.I.Reciprocal() * Rational.Half),
        PowerExpr { Base: FunctionExpr { Kind: FunctionKind.Abs } a, Exponent: NumberExpr { Value.IsInteger: true } k }
            when k.Value.AsRational.Numerator.IsEven =>
            Expr.Pow(a.Argument * Expr.Conj(a.Argument), Expr.Number(k.Value.AsRational / 2)),
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
            case PowerExpr { Exponent: NumberExpr { Value.IsInteger: true } k } pw:
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
                return (Expr.Apply(f.Kind, f.Arguments.Select(Simplify).ToArray()), Expr.One);
            default:
                throw new InvalidOperationException("Unknown node " + e.GetType().Name);
        }
    }
}
