namespace ModelDsl.Symbolics.Expressions;

/// <summary>
/// A canonical product: at least two factors, at most one exact number (first, not 1),
/// no nested products, distinct bases, factors sorted by base. Built only by <see cref="Expr.Multiply(Expr[])"/>.
/// </summary>
public sealed class ProductExpr : Expr
{
    internal ProductExpr(Expr[] factors) : base(ExprOrder.HashSequence(31, factors)) => Factors = factors;

    /// <summary>The factors in canonical order.</summary>
    public IReadOnlyList<Expr> Factors { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Factors;
}
