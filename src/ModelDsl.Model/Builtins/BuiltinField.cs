namespace ModelDsl.Model;

/// <summary>
/// A named field of a builtin's result: a scalar (<see cref="Rows"/> 0), a vector (<see cref="Columns"/> 0) or a matrix.
/// The spec reads it as <c>F.NAME</c>, <c>F.NAME[i]</c> or <c>F.NAME[i,j]</c>; a builtin whose result is one field named
/// "" is a plain matrix, read as <c>U[i,j]</c>.
/// </summary>
public sealed record BuiltinField(string Name, int Rows, int Columns, bool IsComplex, string Description)
{
    /// <summary>A real scalar field.</summary>
    public static BuiltinField RealScalar(string name, string description) => new(name, 0, 0, false, description);

    /// <summary>A real vector field of length n.</summary>
    public static BuiltinField RealVector(string name, int n, string description) => new(name, n, 0, false, description);

    /// <summary>A complex matrix field.</summary>
    public static BuiltinField ComplexMatrix(string name, int rows, int columns, string description) => new(name, rows, columns, true, description);

    /// <summary>
    /// The builtin parameter (a vector of masses) whose states label this matrix's rows, or null: <c>casas_ibarra</c>'s Y[i,a]
    /// has row i for the heavy neutrino of mass M[i]. A term that uses the matrix with the field of those masses (the field
    /// whose Majorana term has that vector as its coupling) on its columns is an index-order error (MDL0285).
    /// </summary>
    public string? RowsFollow { get; init; }

    /// <summary>0 scalar, 1 vector, 2 matrix.</summary>
    public int Rank => Rows == 0 ? 0 : Columns == 0 ? 1 : 2;

    /// <summary>The index ranges: [], [n] or [rows, cols].</summary>
    public int[] Dimensions => Rank switch { 0 => [], 1 => [Rows], _ => [Rows, Columns] };

    /// <summary>Rows of the value as stored (1 for a scalar).</summary>
    public int StoredRows => Math.Max(Rows, 1);

    /// <summary>Columns of the value as stored (1 for a scalar or vector).</summary>
    public int StoredColumns => Math.Max(Columns, 1);

    /// <summary>The type as written in docs: <c>real</c>, <c>real vector[3]</c>, <c>complex matrix[3,3]</c>.</summary>
    public string TypeText => (IsComplex ? "complex" : "real") + Rank switch { 0 => "", 1 => $" vector[{Rows}]", _ => $" matrix[{Rows},{Columns}]" };
}
