using System.Numerics;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// A declared parameter: scalar, vector <c>[n]</c> or matrix <c>[rows, cols]</c>, real or complex,
/// with symmetry flags, card-checking flags (<c>mass</c>: a card value needs an energy unit and is
/// stored in GeV; <c>positive</c>, <c>nonnegative</c>; <c>ordered</c>: light-neutrino masses that must
/// follow the card's mass ordering) and an optional default value.
/// </summary>
public sealed record ParameterSpec(
    string Name, int Rows, int Columns, bool IsComplex, bool IsSymmetric, bool IsHermitian, bool IsDiagonal, bool IsImplicit, TextSpan Span)
{
    /// <summary>0 scalar, 1 vector, 2 matrix.</summary>
    public int Rank => Rows == 0 ? 0 : Columns == 0 ? 1 : 2;

    /// <summary>True for a vector or matrix parameter (used with indices).</summary>
    public bool IsMatrix => Rank > 0;

    /// <summary>The symbol name of component <paramref name="flat"/> (row-major): <c>NAME</c>, <c>NAME[i]</c> or <c>NAME[i,j]</c>.</summary>
    public string ComponentName(int flat) => Rank switch
    {
        0 => Name,
        1 => $"{Name}[{flat + 1}]",
        _ => $"{Name}[{flat / Columns + 1},{flat % Columns + 1}]",
    };

    /// <summary>The index ranges: [], [n] or [rows, cols].</summary>
    public int[] Dimensions => Rank switch { 0 => [], 1 => [Rows], _ => [Rows, Columns] };

    /// <summary>A card value needs an energy unit; stored in GeV.</summary>
    public bool IsMass { get; init; }

    /// <summary>Card values must be &gt; 0.</summary>
    public bool IsPositive { get; init; }

    /// <summary>Card values must be &gt;= 0.</summary>
    public bool IsNonNegative { get; init; }

    /// <summary>Light-neutrino masses: ascending for normal ordering, m3 &lt; m1 &lt; m2 for inverted.</summary>
    public bool IsOrdered { get; init; }

    /// <summary>A switch (<c>param x : bool</c>): card values <c>true</c>/<c>false</c>, stored as 1/0; passed to builtins' bool parameters.</summary>
    public bool IsBool { get; init; }

    /// <summary>
    /// A table choice (<c>param dofs : table = hp_c</c>): the declared tables it may name, in declaration order; its
    /// value is the 1-based position of the chosen one, and <c>dofs.heff(T)</c> selects that table's column. Null otherwise.
    /// </summary>
    public IReadOnlyList<string>? TableChoices { get => _tableChoices; init => _tableChoices = value is null ? null : [.. value]; }

    private readonly System.Collections.Immutable.ImmutableArray<string>? _tableChoices;

    /// <summary>The columns the kernels read through a table choice (<c>heff</c> in <c>dofs.heff(T)</c>): the chosen table must have them.</summary>
    public IReadOnlyList<string> TableColumns { get => _tableColumns; init => _tableColumns = [.. value]; }

    private readonly System.Collections.Immutable.ImmutableArray<string> _tableColumns = [];

    /// <summary>The value used when a card does not give one (null: the card must).</summary>
    public Complex? Default { get; init; }

    /// <summary>The symbol of a scalar parameter (real or complex as declared).</summary>
    public SymbolExpr Symbol => IsComplex ? Expr.Complex(Name) : Expr.Real(Name);

    /// <summary>
    /// A vector (n x 1) or matrix parameter as a matrix of its component symbols <c>NAME[i]</c> or
    /// <c>NAME[i,j]</c>, the names kernels use for them.
    /// </summary>
    public ExprMatrix SymbolMatrix()
    {
        SymbolExpr Component(string name) => IsComplex ? Expr.Complex(name) : Expr.Real(name);
        return Rank == 1
            ? ExprMatrix.Create(Rows, 1, (i, _) => Component($"{Name}[{i + 1}]"))
            : ExprMatrix.Create(Rows, Columns, (i, j) => Component($"{Name}[{i + 1},{j + 1}]"));
    }
}
