using System.Globalization;
using ModelDsl.Kernels.Scans;
using ScottPlot;

namespace ModelDsl.Plotting;

/// <summary>
/// What <c>modeldsl plot RESULTS --x NAME [--y NAME | --series NAME] --z KERNEL[,KERNEL] [--contours 1,-1]
/// [--logx] [--logy] [--logz] --out FILE.png</c> does: a line plot of kernels against one axis (one curve per
/// value of a --series axis), or a 2D heatmap of a kernel over two axes with contour lines at the given
/// levels. Log axes plot log10 of the values (the label says so).
/// </summary>
public static class PlotCommand
{
    /// <summary>The options of one plot.</summary>
    public sealed record Options(IReadOnlyList<string> Results, string X, string? Y, string? Series, IReadOnlyList<string> Z, IReadOnlyList<double> Contours,
        bool LogX, bool LogY, bool LogZ, string Out, string? Title, int Width = 900, int Height = 650)
    {
        /// <summary>2D only: contours of a second kernel drawn over the heatmap (kernel, levels).</summary>
        public (string Kernel, IReadOnlyList<double> Levels)? Overlay { get; init; }

        /// <summary>1D only: labelled horizontal reference lines (label, value), e.g. experimental limits.</summary>
        public IReadOnlyList<(string Label, double Value)> Lines { get; init; } = [];
    }

