using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>cos(z); cos(0) = 1, cos' = -sin, conj(cos z) = cos(conj z).</summary>
public sealed class CosFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly CosFunction Instance = new();

    private CosFunction() : base("cos", 7) { }

    /// <inheritdoc />
    public override bool IsRealForRealArguments => true;

    /// <inheritdoc />
    public override string LatexName => "\\cos";

    internal override Delegate RealForm { get; } = new Func<double, double>(Math.Cos);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(Complex.Cos);

    internal override bool CommutesWithConjugation => true;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => Complex.Cos(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => DerivativeRule.Of(-Expr.Sin(args[0]));

    internal override Expr? Simplify(Expr[] args) => args[0].IsZero ? Expr.One : null;

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f) => splitter.SinCos(splitter.Lower(f.Argument), sine: false);
}
