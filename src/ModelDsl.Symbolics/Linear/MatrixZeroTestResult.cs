using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Linear;

/// <summary>
/// The verdict of <see cref="ExprMatrix.TestZero"/>: zero, or the first non-vanishing entry
/// (0-based row and column) with its remainder as the witness.
/// </summary>
public sealed record MatrixZeroTestResult(bool IsZero, int Row, int Column, Expr Witness)
{
    /// <inheritdoc />
    public override string ToString() =>
        IsZero ? "zero" : $"entry ({Row + 1},{Column + 1}) = {Witness} is not zero";
}
