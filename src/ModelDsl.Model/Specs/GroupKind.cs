using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>The kinds of gauge and discrete groups.</summary>
public enum GroupKind
{
    /// <summary>SU(N), N &gt;= 2.</summary>
    SpecialUnitary,
    /// <summary>U(1).</summary>
    Unitary1,
    /// <summary>The discrete group Z(N).</summary>
    Cyclic,
}
