using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using LExpr = System.Linq.Expressions.Expression;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// Re z = (z + conj z)/2 and Im z = (z - conj z)/(2i): real-valued, exact on numbers, z (Re) or 0 (Im) on real
/// values. Neither is holomorphic, so they are differentiated through those conjugate forms (Wirtinger calculus:
/// d conj(f)/dv = conj(d f/d conj v)), and a real domain lowers them to their real part.
/// </summary>
public abstract class ComplexPartFunction : FunctionDefinition
{
    private static readonly Func<Complex, Complex> ReForm = NumericFunctions.Re;
    private static readonly Func<Complex, Complex> ImForm = NumericFunctions.Im;
    private readonly bool _imaginary;

    private protected ComplexPartFunction(string name, int rank, bool imaginary) : base(name, rank) => _imaginary = imaginary;

    /// <summary>The factor of the conjugate form: 1/2 for Re, 1/(2i) for Im.</summary>
    private Expr Factor => _imaginary ? Expr.Number(Cyclotomic.I.Reciprocal() * Rational.Half) : Expr.Fraction(1, 2);

    /// <summary>(z + w)/2 for Re, (z - w)/(2i) for Im, with w the conjugate side.</summary>
    private Expr Combine(Expr z, Expr conjugate) => (_imaginary ? z - conjugate : z + conjugate) * Factor;

    /// <inheritdoc />
    public override bool IsAlwaysReal => true;

    /// <inheritdoc />
    public override string LatexName => _imaginary ? "\\operatorname{Im}" : "\\operatorname{Re}";

    internal override Delegate ComplexForm => _imaginary ? ImForm : ReForm;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => _imaginary ? NumericFunctions.Im(args[0]) : NumericFunctions.Re(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) =>
        args[0].IsRealValued ? DerivativeRule.Of(_imaginary ? Expr.Zero : Expr.One)
            : DerivativeRule.NotDifferentiable($"{(_imaginary ? "Im" : "Re")} z is not holomorphic; Differentiation takes its Wirtinger derivatives");

    internal override Expr? Simplify(Expr[] args)
    {
        var x = args[0];
        if (x is NumberExpr n) return Expr.Number(_imaginary ? n.Value.ImaginaryPart() : n.Value.RealPart());
        return x.IsRealValued ? (_imaginary ? Expr.Zero : x) : null;
    }

    internal override Expr? Differentiate(FunctionExpr f, Expr v, Func<Expr, Expr, Expr> d) =>
        Combine(d(f.Argument, v), Expr.Conj(d(f.Argument, Expr.Conj(v))));

    internal override Expr? InConjugates(FunctionExpr f) => Combine(f.Argument, Expr.Conj(f.Argument));

    /// <summary>In a real domain Re z is z and Im z is 0 (the argument is still lowered, so its inputs are checked).</summary>
    internal override LExpr Lower(LinqEmitter emitter, FunctionExpr f)
    {
        if (emitter.Domain != NumericDomain.Real) return base.Lower(emitter, f);
        var z = emitter.Lower(f.Argument);
        return _imaginary ? emitter.Constant(0) : z;
    }

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f)
    {
        var z = splitter.Lower(f.Argument);
        return (_imaginary ? z.Im : z.Re, splitter.Program.Const(0));
    }
}
