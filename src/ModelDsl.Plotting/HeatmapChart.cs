using System.Collections.Immutable;

namespace ModelDsl.Plotting;

/// <summary>
/// A 2D heatmap to render: the grid's axis values <paramref name="X"/>, <paramref name="Y"/> (ascending, finite, plot
/// coordinates), the colour <paramref name="Intensity"/> row-major (entry <c>i * Y.Length + j</c>; NaN is an empty cell;
/// plot coordinates of <see cref="ColorScale"/>, not clipped) with at least one finite entry, and contour lines.
/// Signed intensities are drawn with a diverging colour map centred on 0, the others with viridis.
/// </summary>
public sealed record HeatmapChart(string Title, string XLabel, string YLabel, string ColorLabel,
    ImmutableArray<double> X, ImmutableArray<double> Y, ImmutableArray<double> Intensity, ImmutableArray<HeatmapContour> Contours)
{
    /// <summary>The colour scale: how <see cref="Intensity"/> was mapped (its colour bar ticks show the real values) and its clip range.</summary>
    public ValueScale ColorScale { get; init; } = ValueScale.Linear;

    /// <summary>The horizontal axis's scale (its ticks show the real values of <see cref="X"/>).</summary>
    public ValueScale XScale { get; init; } = ValueScale.Linear;

    /// <summary>The vertical axis's scale (its ticks show the real values of <see cref="Y"/>).</summary>
    public ValueScale YScale { get; init; } = ValueScale.Linear;
}
