using System.Numerics;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using L = System.Linq.Expressions.Expression;
using LExpr = System.Linq.Expressions.Expression;
using ParameterExpression = System.Linq.Expressions.ParameterExpression;

namespace ModelDsl.Symbolics.Compilation;

/// <summary>Lowers canonical <see cref="Expr"/> trees to LINQ expression trees for one domain.</summary>
internal sealed class LinqEmitter
{
    private readonly NumericDomain _domain;
    private readonly Type _t;
    private readonly IReadOnlyList<SymbolExpr> _parameters;
    private readonly ParameterExpression _input;
    private readonly ParameterExpression?[] _locals;
    private readonly List<ParameterExpression> _temps = [];
    private readonly List<LExpr> _statements = [];
    private readonly List<LExpr> _parameterLoads = [];

    public List<CompileError> Errors { get; } = [];

    public LinqEmitter(NumericDomain domain, IReadOnlyList<SymbolExpr> parameters)
    {
        _domain = domain;
        _t = domain == NumericDomain.Real ? typeof(double) : typeof(Complex);
        _parameters = parameters;
        _input = L.Parameter(_t.MakeArrayType(), "p");
        _locals = new ParameterExpression?[parameters.Count];
    }

    public System.Linq.Expressions.LambdaExpression Emit(IReadOnlyList<Expr> outputs, bool vector)
    {
        if (!vector)
        {
            var body = Lower(outputs[0]);
            return L.Lambda(L.Block(_t, _temps.Concat(_locals.OfType<ParameterExpression>()), _parameterLoads.Concat(_statements).Append(body)), _input);
        }
        var result = L.Parameter(_t.MakeArrayType(), "result");
        for (var k = 0; k < outputs.Count; k++)
        {
            var value = Lower(outputs[k]);
            _statements.Add(L.Assign(L.ArrayAccess(result, L.Constant(k)), value));
        }
        _statements.Add(L.Empty());
        return L.Lambda(L.Block(typeof(void), _temps.Concat(_locals.OfType<ParameterExpression>()), _parameterLoads.Concat(_statements)), _input, result);
    }

    /// <summary>
    /// (inputs, outputs, count) => for n in 0..count-1: outputs[n*K + j] = f_j(inputs[n*P ..]).
    /// Parameter locals are read per point from the current row.
    /// </summary>
    public System.Linq.Expressions.LambdaExpression EmitBatch(IReadOnlyList<Expr> outputs)
    {
        var result = L.Parameter(_t.MakeArrayType(), "outputs");
        var count = L.Parameter(typeof(int), "count");
        var n = L.Variable(typeof(int), "n");
        var inRow = L.Variable(typeof(int), "inRow");
        var outRow = L.Variable(typeof(int), "outRow");
        _rowOffset = inRow;
        var body = new List<LExpr>();
        for (var k = 0; k < outputs.Count; k++)
        {
            var value = Lower(outputs[k]);
            _statements.Add(L.Assign(L.ArrayAccess(result, L.Add(outRow, L.Constant(k))), value));
        }
        var exit = L.Label("exit");
        var loop = L.Loop(
            L.IfThenElse(
                L.LessThan(n, count),
                L.Block(
                    L.Block(typeof(void), _parameterLoads.Concat(_statements).Append(L.Empty())),
                    L.Assign(n, L.Increment(n)),
                    L.AddAssign(inRow, L.Constant(_parameters.Count)),
                    L.AddAssign(outRow, L.Constant(outputs.Count))),
                L.Break(exit)),
            exit);
        var all = L.Block(typeof(void), _temps.Concat(_locals.OfType<ParameterExpression>()).Append(n).Append(inRow).Append(outRow),
            L.Assign(n, L.Constant(0)), L.Assign(inRow, L.Constant(0)), L.Assign(outRow, L.Constant(0)), loop);
        return L.Lambda(all, _input, result, count);
    }

    private ParameterExpression? _rowOffset;

    /// <summary>The constant x in the domain's type.</summary>
    public LExpr Constant(double x) =>
        _domain == NumericDomain.Real ? L.Constant(x) : L.Constant(new Complex(x, 0));

    /// <summary>Lowers a sub-expression.</summary>
    public LExpr Lower(Expr e)
    {
        switch (e)
        {
            case NumberExpr n: return LowerNumber(n);
            case SymbolExpr s: return LowerSymbol(s);
            case SumExpr s: return LowerSum(s);
            case ProductExpr p: return LowerProduct(p.Factors);
            case PowerExpr p: return LowerProduct([p]);
            case FunctionExpr f: return LowerFunction(f);
            default:
                Errors.Add(new CompileError("Unknown node type " + e.GetType().Name, e));
                return Constant(0);
        }
    }

    private LExpr LowerNumber(NumberExpr n)
    {
        var c = n.Value.ToComplex();
        if (_domain == NumericDomain.Complex) return L.Constant(c);
        if (!n.Value.IsReal)
        {
            Errors.Add(new CompileError($"The constant {n.Value} is not real; compile in the complex domain", n));
            return Constant(0);
        }
        return L.Constant(c.Real);
    }

