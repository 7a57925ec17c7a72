using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>A field in a monomial, plain or conjugated (conj/bar/dag).</summary>
public sealed record FieldOccurrence(FieldSpec Field, bool Conjugated)
{
    /// <summary>Its generation index as written: a free index name (<c>i</c>), a number (<c>"2"</c>), or null for a one-generation field.</summary>
    public string? Index { get; init; }
}
