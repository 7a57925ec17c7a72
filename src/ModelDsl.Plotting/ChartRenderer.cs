using System.Globalization;
using ScottPlot;

namespace ModelDsl.Plotting;

/// <summary>Draws a <see cref="LineChart"/> or a <see cref="HeatmapChart"/> with ScottPlot into a PNG file.</summary>
public static class ChartRenderer
{
    private static readonly Color[] LineColors = [Colors.DarkRed, Colors.DarkBlue, Colors.DarkGreen, Colors.DarkOrange, Colors.Purple, Colors.Teal, Colors.Brown, Colors.Gray];
    private static readonly Color[] ContourColors = [Colors.Red, Colors.Black, Colors.Magenta, Colors.Orange];

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
        if (chart.ShowLegend) plot.ShowLegend();
        // reference lines usually mark upper bounds on falling curves: keep the legend out of the lower corner
        if (labelled > 0) plot.Legend.Alignment = Alignment.UpperRight;
        plot.Title(chart.Title);
        plot.SavePng(path, width, height);
    }

    /// <summary>Writes a heatmap with its contour lines; file-system errors are the caller's to report.</summary>
    public static void SavePng(HeatmapChart chart, string path, int width, int height)
    {
        var plot = new Plot();
        double[] tx = [.. chart.X], ty = [.. chart.Y];
        var intensities = new double[ty.Length, tx.Length];
        for (var i = 0; i < tx.Length; i++)
            for (var j = 0; j < ty.Length; j++)
                intensities[ty.Length - 1 - j, i] = chart.Intensity[i * ty.Length + j];
        var heatmap = plot.Add.Heatmap(intensities);
        var dx = tx.Length > 1 ? (tx[^1] - tx[0]) / (tx.Length - 1) / 2 : 0.5;
        var dy = ty.Length > 1 ? (ty[^1] - ty[0]) / (ty.Length - 1) / 2 : 0.5;
        heatmap.Extent = new CoordinateRect(tx[0] - dx, tx[^1] + dx, ty[0] - dy, ty[^1] + dy);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap).Label = chart.ColorLabel;
        var main = 0;
        foreach (var c in chart.Contours)
        {
            var field = new double[tx.Length, ty.Length];
            for (var i = 0; i < tx.Length; i++)
                for (var j = 0; j < ty.Length; j++)
                    field[i, j] = c.Field[i * ty.Length + j];
            var color = c.Overlay ? Colors.White : ContourColors[main++ % ContourColors.Length];
            foreach (var ((x1, y1), (x2, y2)) in Contours.Segments(tx, ty, field, c.Level))
            {
                var segment = plot.Add.Line(x1, y1, x2, y2);
                segment.LineWidth = 2;
                segment.LineColor = color;
                if (c.Overlay) segment.LinePattern = LinePattern.Dashed;
            }
            var legend = plot.Add.ScatterLine(Array.Empty<double>(), Array.Empty<double>());
            legend.LineColor = c.Overlay ? Colors.Gray : color;
            if (c.Overlay) legend.LinePattern = LinePattern.Dashed;
            legend.LegendText = $"{c.Legend} = {c.Level.ToString("G4", CultureInfo.InvariantCulture)}";
        }
        if (chart.Contours.Length > 0) plot.ShowLegend();
        plot.XLabel(chart.XLabel);
        plot.YLabel(chart.YLabel);
        plot.Axes.SetLimits(tx[0] - dx, tx[^1] + dx, ty[0] - dy, ty[^1] + dy);
        plot.Title(chart.Title);
        plot.SavePng(path, width, height);
    }
}
