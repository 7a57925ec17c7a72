using System.Numerics;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>One argument of a matrix builtin: the name of a vector/matrix, or a scalar expression.</summary>
public sealed record LetArgument(string? ArrayName, Expr? Scalar);

/// <summary><c>let NAME = builtin(args)</c>: a complex matrix computed numerically per parameter point by a library builtin.</summary>
public sealed record LetSpec(string Name, MatrixBuiltin Builtin, IReadOnlyList<LetArgument> Arguments, TextSpan Span)
{
    /// <summary>Rows of the result.</summary>
    public int Rows => Builtin.Rows;

    /// <summary>Columns of the result.</summary>
    public int Columns => Builtin.Columns;
}
