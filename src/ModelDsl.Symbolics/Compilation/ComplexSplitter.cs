using System.Numerics;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Functions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Compilation;

/// <summary>
/// Lowers complex expressions into a <see cref="StagedProgram"/> as pairs of real values
/// (real part, imaginary part), for a scan in which only some symbols vary. Every sub-expression
/// that depends on no varying symbol is evaluated once, here, by the <see cref="Evaluator"/>, and
/// enters the program as two constants; the rest is written in real arithmetic, with parts that
/// are exactly zero dropped (so <c>abs(z)^2</c> of a real z costs one product). The numeric
/// conventions are those of <see cref="NumericFunctions"/> (principal branches, values on a cut
/// taken from above), so the program agrees with the interpreter and the complex delegates.
/// </summary>
public sealed class ComplexSplitter
{
    private readonly StagedProgram _p;
    private readonly Func<SymbolExpr, (int Re, int Im)?> _varying;
    private readonly Func<SymbolExpr, Complex> _value;
    private readonly Dictionary<Expr, bool> _variesMemo = [];
    private readonly Dictionary<Expr, (int, int)> _memo = [];

    /// <summary>
    /// A splitter writing into <paramref name="program"/>; <paramref name="varying"/> gives the
    /// program values of a varying symbol (null for the others), <paramref name="value"/> the value
    /// of every other symbol.
    /// </summary>
    public ComplexSplitter(StagedProgram program, Func<SymbolExpr, (int Re, int Im)?> varying, Func<SymbolExpr, Complex> value)
    {
        _p = program;
        _varying = varying;
        _value = value;
    }

    /// <summary>The first node that could not be lowered, with the reason (null when all could).</summary>
    public string? Problem { get; private set; }

    /// <summary>The (real, imaginary) program values of e.</summary>
    public (int Re, int Im) Lower(Expr e)
    {
        if (_memo.TryGetValue(e, out var done)) return done;
        var result = Varies(e) ? LowerVarying(e) : Constant(Evaluator.Evaluate(e, _value));
        _memo[e] = result;
        return result;
    }

    internal bool Varies(Expr e)
    {
        if (_variesMemo.TryGetValue(e, out var v)) return v;
        v = e is SymbolExpr s ? _varying(s) is not null : e.Children.Any(Varies);
        _variesMemo[e] = v;
        return v;
    }

    private (int, int) Constant(Complex z) => (_p.Const(z.Real), _p.Const(z.Imaginary));

    private (int, int) LowerVarying(Expr e) => e switch
    {
        SymbolExpr s => _varying(s)!.Value,
        SumExpr s => Sum(s.Terms),
        ProductExpr p => Product(p.Factors),
        PowerExpr p => Power(p),
        FunctionExpr f => Function(f),
        _ => Fail(e, "unknown node"),
    };

    internal (int, int) Fail(Expr e, string why)
    {
        Problem ??= $"{e}: {why}";
        return (_p.Const(double.NaN), _p.Const(double.NaN));
    }

    private int Op(StagedOp op, int a, int b = -1, int c = -1) => _p.Op(op, a, b, c);

    internal bool IsZero(int id) => _p.IsConst(id, 0.0);

    private (int, int) Add((int Re, int Im) x, (int Re, int Im) y) => (Op(StagedOp.Add, x.Re, y.Re), Op(StagedOp.Add, x.Im, y.Im));

    private (int, int) Multiply((int Re, int Im) x, (int Re, int Im) y)
    {
        var re = Op(StagedOp.Sub, Op(StagedOp.Mul, x.Re, y.Re), Op(StagedOp.Mul, x.Im, y.Im));
        var im = Op(StagedOp.Add, Op(StagedOp.Mul, x.Re, y.Im), Op(StagedOp.Mul, x.Im, y.Re));
        return (re, im);
    }

    private (int, int) Reciprocal((int Re, int Im) x)
    {
        if (IsZero(x.Im)) return (Op(StagedOp.Div, _p.Const(1), x.Re), _p.Const(0));
        // as Complex division does it (Smith's algorithm), so that no |z|^2 overflows
        return (Op(StagedOp.ReciprocalRe, x.Re, x.Im), Op(StagedOp.ReciprocalIm, x.Re, x.Im));
    }

    private (int, int) Sum(IReadOnlyList<Expr> terms)
    {
        // invariant terms are added here once; the varying ones in the program
        var constant = Complex.Zero;
        (int, int)? acc = null;
        foreach (var t in terms)
        {
            if (!Varies(t)) { constant += Evaluator.Evaluate(t, _value); continue; }
            var x = Lower(t);
            acc = acc is null ? x : Add(acc.Value, x);
        }
        return constant == Complex.Zero ? acc!.Value : Add(Constant(constant), acc!.Value);
    }

    private (int, int) Product(IReadOnlyList<Expr> factors)
    {
        // invariant factors are multiplied here once; the varying ones in the program
        var constant = Complex.One;
        (int, int)? acc = null;
        foreach (var f in factors)
        {
            if (!Varies(f)) { constant = NumericFunctions.Multiply(constant, Evaluator.Evaluate(f, _value)); continue; }
            var x = Lower(f);
            acc = acc is null ? x : Multiply(acc.Value, x);
        }
        return constant == Complex.One ? acc!.Value : Multiply(Constant(constant), acc!.Value);
    }

