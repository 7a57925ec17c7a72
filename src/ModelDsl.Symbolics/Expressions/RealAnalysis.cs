namespace ModelDsl.Symbolics.Expressions;

/// <summary>A sufficient test that an expression takes real values whenever its real symbols do.</summary>
internal static class RealAnalysis
{
    public static bool IsReal(Expr e) => e switch
    {
        NumberExpr n => n.Value.IsReal,
        SymbolExpr s => s.IsReal,
        SumExpr s => s.Terms.All(IsReal),
        ProductExpr p => p.Factors.All(IsReal),
        PowerExpr p => IsReal(p.Exponent)
                       && ((IsReal(p.Base) && p.Exponent is NumberExpr { Value.IsInteger: true }) || IsPositive(p.Base)),
        FunctionExpr f => f.Definition.IsRealValued(f.Arguments),
        _ => false,
    };

    /// <summary>A sufficient test for a strictly positive real value.</summary>
    public static bool IsPositive(Expr e) => e switch
    {
        NumberExpr n => n.Value.IsRational && n.Value.AsRational.Sign > 0,
        FunctionExpr f => f.Definition.IsPositive(f.Arguments),
        ProductExpr p => p.Factors.All(IsPositive),
        SumExpr s => s.Terms.All(IsPositive),
        PowerExpr p => IsPositive(p.Base) && IsReal(p.Exponent),
        _ => false,
    };
}
