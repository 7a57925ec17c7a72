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
        FunctionExpr { Kind: FunctionKind.IfPos } f => IsReal(f.Arguments[1]) && IsReal(f.Arguments[2]),
        FunctionExpr f => FunctionInfo.IsAlwaysReal(f.Kind)
                          || (f.Kind is FunctionKind.Exp or FunctionKind.Sin or FunctionKind.Cos or FunctionKind.Atan && IsReal(f.Argument)),
        _ => false,
    };

    /// <summary>A sufficient test for a strictly positive real value.</summary>
    public static bool IsPositive(Expr e) => e switch
    {
        NumberExpr n => n.Value.IsRational && n.Value.AsRational.Sign > 0,
        FunctionExpr { Kind: FunctionKind.Exp } f => IsReal(f.Argument),
        ProductExpr p => p.Factors.All(IsPositive),
        SumExpr s => s.Terms.All(IsPositive),
        PowerExpr p => IsPositive(p.Base) && IsReal(p.Exponent),
        _ => false,
    };
}
