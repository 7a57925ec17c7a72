namespace ModelDsl.Plotting;

/// <summary>Contour lines of a gridded field by marching squares (linear interpolation on cell edges).</summary>
public static class Contours
{
    /// <summary>
    /// Segments ((x1, y1), (x2, y2)) where z = level, for z[i, j] sampled at (xs[i], ys[j]).
    /// Cells with a non-finite corner are skipped; saddle cells are resolved by the cell average.
    /// </summary>
    public static List<((double X, double Y) A, (double X, double Y) B)> Segments(double[] xs, double[] ys, double[,] z, double level)
    {
        var segments = new List<((double, double), (double, double))>();
        for (var i = 0; i + 1 < xs.Length; i++)
            for (var j = 0; j + 1 < ys.Length; j++)
            {
                double z00 = z[i, j], z10 = z[i + 1, j], z11 = z[i + 1, j + 1], z01 = z[i, j + 1];
                if (!double.IsFinite(z00) || !double.IsFinite(z10) || !double.IsFinite(z11) || !double.IsFinite(z01)) continue;
                var corners = new[] { (xs[i], ys[j], z00), (xs[i + 1], ys[j], z10), (xs[i + 1], ys[j + 1], z11), (xs[i], ys[j + 1], z01) };
                var crossings = new List<(double, double)>();
                for (var e = 0; e < 4; e++)
                {
                    var (xa, ya, za) = corners[e];
                    var (xb, yb, zb) = corners[(e + 1) % 4];
                    if ((za - level) * (zb - level) < 0 || (za == level && zb != level))
                    {
                        var t = (level - za) / (zb - za);
                        crossings.Add((xa + t * (xb - xa), ya + t * (yb - ya)));
                    }
                }
                if (crossings.Count == 2) segments.Add((crossings[0], crossings[1]));
                else if (crossings.Count == 4)
                {
                    var centre = (z00 + z10 + z11 + z01) / 4;
                    if ((centre - level) * (z00 - level) > 0)
                    {
                        segments.Add((crossings[0], crossings[1]));
                        segments.Add((crossings[2], crossings[3]));
                    }
                    else
                    {
                        segments.Add((crossings[0], crossings[3]));
                        segments.Add((crossings[1], crossings[2]));
                    }
                }
            }
        return segments;
    }
}
