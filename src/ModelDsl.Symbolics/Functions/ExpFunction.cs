using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>exp(z); exp(0) = 1, exp(log z) = z, exp' = exp, conj(exp z) = exp(conj z).</summary>
public sealed class ExpFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly ExpFunction Instance = new();

    private ExpFunction() : base("exp", 0) { }

    /// <inheritdoc />
    public override bool IsRealForRealArguments => true;

    /// <inheritdoc />
    public override string LatexName => "\\exp";

    internal override Delegate RealForm { get; } = new Func<double, double>(Math.Exp);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(NumericFunctions.Exp);

    internal override bool CommutesWithConjugation => true;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => NumericFunctions.Exp(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => DerivativeRule.Of(Expr.Exp(args[0]));

    internal override Expr? Simplify(Expr[] args)
    {
        var x = args[0];
        if (x.IsZero) return Expr.One;
        if (x is FunctionExpr lg && lg.Definition == LogFunction.Instance) return lg.Argument;
        return null;
    }

    internal override bool IsPositive(IReadOnlyList<Expr> args) => args[0].IsRealValued;

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f) => splitter.Exponential(splitter.Lower(f.Argument));
}
