using ScottPlot;

namespace ModelDsl.Plotting;

/// <summary>
/// A diverging colour map (cmocean's 'balance': blue below 0, pale at 0, red above; K. Thyng et al., Oceanography 29
/// (2016) 9) over the plot-coordinate range [min, max] with its centre at 0 and equal colour strength at equal |t|
/// on both sides, so a range of -10..700 keeps 0 pale and -10 pale blue.
/// </summary>
internal sealed class CentredColormap(double min, double max) : IColormap
{
    private static readonly IColormap Diverging = new ScottPlot.Colormaps.Balance();
    private readonly double _extent = Math.Max(Math.Abs(min), Math.Abs(max));

    public string Name => "balance, centred on 0";

    public Color GetColor(double position)
    {
        var t = min + position * (max - min);
        return Diverging.GetColor(Math.Clamp(0.5 + 0.5 * t / _extent, 0, 1));
    }
}
