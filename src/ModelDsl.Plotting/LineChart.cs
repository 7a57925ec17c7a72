using System.Collections.Immutable;

namespace ModelDsl.Plotting;

/// <summary>
/// A line plot to render: curves, dashed levels and labelled reference lines (<see cref="ChartLine"/>), axis labels and
/// the title. Every coordinate is finite (the caller drops or rejects the rest).
/// </summary>
public sealed record LineChart(string Title, string XLabel, string YLabel, ImmutableArray<ChartCurve> Curves, ImmutableArray<ChartLine> Lines, bool ShowLegend)
{
    /// <summary>The horizontal axis's scale: how the curves' X were mapped (its ticks show the real values).</summary>
    public ValueScale XScale { get; init; } = ValueScale.Linear;

    /// <summary>The vertical axis's scale: how Y was mapped; a clip range fixes the axis's limits.</summary>
    public ValueScale YScale { get; init; } = ValueScale.Linear;
}
