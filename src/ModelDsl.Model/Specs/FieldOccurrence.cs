using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>A field in a monomial, plain or conjugated (conj/bar/dag).</summary>
public sealed record FieldOccurrence(FieldSpec Field, bool Conjugated);
