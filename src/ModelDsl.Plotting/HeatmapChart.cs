using System.Collections.Immutable;

namespace ModelDsl.Plotting;

/// <summary>
/// A 2D heatmap to render: the grid's axis values <paramref name="X"/>, <paramref name="Y"/> (ascending, finite, plot
/// coordinates), the colour <paramref name="Intensity"/> row-major (entry <c>i * Y.Length + j</c>; NaN is an empty cell)
/// with at least one finite entry, and contour lines.
/// </summary>
public sealed record HeatmapChart(string Title, string XLabel, string YLabel, string ColorLabel,
    ImmutableArray<double> X, ImmutableArray<double> Y, ImmutableArray<double> Intensity, ImmutableArray<HeatmapContour> Contours);
