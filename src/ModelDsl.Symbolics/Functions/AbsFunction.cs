using System.Numerics;
using System.Text;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// |z|: exact on numbers, |c g| = |c| |g|, ||g|| = |g|; |g|' = sign(g) g' for real g and
/// (conj(g) dg + g d conj(g))/(2|g|) otherwise (Wirtinger); |g|^(2k) = (g conj g)^k in rational normal form.
/// </summary>
public sealed class AbsFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly AbsFunction Instance = new();

    private AbsFunction() : base("abs", 2) { }

    /// <inheritdoc />
    public override bool IsAlwaysReal => true;

    internal override Delegate RealForm { get; } = new Func<double, double>(Math.Abs);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(NumericFunctions.Abs);

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => NumericFunctions.Abs(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) =>
        args[0].IsRealValued
            ? DerivativeRule.Of(Expr.Sign(args[0]))
            : DerivativeRule.NotDifferentiable("|z| of a complex z is not holomorphic; Differentiation takes its Wirtinger derivatives");

    internal override Expr? Simplify(Expr[] args)
    {
        var x = args[0];
        if (x is NumberExpr n)
        {
            var norm2 = n.Value * n.Value.Conjugate();
            return norm2.IsRational ? Expr.Pow(Expr.Number(norm2.AsRational), Expr.Number(Rational.Half)) : null;
        }
        if (x is FunctionExpr f && f.Definition == this) return x;
        if (x is FunctionExpr { Definition: ConjFunction } g) return Expr.Abs(g.Argument); // |conj(z)| = |z|
        var (c, rest) = Canonical.SplitCoefficient(x);
        return c.IsOne ? null : Expr.Multiply(Expr.Abs(Expr.Number(c)), Expr.Abs(rest));
    }

    internal override Expr? Differentiate(FunctionExpr f, Expr v, Func<Expr, Expr, Expr> d)
    {
        var g = f.Argument;
        if (g.IsRealValued) return Expr.Sign(g) * d(g, v);
        return (Expr.Conj(g) * d(g, v) + g * Expr.Conj(d(g, Expr.Conj(v)))) / (2 * f);
    }

    internal override Expr? PowerInConjugates(FunctionExpr f, Rational k) =>
        k.Numerator.IsEven ? Expr.Pow(f.Argument * Expr.Conj(f.Argument), Expr.Number(k / 2)) : null;

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f)
    {
        var x = splitter.Lower(f.Argument);
        var p = splitter.Program;
        return splitter.IsZero(x.Im) ? (p.Op(StagedOp.Abs, x.Re), p.Const(0)) : (p.Op(StagedOp.Hypot, x.Re, x.Im), p.Const(0));
    }

    internal override (int Re, int Im)? SplitPower(ComplexSplitter splitter, FunctionExpr f, Rational r)
    {
        if (!(r.IsInteger && r.Sign > 0 && r.Numerator.IsEven && r.Numerator <= 64)) return null;
        // |z|^(2k) = (re^2 + im^2)^k: no square root (it over- and underflows where |z|^2 does)
        var z = splitter.Lower(f.Argument);
        var p = splitter.Program;
        var norm = p.Op(StagedOp.Add, p.Op(StagedOp.Mul, z.Re, z.Re), p.Op(StagedOp.Mul, z.Im, z.Im));
        return splitter.IntegerPower((norm, p.Const(0)), (int)(r.Numerator / 2));
    }

    internal override void WriteLatex(StringBuilder sb, FunctionExpr f, Action<Expr> write)
    {
        sb.Append("\\left|");
        write(f.Argument);
        sb.Append("\\right|");
    }
}
