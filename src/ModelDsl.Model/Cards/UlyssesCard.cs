using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using ModelDsl.Diagnostics;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// A ULYSSES parameter file (arXiv:2007.09150, Sec. 4; ulysses/tools.py <c>readConfig</c>; docs/ulysses.md), read as it
/// is: one <c>key value</c> per line, a value a real number or a Python complex literal (<c>y1 -90j</c>, <c>1+2j</c>), a
/// key with two real numbers a scan range; lines starting with <c>#</c> and empty lines are skipped. Unlike ULYSSES,
/// which prints a warning and drops a line it does not understand (or stops with a Python exception), every malformed
/// line is a located error, and a comment may also follow a value (<c>m -1 # log10 eV</c>, the form ULYSSES's own
/// uls-calc help shows). <see cref="Bind"/> maps the values onto the parameters of a model in ULYSSES's convention
/// (models/ulysses-typei.mdl): m = log10(m_lightest/eV), M1..M3 = log10(M_i/GeV), angles in degrees.
/// </summary>
public sealed class UlyssesCard
{
    /// <summary>ULYSSES's Casas-Ibarra keys (ulsbase.py <c>pnames</c>), all required for one point.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["m", "M1", "M2", "M3", "delta", "a21", "a31", "x1", "x2", "x3", "y1", "y2", "y3", "t12", "t13", "t23"];