    /// <summary>
    /// Draws the plot; returns the exit code (2 for a bad option, with the reason). A line plot may
    /// take several results files (one set of curves each, labelled by their --set overrides).
    /// </summary>
    public static int Run(Options o, TextWriter output, TextWriter error)
    {
        if (o.Results.Count > 1 && o.Y is not null) { error.WriteLine("modeldsl: a 2D plot takes one results file"); return ExitCode.Usage; }
        var stores = new List<ResultStore>();
        try
        {
            foreach (var path in o.Results)
            {
                var opened = ResultStore.OpenExisting(path, out var problem);
                if (opened is null) { error.WriteLine($"modeldsl: {problem}"); return ExitCode.Usage; }
                stores.Add(opened);
            }
            var plot = new Plot();
            foreach (var store in stores)
            {
                var code = Draw(plot, store, stores.Count > 1, o, error);
                if (code != 0) return code;
            }
            var meta = stores[0].Meta;
            plot.Title(o.Title ?? $"{meta.GetValueOrDefault("model")}: {meta.GetValueOrDefault("card")}");
            try
            {
                plot.SavePng(o.Out, o.Width, o.Height);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
            {
                error.WriteLine($"modeldsl: cannot write {o.Out}: {e.Message}");
                return ExitCode.Usage;
            }
            output.WriteLine($"wrote {o.Out}");
            return 0;
        }
        finally
        {
            foreach (var s in stores) s.Dispose();
        }
    }

    private static int Draw(Plot plot, ResultStore store, bool labelByFile, Options o, TextWriter error)
    {
        string? Check(string name, IReadOnlyList<string> among, string what) =>
            among.Contains(name) ? null : $"'{name}' is not {what} of the results ({string.Join(", ", among)})";
        var bad = Check(o.X, store.Axes, "an axis")
                  ?? (o.Y is null ? null : Check(o.Y, store.Axes, "an axis"))
                  ?? (o.Series is null ? null : Check(o.Series, store.Axes, "an axis"))
                  ?? o.Z.Select(z => Check(z, store.Kernels, "a kernel")).FirstOrDefault(x => x is not null)
                  ?? (o.Overlay is { } ov ? Check(ov.Kernel, store.Kernels, "a kernel") : null);
        if (bad is not null) { error.WriteLine($"modeldsl: {bad}"); return ExitCode.Usage; }
        if (o.Y is not null && o.Z.Count != 1) { error.WriteLine("modeldsl: a 2D plot shows one kernel (--z NAME)"); return ExitCode.Usage; }
        if (o.Y is null && o.Overlay is not null) { error.WriteLine("modeldsl: --overlay draws contours over a 2D heatmap (give --y)"); return ExitCode.Usage; }
        if (o.Y is not null && o.Lines.Count > 0) { error.WriteLine("modeldsl: --lines draws reference lines on a line plot (no --y)"); return ExitCode.Usage; }
        if ((o.LogY || o.LogZ) && o.Lines.FirstOrDefault(l => !(l.Value > 0)) is { Label: { } badLine })
        {
            error.WriteLine($"modeldsl: --lines '{badLine}' is not positive, so it has no place on a log axis");
            return ExitCode.Usage;
        }
        var others = store.Axes.Except(new[] { o.X, o.Y, o.Series }.OfType<string>()).ToList();
        if (others.Count > 0) { error.WriteLine($"modeldsl: the scan has more axes than the plot uses: {string.Join(", ", others)}"); return ExitCode.Usage; }

        var names = store.Axes.Concat(store.Kernels).ToList();
        var rows = store.ReadAll().ToList();
        double Col(ScanRow r, string name) => r.Values[names.IndexOf(name)];
        double Tx(double v, bool log) => log ? (v > 0 ? Math.Log10(v) : double.NaN) : v;
        string Label(string name, bool log) => log ? $"log10 {name}" : name;

        var fileLabel = labelByFile ? (store.Meta.GetValueOrDefault("sets") is { Length: > 0 } sets ? sets : store.Meta.GetValueOrDefault("card") ?? "") : "";
        if (o.Y is null)
        {
            var groups = o.Series is null ? [rows] : rows.GroupBy(r => Col(r, o.Series)).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
            foreach (var group in groups)
                foreach (var z in o.Z)
                {
                    var sorted = group.OrderBy(r => Col(r, o.X)).ToList();
                    var xs = sorted.Select(r => Tx(Col(r, o.X), o.LogX)).ToArray();
                    var ys = sorted.Select(r => Tx(o.LogZ ? Math.Abs(Col(r, z)) : Col(r, z), o.LogZ || o.LogY)).ToArray();
                    var keep = xs.Select((x, k) => double.IsFinite(x) && double.IsFinite(ys[k])).ToArray();
                    var line = plot.Add.ScatterLine(xs.Where((_, k) => keep[k]).ToArray(), ys.Where((_, k) => keep[k]).ToArray());
                    line.LineWidth = 2;
                    var series = o.Series is null ? "" : $"{o.Series} = {Col(group[0], o.Series).ToString("G4", CultureInfo.InvariantCulture)}";
                    var parts = new[] { o.Z.Count > 1 ? z : "", series, fileLabel }.Where(x => x.Length > 0);
                    line.LegendText = string.Join(", ", parts);
                }
            foreach (var level in o.Contours)
            {
                var h = plot.Add.HorizontalLine(Tx(level, o.LogZ || o.LogY));
                h.LinePattern = LinePattern.Dashed;
                h.LineColor = Colors.Gray;
            }
            var lineColors = new[] { Colors.DarkRed, Colors.DarkBlue, Colors.DarkGreen, Colors.DarkOrange, Colors.Purple, Colors.Teal, Colors.Brown, Colors.Gray };
            for (var k = 0; k < o.Lines.Count; k++)
            {
                var h = plot.Add.HorizontalLine(Tx(o.Lines[k].Value, o.LogZ || o.LogY));
                h.LinePattern = LinePattern.Dotted;
                h.LineColor = lineColors[k % lineColors.Length];
                h.LineWidth = 1.5f;
                h.LegendText = $"{o.Lines[k].Label} ({o.Lines[k].Value.ToString("G3", CultureInfo.InvariantCulture)})";
            }
            plot.XLabel(Label(o.X, o.LogX));
            plot.YLabel(o.Z.Count == 1 ? (o.LogZ ? $"log10 |{o.Z[0]}|" : Label(o.Z[0], o.LogY)) : (o.LogZ ? "log10 |value|" : o.LogY ? "log10 value" : "value"));
            if (o.Series is not null || o.Z.Count > 1 || labelByFile || o.Lines.Count > 0) plot.ShowLegend();
            // reference lines usually mark upper bounds on falling curves: keep the legend out of the lower corner
            if (o.Lines.Count > 0) plot.Legend.Alignment = Alignment.UpperRight;
        }
        else
        {
            var xs = rows.Select(r => Col(r, o.X)).Distinct().Order().ToArray();
            var ys = rows.Select(r => Col(r, o.Y)).Distinct().Order().ToArray();
            var xIndex = xs.Select((v, k) => (v, k)).ToDictionary(p => p.v, p => p.k);
            var yIndex = ys.Select((v, k) => (v, k)).ToDictionary(p => p.v, p => p.k);
            double[,] Grid(string kernel)
            {
                var g = new double[xs.Length, ys.Length];
                for (var i = 0; i < xs.Length; i++)
                    for (var j = 0; j < ys.Length; j++)
                        g[i, j] = double.NaN;
                foreach (var r in rows) g[xIndex[Col(r, o.X)], yIndex[Col(r, o.Y)]] = Col(r, kernel);
                return g;
            }
            var z = Grid(o.Z[0]);
            var tx = xs.Select(v => Tx(v, o.LogX)).ToArray();
            var ty = ys.Select(v => Tx(v, o.LogY)).ToArray();
            var intensities = new double[ys.Length, xs.Length];
            for (var i = 0; i < xs.Length; i++)
                for (var j = 0; j < ys.Length; j++)
                    intensities[ys.Length - 1 - j, i] = o.LogZ ? (Math.Abs(z[i, j]) > 0 ? Math.Log10(Math.Abs(z[i, j])) : double.NaN) : z[i, j];
            var heatmap = plot.Add.Heatmap(intensities);
            var dx = tx.Length > 1 ? (tx[^1] - tx[0]) / (tx.Length - 1) / 2 : 0.5;
            var dy = ty.Length > 1 ? (ty[^1] - ty[0]) / (ty.Length - 1) / 2 : 0.5;
            heatmap.Extent = new CoordinateRect(tx[0] - dx, tx[^1] + dx, ty[0] - dy, ty[^1] + dy);
            heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
            plot.Add.ColorBar(heatmap).Label = o.LogZ ? $"log10 |{o.Z[0]}|" : o.Z[0];
            var palette = new[] { Colors.Red, Colors.Black, Colors.Magenta, Colors.Orange };
            for (var c = 0; c < o.Contours.Count; c++)
            {
                var level = o.Contours[c];
                foreach (var ((x1, y1), (x2, y2)) in ModelDsl.Plotting.Contours.Segments(tx, ty, z, level))
                {
                    var segment = plot.Add.Line(x1, y1, x2, y2);
                    segment.LineWidth = 2;
                    segment.LineColor = palette[c % palette.Length];
                }
                var legend = plot.Add.ScatterLine(Array.Empty<double>(), Array.Empty<double>());
                legend.LineColor = palette[c % palette.Length];
                legend.LegendText = $"{o.Z[0]} = {level.ToString("G4", CultureInfo.InvariantCulture)}";
            }
            if (o.Overlay is { } overlay)
            {
                var other = Grid(overlay.Kernel);
                foreach (var level in overlay.Levels)
                {
                    foreach (var ((x1, y1), (x2, y2)) in ModelDsl.Plotting.Contours.Segments(tx, ty, other, level))
                    {
                        var segment = plot.Add.Line(x1, y1, x2, y2);
                        segment.LineWidth = 2;
                        segment.LinePattern = LinePattern.Dashed;
                        segment.LineColor = Colors.White;
                    }
                    var legend = plot.Add.ScatterLine(Array.Empty<double>(), Array.Empty<double>());
                    legend.LineColor = Colors.Gray;
                    legend.LinePattern = LinePattern.Dashed;
                    legend.LegendText = $"{overlay.Kernel} = {level.ToString("G4", CultureInfo.InvariantCulture)}";
                }
            }
            if (o.Contours.Count > 0 || o.Overlay is not null) plot.ShowLegend();
            plot.XLabel(Label(o.X, o.LogX));
            plot.YLabel(Label(o.Y, o.LogY));
            plot.Axes.SetLimits(tx[0] - dx, tx[^1] + dx, ty[0] - dy, ty[^1] + dy);
        }
        return 0;
    }

    private static class ExitCode
    {
        public const int Usage = 2;
    }
}
