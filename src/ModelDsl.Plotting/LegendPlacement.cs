using System.Collections.Immutable;

namespace ModelDsl.Plotting;

/// <summary>
/// Chooses where a legend covers no curve: the first corner of the data area (upper right, upper left, lower left,
/// lower right) whose legend-sized box no polyline enters, else outside. Segments are tested against the box by
/// Liang-Barsky clipping (Y.-D. Liang and B. A. Barsky, "A new concept and method for line clipping", ACM TOG 3 (1984) 1),
/// so a straight stretch between two distant points that crosses the box counts, not only the points.
/// </summary>
public static class LegendPlacement
{
    /// <summary>
    /// The corner for a legend box <paramref name="width"/> x <paramref name="height"/> (fractions of the data area's
    /// width and height) over polylines in plot coordinates shown in [xMin, xMax] x [yMin, yMax]; non-finite points
    /// break a polyline.
    /// </summary>
    public static LegendCorner Choose(IEnumerable<(ImmutableArray<double> X, ImmutableArray<double> Y)> polylines,
        double xMin, double xMax, double yMin, double yMax, double width, double height)
    {
        if (!(width < 1 && height < 1 && xMax > xMin && yMax > yMin)) return LegendCorner.Outside;
        var lines = polylines.Select(p => p.X.Zip(p.Y, (x, y) => ((x - xMin) / (xMax - xMin), (y - yMin) / (yMax - yMin))).ToList()).ToList();
        foreach (var corner in new[] { LegendCorner.UpperRight, LegendCorner.UpperLeft, LegendCorner.LowerLeft, LegendCorner.LowerRight })
        {
            var box = Box(corner, width, height);
            if (!lines.Any(line => Enters(line, box))) return corner;
        }
        return LegendCorner.Outside;
    }

    /// <summary>The box (x0, x1, y0, y1) of a legend in a corner, in fractions of the data area.</summary>
    public static (double X0, double X1, double Y0, double Y1) Box(LegendCorner corner, double width, double height) => corner switch
    {
        LegendCorner.UpperRight => (1 - width, 1, 1 - height, 1),
        LegendCorner.UpperLeft => (0, width, 1 - height, 1),
        LegendCorner.LowerLeft => (0, width, 0, height),
        LegendCorner.LowerRight => (1 - width, 1, 0, height),
        _ => throw new ArgumentOutOfRangeException(nameof(corner), corner, "a corner of the data area"),
    };

    private static bool Enters(List<(double X, double Y)> line, (double X0, double X1, double Y0, double Y1) box)
    {
        for (var k = 0; k < line.Count; k++)
        {
            var a = line[k];
            if (!double.IsFinite(a.X) || !double.IsFinite(a.Y)) continue;
            var b = k + 1 < line.Count && double.IsFinite(line[k + 1].X) && double.IsFinite(line[k + 1].Y) ? line[k + 1] : a;
            if (Crosses(a, b, box)) return true;
        }
        return false;
    }

    /// <summary>Whether the segment a-b meets the closed box (Liang-Barsky: the parameter interval left after the four edges is not empty).</summary>
    private static bool Crosses((double X, double Y) a, (double X, double Y) b, (double X0, double X1, double Y0, double Y1) box)
    {
        double t0 = 0, t1 = 1, dx = b.X - a.X, dy = b.Y - a.Y;
        foreach (var (p, q) in new[] { (-dx, a.X - box.X0), (dx, box.X1 - a.X), (-dy, a.Y - box.Y0), (dy, box.Y1 - a.Y) })
        {
            if (p == 0)
            {
                if (q < 0) return false;
                continue;
            }
            var r = q / p;
            if (p < 0) t0 = Math.Max(t0, r);
            else t1 = Math.Min(t1, r);
            if (t0 > t1) return false;
        }
        return true;
    }
}
