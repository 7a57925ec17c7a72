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
            case FunctionExpr { Kind: FunctionKind.IfPos } branch:
                return Evaluate(branch.Arguments[0], value).Real > 0 ? Evaluate(branch.Arguments[1], value) : Evaluate(branch.Arguments[2], value);
            case FunctionExpr f:
                var args = f.Arguments.Select(a => Evaluate(a, value)).ToArray();
                var x = args[0];
                return f.Kind switch
                {
                    FunctionKind.Exp => NumericFunctions.Exp(x),
                    FunctionKind.Log => NumericFunctions.Log(x),
                    FunctionKind.Abs => NumericFunctions.Abs(x),
                    FunctionKind.Conj => Complex.Conjugate(x),
                    FunctionKind.Re => NumericFunctions.Re(x),
                    FunctionKind.Im => NumericFunctions.Im(x),
                    FunctionKind.Sin => Complex.Sin(x),
                    FunctionKind.Cos => Complex.Cos(x),
                    FunctionKind.Atan => NumericFunctions.Atan(x),
                    FunctionKind.Sign => NumericFunctions.Sign(x),
                    FunctionKind.Theta => NumericFunctions.Theta(x),
                    FunctionKind.Min => args.Aggregate(NumericFunctions.Min),
                    FunctionKind.Max => args.Aggregate(NumericFunctions.Max),
                    _ => throw new InvalidOperationException("Unknown function " + f.Kind),
                };
            default:
                throw new InvalidOperationException("Unknown node " + e.GetType().Name);
        }
    }
}
