namespace ModelDsl.Symbolics.Expressions;

/// <summary>
/// A canonical sum: at least two terms, at most one exact number (first), no nested sums,
/// no two terms differing only by a numeric coefficient, terms sorted. Built only by <see cref="Expr.Add(Expr[])"/>.
/// </summary>
public sealed class SumExpr : Expr
{
    internal SumExpr(Expr[] terms) : base(ExprOrder.HashSequence(17, terms)) => Terms = terms;

    /// <summary>The terms in canonical order.</summary>
    public IReadOnlyList<Expr> Terms { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => Terms;
}
