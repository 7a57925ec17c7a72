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

    /// <summary>
    /// The segments joined into polylines where they share an end point (to within <paramref name="tolerance"/>, since a
    /// crossing on an edge shared by two cells is interpolated from either side), so a dashed line keeps its pattern
    /// along the contour. A closed contour comes back to its first point. Segments of no length (both ends at one grid
    /// corner that lies on the level, up to rounding) draw nothing and are left out.
    /// </summary>
    public static List<List<(double X, double Y)>> Join(IReadOnlyList<((double X, double Y) A, (double X, double Y) B)> segments, double tolerance)
    {
        (long, long) Key((double X, double Y) p) => ((long)Math.Round(p.X / tolerance), (long)Math.Round(p.Y / tolerance));
        var touching = new Dictionary<(long, long), List<int>>();
        for (var k = 0; k < segments.Count; k++)
            foreach (var end in new[] { segments[k].A, segments[k].B })
            {
                if (!touching.TryGetValue(Key(end), out var list)) touching[Key(end)] = list = [];
                list.Add(k);
            }
        var used = segments.Select(s => Key(s.A) == Key(s.B)).ToArray();
        var lines = new List<List<(double X, double Y)>>();
        for (var k = 0; k < segments.Count; k++)
        {
            if (used[k]) continue;
            used[k] = true;
            var line = new List<(double X, double Y)> { segments[k].A, segments[k].B };
            Extend(line);
            line.Reverse();
            Extend(line);
            lines.Add(line);
        }
        return lines;

        void Extend(List<(double X, double Y)> line)
        {
            while (touching[Key(line[^1])].FirstOrDefault(j => !used[j], -1) is var next and >= 0)
            {
                used[next] = true;
                var (a, b) = segments[next];
                line.Add(Key(a) == Key(line[^1]) ? b : a);
            }
        }
    }
}
