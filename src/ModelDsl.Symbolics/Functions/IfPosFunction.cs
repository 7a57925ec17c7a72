using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;
using L = System.Linq.Expressions.Expression;
using LExpr = System.Linq.Expressions.Expression;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// ifpos(c, a, b): a when the real c &gt; 0, otherwise b. Evaluated and compiled as a branch, so only
/// the chosen side runs; its derivative is ifpos(c, a', b') (no distributions at c = 0).
/// </summary>
public sealed class IfPosFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly IfPosFunction Instance = new();

    private IfPosFunction() : base("ifpos", 13) { }

    /// <inheritdoc />
    public override int MinArity => 3;

    /// <inheritdoc />
    public override int MaxArity => 3;

    /// <inheritdoc />
    public override bool NeedsRealArguments => true;

    internal override bool ArgumentIsReal(int k) => k == 0;

    internal override bool CommutesWithConjugation => true;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => args[0].Real > 0 ? args[1] : args[2];

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => k switch
    {
        0 => DerivativeRule.Of(Expr.Zero),
        1 => DerivativeRule.Of(Expr.Apply(this, args[0], Expr.One, Expr.Zero)),
        _ => DerivativeRule.Of(Expr.Apply(this, args[0], Expr.Zero, Expr.One)),
    };

    internal override Expr? Simplify(Expr[] args)
    {
        if (args[0] is NumberExpr { Value.IsRational: true } n) return n.Value.AsRational.Sign > 0 ? args[1] : args[2];
        return args[1].Equals(args[2]) ? args[1] : null;
    }

    internal override bool IsRealValued(IReadOnlyList<Expr> args) => args[1].IsRealValued && args[2].IsRealValued;

    internal override Expr? Differentiate(FunctionExpr f, Expr v, Func<Expr, Expr, Expr> d) =>
        Expr.Apply(this, f.Arguments[0], d(f.Arguments[1], v), d(f.Arguments[2], v));

    internal override Complex Evaluate(FunctionExpr f, Func<Expr, Complex> evaluate) =>
        evaluate(f.Arguments[0]).Real > 0 ? evaluate(f.Arguments[1]) : evaluate(f.Arguments[2]);

    internal override LExpr Lower(LinqEmitter emitter, FunctionExpr f)
    {
        var condition = emitter.Lower(f.Arguments[0]);
        var test = emitter.Domain == NumericDomain.Real
            ? L.GreaterThan(condition, L.Constant(0.0))
            : L.GreaterThan(L.Property(condition, nameof(Complex.Real)), L.Constant(0.0));
        return L.Condition(test, emitter.LowerIsolated(f.Arguments[1]), emitter.LowerIsolated(f.Arguments[2]));
    }

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f)
    {
        if (!splitter.Varies(f.Arguments[0]))
            return splitter.Lower(splitter.EvaluateFixed(f.Arguments[0]).Real > 0 ? f.Arguments[1] : f.Arguments[2]);
        var c = splitter.Lower(f.Arguments[0]).Re;
        var a = splitter.Lower(f.Arguments[1]);
        var b = splitter.Lower(f.Arguments[2]);
        var p = splitter.Program;
        return (p.Op(StagedOp.Select, c, a.Re, b.Re), p.Op(StagedOp.Select, c, a.Im, b.Im));
    }
}
