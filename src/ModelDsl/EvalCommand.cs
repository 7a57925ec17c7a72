using System.Globalization;
using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelDsl.Diagnostics;
using ModelDsl.Kernels;
using ModelDsl.Model;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl;

/// <summary>The result of evaluating every kernel of a model at a card's parameter point.</summary>
public sealed record Evaluation(ModelSpec Spec, ParameterPoint Point, IReadOnlyList<(string Name, Complex Value)> Kernels);

/// <summary>
/// What <c>modeldsl eval FILE --card CARD [--set NAME=VALUE ...] [--json]</c> does: compile the
/// model and its kernels, bind the card (with overrides), evaluate, print a table or JSON.
/// </summary>
public static class EvalCommand
{
    /// <summary>
    /// The pipeline eval and scan share: compile the model and its kernels, read the card, apply the
    /// --set overrides, bind. Diagnostics of any stage come back instead of a result.
    /// </summary>
    public static (ModelSpec? Spec, ParameterPoint? Point, KernelSet? Kernels, IReadOnlyList<Diagnostic> Diagnostics) Prepare(
        string specPath, string cardPath, IReadOnlyList<string> sets)
    {
        var compilation = ModelCompilation.FromFile(specPath);
        if (compilation.Spec is not { } spec) return (null, null, null, compilation.Diagnostics);
        if (spec.Kernels.Count == 0)
        {
            var d = new Diagnostic("MDL0313", DiagnosticSeverity.Error, $"The model '{spec.Name}' declares no kernel to evaluate.", spec.Source, new TextSpan(0, 0));
            return (null, null, null, [d]);
        }
        string cardText;
        try
        {
            cardText = File.ReadAllText(cardPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var source = SourceText.From("", cardPath);
            return (null, null, null, [new Diagnostic("MDL0000", DiagnosticSeverity.Error, $"Cannot read the card: {e.Message}", source, new TextSpan(0, 0))]);
        }
        var card = CardTree.Parse(SourceText.From(cardText, cardPath));
        var overrides = sets.Select(s => CardTree.Parse(SourceText.From(s, "--set"), requireHeader: false)).ToList();
        var (point, cardDiagnostics) = CardBinder.Bind(spec, card, overrides);
        if (point is null) return (null, null, null, cardDiagnostics);
        var (set, errors) = KernelSet.Compile(spec);
        if (set is null)
        {
            var d = errors.Select(e => new Diagnostic("MDL0314", DiagnosticSeverity.Error, $"A kernel cannot be compiled: {e}", spec.Source, new TextSpan(0, 0))).ToList();
            return (null, null, null, d);
        }
        return (spec, point, set, cardDiagnostics);
    }

    /// <summary>Compiles, binds and evaluates; diagnostics of any stage come back instead of a result.</summary>
    public static (Evaluation? Result, IReadOnlyList<Diagnostic> Diagnostics) Evaluate(string specPath, string cardPath, IReadOnlyList<string> sets)
    {
        var (spec, point, set, diagnostics) = Prepare(specPath, cardPath, sets);
        if (set is null) return (null, diagnostics);
        if (set.TryEvaluate(point!, out var failure) is not { } values) return (null, [.. diagnostics, failure!.ToDiagnostic(spec!)]);
        return (new Evaluation(spec!, point!, spec!.Kernels.Select((k, i) => (k.Name, values[i])).ToList()), diagnostics);
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string specPath, string cardPath, IReadOnlyList<string> sets, bool json, TextWriter output, TextWriter error)
    {
        var (result, diagnostics) = Evaluate(specPath, cardPath, sets);
        if (result is null)
        {
            error.Write(DiagnosticPrinter.FormatAll(diagnostics));
            return ExitCodes.SpecErrors;
        }
        if (diagnostics.Count > 0) error.Write(DiagnosticPrinter.FormatAll(diagnostics));
        if (json) WriteJson(output, result);
        else WriteTable(output, result);
        return ExitCodes.Success;
    }

    private static string Format(Complex z) =>
        Math.Abs(z.Imaginary) <= 1e-12 * Math.Abs(z.Real)
            ? z.Real.ToString("G6", CultureInfo.InvariantCulture)
            : $"{z.Real.ToString("G6", CultureInfo.InvariantCulture)}{(z.Imaginary < 0 ? "-" : "+")}{Math.Abs(z.Imaginary).ToString("G6", CultureInfo.InvariantCulture)}i";

    /// <summary>Kernel values as an aligned table, then the constants used.</summary>
    public static void WriteTable(TextWriter output, Evaluation e)
    {
        output.WriteLine($"model {e.Spec.Name}, card \"{e.Point.Title}\"");
        output.WriteLine();
        var width = e.Kernels.Max(k => k.Name.Length);
        output.WriteLine($"  {"kernel".PadRight(width)}  value");
        output.WriteLine($"  {new string('-', width)}  -----");
        foreach (var (name, value) in e.Kernels) output.WriteLine($"  {name.PadRight(width)}  {Format(value)}");
        output.WriteLine();
        output.WriteLine("constants: " + string.Join(", ", e.Spec.Consts.Select(c => $"{c.Name} = {c.Value.ToString("G6", CultureInfo.InvariantCulture)}")));
    }

    /// <summary>
    /// <c>{"model", "card", "parameters": {...}, "kernels": {...}, "constants": {...}}</c>: plain numbers
    /// (complex ones as {"re", "im"}), masses in GeV, n_La/s itself.
    /// </summary>
    public static void WriteJson(TextWriter output, Evaluation e)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("model", e.Spec.Name);
            w.WriteString("card", e.Point.Title);
            w.WriteString("ordering", e.Point.Ordering);
            w.WriteStartObject("parameters");
            foreach (var p in e.Spec.Parameters.Where(p => e.Point.Values.ContainsKey(p.Name)))
            {
                var values = e.Point.Values[p.Name];
                w.WritePropertyName(p.Name);
                if (p.Rank == 0) WriteNumber(w, values[0], p.IsComplex);
                else
                {
                    w.WriteStartArray();
                    foreach (var v in values) WriteNumber(w, v, p.IsComplex);
                    w.WriteEndArray();
                }
            }
            w.WriteEndObject();
            w.WriteStartObject("kernels");
            foreach (var (name, value) in e.Kernels)
            {
                w.WritePropertyName(name);
                WriteNumber(w, value, value.Imaginary != 0 && Math.Abs(value.Imaginary) > 1e-12 * Math.Abs(value.Real));
            }
            w.WriteEndObject();
            w.WriteStartObject("constants");
            foreach (var c in e.Spec.Consts) w.WriteNumber(c.Name, c.Value);
            w.WriteEndObject();
            w.WriteString("units", "GeV for masses, temperatures and vevs");
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteNumber(Utf8JsonWriter w, Complex z, bool complex)
    {
        if (!complex)
        {
            if (double.IsFinite(z.Real)) w.WriteNumberValue(z.Real);
            else w.WriteStringValue(z.Real.ToString(CultureInfo.InvariantCulture));
            return;
        }
        w.WriteStartObject();
        w.WriteNumber("re", z.Real);
        w.WriteNumber("im", z.Imaginary);
        w.WriteEndObject();
    }
}
