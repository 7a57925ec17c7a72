using System.Collections.Immutable;
using ModelDsl.Diagnostics;

namespace ModelDsl;

/// <summary>
/// What <see cref="ModelCompilation.CreateNumeric(string, IReadOnlyList{string}?, Func{Model.LetSpec, IReadOnlyList{object}, System.Numerics.Complex[,]}?)"/>
/// returns: the numeric model, or null when any stage (spec, card, kernel compilation, the lets at the point) has
/// errors; and every diagnostic of those stages (warnings too when there is a model).
/// </summary>
public sealed record NumericModelResult(NumericModel? Model, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when there is a model.</summary>
    public bool Succeeded => Model is not null;
}
