using ModelDsl.Symbolics.Functions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Expressions;

/// <summary>The smart constructors behind <see cref="Expr"/>: each returns canonical form.</summary>
internal static class Canonical
{
    public static Expr Add(IEnumerable<Expr> terms)
    {
        var number = Cyclotomic.Zero;
        var coefficients = new Dictionary<Expr, Cyclotomic>();
        void AddTerm(Expr t)
        {
            switch (t)
            {
                case NumberExpr n:
                    number += n.Value;
                    break;
                case SumExpr s:
                    foreach (var x in s.Terms) AddTerm(x);
                    break;
                default:
                    var (c, rest) = SplitCoefficient(t);
                    coefficients[rest] = coefficients.TryGetValue(rest, out var old) ? old + c : c;
                    break;
            }
        }
        foreach (var t in terms) AddTerm(t);

        var restTerms = coefficients.Where(kv => !kv.Value.IsZero).Select(kv => kv.Key).ToList();
        restTerms.Sort(ExprOrder.Compare);
        var result = new List<Expr>(restTerms.Count + 1);
        if (!number.IsZero) result.Add(Expr.Number(number));
        foreach (var rest in restTerms) result.Add(WithCoefficient(coefficients[rest], rest));
        return result.Count switch
        {
            0 => Expr.Zero,
            1 => result[0],
            _ => new SumExpr(result.ToArray()),
        };
    }

    /// <summary>Splits c * rest with c the exact number factor of a product (1 otherwise).</summary>
    internal static (Cyclotomic Coefficient, Expr Remainder) SplitCoefficient(Expr t)
    {
        if (t is ProductExpr p && p.Factors[0] is NumberExpr n)
            return (n.Value, p.Factors.Count == 2 ? p.Factors[1] : new ProductExpr(p.Factors.Skip(1).ToArray()));
        if (t is NumberExpr m) return (m.Value, Expr.One);
        return (Cyclotomic.One, t);
    }

    private static Expr WithCoefficient(Cyclotomic c, Expr rest)
    {
        if (c.IsOne) return rest;
        if (rest.IsOne) return Expr.Number(c);
        if (rest is ProductExpr p) return new ProductExpr([Expr.Number(c), .. p.Factors]);
        return new ProductExpr([Expr.Number(c), rest]);
    }

    public static Expr Multiply(IEnumerable<Expr> factors)
    {
        var coefficient = Cyclotomic.One;
        var exponents = new Dictionary<Expr, List<Expr>>();
        var order = new List<Expr>();
        void AddFactor(Expr f)
        {
            switch (f)
            {
                case NumberExpr n:
                    coefficient *= n.Value;
                    break;
                case ProductExpr p:
                    foreach (var x in p.Factors) AddFactor(x);
                    break;
                default:
                    var (b, e) = f is PowerExpr pw ? (pw.Base, pw.Exponent) : (f, Expr.One);
                    if (b is SumExpr sum && e is NumberExpr { Value.IsInteger: true } k && BigIntegerFits(k.Value.AsRational.Numerator))
                    {
                        // Sum factors are kept primitive (leading coefficient 1); the content joins the coefficient.
                        var (lead, primitive) = Primitive(sum);
                        if (!lead.IsOne)
                        {
                            coefficient *= lead.Pow((int)k.Value.AsRational.Numerator);
                            b = primitive;
                        }
                    }
                    if (!exponents.TryGetValue(b, out var list)) { exponents[b] = list = []; order.Add(b); }
                    list.Add(e);
                    break;
            }
        }
        foreach (var f in factors) AddFactor(f);
        if (coefficient.IsZero) return Expr.Zero;

        var result = new List<Expr>(order.Count);
        var again = false;
        foreach (var b in order)
        {
            var list = exponents[b];
            var p = list.Count == 1 ? (list[0].IsOne ? b : Pow(b, list[0])) : Pow(b, Add(list));
            switch (p)
            {
                case NumberExpr n: coefficient *= n.Value; break;
                case ProductExpr: result.Add(p); again = true; break;
                default: result.Add(p); break;
            }
        }
        if (coefficient.IsZero) return Expr.Zero;
        if (again) return Multiply(result.Append(Expr.Number(coefficient)));
        // A base may reappear after folding nested powers, e.g. (x^(1/2))^2 = x next to x.
        if (result.Count > 1 && HasRepeatedBase(result))
            return Multiply(result.Append(Expr.Number(coefficient)));

        // A number times a single sum distributes: 2 (x + y) = 2x + 2y, so that a - a == 0 for sums.
        if (!coefficient.IsOne && result is [SumExpr single])
        {
            var c = Expr.Number(coefficient);
            return Add(single.Terms.Select(t => Multiply([c, t])));
        }
        result.Sort(ExprOrder.Compare);
        if (!coefficient.IsOne) result.Insert(0, Expr.Number(coefficient));
        return result.Count switch
        {
            0 => Expr.One,
            1 => result[0],
            _ => new ProductExpr(result.ToArray()),
        };
    }

