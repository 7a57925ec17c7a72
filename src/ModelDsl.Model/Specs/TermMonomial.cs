using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>One monomial of an expanded term: its coefficient and its field factors.</summary>
public sealed record TermMonomial(Expr Coefficient, IReadOnlyList<FieldOccurrence> Fields);
