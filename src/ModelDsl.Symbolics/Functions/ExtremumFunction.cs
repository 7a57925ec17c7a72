using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// min or max of two or more real arguments: nested calls flattened, exact rationals folded into one,
/// repeated arguments dropped, arguments sorted. The partial derivative with respect to a_k is
/// theta(min(others) - a_k) for min and theta(a_k - max(others)) for max (theta(0) = 1/2).
/// </summary>
public abstract class ExtremumFunction : FunctionDefinition
{
    private static readonly Func<double, double, double> RealMin = Math.Min, RealMax = Math.Max;
    private static readonly Func<Complex, Complex, Complex> ComplexMin = NumericFunctions.Min, ComplexMax = NumericFunctions.Max;
    private readonly bool _isMin;

    private protected ExtremumFunction(string name, int rank, bool isMin) : base(name, rank) => _isMin = isMin;

    /// <inheritdoc />
    public override int MinArity => 2;

    /// <inheritdoc />
    public override int MaxArity => int.MaxValue;

    /// <inheritdoc />
    public override bool IsAlwaysReal => true;

    /// <inheritdoc />
    public override bool NeedsRealArguments => true;

    /// <inheritdoc />
    public override string LatexName => _isMin ? "\\min" : "\\max";

    internal override Delegate RealForm => _isMin ? RealMin : RealMax;

    internal override Delegate ComplexForm => _isMin ? ComplexMin : ComplexMax;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args)
    {
        var r = args[0].Real;
        foreach (var a in args[1..]) r = _isMin ? Math.Min(r, a.Real) : Math.Max(r, a.Real);
        return r;
    }

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k)
    {
        var a = args[k];
        var others = args.Where((_, j) => j != k).ToArray();
        var rest = others.Length == 1 ? others[0] : Expr.Apply(this, others);
        return DerivativeRule.Of(Expr.Theta(_isMin ? rest - a : a - rest));
    }

    internal override Expr? Simplify(Expr[] args)
    {
        var flat = new List<Expr>();
        Rational? best = null;
        foreach (var a in args.SelectMany(a => a is FunctionExpr f && f.Definition == this ? f.Arguments : [a]))
        {
            if (a is NumberExpr { Value.IsRational: true } na)
            {
                var r = na.Value.AsRational;
                if (best is null || (_isMin ? r < best : r > best)) best = r;
            }
            else if (!flat.Contains(a)) flat.Add(a);
        }
        if (best is not null) flat.Add(Expr.Number(best));
        flat.Sort(ExprOrder.Compare);
        return flat.Count == 1 ? flat[0] : new FunctionExpr(this, flat.ToArray());
    }

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f)
    {
        var op = _isMin ? StagedOp.Min : StagedOp.Max;
        return (f.Arguments.Select(a => splitter.Lower(a).Re).Aggregate((a, b) => splitter.Program.Op(op, a, b)), splitter.Program.Const(0));
    }
}
