namespace ModelDsl.Symbolics.Expressions;

/// <summary>
/// A named symbol, real or complex. Two symbols are equal when name and realness agree.
/// For a complex symbol z, <c>conj(z)</c> is a separate node, treated as independent of z by
/// the Wirtinger derivatives in <see cref="ModelDsl.Symbolics.Calculus.Differentiation"/>.
/// </summary>
public sealed class SymbolExpr : Expr, IComparable<SymbolExpr>
{
    internal SymbolExpr(string name, bool isReal) : base(HashCode.Combine(name, isReal))
    {
        Name = name;
        IsReal = isReal;
    }

    /// <summary>The name as written in infix text.</summary>
    public string Name { get; }

    /// <summary>True for a real symbol.</summary>
    public bool IsReal { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [];

    /// <inheritdoc />
    public int CompareTo(SymbolExpr? other) => other is null ? 1 : ExprOrder.Compare(this, other);
}
