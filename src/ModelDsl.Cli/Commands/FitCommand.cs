using System.Globalization;
using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelDsl.Diagnostics;
using ModelDsl.Kernels;
using ModelDsl.Model;
using ModelDsl.Physics.Trl;

namespace ModelDsl.Cli.Commands;

/// <summary>
/// What <c>modeldsl fit FILE --card CARD [--set NAME=VALUE ...] [--json]</c> does: evaluate the model's fit let
/// (a builtin whose record has a residual and a delta_h: <c>texture_fit</c>, seed 001 eq. 2.11) at the card's point and print the perturbation delta_h, its size
/// against the leading texture, the residual of the light-neutrino mass matrix, the masses, angles and phases
/// reconstructed from it next to the data (2.18), and every kernel that has a limit or a projected
/// sensitivity in the spec (constants <c>KERNEL_limit</c>, <c>KERNEL_future</c>: the cLFV rates of (3.8)-(3.9)).
/// </summary>
public static class FitCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string specPath, string cardPath, IReadOnlyList<string> sets, bool json, TextWriter output, TextWriter error)
    {
        var compilation = ModelCompilation.FromFile(specPath);
        if (compilation.Spec is not { } spec)
        {
            error.Write(DiagnosticPrinter.FormatAll(compilation.Diagnostics));
            return ExitCodes.SpecErrors;
        }
        // the fit is the let whose builtin returns a fit record (a residual and a perturbation), whatever its name
        var index = spec.Lets.ToList().FindIndex(l => l.Field("residual") is not null && l.Field("delta_h") is not null);
        if (index < 0)
        {
            var d = new Diagnostic("MDL0316", DiagnosticSeverity.Error, $"The model '{spec.Name}' has no 'let NAME = texture_fit(...)' to fit.", spec.Source, new Text.TextSpan(0, 0));
            error.Write(DiagnosticPrinter.FormatAll([d]));
            return ExitCodes.SpecErrors;
        }
        // the lets are computed once; the fit's whole record is read. A fit that does not reproduce the data is MDL0315 at the
        // let (as in eval and scan), but its rejected record is still shown next to the data, without the rates it would give.
        var created = compilation.CreateNumeric(cardPath, sets);
        if (created.Model is not { } model)
        {
            if (created.LetFailure is { Rejected: { } rejected, Arguments: { } rejectedArgs } failure && ReferenceEquals(failure.Let, spec.Lets[index])
                && created.Point is { } failedPoint)
                Report(output, json, spec, failedPoint, rejected, rejectedArgs, []);
            error.Write(DiagnosticPrinter.FormatAll(created.Diagnostics));
            return ExitCodes.SpecErrors;
        }
        if (created.Diagnostics.Length > 0) error.Write(DiagnosticPrinter.FormatAll(created.Diagnostics));
        var point = model.Point;
        var fit = model.Let(index);
        var args = model.LetArguments(index);
        var values = model.Evaluate().Values.Select(v => v.Value).ToArray();
        if (!args.Bool("fit"))
        {
            error.WriteLine($"{cardPath}: error: the fit is switched off at this point (fit: false in the spec's '{spec.Lets[index].Name}'); nothing to compare with the data");
            return ExitCodes.SpecErrors;
        }
        var consts = spec.Consts.ToDictionary(c => c.Name, c => c.Value);
        var bounds = spec.Kernels.Select((k, i) => (k.Name, Value: values[i].Real,
                Limit: consts.TryGetValue(k.Name + "_limit", out var l) ? l : (double?)null,
                Future: consts.TryGetValue(k.Name + "_future", out var f) ? f : (double?)null))
            .Where(b => b.Limit is not null || b.Future is not null).ToList();
        Report(output, json, spec, point, fit, args, bounds);
        return ExitCodes.Success;
    }

    /// <summary>Writes the fit next to the data (and the rates against their bounds), as text or JSON.</summary>
    private static void Report(TextWriter output, bool json, ModelSpec spec, ParameterPoint point, BuiltinRecord fit, BuiltinArguments args,
        List<(string Name, double Value, double? Limit, double? Future)> bounds)
    {
        var oneLoop = args.Bool("one_loop");
        var ordering = args.Real("dm2_31") > 0 ? MassOrdering.Normal : MassOrdering.Inverted;
        var data = new OscillationData(ordering, args.Real("dm2_21"), args.Real("dm2_31"), args.Real("sin2_12"), args.Real("sin2_23"), args.Real("sin2_13"), args.Real("delta_cp"));
        var rows = Comparison(data, fit, ordering);
        if (json) WriteJson(output, spec.Name, point.Title, fit, rows, bounds, oneLoop);
        else WriteText(output, spec.Name, point.Title, fit, rows, bounds, oneLoop);
    }

    private static List<(string Name, double Data, double Fitted)> Comparison(OscillationData data, BuiltinRecord fit, MassOrdering ordering)
    {
        var want = data.Parameters();
        // the light parameters of the fitted mass matrix: its Takagi factorisation (seed 001 2.18)
        var mNu = fit.Array("m_nu");
        var got = PdgMixing.FromMassMatrix(mNu, ordering);
        var phase = PdgMixing.MajoranaPhase(mNu, ordering);
        return
        [
            ("m1 (eV)", want.Masses[0] * 1e9, got.Masses[0] * 1e9),
            ("m2 (eV)", want.Masses[1] * 1e9, got.Masses[1] * 1e9),
            ("m3 (eV)", want.Masses[2] * 1e9, got.Masses[2] * 1e9),
            ("sin^2 theta12", want.Sin2Theta12, got.Sin2Theta12),
            ("sin^2 theta23", want.Sin2Theta23, got.Sin2Theta23),
            ("sin^2 theta13", want.Sin2Theta13, got.Sin2Theta13),
            ("delta/pi", want.Delta / Math.PI, got.Delta / Math.PI),
            (ordering == MassOrdering.Normal ? "(alpha31-alpha21)/pi" : "alpha21/pi", 0, (phase > Math.PI ? phase - 2 * Math.PI : phase) / Math.PI),
        ];
    }

    private static double MaxEntry(Complex[,] m) => m.Cast<Complex>().Max(z => z.Magnitude);

    private static string G(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    private static string C(Complex z) => $"{G(z.Real)}{(z.Imaginary < 0 ? "-" : "+")}{G(Math.Abs(z.Imaginary))}i";

    private static void WriteText(TextWriter o, string model, string title, BuiltinRecord fit,
        List<(string Name, double Data, double Fitted)> rows, List<(string Name, double Value, double? Limit, double? Future)> bounds, bool oneLoop)
    {
        var s = fit.RealVector("split");
        o.WriteLine($"model {model}, card \"{title}\": texture breaking fitted to the oscillation data (seed 001 eq. 2.11, {(oneLoop ? "one-loop (2.14)" : "tree-level")} light masses)");
        o.WriteLine();
        o.WriteLine($"heavy spectrum (GeV): m_N1 = {G(fit.RealVector("mass")[0])}, m_N2 - m_N1 = {G(s[1])}, m_N3 - m_N2 = {G(s[2] - s[1])}");
        WriteMatrix(o, "h0 (leading texture, 2.17)", fit.Array("h0"));
        WriteMatrix(o, "delta_h", fit.Array("delta_h"));
        o.WriteLine();
        o.WriteLine($"max|delta_h| / max|h0| = {G(fit.Real("ratio"))}; Frobenius ratio {G(fit.Real("frobenius_ratio"))} (lower bound for this texture direction: {G(fit.Real("frobenius_bound"))})");
        o.WriteLine($"residual |m_nu(h) - U* m U^dagger| / |U* m U^dagger| = {fit.Real("residual").ToString("0.##E+0", CultureInfo.InvariantCulture)}");
        var hMax = MaxEntry(fit.Array("h"));
        if (hMax > Math.Sqrt(4 * Math.PI))
            o.WriteLine($"warning: max|h| = {G(hMax)} > sqrt(4 pi): these Yukawa couplings are not perturbative");
        o.WriteLine();
        o.WriteLine($"  {"quantity",-22}  {"data",-12}  {"fitted",-12}  difference");
        foreach (var (name, want, got) in rows)
            o.WriteLine($"  {name,-22}  {G(want),-12}  {G(got),-12}  {G(got - want)}");
        if (bounds.Count == 0) return;
        o.WriteLine();
        o.WriteLine("rates with a limit or a projected sensitivity in the model (seed 001 (3.8)-(3.9)):");
        o.WriteLine($"  {"kernel",-16}  {"value",-12}  {"limit",-10}  {"future",-10}  verdict");
        foreach (var (name, value, limit, future) in bounds)
        {
            var verdict = !double.IsFinite(value) ? "not finite" : limit is { } l && value > l ? "excluded" : future is { } f && value > f ? "within reach" : "below reach";
            o.WriteLine($"  {name,-16}  {G(value),-12}  {(limit is { } x ? G(x) : "-"),-10}  {(future is { } y ? G(y) : "-"),-10}  {verdict}");
        }
    }

    private static void WriteMatrix(TextWriter o, string title, Complex[,] m)
    {
        o.WriteLine();
        o.WriteLine($"{title} (rows e, mu, tau; columns N1, N2, N3):");
        for (var l = 0; l < 3; l++)
            o.WriteLine("  " + string.Join("  ", Enumerable.Range(0, 3).Select(a => C(m[l, a]).PadRight(30))).TrimEnd());
    }

    private static void WriteJson(TextWriter output, string model, string title, BuiltinRecord fit,
        List<(string Name, double Data, double Fitted)> rows, List<(string Name, double Value, double? Limit, double? Future)> bounds, bool oneLoop)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("model", model);
            w.WriteString("card", title);
            w.WriteBoolean("one_loop", oneLoop);
            w.WriteStartObject("spectrum");
            var split = fit.RealVector("split");
            Number(w, "m_N1", fit.RealVector("mass")[0]);
            Number(w, "m_N2_minus_m_N1", split[1]);
            Number(w, "m_N3_minus_m_N2", split[2] - split[1]);
            w.WriteEndObject();
            Matrix(w, "h0", fit.Array("h0"));
            Matrix(w, "delta_h", fit.Array("delta_h"));
            Number(w, "ratio", fit.Real("ratio"));
            Number(w, "frobenius_ratio", fit.Real("frobenius_ratio"));
            Number(w, "frobenius_bound", fit.Real("frobenius_bound"));
            Number(w, "residual", fit.Real("residual"));
            w.WriteBoolean("perturbative", MaxEntry(fit.Array("h")) <= Math.Sqrt(4 * Math.PI));
            w.WriteStartArray("comparison");
            foreach (var (name, want, got) in rows)
            {
                w.WriteStartObject();
                w.WriteString("quantity", name);
                Number(w, "data", want);
                Number(w, "fitted", got);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("bounds");
            foreach (var (name, value, limit, future) in bounds)
            {
                w.WriteStartObject();
                w.WriteString("kernel", name);
                Number(w, "value", value);
                if (limit is { } l) w.WriteNumber("limit", l);
                if (future is { } f) w.WriteNumber("future", f);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>A number, or its text ("NaN", "Infinity") when it is not finite, as eval --json does.</summary>
    private static void Number(Utf8JsonWriter w, string name, double x)
    {
        if (double.IsFinite(x)) w.WriteNumber(name, x);
        else w.WriteString(name, x.ToString(CultureInfo.InvariantCulture));
    }

    private static void Matrix(Utf8JsonWriter w, string name, Complex[,] m)
    {
        w.WriteStartArray(name);
        for (var l = 0; l < 3; l++)
        {
            w.WriteStartArray();
            for (var a = 0; a < 3; a++)
            {
                w.WriteStartObject();
                Number(w, "re", m[l, a].Real);
                Number(w, "im", m[l, a].Imaginary);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
