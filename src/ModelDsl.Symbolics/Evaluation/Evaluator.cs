using System.Numerics;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Evaluation;

/// <summary>
/// Interpreted evaluation over complex doubles (a tree walk): the reference that compiled
/// delegates are tested against, and the slow path the benchmark compares with.
/// </summary>
public static class Evaluator
{
    /// <summary>Evaluates with the given symbol values; throws <see cref="ArgumentException"/> for a symbol without value.</summary>
    public static Complex Evaluate(Expr e, IReadOnlyDictionary<SymbolExpr, Complex> values) =>
        Evaluate(e, s => values.TryGetValue(s, out var v) ? v : throw new ArgumentException($"No value for symbol '{s.Name}'."));

    /// <summary>Evaluates with symbol values from a function.</summary>
    public static Complex Evaluate(Expr e, Func<SymbolExpr, Complex> value)
    {
        switch (e)
        {
            case NumberExpr n:
                return n.Value.ToComplex();
            case SymbolExpr s:
                var v = value(s);
                return s.IsReal ? v.Real : v;
            case SumExpr s:
                var sum = Complex.Zero;
                foreach (var t in s.Terms) sum += Evaluate(t, value);
                return sum;
            case ProductExpr p:
                var prod = Complex.One;
                foreach (var f in p.Factors) prod = NumericFunctions.Multiply(prod, Evaluate(f, value));
                return prod;
            case PowerExpr pw:
                var b = Evaluate(pw.Base, value);
                if (pw.Exponent is NumberExpr { Value.IsInteger: true } ni && System.Numerics.BigInteger.Abs(ni.Value.AsRational.Numerator) <= int.MaxValue)
                    return NumericFunctions.PowInt(b, (long)ni.Value.AsRational.Numerator);
                if (pw.Exponent is NumberExpr { Value.IsRational: true } nh && nh.Value.AsRational == -Rational.Half)
                    return Complex.One / NumericFunctions.Sqrt(b);
                return NumericFunctions.Pow(b, Evaluate(pw.Exponent, value));
            case FunctionExpr f:
                return f.Definition.Evaluate(f, x => Evaluate(x, value));
            default:
                throw new InvalidOperationException("Unknown node " + e.GetType().Name);
        }
    }
}
