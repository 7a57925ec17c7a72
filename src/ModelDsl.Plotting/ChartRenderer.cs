using System.Collections.Immutable;
using System.Globalization;
using ScottPlot;

namespace ModelDsl.Plotting;

/// <summary>
/// Draws a <see cref="LineChart"/> or a <see cref="HeatmapChart"/> with ScottPlot into a PNG file. Axes on a log or
/// symmetric-log scale carry ticks labelled with the real values (<see cref="ValueScale.Ticks"/>); a line plot's legend
/// goes where it covers no curve (<see cref="LegendPlacement"/>), a heatmap's below the plot.
/// </summary>
public static class ChartRenderer
{
    private static readonly Color[] LineColors = [Colors.DarkRed, Colors.DarkBlue, Colors.DarkGreen, Colors.DarkOrange, Colors.Purple, Colors.Teal, Colors.Brown, Colors.Gray];
    private static readonly Color[] ContourColors = [Colors.Black, Colors.DarkViolet, Colors.DarkOrange, Colors.DarkGreen];

    /// <summary>Writes a line plot; file-system errors (IOException, UnauthorizedAccessException) are the caller's to report.</summary>
    public static void SavePng(LineChart chart, string path, int width, int height)
    {
        var plot = new Plot();
        foreach (var curve in chart.Curves)
        {
            var line = plot.Add.ScatterLine(curve.X.ToArray(), curve.Y.ToArray());
            line.LineWidth = 2;
            line.LegendText = curve.Legend;
            if (curve.Marked.IsDefaultOrEmpty || !curve.Marked.Contains(true)) continue;
            var marked = Enumerable.Range(0, curve.X.Length).Where(i => curve.Marked[i]).ToArray();
            var markers = plot.Add.ScatterPoints(marked.Select(i => curve.X[i]).ToArray(), marked.Select(i => curve.Y[i]).ToArray());
            markers.Color = line.Color;
            markers.MarkerSize = 5;
            markers.MarkerShape = MarkerShape.OpenCircle;
        }
        var labelled = 0;
        foreach (var l in chart.Lines)
        {
            var h = plot.Add.HorizontalLine(l.At);
            if (l.Label is null)
            {
                h.LinePattern = LinePattern.Dashed;
                h.LineColor = Colors.Gray;
                continue;
            }
            h.LinePattern = LinePattern.Dotted;
            h.LineColor = LineColors[labelled++ % LineColors.Length];
            h.LineWidth = 1.5f;
            h.LegendText = l.Label;
        }
        plot.XLabel(chart.XLabel);
        plot.YLabel(chart.YLabel);
        plot.Title(chart.Title);
        if (chart.YScale is { Lo: { } lo, Hi: { } hi }) plot.Axes.SetLimitsY(chart.YScale.Map(lo), chart.YScale.Map(hi));
        SetTicks(plot.Axes.Bottom, chart.XScale);
        SetTicks(plot.Axes.Left, chart.YScale);
        if (chart.ShowLegend) PlaceLegend(plot, chart, width, height);
        plot.SavePng(path, width, height);
    }

    /// <summary>
    /// Renders once with the legend in a corner to learn the data area, the axis limits and the legend's size, then
    /// moves the legend to the corner no curve or reference line enters, or outside right of the plot.
    /// </summary>
    private static void PlaceLegend(Plot plot, LineChart chart, int width, int height)
    {
        plot.ShowLegend();
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.GetImage(width, height).Dispose();
        var data = plot.RenderManager.LastRender.DataRect;
        var size = plot.Legend.LastRenderSize;
        var limits = plot.Axes.GetLimits();
        // the legend's margin from the frame (10 px on each side) plus a few pixels of air
        const double pad = 14;
        var polylines = chart.Curves.Select(c => (c.X, c.Y))
            .Concat(chart.Lines.Select(l => (ImmutableArray.Create(limits.Left, limits.Right), ImmutableArray.Create(l.At, l.At))));
        var corner = LegendPlacement.Choose(polylines, limits.Left, limits.Right, limits.Bottom, limits.Top,
            (size.Width + pad) / data.Width, (size.Height + pad) / data.Height);
        plot.Axes.SetLimits(limits);
        if (corner == LegendCorner.Outside)
        {
            plot.ShowLegend(Edge.Right);
            return;
        }
        plot.Legend.Alignment = corner switch
        {
            LegendCorner.UpperLeft => Alignment.UpperLeft,
            LegendCorner.LowerLeft => Alignment.LowerLeft,
            LegendCorner.LowerRight => Alignment.LowerRight,
            _ => Alignment.UpperRight,
        };
    }

