using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using LExpr = System.Linq.Expressions.Expression;

namespace ModelDsl.Symbolics.Functions;

/// <summary>Im z = (z - conj z)/(2i): exact on numbers, 0 on real values; differentiated through that form (Wirtinger).</summary>
public sealed class ImFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly ImFunction Instance = new();

    private ImFunction() : base("im", 5) { }

    private static Expr HalfOverI => Expr.Number(Cyclotomic.I.Reciprocal() * Rational.Half);

    /// <inheritdoc />
    public override bool IsAlwaysReal => true;

    /// <inheritdoc />
    public override string LatexName => "\\operatorname{Im}";

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(NumericFunctions.Im);

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => NumericFunctions.Im(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) =>
        args[0].IsRealValued ? DerivativeRule.Of(Expr.Zero) : DerivativeRule.NotDifferentiable("Im z is not holomorphic; Differentiation takes its Wirtinger derivatives");

    internal override Expr? Simplify(Expr[] args)
    {
        var x = args[0];
        if (x is NumberExpr n) return Expr.Number(n.Value.ImaginaryPart());
        return x.IsRealValued ? Expr.Zero : null;
    }

    internal override Expr? Differentiate(FunctionExpr f, Expr v, Func<Expr, Expr, Expr> d) =>
        (d(f.Argument, v) - Expr.Conj(d(f.Argument, Expr.Conj(v)))) * HalfOverI;

    internal override Expr? InConjugates(FunctionExpr f) => (f.Argument - Expr.Conj(f.Argument)) * HalfOverI;

    internal override LExpr Lower(LinqEmitter emitter, FunctionExpr f)
    {
        if (emitter.Domain != NumericDomain.Real) return base.Lower(emitter, f);
        emitter.Lower(f.Argument);
        return emitter.Constant(0);
    }

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f) =>
        (splitter.Lower(f.Argument).Im, splitter.Program.Const(0));
}
