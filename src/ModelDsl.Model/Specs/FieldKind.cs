using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>Fermion or scalar.</summary>
public enum FieldKind
{
    /// <summary>A Weyl fermion (with chirality).</summary>
    Fermion,
    /// <summary>A scalar.</summary>
    Scalar,
}
