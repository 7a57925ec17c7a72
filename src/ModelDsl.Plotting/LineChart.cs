using System.Collections.Immutable;

namespace ModelDsl.Plotting;

/// <summary>
/// A line plot to render: curves, dashed levels and labelled reference lines (<see cref="ChartLine"/>), axis labels and
/// the title. Every coordinate is finite (the caller drops or rejects the rest).
/// </summary>
public sealed record LineChart(string Title, string XLabel, string YLabel, ImmutableArray<ChartCurve> Curves, ImmutableArray<ChartLine> Lines, bool ShowLegend);
