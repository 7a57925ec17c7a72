using System.Globalization;

namespace ModelDsl.Kernels.Scans;

/// <summary>
/// One scan axis, <c>NAME=start:stop:count[:log]</c>: NAME is a real parameter, a component
/// <c>M[2]</c>, or <c>re(w23)</c> / <c>im(w23)</c> of a complex one; count points from start to stop
/// inclusive, evenly spaced, or evenly in log10 with <c>:log</c>. Mass values are in GeV (no unit
/// is written). The scan checks a grid against the parameter's declared sign (positive, nonnegative);
/// the ordering of a vector's components (e.g. light masses) is not checked on a grid.
/// </summary>
public sealed record GridAxis(string Name, double Start, double Stop, int Count, bool Log)
{
    /// <summary>The k-th value (k = 0..Count-1).</summary>
    public double Value(int k)
    {
        if (Count == 1) return Start;
        var t = (double)k / (Count - 1);
        return Log ? Math.Pow(10, Math.Log10(Start) + t * (Math.Log10(Stop) - Math.Log10(Start))) : Start + t * (Stop - Start);
    }

    /// <summary>Parses <c>NAME=start:stop:count[:log]</c>; null with a message when malformed.</summary>
    public static GridAxis? TryParse(string text, out string? problem)
    {
        problem = null;
        var eq = text.IndexOf('=');
        if (eq <= 0) { problem = $"'{text}': expected NAME=start:stop:count[:log]"; return null; }
        var name = text[..eq].Trim();
        var parts = text[(eq + 1)..].Split(':');
        if (parts.Length is < 3 or > 4 || (parts.Length == 4 && parts[3].Trim() != "log"))
        {
            problem = $"'{text}': expected NAME=start:stop:count[:log]";
            return null;
        }
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var start)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var stop)
            || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 1 || count > 100_000)
        {
            problem = $"'{text}': start and stop are numbers, count a whole number from 1 to 100000";
            return null;
        }
        if (!double.IsFinite(start) || !double.IsFinite(stop)) { problem = $"'{text}': start and stop must be finite numbers"; return null; }
        var log = parts.Length == 4;
        if (log && (start <= 0 || stop <= 0)) { problem = $"'{text}': a log axis needs positive start and stop"; return null; }
        return new GridAxis(name, start, stop, count, log);
    }

    /// <summary>The canonical text (used to recognise the same scan when resuming).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}={Start:R}:{Stop:R}:{Count}{(Log ? ":log" : "")}");
}
