using System.Collections.Immutable;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Functions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// <c>table NAME = file("path")</c>: tabulated functions of one variable read from a data file (e.g. the
/// g*(T) tables of <c>data/dof/</c>). Each value column is a function of the first column, interpolated by
/// the not-a-knot cubic spline of ln y against ln x (the usual choice for h_eff(T), g_eff(T); rows with
/// x &lt;= 0 are skipped) and held constant outside [<see cref="XMin"/>, <see cref="XMax"/>], where its
/// derivative is 0. The range is exposed so a solver can put a breakpoint at its upper edge. A file with a single data
/// row is a table of named constants (e.g. a constants set such as models/lib/leptogenesis/constants/ulysses-v3.dat):
/// every column, the first included, is an exact number read as <c>t.col</c> (<see cref="Constants"/>).
/// </summary>
public sealed record TableSpec(string Name, string Path, string Variable, TextSpan Span)
{
    private readonly ImmutableDictionary<string, TabulatedFunction> _logLog = ImmutableDictionary<string, TabulatedFunction>.Empty;
    private readonly ImmutableArray<string> _columns = [];
    private readonly ImmutableDictionary<string, Rational> _constants = ImmutableDictionary<string, Rational>.Empty;

    /// <summary>The value columns in file order (the variable column excluded), e.g. <c>heff</c>, <c>geff</c>.</summary>
    public IReadOnlyList<string> Columns { get => _columns; init => _columns = [.. value]; }

    /// <summary>The smallest tabulated x used (the first row with x &gt; 0).</summary>
    public double XMin { get; init; }

    /// <summary>The largest tabulated x.</summary>
    public double XMax { get; init; }

    /// <summary>
    /// The spline S_c(u) of ln y_c against u = ln x for each column (a <see cref="TabulatedFunction"/> named
    /// <c>tab_TABLE_COLUMN_HASH</c>, HASH from the file's full path and contents, so tables of different files
    /// never share a name); a column's value is exp(S_c(ln x)).
    /// </summary>
    public IReadOnlyDictionary<string, TabulatedFunction> LogLogSplines { get => _logLog; init => _logLog = value.ToImmutableDictionary(StringComparer.Ordinal); }

    /// <summary>
    /// The columns of a table of constants (a file with one data row), each the exact decimal written in the file; empty
    /// for a table of functions.
    /// </summary>
    public IReadOnlyDictionary<string, Rational> Constants { get => _constants; init => _constants = value.ToImmutableDictionary(StringComparer.Ordinal); }

    /// <summary>True for a table of constants (one data row, no variable).</summary>
    public bool IsConstants => _constants.Count > 0;

    /// <summary>True when the table has that value column (a function, or a constant of a table of constants).</summary>
    public bool HasColumn(string column) => _logLog.ContainsKey(column) || _constants.ContainsKey(column);

    /// <summary>
    /// The column as an expression in <paramref name="x"/>: exp(S_c(log x)), differentiable symbolically
    /// (d/dx = exp(S_c(log x)) S_c'(log x)/x, with S_c' = 0 outside the table) and compiled like any function.
    /// </summary>
    public Expr Apply(string column, Expr x) => Expr.Exp(Expr.Apply(_logLog[column], Expr.Log(x)));
}