    private LExpr LowerSymbol(SymbolExpr s)
    {
        var k = -1;
        for (var j = 0; j < _parameters.Count; j++)
            if (_parameters[j].Equals(s)) { k = j; break; }
        if (k < 0)
        {
            var sameName = _parameters.Any(p => p.Name == s.Name);
            Errors.Add(new CompileError(sameName
                ? $"Symbol '{s.Name}' is {(s.IsReal ? "real" : "complex")} here but the parameter of that name is not"
                : $"Symbol '{s.Name}' is not in the parameter list", s));
            return Constant(0);
        }
        if (_domain == NumericDomain.Real && !s.IsReal)
        {
            Errors.Add(new CompileError($"Symbol '{s.Name}' is complex; compile in the complex domain", s));
            return Constant(0);
        }
        if (_locals[k] is null)
        {
            var local = L.Variable(_t, s.Name);
            _locals[k] = local;
            LExpr read = L.ArrayIndex(_input, _rowOffset is null ? L.Constant(k) : L.Add(_rowOffset, L.Constant(k)));
            if (_domain == NumericDomain.Complex && s.IsReal)
                read = L.New(typeof(Complex).GetConstructor([typeof(double), typeof(double)])!, L.Property(read, nameof(Complex.Real)), L.Constant(0.0));
            _parameterLoads.Add(L.Assign(local, read));
        }
        return _locals[k]!;
    }

    private LExpr LowerSum(SumExpr s)
    {
        LExpr? acc = null;
        foreach (var t in s.Terms)
        {
            var (c, rest) = Canonical.SplitCoefficient(t);
            var negative = c.IsRational && c.AsRational.Sign < 0;
            var term = negative ? LowerProduct(Factors(Expr.Multiply(Expr.Number(-c), rest))) : Lower(t);
            acc = acc is null ? (negative ? L.Negate(term) : term) : negative ? L.Subtract(acc, term) : L.Add(acc, term);
        }
        return acc!;
    }

    private static IReadOnlyList<Expr> Factors(Expr e) => e is ProductExpr p ? p.Factors : [e];

    private LExpr LowerProduct(IReadOnlyList<Expr> factors)
    {
        var negate = false;
        var num = new List<LExpr>();
        var den = new List<LExpr>();
        foreach (var f in factors)
        {
            if (f is NumberExpr n && n.Value.IsRational)
            {
                var r = n.Value.AsRational;
                if (r.Sign < 0) { negate = true; r = -r; }
                if (r.IsOne) continue;
                if (r.IsInteger) num.Add(Constant(r.ToDouble()));
                else if (r.Numerator.IsOne) den.Add(Constant(Rational.FromInteger(r.Denominator).ToDouble()));
                else num.Add(Constant(r.ToDouble()));
                continue;
            }
            if (f is PowerExpr { Exponent: NumberExpr { Value.IsRational: true } ex } pw && ex.Value.AsRational.Sign < 0)
            {
                den.Add(LowerPower(pw.Base, -ex.Value.AsRational));
                continue;
            }
            num.Add(f is PowerExpr p ? LowerPowerNode(p) : Lower(f));
        }
        var numerator = num.Count == 0 ? Constant(1) : num.Aggregate(Mul);
        var result = den.Count == 0 ? numerator : L.Divide(numerator, den.Aggregate(Mul));
        return negate ? L.Negate(result) : result;
    }

    private LExpr LowerPowerNode(PowerExpr p) =>
        p.Exponent is NumberExpr { Value.IsRational: true } n
            ? LowerPower(p.Base, n.Value.AsRational)
            : Call(nameof(NumericFunctions.Pow), Lower(p.Base), Lower(p.Exponent));

    /// <summary>b^r for a positive rational r (negative exponents are handled as denominators).</summary>
    private LExpr LowerPower(Expr b, Rational r)
    {
        var baseValue = Lower(b);
        if (r.IsInteger && r.Numerator <= int.MaxValue) return Square(baseValue, (long)r.Numerator);
        if (r == Rational.Half) return Sqrt(baseValue);
        return Call(nameof(NumericFunctions.Pow), baseValue, Constant(r.ToDouble()));
    }

    private LExpr Sqrt(LExpr x) =>
        _domain == NumericDomain.Real
            ? L.Call(typeof(Math).GetMethod(nameof(Math.Sqrt), [typeof(double)])!, x)
            : Call(nameof(NumericFunctions.Sqrt), x);

    /// <summary>x^n by repeated squaring through temporaries.</summary>
    private LExpr Square(LExpr x, long n)
    {
        if (n == 1) return x;
        if (x is not ParameterExpression)
        {
            var t = L.Variable(_t);
            _temps.Add(t);
            x = Spill(t, x);
        }
        if (n == 2) return Mul(x, x);
        if (n % 2 == 0)
        {
            var half = Square(x, n / 2);
            return Square(half, 2);
        }
        return Mul(Square(x, n - 1), x);
    }

    /// <summary>A product; complex products go through NumericFunctions.Multiply (real operands stay real: no inf + NaN i).</summary>
    private LExpr Mul(LExpr a, LExpr b) =>
        _domain == NumericDomain.Real ? L.Multiply(a, b) : Call(nameof(NumericFunctions.Multiply), a, b);

    private LExpr Spill(ParameterExpression t, LExpr value)
    {
        _statements.Add(L.Assign(t, value));
        return t;
    }

    private LExpr LowerFunction(FunctionExpr f) => f.Definition.Lower(this, f);

    /// <summary>The domain being compiled.</summary>
    public NumericDomain Domain => _domain;

    /// <summary>One side of a branch lowered into its own block, with its temporaries and parameter reads, so only the chosen side runs.</summary>
    public LExpr LowerIsolated(Expr e)
    {
        var saved = _statements.ToList();
        _statements.Clear();
        var value = Lower(e);
        var block = L.Block(_t, _statements.Append(value));
        _statements.Clear();
        _statements.AddRange(saved);
        return block;
    }

    /// <summary>Records that f has no lowering in this domain and returns a placeholder.</summary>
    public LExpr Unsupported(FunctionExpr f)
    {
        Errors.Add(new CompileError($"The function '{f.Definition.Name}' has no {_domain} lowering", f));
        return Constant(0);
    }

    private LExpr Call(string name, params LExpr[] args) =>
        L.Call(typeof(NumericFunctions).GetMethod(name, args.Select(_ => _t).ToArray())!, args);
}
