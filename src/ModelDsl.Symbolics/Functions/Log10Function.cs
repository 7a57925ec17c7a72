using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// Decimal logarithm log10(z) = log(z)/ln 10 with the principal branch of <see cref="LogFunction"/>
/// (arg in (-pi, pi]); log10(1) = 0, log10' = 1/(z ln 10) (Abramowitz and Stegun 4.1.23 and 4.1.47).
/// A real x &gt; 0 uses <see cref="Math.Log10"/>, exact at the powers of ten.
/// </summary>
public sealed class Log10Function : FunctionDefinition
{
    private static readonly double Ln10 = Math.Log(10);

    /// <summary>The definition.</summary>
    public static readonly Log10Function Instance = new();

    private Log10Function() : base("log10") { }

    /// <inheritdoc />
    public override string LatexName => "\\log_{10}";

    internal override Delegate RealForm { get; } = new Func<double, double>(Math.Log10);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(Value);

    /// <summary>log10 of a complex value: the principal logarithm divided by ln 10; real x &gt; 0 through <see cref="Math.Log10"/>.</summary>
    public static Complex Value(Complex z) => z.Imaginary == 0 && z.Real > 0 ? Math.Log10(z.Real) : NumericFunctions.Log(z) / Ln10;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => Value(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) =>
        DerivativeRule.Of(Expr.Pow(args[0] * Expr.Apply(LogFunction.Instance, Expr.Number(10)), -1));

    internal override Expr? Simplify(Expr[] args) => args[0].IsOne ? Expr.Zero : null;

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f)
    {
        var x = splitter.Lower(f.Argument);
        var p = splitter.Program;
        // Math.Log10 where the argument is real and never negative (exact at powers of 10); otherwise the principal branch
        // of the complex logarithm over ln 10, as Value computes it (log10(-2) = 0.30103 + 1.36438 i)
        if (splitter.IsZero(x.Im) && p.IsNonNegative(x.Re)) return base.Split(splitter, f);
        var (re, im) = splitter.Logarithm(x);
        return (p.Op(StagedOp.Mul, re, p.Const(1 / Ln10)), p.Op(StagedOp.Mul, im, p.Const(1 / Ln10)));
    }
}
