using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using LExpr = System.Linq.Expressions.Expression;

namespace ModelDsl.Symbolics.Functions;

/// <summary>Re z = (z + conj z)/2: exact on numbers, identity on real values; differentiated through that form (Wirtinger).</summary>
public sealed class ReFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly ReFunction Instance = new();

    private ReFunction() : base("re", 4) { }

    /// <inheritdoc />
    public override bool IsAlwaysReal => true;

    /// <inheritdoc />
    public override string LatexName => "\\operatorname{Re}";

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(NumericFunctions.Re);

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => NumericFunctions.Re(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) =>
        args[0].IsRealValued ? DerivativeRule.Of(Expr.One) : DerivativeRule.NotDifferentiable("Re z is not holomorphic; Differentiation takes its Wirtinger derivatives");

    internal override Expr? Simplify(Expr[] args)
    {
        var x = args[0];
        if (x is NumberExpr n) return Expr.Number(n.Value.RealPart());
        return x.IsRealValued ? x : null;
    }

    internal override Expr? Differentiate(FunctionExpr f, Expr v, Func<Expr, Expr, Expr> d) =>
        (d(f.Argument, v) + Expr.Conj(d(f.Argument, Expr.Conj(v)))) * Expr.Fraction(1, 2);

    internal override Expr? InConjugates(FunctionExpr f) => (f.Argument + Expr.Conj(f.Argument)) * Expr.Fraction(1, 2);

    internal override LExpr Lower(LinqEmitter emitter, FunctionExpr f) =>
        emitter.Domain == NumericDomain.Real ? emitter.Lower(f.Argument) : base.Lower(emitter, f);

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f) =>
        (splitter.Lower(f.Argument).Re, splitter.Program.Const(0));
}
