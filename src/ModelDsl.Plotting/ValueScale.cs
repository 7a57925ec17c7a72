using System.Collections.Immutable;
using System.Globalization;

namespace ModelDsl.Plotting;

/// <summary>
/// The map from a quantity's values to plot coordinates on an axis or a colour bar, and the ticks that label those
/// coordinates with the real values: linear, log10, or the symmetric logarithm t = sign(v) log10(1 + |v|/c) (the
/// bi-symmetric log transformation of J. B. W. Webber, Meas. Sci. Technol. 24 (2013) 027001), which is odd, monotone,
/// close to v/(c ln 10) for |v| much smaller than c and close to sign(v) log10(|v|/c) far beyond it, so a signed
/// quantity spanning decades shows both its sign changes and its extremes. An optional clip range [Lo, Hi] (real
/// values) fixes the ends of a colour scale; values beyond are drawn in the end colours.
/// </summary>
public sealed record ValueScale
{
    private ValueScale(ValueScaleKind kind, double linThresh, double? lo, double? hi) => (Kind, LinThresh, Lo, Hi) = (kind, linThresh, lo, hi);

    /// <summary>The kind of map.</summary>
    public ValueScaleKind Kind { get; }

    /// <summary>The symmetric log's c: values with |v| below it are drawn about linearly (1 for the other kinds).</summary>
    public double LinThresh { get; }

    /// <summary>The lower end of the clip range (real value), or null for the data's minimum.</summary>
    public double? Lo { get; }

    /// <summary>The upper end of the clip range (real value), or null for the data's maximum.</summary>
    public double? Hi { get; }

    /// <summary>The identity map.</summary>
    public static ValueScale Linear { get; } = new(ValueScaleKind.Linear, 1, null, null);

    /// <summary>log10 of positive values (others have no plot coordinate).</summary>
    public static ValueScale Log { get; } = new(ValueScaleKind.Log, 1, null, null);

    /// <summary>The symmetric log with the given positive, finite c.</summary>
    public static ValueScale SymLog(double linThresh) => linThresh > 0 && double.IsFinite(linThresh)
        ? new(ValueScaleKind.SymLog, linThresh, null, null)
        : throw new ArgumentOutOfRangeException(nameof(linThresh), linThresh, "the symmetric log's linear threshold is positive and finite");

    /// <summary>This scale clipped to [lo, hi] (real values; lo &lt; hi, both with a plot coordinate).</summary>
    public ValueScale WithRange(double lo, double hi) => lo < hi && double.IsFinite(Map(lo)) && double.IsFinite(Map(hi))
        ? new(Kind, LinThresh, lo, hi)
        : throw new ArgumentOutOfRangeException(nameof(lo), $"{lo}:{hi} is not a range on a {Kind} scale");

    /// <summary>The plot coordinate of a value: v, log10 v (NaN unless v &gt; 0), or sign(v) log10(1 + |v|/c). Not clipped.</summary>
    public double Map(double v) => Kind switch
    {
        ValueScaleKind.Log => v > 0 ? Math.Log10(v) : double.NaN,
        ValueScaleKind.SymLog => double.CopySign(LogOnePlus(Math.Abs(v) / LinThresh) / Math.Log(10), v),
        _ => v,
    };

    /// <summary>The value at a plot coordinate (the inverse of <see cref="Map"/>).</summary>
    public double Inverse(double t) => Kind switch
    {
        ValueScaleKind.Log => Math.Pow(10, t),
        ValueScaleKind.SymLog => double.CopySign(LinThresh * ExpMinusOne(Math.Abs(t) * Math.Log(10)), t),
        _ => t,
    };

    /// <summary>ln(1 + x) without the cancellation of 1 + x for small x (D. Goldberg, ACM Comput. Surv. 23 (1991) 5, Theorem 4).</summary>
    private static double LogOnePlus(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : double.IsPositiveInfinity(u) ? u : Math.Log(u) * x / (u - 1);
    }

    /// <summary>e^y - 1 without cancellation for small y (W. Kahan's formula (u - 1) y / ln u with u = e^y).</summary>
    private static double ExpMinusOne(double y)
    {
        var u = Math.Exp(y);
        return u == 1 ? y : double.IsPositiveInfinity(u) ? u : (u - 1) * y / Math.Log(u);
    }