    private (int, int) Power(PowerExpr p)
    {
        if (p.Exponent is not NumberExpr { Value.IsRational: true } n)
            return Fail(p, "only rational exponents are compiled for scans");
        var r = n.Value.AsRational;
        if (p.Base is FunctionExpr f && f.Definition.SplitPower(this, f, r) is { } special) return special;
        var x = Lower(p.Base);
        if (r.IsInteger && BigAbs(r) <= 64)
        {
            var k = (int)r.Numerator;
            var result = IntegerPower(x, Math.Abs(k));
            return k < 0 ? Reciprocal(result) : result;
        }
        return FractionalPower(x, r.ToDouble());
    }

    private static System.Numerics.BigInteger BigAbs(Rational r) => System.Numerics.BigInteger.Abs(r.Numerator);

    internal (int, int) IntegerPower((int, int) x, int k)
    {
        if (k == 0) return Constant(Complex.One);
        if (k == 1) return x;
        var half = IntegerPower(x, k / 2);
        var square = Multiply(half, half);
        return k % 2 == 0 ? square : Multiply(square, x);
    }

    /// <summary>Principal z^r for a non-integer real r (NumericFunctions.Pow): sqrt for r = 1/2.</summary>
    private (int, int) FractionalPower((int Re, int Im) x, double r)
    {
        if (IsZero(x.Im) && _p.IsNonNegative(x.Re))
            return (RealPower(x.Re, r), _p.Const(0));
        if (IsZero(x.Im))
        {
            // real base: |a|^r for a >= 0, |a|^r e^{i pi r} for a < 0 (arg = +pi on the cut)
            var m = RealPower(Op(StagedOp.Abs, x.Re), r);
            var negative = Op(StagedOp.Neg, x.Re);
            var (cos, sin) = r == 0.5 ? (0.0, 1.0) : (Math.Cos(Math.PI * r), Math.Sin(Math.PI * r));
            return (Op(StagedOp.Select, negative, Op(StagedOp.Mul, m, _p.Const(cos)), m),
                    Op(StagedOp.Select, negative, Op(StagedOp.Mul, m, _p.Const(sin)), _p.Const(0)));
        }
        // exp(r log z), with log z = (log|z|, arg z)
        var (logAbs, arg) = Logarithm(x);
        var scaled = (Op(StagedOp.Mul, logAbs, _p.Const(r)), Op(StagedOp.Mul, arg, _p.Const(r)));
        return Exponential(scaled);
    }

    /// <summary>a^r for a &gt;= 0: square and cube roots by their own functions, faster than pow.</summary>
    private int RealPower(int a, double r) => r switch
    {
        0.5 => Op(StagedOp.Sqrt, a),
        1.0 / 3 => Op(StagedOp.Cbrt, a),
        2.0 / 3 => Op(StagedOp.Mul, Op(StagedOp.Cbrt, a), Op(StagedOp.Cbrt, a)),
        -1.0 / 3 => Op(StagedOp.Div, _p.Const(1), Op(StagedOp.Cbrt, a)),
        -2.0 / 3 => Op(StagedOp.Div, _p.Const(1), Op(StagedOp.Mul, Op(StagedOp.Cbrt, a), Op(StagedOp.Cbrt, a))),
        _ => Op(StagedOp.Pow, a, _p.Const(r)),
    };

    internal (int, int) Exponential((int Re, int Im) x)
    {
        var e = Op(StagedOp.Exp, x.Re);
        if (IsZero(x.Im)) return (e, _p.Const(0));
        // NumericFunctions.Exp: a zero imaginary part at run time gives exactly 0, even when e overflows
        return (Op(StagedOp.Mul, e, Op(StagedOp.Cos, x.Im)), Op(StagedOp.ScaleUnlessZero, e, Op(StagedOp.Sin, x.Im)));
    }

    internal (int, int) Logarithm((int Re, int Im) x)
    {
        if (IsZero(x.Im))
        {
            // log of a real number: arg = atan2(+0, x), pi for x < 0 and for -0 (the value from above the cut)
            return (Op(StagedOp.Log, Op(StagedOp.Abs, x.Re)), Op(StagedOp.Atan2, _p.Const(0), x.Re));
        }
        // adding +0 turns a -0 imaginary part into +0: arg on the cut is +pi, as NumericFunctions.OnCut
        var im = Op(StagedOp.Add, x.Im, _p.Const(0.0));
        return (Op(StagedOp.Log, Op(StagedOp.Hypot, x.Re, x.Im)), Op(StagedOp.Atan2, im, x.Re));
    }

    private (int, int) Function(FunctionExpr f) => f.Definition.Split(this, f);

    /// <summary>sin or cos of (re, im) as Complex.Sin and Complex.Cos compute them.</summary>
    internal (int, int) SinCos((int Re, int Im) x, bool sine)
    {
        var sin = Op(StagedOp.Sin, x.Re);
        var cos = Op(StagedOp.Cos, x.Re);
        if (IsZero(x.Im)) return (sine ? sin : cos, _p.Const(0));
        // as Complex.Sin and Complex.Cos do (checked bit for bit on .NET 10): Math.Cosh and Math.Sinh
        var cosh = Op(StagedOp.Cosh, x.Im);
        var sinh = Op(StagedOp.Sinh, x.Im);
        // sin(a+ib) = sin a cosh b + i cos a sinh b; cos(a+ib) = cos a cosh b - i sin a sinh b
        return sine
            ? (Op(StagedOp.Mul, sin, cosh), Op(StagedOp.Mul, cos, sinh))
            : (Op(StagedOp.Mul, cos, cosh), Op(StagedOp.Neg, Op(StagedOp.Mul, sin, sinh)));
    }

    /// <summary>The program being written.</summary>
    internal StagedProgram Program => _p;

    /// <summary>The value of an expression that depends on no varying symbol.</summary>
    internal Complex EvaluateFixed(Expr e) => Evaluator.Evaluate(e, _value);
}
