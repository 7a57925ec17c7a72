using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>Principal logarithm log(z), arg in (-pi, pi] (a value on the cut taken from above); log(1) = 0, log' = 1/z.</summary>
public sealed class LogFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly LogFunction Instance = new();

    private LogFunction() : base("log", 1) { }

    /// <inheritdoc />
    public override string LatexName => "\\log";

    internal override Delegate RealForm { get; } = new Func<double, double>(Math.Log);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(NumericFunctions.Log);

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => NumericFunctions.Log(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => DerivativeRule.Of(Expr.Pow(args[0], -1));

    internal override Expr? Simplify(Expr[] args) => args[0].IsOne ? Expr.Zero : null;

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f) => splitter.Logarithm(splitter.Lower(f.Argument));
}
