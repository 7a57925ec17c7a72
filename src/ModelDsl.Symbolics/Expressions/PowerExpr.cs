namespace ModelDsl.Symbolics.Expressions;

/// <summary>A canonical power base^exponent (exponent never 0 or 1). Built only by <see cref="Expr.Pow(Expr, Expr)"/>.</summary>
public sealed class PowerExpr : Expr
{
    internal PowerExpr(Expr b, Expr e) : base(HashCode.Combine(43, b, e))
    {
        Base = b;
        Exponent = e;
    }

    /// <summary>The base.</summary>
    public Expr Base { get; }

    /// <summary>The exponent.</summary>
    public Expr Exponent { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [Base, Exponent];
}
