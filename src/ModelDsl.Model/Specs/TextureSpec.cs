using ModelDsl.Symbolics.Linear;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// <c>texture NAME = matrix(row(...), ...)</c>: a symbolic matrix whose entries are exact expressions in
/// scalar parameters, omega and I (e.g. the Z3 texture of seed 001, eq. 2.10); a texture may be built
/// from others and from matrix parameters with + and -, e.g. a breaking overlay <c>h0 + delta_h</c>.
/// </summary>
public sealed record TextureSpec(string Name, ExprMatrix Matrix, TextSpan Span);
