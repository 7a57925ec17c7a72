using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>A declared parameter: scalar or matrix, real or complex, with symmetry flags.</summary>
public sealed record ParameterSpec(
    string Name, int Rows, int Columns, bool IsComplex, bool IsSymmetric, bool IsHermitian, bool IsDiagonal, bool IsImplicit, TextSpan Span)
{
    /// <summary>True for a matrix parameter (declared with [rows, cols]).</summary>
    public bool IsMatrix => Rows > 0;

    /// <summary>The symbol of a scalar parameter (real or complex as declared).</summary>
    public SymbolExpr Symbol => IsComplex ? Expr.Complex(Name) : Expr.Real(Name);
}
