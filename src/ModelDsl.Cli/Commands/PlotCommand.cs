using System.Collections.Immutable;
using System.Globalization;
using ModelDsl.Kernels.Scans;
using ModelDsl.Plotting;

namespace ModelDsl.Cli.Commands;

/// <summary>
/// <c>modeldsl plot RESULTS --x NAME [--y NAME | --series NAME] --z KERNEL[,KERNEL] [--contours 1,-1]
/// [--logx] [--logy] [--logz | --zscale linear|log|symlog[:C]] [--zrange LO:HI] [--xlabel TEXT] [--ylabel TEXT] --out FILE.png</c>:
/// a line plot of kernels against one axis (one curve per value of a --series axis), or a 2D heatmap of a kernel over
/// two axes with contour lines at the given levels; rendered by <see cref="ChartRenderer"/>. The kernel's scale
/// (<see cref="ValueScale"/>) is the heatmap's colour scale or the line plot's vertical axis; log and symmetric-log
/// axes are labelled with the quantity's name and ticks at its real values.
/// Points that are not finite (or not positive on a log axis) are skipped and counted; a kernel with no
/// point left is an error (exit 4) and no file is written.
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

        /// <summary>1D only: a results file of the same grid; each value is divided by the same kernel there at the same x.</summary>
        public string? RelativeTo { get; init; }

        /// <summary>The horizontal axis's label instead of the axis name (e.g. with its unit: "x3 (degrees)").</summary>
        public string? XLabel { get; init; }

        /// <summary>The vertical axis's label instead of the one made from the names (e.g. "y3 (degrees)").</summary>
        public string? YLabel { get; init; }

        /// <summary>
        /// The kernel's scale and clip range (--zscale, --zrange): the heatmap's colours, or the line plot's vertical axis.
        /// <see cref="LogZ"/> alone means <see cref="ValueScale.Log"/> of |kernel|.
        /// </summary>
        public ValueScale ZScale { get; init; } = ValueScale.Linear;
    }

    /// <summary>
    /// Draws the plot; returns the exit code (2 for a bad option, 4 for a kernel with nothing to draw, with the reason).
    /// A line plot may take several results files (one set of curves each, labelled by their --set overrides).
    /// </summary>
    public static int Run(Options o, TextWriter output, TextWriter error)
    {
        if (o.LogZ && o.ZScale.Kind != ValueScaleKind.Log) o = o with { ZScale = ValueScale.Log };
        if (o.ZScale.Kind == ValueScaleKind.Log) o = o with { LogZ = true };
        if (o.Results.Count > 1 && o.Y is not null) { error.WriteLine("modeldsl: a 2D plot takes one results file"); return ExitCodes.Usage; }
        if (o.RelativeTo is not null && o.Y is not null) { error.WriteLine("modeldsl: --relative-to is for line plots (without --y)"); return ExitCodes.Usage; }
        var stores = new List<ResultStore>();
        try
        {
            foreach (var path in o.Results)
            {
                var opened = ResultStore.OpenExisting(path, out var problem);
                if (opened is null) { error.WriteLine($"modeldsl: {problem}"); return ExitCodes.Usage; }
                stores.Add(opened);
            }
            foreach (var store in stores)
                if (Problem(store, o) is { } bad) { error.WriteLine($"modeldsl: {bad}"); return ExitCodes.Usage; }
            var meta = stores[0].Meta;
            var title = o.Title ?? $"{meta.GetValueOrDefault("model")}: {meta.GetValueOrDefault("card")}";
            var (code, save) = o.Y is null ? Lines(stores, o, title, error) : Heatmap(stores[0], o, title, error);
            if (save is null) return code;
            try
            {
                save();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"modeldsl: cannot write {o.Out}: {e.Message}");
                return ExitCodes.Usage;
            }
            output.WriteLine($"wrote {o.Out}");
            return ExitCodes.Success;
        }
        finally
        {
            foreach (var s in stores) s.Dispose();
        }
    }

    private static string? Problem(ResultStore store, Options o)
    {
        string? Check(string name, IReadOnlyList<string> among, string what) =>
            among.Contains(name) ? null : $"'{name}' is not {what} of the results ({string.Join(", ", among)})";
        var bad = Check(o.X, store.Axes, "an axis")
                  ?? (o.Y is null ? null : Check(o.Y, store.Axes, "an axis"))
                  ?? (o.Series is null ? null : Check(o.Series, store.Axes, "an axis"))
                  ?? o.Z.Select(z => Check(z, store.Kernels, "a kernel")).FirstOrDefault(x => x is not null)
                  ?? (o.Overlay is { } ov ? Check(ov.Kernel, store.Kernels, "a kernel") : null);
        if (bad is not null) return bad;
        if (o.Y is not null && o.Z.Count != 1) return "a 2D plot shows one kernel (--z NAME)";
        if (o.Y is null && o.Overlay is not null) return "--overlay draws contours over a 2D heatmap (give --y)";
        if (o.Y is not null && o.Lines.Count > 0) return "--lines draws reference lines on a line plot (no --y)";
        if (o.Y is null && o.LogY && o.ZScale.Kind == ValueScaleKind.SymLog) return "--logy and --zscale symlog both set a line plot's vertical scale: give one";
        if (o.Y is null && o.LogY && o.ZScale.Lo is { } lo && !(lo > 0)) return "--zrange: a log vertical axis (--logy) needs LO > 0";
        if ((o.LogY || o.LogZ) && o.Lines.FirstOrDefault(l => !(l.Value > 0)) is { Label: { } badLine })
            return $"--lines '{badLine}' is not positive, so it has no place on a log axis";
        if (o.Y is null && (o.LogY || o.LogZ) && o.Contours.Any(l => !(l > 0)))
            return $"--contours {o.Contours.First(l => !(l > 0)).ToString(CultureInfo.InvariantCulture)} is not positive, so it has no place on a log axis";
        var others = store.Axes.Except(new[] { o.X, o.Y, o.Series }.OfType<string>()).ToList();
        return others.Count > 0 ? $"the scan has more axes than the plot uses: {string.Join(", ", others)}" : null;
    }

    private static ValueScale Axis(bool log) => log ? ValueScale.Log : ValueScale.Linear;

    /// <summary>A line plot's vertical scale: --zscale (with its range), or log10 with --logy.</summary>
    private static ValueScale VerticalScale(Options o) => !o.LogY || o.ZScale.Kind == ValueScaleKind.Log ? o.ZScale
        : o.ZScale is { Lo: { } lo, Hi: { } hi } ? ValueScale.Log.WithRange(lo, hi) : ValueScale.Log;

    /// <summary>What a colour or vertical axis shows: the kernel, |kernel| on a log scale.</summary>
    private static string Quantity(string name, ValueScale scale) => scale.Kind == ValueScaleKind.Log ? $"|{name}|" : name;

    private static Func<ScanRow, double> Column(ResultStore store, string name)
    {
        var k = store.Axes.Concat(store.Kernels).ToList().IndexOf(name);
        return r => r.Values[k];
    }

    /// <summary>
    /// Why a kernel has nothing to draw (null when it has): no finite value at all, or none left on a log axis.
    /// </summary>
    private static string? Empty(string kernel, int finiteValues, bool log) => finiteValues == 0
        ? $"the kernel '{kernel}' has no finite value in the results (every point is NaN or infinite): there is nothing to plot"
        : log ? $"the kernel '{kernel}' has no positive finite value at a plotted point, so nothing can be drawn on a log axis" : null;

    private static (int Code, Action? Save) Lines(IReadOnlyList<ResultStore> stores, Options o, string title, TextWriter error)
    {
        var curves = ImmutableArray.CreateBuilder<ChartCurve>();
        var yScale = VerticalScale(o);
        var xScale = Axis(o.LogX);
        var log = yScale.Kind == ValueScaleKind.Log;
        ResultStore? reference = null;
        if (o.RelativeTo is { } refPath)
        {
            reference = ResultStore.OpenExisting(refPath, out var refProblem);
            var axisProblem = reference is null ? null : reference.Axes.SequenceEqual([o.X]) ? null : $"its axes ({string.Join(", ", reference.Axes)}) are not just {o.X}";
            if (reference is null || o.Series is not null || axisProblem is not null || Problem(reference, o) is not null)
            {
                error.WriteLine($"modeldsl: --relative-to {refPath}: {refProblem ?? (o.Series is not null ? "not with --series" : axisProblem ?? Problem(reference!, o))}");
                reference?.Dispose();
                return (ExitCodes.Usage, null);
            }
        }
        using var referenceScope = reference;
        foreach (var z in o.Z)
        {
            // with --relative-to: the reference's value of this kernel at each x
            var byX = reference is null ? null
                : reference.ReadAll().GroupBy(Column(reference, o.X)).ToDictionary(g => g.Key, g => Column(reference, z)(g.First()));
            int total = 0, kept = 0, finite = 0;
            foreach (var store in stores)
            {
                var x = Column(store, o.X);
                var own = Column(store, z);
                Func<ScanRow, double> y = byX is null ? own : r => byX.TryGetValue(x(r), out var d) ? own(r) / d : double.NaN;
                var series = o.Series is null ? null : Column(store, o.Series);
                var rows = store.ReadAll().ToList();
                var groups = series is null ? [rows] : rows.GroupBy(series).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
                var fileLabel = stores.Count > 1 ? (store.Meta.GetValueOrDefault("sets") is { Length: > 0 } sets ? sets : store.Meta.GetValueOrDefault("card") ?? "") : "";
                foreach (var group in groups)
                {
                    var sorted = group.OrderBy(x).ToList();
                    var xs = sorted.Select(r => xScale.Map(x(r))).ToArray();
                    var ys = sorted.Select(r => yScale.Map(o.LogZ ? Math.Abs(y(r)) : y(r))).ToArray();
                    var keep = Enumerable.Range(0, xs.Length).Where(k => double.IsFinite(xs[k]) && double.IsFinite(ys[k])).ToList();
                    total += xs.Length;
                    kept += keep.Count;
                    finite += sorted.Count(r => double.IsFinite(y(r)));
                    var seriesLabel = series is null ? "" : $"{o.Series} = {series(group[0]).ToString("G4", CultureInfo.InvariantCulture)}";
                    var legend = string.Join(", ", new[] { o.Z.Count > 1 ? z : "", seriesLabel, fileLabel }.Where(s => s.Length > 0));
                    curves.Add(new ChartCurve([.. keep.Select(k => xs[k])], [.. keep.Select(k => ys[k])], legend));
                }
            }
            if (kept == 0)
            {
                error.WriteLine($"modeldsl: {Empty(z, finite, log || o.LogX) ?? $"the kernel '{z}' has no point to draw"}; {o.Out} is not written");
                return (ExitCodes.NonFinite, null);
            }
            if (kept < total)
                error.WriteLine($"modeldsl: {z}: {total - kept} of {total} points skipped (not finite{(log || o.LogX ? ", or not positive on a log axis" : "")})");
        }
        var lines = o.Contours.Select(level => new ChartLine(null, yScale.Map(level)))
            .Concat(o.Lines.Select(l => new ChartLine($"{l.Label} ({l.Value.ToString("G3", CultureInfo.InvariantCulture)})", yScale.Map(l.Value))));
        var yLabel = Quantity(o.Z.Count == 1 ? o.Z[0] : "value", o.LogZ ? yScale : ValueScale.Linear);
        if (reference is not null) yLabel += $" / the same in {Path.GetFileName(o.RelativeTo)} ({reference.Meta.GetValueOrDefault("sets")})";
        var chart = new LineChart(title, o.XLabel ?? o.X, o.YLabel ?? yLabel, curves.ToImmutable(), [.. lines],
            o.Series is not null || o.Z.Count > 1 || stores.Count > 1 || o.Lines.Count > 0) { XScale = xScale, YScale = yScale };
        return (ExitCodes.Success, () => ChartRenderer.SavePng(chart, o.Out, o.Width, o.Height));
    }

    private static (int Code, Action? Save) Heatmap(ResultStore store, Options o, string title, TextWriter error)
    {
        var x = Column(store, o.X);
        var y = Column(store, o.Y!);
        var rows = store.ReadAll().ToList();
        var xs = rows.Select(x).Distinct().Order().ToArray();
        var ys = rows.Select(y).Distinct().Order().ToArray();
        var tx = xs.Select(Axis(o.LogX).Map).ToArray();
        var ty = ys.Select(Axis(o.LogY).Map).ToArray();
        if (!tx.Concat(ty).All(double.IsFinite))
        {
            error.WriteLine("modeldsl: a log axis needs positive values on the whole grid");
            return (ExitCodes.Usage, null);
        }
        var xIndex = xs.Select((v, k) => (v, k)).ToDictionary(p => p.v, p => p.k);
        var yIndex = ys.Select((v, k) => (v, k)).ToDictionary(p => p.v, p => p.k);
        ImmutableArray<double> Grid(string kernel)
        {
            var value = Column(store, kernel);
            var g = Enumerable.Repeat(double.NaN, xs.Length * ys.Length).ToArray();
            foreach (var r in rows) g[xIndex[x(r)] * ys.Length + yIndex[y(r)]] = value(r);
            return [.. g];
        }
        var z = Grid(o.Z[0]);
        var intensity = z.Select(v => o.ZScale.Map(o.LogZ ? Math.Abs(v) : v)).ToImmutableArray();
        var drawn = intensity.Count(double.IsFinite);
        if (drawn == 0)
        {
            error.WriteLine($"modeldsl: {Empty(o.Z[0], z.Count(double.IsFinite), o.LogZ)}; {o.Out} is not written");
            return (ExitCodes.NonFinite, null);
        }
        if (drawn < intensity.Length)
            error.WriteLine($"modeldsl: {o.Z[0]}: {intensity.Length - drawn} of {intensity.Length} grid cells skipped (not finite{(o.LogZ ? ", or zero on the log colour scale" : "")})");
        var contours = o.Contours.Select(level => new HeatmapContour(z, level, o.Z[0], Overlay: false));
        if (o.Overlay is { } overlay)
        {
            var other = Grid(overlay.Kernel);
            if (!other.Any(double.IsFinite))
            {
                // an overlay with nothing to draw is said, not dropped silently
                error.WriteLine($"modeldsl: {Empty(overlay.Kernel, 0, false)}; {o.Out} is not written");
                return (ExitCodes.NonFinite, null);
            }
            contours = contours.Concat(overlay.Levels.Select(level => new HeatmapContour(other, level, overlay.Kernel, Overlay: true)));
        }
        var colorLabel = o.ZScale.Kind == ValueScaleKind.SymLog
            ? $"{o.Z[0]} (symlog, C = {ValueScale.Real(o.ZScale.LinThresh)})"
            : Quantity(o.Z[0], o.ZScale);
        var chart = new HeatmapChart(title, o.XLabel ?? o.X, o.YLabel ?? o.Y!, colorLabel, [.. tx], [.. ty], intensity, [.. contours])
        {
            ColorScale = o.ZScale, XScale = Axis(o.LogX), YScale = Axis(o.LogY),
        };
        return (ExitCodes.Success, () => ChartRenderer.SavePng(chart, o.Out, o.Width, o.Height));
    }
}
