using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// <c>texture NAME = matrix(row(...), ...)</c>: a symbolic matrix whose entries are exact expressions in
/// scalar parameters, omega and I (e.g. the Z3 texture of seed 001, eq. 2.10); a texture may be built
/// from others and from matrix parameters with + and -, e.g. a breaking overlay <c>h0 + delta_h</c>.
/// </summary>
public sealed record TextureSpec(string Name, ExprMatrix Matrix, TextSpan Span)
{
    /// <summary>True for a vector (an n x 1 <see cref="Matrix"/> read with one index, e.g. the widths <c>Gamma[1]</c>).</summary>
    public bool IsVector { get; init; }

    /// <summary>The quantity derived from the Lagrangian terms that it holds (<c>decay_width(N)</c>), or null for a written texture.</summary>
    public string? DerivedFrom { get; init; }

    /// <summary>Its shape as kernels index it: [rows] for a vector, [rows, columns] otherwise.</summary>
    public int[] Dimensions => IsVector ? [Matrix.Rows] : [Matrix.Rows, Matrix.Columns];

    /// <summary>The entry at 1-based indices (one for a vector, two otherwise).</summary>
    public Expr Entry(IReadOnlyList<int> indices) => Matrix[indices[0] - 1, indices.Count > 1 ? indices[1] - 1 : 0];
}
