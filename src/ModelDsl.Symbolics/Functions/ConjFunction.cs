using System.Numerics;
using System.Text;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Expressions;
using LExpr = System.Linq.Expressions.Expression;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// Complex conjugation: exact on numbers, identity on real-valued expressions, pushed through sums,
/// products, integer powers and the functions that commute with it (exp, sin, cos, ifpos); otherwise
/// kept as a conj node, so conj(conj(e)) == e. For differentiation conj(z) of a complex symbol z is
/// an independent variable (Wirtinger calculus): conj(g)' = conj(dg/dconj(v)).
/// </summary>
public sealed class ConjFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly ConjFunction Instance = new();

    private ConjFunction() : base("conj", 3) { }

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(Complex.Conjugate);

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => Complex.Conjugate(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) =>
        DerivativeRule.NotDifferentiable("conj is not holomorphic; Differentiation treats z and conj(z) as independent (Wirtinger)");

    internal override Expr? Simplify(Expr[] args) => Conjugate(args[0]);

    internal override Expr? SimplifyPower(FunctionExpr f, Expr exponent)
    {
        // conj(g)^n = conj(g^n), used when g^n simplifies, e.g. conj(sqrt(w))^4 = conj(w)^2
        var lifted = Expr.Pow(f.Argument, exponent);
        return lifted is PowerExpr ip && ip.Base.Equals(f.Argument) ? null : Conjugate(lifted);
    }

    internal override Expr? Differentiate(FunctionExpr f, Expr v, Func<Expr, Expr, Expr> d)
    {
        var g = f.Argument;
        if (g is SymbolExpr) return f.Equals(v) ? Expr.One : Expr.Zero;
        return Expr.Conj(d(g, Expr.Conj(v)));
    }

    internal override LExpr Lower(LinqEmitter emitter, FunctionExpr f) =>
        emitter.Domain == NumericDomain.Real ? emitter.Lower(f.Argument) : base.Lower(emitter, f);

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f)
    {
        var x = splitter.Lower(f.Argument);
        return (x.Re, splitter.Program.Op(StagedOp.Neg, x.Im));
    }

    internal override void WriteLatex(StringBuilder sb, FunctionExpr f, Action<Expr> write)
    {
        sb.Append("\\overline{");
        write(f.Argument);
        sb.Append('}');
    }

    /// <summary>True when conj(e) is computed by pushing through e (not kept as a conj node).</summary>
    private static bool IsConjTransparent(Expr e) => e switch
    {
        NumberExpr or SymbolExpr => true,
        FunctionExpr { Argument: SymbolExpr } c when c.Definition == Instance => true,
        _ when e.IsRealValued => true,
        SumExpr s => s.Terms.All(IsConjTransparent),
        ProductExpr p => p.Factors.All(IsConjTransparent),
        PowerExpr { Exponent: NumberExpr { Value.IsInteger: true } } pw => IsConjTransparent(pw.Base),
        FunctionExpr f when f.Definition.CommutesWithConjugation =>
            f.Arguments.Where((_, k) => !f.Definition.ArgumentIsReal(k)).All(IsConjTransparent),
        _ => false,
    };

    private static Expr Conjugate(Expr x)
    {
        switch (x)
        {
            case NumberExpr n: return Expr.Number(n.Value.Conjugate());
            case SymbolExpr s: return s.IsReal ? s : new FunctionExpr(Instance, [s]);
            case SumExpr sum: return Expr.Add(sum.Terms.Select(Conjugate));
            // Conjugation distributes over a product only when every factor's conjugate is again a plain
            // factor; otherwise (a non-real power, a kept conj node) a factor could come back out and merge
            // with a sibling of the same base, so the product stays under one conj and conj(conj(e)) == e.
            case ProductExpr p when p.Factors.All(IsConjTransparent): return Expr.Multiply(p.Factors.Select(Conjugate));
            // a number times one other factor: nothing can merge with a number, so conj distributes (conj(-conj(sqrt(w))) = -sqrt(w))
            case ProductExpr p when p.Factors.Count(f => f is not NumberExpr) == 1: return Expr.Multiply(p.Factors.Select(Conjugate));
            case ProductExpr: return new FunctionExpr(Instance, [x]);
            case FunctionExpr f when f.Definition == Instance: return f.Argument;
        }
        if (x.IsRealValued) return x;
        switch (x)
        {
            case PowerExpr { Exponent: NumberExpr { Value.IsInteger: true } } pw:
                return Expr.Pow(Conjugate(pw.Base), pw.Exponent);
            case FunctionExpr f when f.Definition.CommutesWithConjugation:
                return Expr.Apply(f.Definition, f.Arguments.Select((a, k) => f.Definition.ArgumentIsReal(k) ? a : Conjugate(a)).ToArray());
        }
        return new FunctionExpr(Instance, [x]);
    }
}
