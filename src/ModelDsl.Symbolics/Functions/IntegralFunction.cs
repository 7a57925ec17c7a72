using System.Numerics;
using ModelDsl.Numerics.Quadrature;
using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// integral(x, lo, hi, body): the definite integral of a real body over x from lo to hi (hi may be <see cref="Infinity"/>),
/// x a bound symbol that occurs nowhere else. Canonical form pulls every factor of the body that does not depend on x out
/// of the integral, so what stays inside depends on as few parameters as possible (a rate's couplings stand outside and
/// its integral is a function of z and mass ratios alone). Differentiated by the Leibniz rule,
/// d/dv = integral(x, lo, hi, d body/dv) + body(hi) hi' - body(lo) lo'. Evaluated by adaptive Gauss-Kronrod quadrature
/// to a relative 1e-10 (<see cref="GaussKronrod"/>); the ODE compiler instead tabulates integrals in its variable.
/// </summary>
public sealed class IntegralFunction : FunctionDefinition
{
    /// <summary>
    /// The definition. Not in <see cref="FunctionRegistry"/> (whose functions take values): an integral binds its variable, so the
    /// binder builds it from <c>integral(x, lo, hi, expr)</c> and the infix parser does not read it.
    /// </summary>
    public static readonly IntegralFunction Definition = new();

    /// <summary>The upper limit +infinity (a reserved real symbol, meaningful only as a limit of an integral).</summary>
    public static readonly SymbolExpr Infinity = Expr.Real("inf");

    /// <summary>The relative tolerance of the quadrature used when an integral is evaluated directly.</summary>
    public const double RelativeTolerance = 1e-10;

    private IntegralFunction() : base("integral") { }

    /// <inheritdoc />
    public override int MinArity => 4;

    /// <inheritdoc />
    public override int MaxArity => 4;

    /// <inheritdoc />
    public override bool IsRealForRealArguments => true;

    /// <inheritdoc />
    public override string LatexName => "\\int";

    /// <summary>The integral of <paramref name="body"/> over the bound symbol <paramref name="x"/> from <paramref name="lo"/> to <paramref name="hi"/>, canonical.</summary>
    public static Expr Create(SymbolExpr x, Expr lo, Expr hi, Expr body) => Expr.Apply(Definition, x, lo, hi, body);

    /// <summary>The parts of an integral node.</summary>
    public static (SymbolExpr X, Expr Lo, Expr Hi, Expr Body) Parts(FunctionExpr f) =>
        ((SymbolExpr)f.Arguments[0], f.Arguments[1], f.Arguments[2], f.Arguments[3]);

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => double.NaN;

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) =>
        DerivativeRule.NotDifferentiable("an integral is differentiated by the Leibniz rule");

    internal override bool IsRealValued(IReadOnlyList<Expr> args) => args[3].IsRealValued;

    internal override Expr? Simplify(Expr[] args)
    {
        if (args[0] is not SymbolExpr x) throw new ArgumentException("The first argument of integral is its bound symbol.");
        var body = args[3];
        if (body.IsZero) return Expr.Zero;
        var factors = body is ProductExpr p ? p.Factors : [body];
        var outside = factors.Where(f => !f.Symbols().Contains(x)).ToList();
        if (outside.Count == 0) return null;
        var inside = Expr.Multiply(factors.Where(f => f.Symbols().Contains(x)));
        return Expr.Multiply(outside) * Expr.Apply(this, x, args[1], args[2], inside);
    }

    internal override Expr? Differentiate(FunctionExpr f, Expr v, Func<Expr, Expr, Expr> d)
    {
        var (x, lo, hi, body) = Parts(f);
        var result = Create(x, lo, hi, d(body, v));
        var dhi = hi.Equals(Infinity) ? Expr.Zero : d(hi, v);
        if (!dhi.IsZero) result += Rewriting.Substitute(body, x, hi) * dhi;
        var dlo = d(lo, v);
        if (!dlo.IsZero) result -= Rewriting.Substitute(body, x, lo) * dlo;
        return result;
    }

    internal override Complex Evaluate(FunctionExpr f, Func<Expr, Complex> evaluate)
    {
        var (x, lo, hi, body) = Parts(f);
        var a = evaluate(lo).Real;
        var b = hi.Equals(Infinity) ? double.PositiveInfinity : evaluate(hi).Real;
        if (Integrand(x, body, s => evaluate(s)) is not { } g) return double.NaN;
        var r = GaussKronrod.Integrate(g, a, b, 0, RelativeTolerance, 400);
        return r.Converged ? r.Value : double.NaN;
    }

    /// <summary>The body as a real function of x, every other symbol fixed by <paramref name="value"/>; null when it cannot be lowered.</summary>
    public static Func<double, double>? Integrand(SymbolExpr x, Expr body, Func<SymbolExpr, Complex> value)
    {
        var program = new StagedProgram([], (double.NegativeInfinity, double.PositiveInfinity));
        var splitter = new ComplexSplitter(program, s => s.Equals(x) ? (program.InnerInput, program.Const(0)) : null, value);
        var re = splitter.Lower(body).Re;
        if (splitter.Problem is not null) return null;
        var run = program.Compile([re]);
        var outer = Array.Empty<double>();
        return t =>
        {
            var output = new double[1];
            run(outer, [t], 1, output);
            return output[0];
        };
    }

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f) =>
        splitter.Fail(f, "an integral is tabulated by the ODE compiler, not lowered into a kernel");
}
