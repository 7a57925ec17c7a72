using System.Collections.Immutable;
using ModelDsl.Diagnostics;

namespace ModelDsl;

/// <summary>
/// What <see cref="ModelCompilation.CreateNumeric(string, IReadOnlyList{string}?)"/>
/// returns: the numeric model, or null when any stage (spec, card, kernel compilation, the lets at the point) has
/// errors; and every diagnostic of those stages (warnings too when there is a model). <paramref name="LetFailure"/> is the let
/// that had no value at the point (its MDL0315 is among the diagnostics), with its rejected value if there was one, and
/// <paramref name="Point"/> the bound parameter point when the card bound.
/// </summary>
public sealed record NumericModelResult(NumericModel? Model, ImmutableArray<Diagnostic> Diagnostics, Kernels.LetFailure? LetFailure = null,
    Model.ParameterPoint? Point = null)
{
    /// <summary>
    /// The scan ranges the card declares (<see cref="ModelCompilation.CreateNumericForScan"/>: a ULYSSES file's <c>key low high</c>
    /// lines), in the file's order; empty otherwise.
    /// </summary>
    public ImmutableArray<Model.CardRange> CardRanges { get; init; } = [];

    /// <summary>True when there is a model.</summary>
    public bool Succeeded => Model is not null;
}
