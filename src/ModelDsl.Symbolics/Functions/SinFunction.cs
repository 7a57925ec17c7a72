using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>sin(z); sin(0) = 0, sin' = cos, conj(sin z) = sin(conj z).</summary>
public sealed class SinFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly SinFunction Instance = new();

    private SinFunction() : base("sin", 6) { }

    /// <inheritdoc />
    public override bool IsRealForRealArguments => true;

    /// <inheritdoc />
    public override string LatexName => "\\sin";

    internal override Delegate RealForm { get; } = new Func<double, double>(Math.Sin);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(Complex.Sin);

    internal override bool CommutesWithConjugation => true;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => Complex.Sin(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => DerivativeRule.Of(Expr.Cos(args[0]));

    internal override Expr? Simplify(Expr[] args) => args[0].IsZero ? Expr.Zero : null;

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f) => splitter.SinCos(splitter.Lower(f.Argument), sine: true);
}
