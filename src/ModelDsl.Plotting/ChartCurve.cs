using System.Collections.Immutable;

namespace ModelDsl.Plotting;

/// <summary>One curve of a <see cref="LineChart"/>: finite points in plot coordinates (already log10 on a log axis) and its legend ("" for none).</summary>
public sealed record ChartCurve(ImmutableArray<double> X, ImmutableArray<double> Y, string Legend)
{
    /// <summary>Points drawn with a marker on the curve (e.g. where the plotted |value| comes from a negative value); empty: none.</summary>
    public ImmutableArray<bool> Marked { get; init; } = [];
}