    /// <summary>Optional keys of ULYSSES v3 (the splittings in eV^2), mapped onto <c>dm2_sol</c>, <c>dm2_atm</c>.</summary>
    private static readonly IReadOnlyDictionary<string, string> Splittings =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["m2solar"] = "dm2_sol", ["m2atm"] = "dm2_atm" };

    /// <summary>
    /// ULYSSES's direct Yukawa input (ulsbase.py:234-247, tools.py:52): <c>Yai_mag</c>, <c>Yai_phs</c> for a = 1..3 (lepton
    /// flavour), i = 1..3 (heavy neutrino), h[a,i] = mag e^{i phs} (<c>cmath.rect</c>: the phase in radians), with M1..M3.
    /// </summary>
    public static readonly IReadOnlyList<string> YukawaKeys =
        [.. from a in "123" from i in "123" from part in new[] { "mag", "phs" } select $"Y{a}{i}_{part}"];

    /// <summary>Keys whose value may be complex: the R angles (ULYSSES forms z = x + i y of whatever is given).</summary>
    private static readonly HashSet<string> ComplexKeys = new(["x1", "x2", "x3", "y1", "y2", "y3"], StringComparer.Ordinal);

    // a Python float or complex literal: [real][(+|-)imag j] or [+|-][imag] j (complex("j") is 1j)
    private const string Number = @"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?";
    private static readonly Regex PythonNumber = new(
        $@"^(?:(?<re>[+-]?{Number})(?:(?<im>[+-](?:{Number})?)[jJ])?|(?<im>[+-]?(?:{Number})?)[jJ])$", RegexOptions.CultureInvariant);

    // control characters other than tab (and the line ends, which are not part of a line's text), and the replacement
    // character that a byte which is not UTF-8 is read as
    private static readonly char[] NotText = [.. Enumerable.Range(0, 32).Where(c => c != '\t').Select(c => (char)c), '\u007f', '\ufffd'];

    private readonly Dictionary<string, (Complex Value, TextSpan Span)> _values;
    private readonly Dictionary<string, (double Low, double High, TextSpan Span)> _ranges;
    private readonly HashSet<string> _mentioned;

    private UlyssesCard(SourceText text, Dictionary<string, (Complex, TextSpan)> values,
        Dictionary<string, (double, double, TextSpan)> ranges, HashSet<string> mentioned, IReadOnlyList<Diagnostic> diagnostics)
    {
        Text = text;
        _values = values;
        _ranges = ranges;
        _mentioned = mentioned;
        Diagnostics = diagnostics;
    }

    /// <summary>The file.</summary>
    public SourceText Text { get; }

    /// <summary>The single values by key (ULYSSES's units: log10 masses, degrees).</summary>
    public IReadOnlyDictionary<string, Complex> Values => _values.ToDictionary(v => v.Key, v => v.Value.Value, StringComparer.Ordinal);

    /// <summary>The scan ranges by key (two numbers on a line: low, high, ULYSSES's units).</summary>
    public IReadOnlyDictionary<string, (double Low, double High)> Ranges =>
        _ranges.ToDictionary(r => r.Key, r => (r.Value.Low, r.Value.High), StringComparer.Ordinal);

    /// <summary>Located errors of the reading (MDL0326-MDL0328, MDL0340).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Reads a ULYSSES parameter file; never throws on its content.</summary>
    public static UlyssesCard Read(SourceText text)
    {
        var bag = new DiagnosticBag();
        var values = new Dictionary<string, (Complex, TextSpan)>(StringComparer.Ordinal);
        var ranges = new Dictionary<string, (double, double, TextSpan)>(StringComparer.Ordinal);
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        for (var line = 0; line < text.LineCount; line++)
        {
            var start = text.GetLineStart(line);
            var content = text.GetLineText(line);
            var stranger = content.IndexOfAny(NotText);
            if (stranger >= 0)
            {
                // a binary file (or one in another encoding): one error, not one per line of garbage
                bag.ReportUlyssesNotText(text, new TextSpan(start + stranger, 1));
                return new UlyssesCard(text, values, ranges, mentioned, bag.ToArray());
            }
            var hash = content.IndexOf('#');
            if (hash >= 0) content = content[..hash];
            var fields = Regex.Matches(content, @"\S+").Select(m => (Text: m.Value, Span: new TextSpan(start + m.Index, m.Length))).ToList();
            if (fields.Count == 0) continue;
            var (key, keySpan) = fields[0];
            mentioned.Add(key);
            if (fields.Count == 1) { bag.ReportUlyssesLine(text, keySpan, $"'{key}' has no value: a line is 'key value' or 'key low high'."); continue; }
            if (fields.Count > 3)
            {
                bag.ReportUlyssesLine(text, new TextSpan(fields[3].Span.Start, fields[^1].Span.End - fields[3].Span.Start),
                    $"'{key}' has {fields.Count - 1} values: a line is 'key value' or 'key low high' (a comment starts with '#').");
                continue;
            }
            if (!IsKey(key))
            {
                var suggestion = NameSuggestion.Nearest(key, Keys.Concat(Splittings.Keys).Concat(YukawaKeys));
                bag.ReportUlyssesKey(text, keySpan, $"ULYSSES has no parameter '{key}'." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));
                continue;
            }
            if (values.ContainsKey(key) || ranges.ContainsKey(key)) { bag.ReportUlyssesKeyTwice(text, keySpan, key); continue; }
            var numbers = new List<Complex>();
            foreach (var (f, span) in fields.Skip(1))
            {
                if (!TryParse(f, out var z)) { bag.ReportUlyssesLine(text, span, $"'{f}' is not a number (a real number, or a complex one such as -90j or 1+2j)."); break; }
                if (z.Imaginary != 0 && (fields.Count == 3 || !ComplexKeys.Contains(key)))
                {
                    bag.ReportUlyssesLine(text, span, fields.Count == 3
                        ? $"the ends of the range of '{key}' must be real."
                        : $"'{key}' is real; only the R angles x1..x3, y1..y3 may be complex.");
                    break;
                }
                numbers.Add(z);
            }
            if (numbers.Count != fields.Count - 1) continue;
            var lineSpan = new TextSpan(keySpan.Start, fields[^1].Span.End - keySpan.Start);
            if (numbers.Count == 1) values[key] = (numbers[0], lineSpan);
            else ranges[key] = (numbers[0].Real, numbers[1].Real, lineSpan);
        }
        return new UlyssesCard(text, values, ranges, mentioned, bag.ToArray());
    }

    private static bool IsKey(string key) => Keys.Contains(key) || Splittings.ContainsKey(key) || YukawaKeys.Contains(key);

    /// <summary>
    /// One point for a model in ULYSSES's convention: m -> <c>m_lightest</c> = 10^m eV, M1..M3 -> <c>M</c> = 10^Mi GeV,
    /// the angles as they are (degrees), m2solar/m2atm -> <c>dm2_sol</c>/<c>dm2_atm</c> (eV^2); every other parameter at its
    /// default. Every key of <see cref="Keys"/> must have one value (MDL0329; a scan range is not a point); a key the model
    /// has no parameter for is MDL0327; a complex value for a real parameter MDL0326. A card with a Yukawa key is direct
    /// Yukawa input (ULYSSES switches on <c>Y11_mag</c>, tools.py:52): M1..M3 and every one of <see cref="YukawaKeys"/> are
    /// required, Yai_mag -> <c>Y_mag[a,i]</c>, Yai_phs -> <c>Y_phs[a,i]</c> (radians), <c>yukawa_input</c> = true, and the
    /// Casas-Ibarra parameters the card leaves out (ULYSSES reads none of them then) are 0.
    /// </summary>
    public (ParameterPoint? Point, IReadOnlyList<Diagnostic> Diagnostics) Bind(ModelSpec spec)
    {
        var (point, _, diagnostics) = Map(spec, scan: false);
        return (point, diagnostics);
    }

    /// <summary>
    /// As <see cref="Bind(ModelSpec)"/>, but a scan range is a scan axis (as ULYSSES's uls-scan and uls-scan2D take it,
    /// bin/uls-scan:85-111): the point holds the range's low end, and each range comes back as a <see cref="CardRange"/> in the
    /// key's own variable (m and M1..M3 are log10 masses, so their axes are evenly spaced in log10 of the mass; the angles and
    /// splittings are linear; a range on an R angle x_i, y_i is the real part of the model's complex angle).
    /// </summary>
    public (ParameterPoint? Point, IReadOnlyList<CardRange> Ranges, IReadOnlyList<Diagnostic> Diagnostics) BindScan(ModelSpec spec) =>
        Map(spec, scan: true);

    private (ParameterPoint? Point, IReadOnlyList<CardRange> Ranges, IReadOnlyList<Diagnostic> Diagnostics) Map(ModelSpec spec, bool scan)
    {
        var bag = new DiagnosticBag();
        bag.AddRange(Diagnostics);
        var parameters = spec.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var values = new Dictionary<string, Complex[]>(StringComparer.Ordinal);
        // the keys' values; a scan's ranges at their low ends
        var given = new Dictionary<string, (Complex Value, TextSpan Span)>(_values, StringComparer.Ordinal);
        var axes = new List<CardRange>();
        foreach (var (key, (low, high, span)) in _ranges)
            if (!scan) bag.ReportUlyssesNotAPoint(Text, span, $"'{key}' is a scan range ({low} to {high}); one point needs one value.");
            else if (Axis(key, low, high, span, parameters, bag) is { } axis)
            {
                axes.Add(axis);
                given[key] = (low, span);
            }
        // a key is not missing when a line meant to give it failed, and nothing is when a line has an unknown key (it may
        // have meant any of them): that line's error is the cause
        var yukawa = _mentioned.Any(YukawaKeys.Contains);
        var required = yukawa ? ["M1", "M2", "M3", .. YukawaKeys] : Keys;
        var missing = required.Where(k => !_mentioned.Contains(k)).ToList();
        var unsure = _mentioned.Any(k => !IsKey(k)) || Diagnostics.Any(d => d.Id == "MDL0340");
        if (missing.Count > 0 && !unsure)
            bag.ReportUlyssesNotAPoint(Text, new TextSpan(0, 0), (_mentioned.Count == 0 ? "the file has no 'key value' line. " : "")
                + $"ULYSSES needs every one of its parameters{(yukawa ? " of direct Yukawa input" : "")}; missing: {string.Join(", ", missing)}.");

        void Set(string name, string key, Complex[] value)
        {
            if (!parameters.TryGetValue(name, out var p))
                bag.ReportUlyssesKey(Text, given[key].Span, $"the model '{spec.Name}' has no parameter '{name}' for ULYSSES's '{key}'.");
            else if (!p.IsComplex && value.Any(z => z.Imaginary != 0))
                bag.ReportUlyssesLine(Text, given[key].Span, $"'{key}' is complex, and the model's '{name}' is real.");
            else
                values[name] = value;
        }
        foreach (var (key, (z, _)) in given)
        {
            if (key == "m") Set("m_lightest", key, [Math.Pow(10, z.Real) * 1e-9]);
            else if (key is "M1" or "M2" or "M3" || YukawaKeys.Contains(key)) continue;
            else if (Splittings.TryGetValue(key, out var name)) Set(name, key, [z]);
            else Set(key, key, [z]);
        }
        if (given.ContainsKey("M1") && given.ContainsKey("M2") && given.ContainsKey("M3"))
            Set("M", "M1", [Math.Pow(10, given["M1"].Value.Real), Math.Pow(10, given["M2"].Value.Real), Math.Pow(10, given["M3"].Value.Real)]);
        if (yukawa && YukawaKeys.All(given.ContainsKey))
        {
            // ULYSSES's _manualh[a-1][i-1] = rect(Yai_mag, Yai_phs): the flavour a is the row, as in h[a,i]
            Complex[] Part(string part) => [.. from a in "123" from i in "123" select given[$"Y{a}{i}_{part}"].Value];
            Set("Y_mag", "Y11_mag", Part("mag"));
            Set("Y_phs", "Y11_phs", Part("phs"));
            Set("yukawa_input", "Y11_mag", [1]);
            foreach (var key in Keys.Where(k => !given.ContainsKey(k) && k is not ("M1" or "M2" or "M3")))
                if (parameters.TryGetValue(key == "m" ? "m_lightest" : key, out var p) && p.Default is null && !values.ContainsKey(p.Name))
                    values[p.Name] = new Complex[Math.Max(1, p.Rows) * Math.Max(1, p.Columns)];
        }
        foreach (var p in spec.Parameters.Where(p => !values.ContainsKey(p.Name) && p.Default is not null))
            values[p.Name] = Enumerable.Repeat(p.Default!.Value, Math.Max(1, p.Rows) * Math.Max(1, p.Columns)).ToArray();
        if (bag.HasErrors) return (null, [], bag.ToArray());
        return (new ParameterPoint(Path.GetFileName(Text.Path), values, "normal"), [.. axes], bag.ToArray());
    }

    /// <summary>
    /// A range as a scan axis in the key's own variable: m -> <c>m_lightest</c> from 10^low to 10^high eV (in GeV), Mi ->
    /// <c>M[i]</c> from 10^low to 10^high GeV, both evenly spaced in log10; an R angle -> the real part of the complex angle; the
    /// other angles and the splittings as they are; null after MDL0341 when an end of a log10 key is no finite positive mass.
    /// </summary>
    private CardRange? Axis(string key, double low, double high, TextSpan span, IReadOnlyDictionary<string, ParameterSpec> parameters, DiagnosticBag bag)
    {
        var (axis, scale, log) = key switch
        {
            "m" => ("m_lightest", 1e-9, true),
            "M1" or "M2" or "M3" => ($"M[{key[1..]}]", 1.0, true),
            _ when Splittings.TryGetValue(key, out var name) => (name, 1.0, false),
            // Yai_mag -> Y_mag[a,i], written as a scan axis names a matrix entry: row-major, NAME[3 (a - 1) + i]
            _ when YukawaKeys.Contains(key) => ($"Y_{key[4..]}[{3 * (key[1] - '1') + key[2] - '0'}]", 1.0, false),
            _ when parameters.TryGetValue(key, out var p) && p.IsComplex => ($"re({key})", 1.0, false),
            _ => (key, 1.0, false),
        };
        if (!log) return new CardRange(axis, low, high, false, key, Text, span);
        var (start, stop) = (Math.Pow(10, low) * scale, Math.Pow(10, high) * scale);
        if (double.IsFinite(start) && double.IsFinite(stop) && start > 0 && stop > 0) return new CardRange(axis, start, stop, true, key, Text, span);
        bag.ReportUlyssesRange(Text, span, $"'{key}' is a log10; 10^{low} to 10^{high} is not a range of finite nonzero doubles.");
        return null;
    }

    /// <summary>A Python float or complex literal (finite), as ULYSSES's <c>float()</c>/<c>complex()</c> read it.</summary>
    public static bool TryParse(string s, out Complex value)
    {
        value = Complex.Zero;
        var m = PythonNumber.Match(s);
        if (!m.Success) return false;
        static double Part(Group g) => g.Value switch
        {
            "" or "+" => 1,
            "-" => -1,
            var t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        var re = m.Groups["re"].Success ? double.Parse(m.Groups["re"].Value, NumberStyles.Float, CultureInfo.InvariantCulture) : 0;
        var im = m.Groups["im"].Success ? Part(m.Groups["im"]) : 0;
        value = new Complex(re, im);
        return double.IsFinite(re) && double.IsFinite(im);
    }
}
