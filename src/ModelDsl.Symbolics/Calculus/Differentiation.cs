using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Calculus;

/// <summary>
/// Symbolic differentiation (the chain rule over each function's <see cref="Functions.FunctionDefinition.Derivative"/>). For a complex symbol z the derivatives are Wirtinger
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
    /// <summary>
    /// d e / d variable, where variable is a symbol or conj of a complex symbol; throws
    /// <see cref="NotDifferentiableException"/> when e depends on the variable through a function
    /// without a derivative (e.g. zeta), <see cref="ArgumentException"/> for another variable.
    /// </summary>
    public static Expr Differentiate(Expr e, Expr variable)
    {
        if (variable is not SymbolExpr && !(variable is FunctionExpr { Argument: SymbolExpr s } && variable.Equals(Expr.Conj(s))))
            throw new ArgumentException($"Can only differentiate with respect to a symbol or conj(symbol), not '{variable}'.", nameof(variable));
        return D(e, variable);
    }

    /// <summary>d e / d variable, or false with the reason when a function on the way has no derivative.</summary>
    public static bool TryDifferentiate(Expr e, Expr variable, out Expr derivative, out string? error)
    {
        try
        {
            derivative = Differentiate(e, variable);
            error = null;
            return true;
        }
        catch (NotDifferentiableException ex)
        {
            derivative = Expr.Zero;
            error = ex.Message;
            return false;
        }
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
        if (f.Definition.Differentiate(f, v, D) is { } own) return own;
        var terms = new List<Expr>();
        for (var k = 0; k < f.Arguments.Count; k++)
        {
            var dk = D(f.Arguments[k], v);
            if (dk.IsZero) continue;
            var rule = f.Definition.Derivative(f.Arguments, k);
            if (rule.Value is null) throw new NotDifferentiableException($"{f.Definition.Name} is not differentiable: {rule.Reason}");
            terms.Add(rule.Value * dk);
        }
        return Expr.Add(terms);
    }
}