    /// <summary>A plot coordinate moved into the clip range's coordinates (unchanged without a range; NaN stays NaN).</summary>
    public double Clip(double t) => Lo is { } lo && Hi is { } hi && !double.IsNaN(t) ? Math.Clamp(t, Map(lo), Map(hi)) : t;

    /// <summary>
    /// Reads <c>--zscale linear|log|symlog[:C]</c> (C &gt; 0, default 1; null or empty: linear) and <c>--zrange LO:HI</c>
    /// (finite, LO &lt; HI, LO &gt; 0 on a log scale; null: none). Returns null with the reason for a malformed option.
    /// </summary>
    public static ValueScale? TryParse(string? scale, string? range, out string? problem)
    {
        problem = null;
        var text = (scale ?? "").Trim();
        var colon = text.IndexOf(':');
        var (name, arg) = colon < 0 ? (text, null) : (text[..colon], text[(colon + 1)..]);
        ValueScale? parsed = name switch
        {
            "" or "linear" when arg is null => Linear,
            "log" when arg is null => Log,
            "symlog" when arg is null => SymLog(1),
            "symlog" when Number(arg) is var c && c > 0 && double.IsFinite(c) => SymLog(c),
            _ => null,
        };
        if (parsed is null)
        {
            problem = $"--zscale takes linear, log or symlog[:LINTHRESH] with a positive LINTHRESH, not '{scale}'";
            return null;
        }
        if (range is null) return parsed;
        var parts = range.Split(':');
        var (lo, hi) = parts.Length == 2 ? (Number(parts[0]), Number(parts[1])) : (double.NaN, double.NaN);
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || !(lo < hi))
            problem = $"--zrange takes LO:HI with finite numbers LO < HI, not '{range}'";
        else if (!double.IsFinite(parsed.Map(lo)))
            problem = $"--zrange {range}: a log scale needs LO > 0";
        return problem is null ? parsed.WithRange(lo, hi) : null;
    }

    private static double Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    /// <summary>
    /// Ticks between the plot coordinates <paramref name="min"/> and <paramref name="max"/>, labelled with real values:
    /// decades 10^k with minor ticks at 2..9 x 10^k on a log scale (0 and +-10^k, |10^k| &gt;= c, on a symmetric log),
    /// 1-2-5 steps on a linear one. With <paramref name="clippedLow"/> (<paramref name="clippedHigh"/>) the end is
    /// labelled "&lt;= LO" ("&gt;= HI"): values beyond it are drawn in its colour.
    /// </summary>
    public ImmutableArray<ScaleTick> Ticks(double min, double max, bool clippedLow = false, bool clippedHigh = false)
    {
        if (!(min < max) || !double.IsFinite(min) || !double.IsFinite(max)) return [];
        var ticks = Kind switch
        {
            ValueScaleKind.Log => LogTicks(min, max),
            ValueScaleKind.SymLog => SymLogTicks(min, max),
            _ => LinearTicks(min, max, v => v),
        };
        var near = (max - min) * 0.06;
        if (clippedLow) ticks = [new ScaleTick(min, "≤ " + Real(Inverse(min)), true), .. ticks.Where(t => !t.Major || t.Position > min + near)];
        if (clippedHigh) ticks = [.. ticks.Where(t => !t.Major || t.Position < max - near), new ScaleTick(max, "≥ " + Real(Inverse(max)), true)];
        return [.. ticks];
    }

    /// <summary>1-2-5 steps of the value (about six ticks) mapped by <paramref name="map"/>; between real values lo..hi.</summary>
    private List<ScaleTick> LinearTicks(double min, double max, Func<double, double> map)
    {
        double lo = Inverse(min), hi = Inverse(max);
        var raw = (hi - lo) / 6;
        var decade = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * decade).First(s => s >= raw);
        var ticks = new List<ScaleTick>();
        for (var k = Math.Ceiling(lo / step); k * step <= hi * (1 + 1e-12); k++)
        {
            var v = Math.Abs(k) < 0.5 ? 0 : k * step;
            ticks.Add(new ScaleTick(map(v), Real(v), true));
        }
        return ticks;
    }

    private List<ScaleTick> LogTicks(double min, double max)
    {
        int kLo = (int)Math.Ceiling(min - 1e-9), kHi = (int)Math.Floor(max + 1e-9);
        if (kHi - kLo + 1 >= 2) return Decades(kLo, kHi, 1, min, max);
        var ticks = new List<ScaleTick>();
        for (var k = (int)Math.Floor(min) - 1; k <= (int)Math.Ceiling(max); k++)
            for (var m = 1; m <= 9; m++)
            {
                var t = Math.Log10(m * Math.Pow(10, k));
                if (t >= min - 1e-9 && t <= max + 1e-9) ticks.Add(new ScaleTick(t, m is 1 or 2 or 5 ? Real(m * Math.Pow(10, k)) : "", m is 1 or 2 or 5));
            }
        return ticks.Count(t => t.Major) >= 2 ? ticks : LinearTicks(min, max, Math.Log10);
    }

    private List<ScaleTick> SymLogTicks(double min, double max)
    {
        var ticks = new List<ScaleTick>();
        if (min <= 0 && max >= 0) ticks.Add(new ScaleTick(0, "0", true));
        var kc = (int)Math.Ceiling(Math.Log10(LinThresh) - 1e-9);
        foreach (var sign in new[] { 1, -1 })
        {
            var far = sign > 0 ? Inverse(max) : -Inverse(min);
            if (!(far >= Math.Pow(10, kc) * (1 - 1e-9))) continue;
            var kHi = (int)Math.Floor(Math.Log10(far) + 1e-9);
            ticks.AddRange(Decades(kc, kHi, sign, min, max));
        }
        if (ticks.Count(t => t.Major) >= 3) return [.. ticks.OrderBy(t => t.Position)];
        return LinearTicks(min, max, Map);
    }

    /// <summary>Major ticks at sign x 10^k for k in kLo..kHi (every n-th when there are many), minor ticks at sign x m 10^k.</summary>
    private List<ScaleTick> Decades(int kLo, int kHi, int sign, double min, double max)
    {
        var stride = Math.Max(1, (int)Math.Ceiling((kHi - kLo + 1) / 8.0));
        var plain = kLo >= -2 && kHi <= 3;
        var ticks = new List<ScaleTick>();
        for (var k = kLo - 1; k <= kHi; k++)
        {
            if (k >= kLo && ((k % stride) + stride) % stride == 0)
                ticks.Add(new ScaleTick(Map(sign * Math.Pow(10, k)), (sign < 0 ? "-" : "") + (plain ? Real(Math.Pow(10, k)) : "10" + Superscript(k)), true));
            else if (k >= kLo) ticks.Add(new ScaleTick(Map(sign * Math.Pow(10, k)), "", false));
            if (stride > 1 || (Kind == ValueScaleKind.SymLog && k < kLo)) continue;
            for (var m = 2; m <= 9; m++) ticks.Add(new ScaleTick(Map(sign * m * Math.Pow(10, k)), "", false));
        }
        return [.. ticks.Where(t => t.Position >= min - 1e-9 && t.Position <= max + 1e-9)];
    }

    /// <summary>A value as a tick label: plain digits between 1e-3 and 1e4, m x 10^k (superscript k) beyond.</summary>
    public static string Real(double v)
    {
        var a = Math.Abs(v);
        if (a == 0) return "0";
        if (a >= 1e-3 && a < 1e4) return v.ToString("G4", CultureInfo.InvariantCulture);
        var e = (int)Math.Floor(Math.Log10(a));
        var m = v / Math.Pow(10, e);
        var mantissa = Math.Abs(Math.Abs(m) - 1) < 1e-9 ? (m < 0 ? "-" : "") : m.ToString("G3", CultureInfo.InvariantCulture) + "×";
        return mantissa + "10" + Superscript(e);
    }

    private static string Superscript(int k) =>
        string.Concat(k.ToString(CultureInfo.InvariantCulture).Select(ch => ch == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹"[ch - '0']));
}
