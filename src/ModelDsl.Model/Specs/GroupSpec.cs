using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>A declared group: <c>group NAME : SU(N) | U(1) | Z(N) [coupling g]</c>.</summary>
public sealed record GroupSpec(string Name, GroupKind Kind, int N, string? Coupling, TextSpan Span)
{
    /// <summary>SU(N) or U(1) or Z(N), as written.</summary>
    public string TypeText => Kind switch { GroupKind.SpecialUnitary => $"SU({N})", GroupKind.Unitary1 => "U(1)", _ => $"Z({N})" };

    /// <summary>True for SU(N).</summary>
    public bool IsNonAbelian => Kind == GroupKind.SpecialUnitary;
}
