using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>sign(x) in {-1, 0, 1} of a real argument (NaN for NaN); sign' = 0 away from 0 (no distributions).</summary>
public sealed class SignFunction : FunctionDefinition
{
    /// <summary>The definition.</summary>
    public static readonly SignFunction Instance = new();

    private SignFunction() : base("sign", 9) { }

    /// <inheritdoc />
    public override bool IsAlwaysReal => true;

    /// <inheritdoc />
    public override bool NeedsRealArguments => true;

    /// <inheritdoc />
    public override string LatexName => "\\operatorname{sign}";

    internal override Delegate RealForm { get; } = new Func<double, double>(NumericFunctions.Sign);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex>(NumericFunctions.Sign);

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => NumericFunctions.Sign(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => DerivativeRule.Of(Expr.Zero);

    internal override Expr? Simplify(Expr[] args)
    {
        var x = args[0];
        if (x is NumberExpr n && n.Value.IsRational) return Expr.Number(n.Value.AsRational.Sign);
        if (x is FunctionExpr f && f.Definition == this) return x;
        return null;
    }

    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f) =>
        (splitter.Program.Op(StagedOp.Sign, splitter.Lower(f.Argument).Re), splitter.Program.Const(0));
}
