using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Model;

/// <summary>The symbolic arguments of one builtin call, by parameter name: scalars as 1x1, vectors as n x 1 matrices.</summary>
public sealed class SymbolicArguments(IReadOnlyDictionary<string, ExprMatrix> values)
{
    /// <summary>A scalar parameter.</summary>
    public Expr Scalar(string name) => values[name][0, 0];

    /// <summary>A vector (n x 1) or matrix parameter.</summary>
    public ExprMatrix Matrix(string name) => values[name];
}
