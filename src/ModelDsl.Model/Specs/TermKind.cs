using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>The kinds of Lagrangian terms.</summary>
public enum TermKind
{
    /// <summary>A scalar potential term (no fermions).</summary>
    Potential,
    /// <summary>A Yukawa term: two fermions and at least one scalar.</summary>
    Yukawa,
    /// <summary>A Majorana-type term: two fermions of the same chirality, both plain or both conjugated (a mass or a scalar coupling).</summary>
    Majorana,
}
