using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Calculus;

/// <summary>
/// Symbolic differentiation. For a complex symbol z the derivatives are Wirtinger
/// derivatives: d/dz treats z and conj(z) as independent, and d/dconj(z) is taken with
/// <c>Differentiate(e, Expr.Conj(z))</c>. Rules for each function:
/// exp' = exp, log' = 1/x, sin' = cos, cos' = -sin, atan' = 1/(1+x^2);
/// conj(g)' = conj(dg/dconj(v)); re and im through (g +- conj g)/2(i);
/// |g|' = sign(g) g' for real g and (conj(g) dg + g d conj(g))/(2|g|) otherwise;
/// sign' = theta' = 0 (the derivative away from the step: no distributions);
/// min(a,b)' = theta(b-a) a' + theta(a-b) b' (and max likewise), with theta(0) = 1/2.
/// </summary>
public static class Differentiation
{
    /// <summary>d e / d variable, where variable is a symbol or conj of a complex symbol.</summary>
    public static Expr Differentiate(Expr e, Expr variable)
    {
        if (variable is not SymbolExpr && variable is not FunctionExpr { Kind: FunctionKind.Conj, Argument: SymbolExpr })
            throw new ArgumentException($"Can only differentiate with respect to a symbol or conj(symbol), not '{variable}'.", nameof(variable));
        return D(e, variable);
    }

    /// <summary>The gradient with respect to the given variables.</summary>
    public static IReadOnlyList<Expr> Gradient(Expr e, IReadOnlyList<Expr> variables) =>
        variables.Select(v => Differentiate(e, v)).ToArray();

    private static Expr D(Expr e, Expr v)
    {
        switch (e)
        {
            case NumberExpr:
                return Expr.Zero;
            case SymbolExpr s:
                return s.Equals(v) ? Expr.One : Expr.Zero;
            case SumExpr s:
                return Expr.Add(s.Terms.Select(t => D(t, v)));
            case ProductExpr p:
                var terms = new List<Expr>();
                for (var k = 0; k < p.Factors.Count; k++)
                {
                    var dk = D(p.Factors[k], v);
                    if (dk.IsZero) continue;
                    terms.Add(Expr.Multiply(p.Factors.Select((f, j) => j == k ? dk : f)));
                }
                return Expr.Add(terms);
            case PowerExpr pw:
                var db = D(pw.Base, v);
                var de = D(pw.Exponent, v);
                var result = db.IsZero ? Expr.Zero : pw.Exponent * Expr.Pow(pw.Base, pw.Exponent - 1) * db;
                return de.IsZero ? result : result + e * Expr.Log(pw.Base) * de;
            case FunctionExpr f:
                return DFunction(f, v);
            default:
                throw new InvalidOperationException("Unknown node " + e.GetType().Name);
        }
    }

    private static Expr DFunction(FunctionExpr f, Expr v)
    {
        var g = f.Kind is FunctionKind.Min or FunctionKind.Max ? Expr.Zero : f.Argument;
        switch (f.Kind)
        {
            case FunctionKind.Conj:
                if (g is SymbolExpr) return f.Equals(v) ? Expr.One : Expr.Zero;
                return Expr.Conj(D(g, Expr.Conj(v)));
            case FunctionKind.Re:
                return (D(g, v) + Expr.Conj(D(g, Expr.Conj(v)))) * Expr.Fraction(1, 2);
            case FunctionKind.Im:
                return (D(g, v) - Expr.Conj(D(g, Expr.Conj(v)))) * Expr.Number(Cyclotomic.I.Reciprocal() * Rational.Half);
            case FunctionKind.Abs:
                if (g.IsRealValued) return Expr.Sign(g) * D(g, v);
                return (Expr.Conj(g) * D(g, v) + g * Expr.Conj(D(g, Expr.Conj(v)))) / (2 * f);
            case FunctionKind.Sign:
            case FunctionKind.Theta:
                return Expr.Zero;
            case FunctionKind.IfPos:
                return Expr.Apply(FunctionKind.IfPos, [f.Arguments[0], D(f.Arguments[1], v), D(f.Arguments[2], v)]);
            case FunctionKind.Min:
            case FunctionKind.Max:
                var a = f.Arguments[0];
                var rest = f.Arguments.Count == 2 ? f.Arguments[1] : Expr.Apply(f.Kind, f.Arguments.Skip(1).ToArray());
                var (first, second) = f.Kind == FunctionKind.Min ? (rest - a, a - rest) : (a - rest, rest - a);
                return Expr.Theta(first) * D(a, v) + Expr.Theta(second) * D(rest, v);
        }
        var dg = D(g, v);
        if (dg.IsZero) return Expr.Zero;
        var outer = f.Kind switch
        {
            FunctionKind.Exp => f,
            FunctionKind.Log => Expr.Pow(g, -1),
            FunctionKind.Sin => Expr.Cos(g),
            FunctionKind.Cos => -Expr.Sin(g),
            FunctionKind.Atan => Expr.Pow(1 + Expr.Pow(g, 2), -1),
            _ => throw new InvalidOperationException("No derivative rule for " + f.Kind),
        };
        return outer * dg;
    }
}