    /// <summary>
    /// S = lead * primitive, where lead is the coefficient of the last (highest-order) term,
    /// so scalar multiples of a sum share one primitive form.
    /// </summary>
    internal static (Cyclotomic Lead, SumExpr Primitive) Primitive(SumExpr s)
    {
        var (lead, _) = SplitCoefficient(s.Terms[^1]);
        if (lead.IsOne) return (lead, s);
        var inv = lead.Reciprocal();
        var terms = s.Terms.Select(t =>
        {
            var (c, rest) = SplitCoefficient(t);
            return t is NumberExpr n ? Expr.Number(n.Value * inv) : WithCoefficient(c * inv, rest);
        }).ToArray();
        return (lead, new SumExpr(terms));
    }

    private static bool HasRepeatedBase(List<Expr> factors)
    {
        var seen = new HashSet<Expr>();
        foreach (var f in factors)
            if (!seen.Add(f is PowerExpr p ? p.Base : f)) return true;
        return false;
    }

    public static Expr Pow(Expr b, Expr e)
    {
        if (e is NumberExpr en)
        {
            var v = en.Value;
            if (v.IsZero) return Expr.One;
            if (v.IsOne) return b;
            if (b is NumberExpr bn) return PowNumber(bn, v) ?? new PowerExpr(b, e);
            if (v.IsInteger)
            {
                if (b is SumExpr sum && BigIntegerFits(v.AsRational.Numerator) && Primitive(sum) is { Lead.IsOne: false } split)
                    return Multiply([Expr.Number(split.Lead.Pow((int)v.AsRational.Numerator)), Pow(split.Primitive, e)]);
                if (b is FunctionExpr fb && fb.Definition.SimplifyPower(fb, e) is { } simplified) return simplified;
                if (b is ProductExpr prod) return Multiply(prod.Factors.Select(f => Pow(f, e)));
                if (b is PowerExpr inner) return Pow(inner.Base, Multiply([inner.Exponent, e]));
            }
            else if (b is PowerExpr inner && inner.Exponent is NumberExpr fe && fe.Value.IsRational
                     && fe.Value.AsRational > Rational.MinusOne && fe.Value.AsRational <= Rational.One)
            {
                // (c^f)^e = c^(f e) holds on the principal branch when -1 < f <= 1.
                return Pow(inner.Base, Multiply([inner.Exponent, e]));
            }
        }
        if (b.IsOne) return Expr.One;
        if (b.IsZero && e is NumberExpr ez && ez.Value.IsRational && ez.Value.AsRational.Sign > 0) return Expr.Zero;
        return new PowerExpr(b, e);
    }

    private static Expr? PowNumber(NumberExpr bn, Cyclotomic v)
    {
        var b = bn.Value;
        if (v.IsInteger)
        {
            var n = v.AsRational.Numerator;
            if (BigIntegerFits(n)) return Expr.Number(b.Pow((int)n));
            return null;
        }
        if (b.IsZero && v.IsRational && v.AsRational.Sign > 0) return Expr.Zero;
        if (!b.IsRational || !v.IsRational) return null;
        var r = b.AsRational;
        var q = v.AsRational;
        if (!BigIntegerFits(q.Denominator) || !BigIntegerFits(q.Numerator)) return null;
        var den = (int)q.Denominator;
        var num = (int)q.Numerator;
        if (r.Sign >= 0)
        {
            var root = r.TryRoot(den);
            return root is null ? null : Expr.Number(Cyclotomic.FromRational(root).Pow(num));
        }
        if (den == 2)
        {
            // Principal square root of a negative rational: i sqrt(|r|).
            var root = (-r).TryRoot(2);
            return root is null ? null : Expr.Number((Cyclotomic.I * Cyclotomic.FromRational(root)).Pow(num));
        }
        return null;
    }

    /// <summary>Integer exponents folded exactly (numbers, primitive sums); larger ones stay as powers.</summary>
    internal const int MaxFoldedExponent = 10_000;

    private static bool BigIntegerFits(System.Numerics.BigInteger n) => n >= -MaxFoldedExponent && n <= MaxFoldedExponent;

    public static Expr Apply(FunctionDefinition function, Expr[] args)
    {
        if (args.Length < function.MinArity || args.Length > function.MaxArity)
            throw new ArgumentException($"{function.Name} takes {function.MinArity} argument(s), got {args.Length}.");
        return function.Simplify(args) ?? new FunctionExpr(function, args);
    }
}