    /// <summary>Ticks labelled with real values on a log, symmetric-log or clipped axis; a plain linear axis keeps ScottPlot's own.</summary>
    private static void SetTicks(IAxis axis, ValueScale scale, bool clippedLow = false, bool clippedHigh = false)
    {
        if (scale.Kind != ValueScaleKind.Linear || clippedLow || clippedHigh) axis.TickGenerator = new ScaleTickGenerator(scale, clippedLow, clippedHigh);
    }

    /// <summary>Writes a heatmap with its contour lines; file-system errors are the caller's to report.</summary>
    public static void SavePng(HeatmapChart chart, string path, int width, int height)
    {
        var plot = new Plot();
        double[] tx = [.. chart.X], ty = [.. chart.Y];
        var scale = chart.ColorScale;
        var intensities = new double[ty.Length, tx.Length];
        for (var i = 0; i < tx.Length; i++)
            for (var j = 0; j < ty.Length; j++)
                intensities[ty.Length - 1 - j, i] = scale.Clip(chart.Intensity[i * ty.Length + j]);
        var finite = chart.Intensity.Where(double.IsFinite).ToList();
        double min = scale.Lo is { } lo ? scale.Map(lo) : finite.Min(), max = scale.Hi is { } hi ? scale.Map(hi) : finite.Max();
        if (!(max > min)) (min, max) = (min - 0.5, max + 0.5);
        bool clippedLow = scale.Lo is not null && finite.Min() < min, clippedHigh = scale.Hi is not null && finite.Max() > max;
        var heatmap = plot.Add.Heatmap(intensities);
        var dx = tx.Length > 1 ? (tx[^1] - tx[0]) / (tx.Length - 1) / 2 : 0.5;
        var dy = ty.Length > 1 ? (ty[^1] - ty[0]) / (ty.Length - 1) / 2 : 0.5;
        heatmap.Extent = new CoordinateRect(tx[0] - dx, tx[^1] + dx, ty[0] - dy, ty[^1] + dy);
        var signed = scale.Kind != ValueScaleKind.Log && min < 0 && max > 0;
        heatmap.Colormap = signed ? new CentredColormap(min, max) : new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(min, max);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = chart.ColorLabel;
        SetTicks(bar.Axis, scale, clippedLow, clippedHigh);
        var main = 0;
        foreach (var c in chart.Contours)
        {
            var field = new double[tx.Length, ty.Length];
            for (var i = 0; i < tx.Length; i++)
                for (var j = 0; j < ty.Length; j++)
                    field[i, j] = c.Field[i * ty.Length + j];
            var first = !c.Overlay && main == 0;
            var color = c.Overlay ? (signed ? Colors.DarkGreen : Colors.White) : ContourColors[main++ % ContourColors.Length];
            var lineWidth = first ? 3.5f : 2.5f;
            var tolerance = 1e-9 * Math.Max(tx[^1] - tx[0] + ty[^1] - ty[0], 1e-300);
            foreach (var polyline in Contours.Join(Contours.Segments(tx, ty, field, c.Level), tolerance))
            {
                var line = plot.Add.ScatterLine(polyline.Select(p => p.X).ToArray(), polyline.Select(p => p.Y).ToArray());
                line.LineWidth = lineWidth;
                line.LineColor = color;
                if (c.Overlay) line.LinePattern = LinePattern.Dashed;
            }
            var legend = plot.Add.ScatterLine(Array.Empty<double>(), Array.Empty<double>());
            legend.LineColor = c.Overlay && !signed ? Colors.Gray : color;
            legend.LineWidth = lineWidth;
            if (c.Overlay) legend.LinePattern = LinePattern.Dashed;
            legend.LegendText = $"{c.Legend} = {c.Level.ToString("G4", CultureInfo.InvariantCulture)}";
        }
        if (chart.Contours.Length > 0) plot.ShowLegend(Edge.Bottom);
        plot.XLabel(chart.XLabel);
        plot.YLabel(chart.YLabel);
        plot.Axes.SetLimits(tx[0] - dx, tx[^1] + dx, ty[0] - dy, ty[^1] + dy);
        SetTicks(plot.Axes.Bottom, chart.XScale);
        SetTicks(plot.Axes.Left, chart.YScale);
        plot.Title(chart.Title);
        plot.SavePng(path, width, height);
    }
}
