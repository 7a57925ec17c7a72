using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>The chirality of a Weyl fermion.</summary>
public enum Chirality
{
    /// <summary>Left-handed.</summary>
    Left,
    /// <summary>Right-handed (counted as the conjugate left-handed field in anomalies).</summary>
    Right,
}
