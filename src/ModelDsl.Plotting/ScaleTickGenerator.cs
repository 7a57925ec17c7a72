using ScottPlot;

namespace ModelDsl.Plotting;

/// <summary>ScottPlot's tick source for an axis or colour bar on a <see cref="ValueScale"/>: <see cref="ValueScale.Ticks"/> over the range shown at each render.</summary>
internal sealed class ScaleTickGenerator(ValueScale scale, bool clippedLow, bool clippedHigh) : ITickGenerator
{
    public Tick[] Ticks { get; set; } = [];

    public int MaxTickCount { get; set; } = 10_000;

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle) =>
        Ticks = [.. scale.Ticks(range.Min, range.Max, clippedLow, clippedHigh).Select(t => t.Major ? Tick.Major(t.Position, t.Label) : Tick.Minor(t.Position))];
}
