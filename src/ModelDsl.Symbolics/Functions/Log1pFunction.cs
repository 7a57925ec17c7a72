using System.Numerics;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// log1p(x) = log(1 + x) of a real x &gt; -1, accurate to rounding also for |x| much smaller than 1 (where log(1 + x) loses
/// every digit of x below 1e-16): u = 1 + x, then x log(u)/(u - 1), which cancels the rounding of u (Goldberg, "What every
/// computer scientist should know about floating-point arithmetic", Theorem 4). NaN for x &lt;= -1 and complex x;
/// log1p' = 1/(1 + x).
/// </summary>
public sealed class Log1pFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly Log1pFunction Instance = new();

    private Log1pFunction() : base("log1p") { }

    /// <inheritdoc />
    public override bool NeedsRealArguments => true;

    /// <inheritdoc />
    public override bool IsRealForRealArguments => true;

    /// <inheritdoc />
    public override string LatexName => "\\operatorname{log1p}";

    internal override Delegate RealForm { get; } = new Func<double, double>(Value);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(Value);

    /// <summary>log(1 + x) for real x &gt; -1.</summary>
    public static double Value(double x)
    {
        if (!(x > -1)) return x == -1 ? double.NegativeInfinity : double.NaN;
        var u = 1 + x;
        return u == 1 ? x : double.IsPositiveInfinity(u) ? u : Math.Log(u) * x / (u - 1);
    }

    /// <summary>log1p of a real value; NaN when the imaginary part is not 0.</summary>
    public static Complex Value(Complex z) => z.Imaginary == 0 ? Value(z.Real) : double.NaN;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => Value(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => DerivativeRule.Of(Expr.Pow(1 + args[0], -1));

    internal override Expr? Simplify(Expr[] args) => args[0].IsZero ? Expr.Zero : null;
}
