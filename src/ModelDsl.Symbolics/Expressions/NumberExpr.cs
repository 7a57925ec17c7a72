using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Expressions;

/// <summary>An exact number in Q(zeta_12) (rationals, Gaussian rationals, omega, ...).</summary>
public sealed class NumberExpr : Expr
{
    internal NumberExpr(Cyclotomic value) : base(value.GetHashCode()) => Value = value;

    /// <summary>The exact value.</summary>
    public Cyclotomic Value { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [];
}
