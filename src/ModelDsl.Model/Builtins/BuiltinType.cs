namespace ModelDsl.Model;

/// <summary>The type of a builtin parameter: real, complex, bool, vector[n] or matrix[rows, columns].</summary>
public sealed record BuiltinType(BuiltinValueKind Kind, int Rows = 0, int Columns = 0)
{
    /// <summary>A real scalar.</summary>
    public static BuiltinType Real { get; } = new(BuiltinValueKind.Real);

    /// <summary>A complex scalar.</summary>
    public static BuiltinType Complex { get; } = new(BuiltinValueKind.Complex);

    /// <summary>A switch.</summary>
    public static BuiltinType Bool { get; } = new(BuiltinValueKind.Bool);

    /// <summary>A vector of length <paramref name="n"/>.</summary>
    public static BuiltinType Vector(int n) => new(BuiltinValueKind.Vector, n);

    /// <summary>A rows x columns matrix.</summary>
    public static BuiltinType Matrix(int rows, int columns) => new(BuiltinValueKind.Matrix, rows, columns);

    /// <summary>True for vectors and matrices (given by name, not as an expression).</summary>
    public bool IsArray => Kind is BuiltinValueKind.Vector or BuiltinValueKind.Matrix;

    /// <summary>As written in docs and messages: <c>real</c>, <c>vector[3]</c>, <c>matrix[3,3]</c>.</summary>
    public override string ToString() => Kind switch
    {
        BuiltinValueKind.Vector => $"vector[{Rows}]",
        BuiltinValueKind.Matrix => $"matrix[{Rows},{Columns}]",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
