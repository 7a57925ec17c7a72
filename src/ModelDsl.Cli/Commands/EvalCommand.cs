using System.Globalization;
using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelDsl.Diagnostics;

namespace ModelDsl.Cli.Commands;

/// <summary>
/// <c>modeldsl eval FILE --card CARD [--set NAME=VALUE ...] [--json] [--allow-nonfinite]</c>: the facade's
/// <see cref="NumericModel"/> at the card, every kernel evaluated and printed as a table or JSON. A kernel
/// that is not finite is MDL0317 (naming its first input that is not finite) and exit 4, unless
/// <c>--allow-nonfinite</c>, which prints it marked "not finite".
/// </summary>
public static class EvalCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string specPath, string cardPath, IReadOnlyList<string> sets, bool json, bool allowNonFinite, TextWriter output, TextWriter error)
    {
        var created = ModelCompilation.FromFile(specPath).CreateNumeric(cardPath, sets);
        if (created.Diagnostics.Length > 0) error.Write(DiagnosticPrinter.FormatAll(created.Diagnostics));
        if (created.Model is not { } model) return ExitCodes.SpecErrors;
        var evaluation = model.Evaluate();
        if (!evaluation.AllFinite)
        {
            if (!allowNonFinite)
            {
                error.Write(DiagnosticPrinter.FormatAll(evaluation.NonFinite));
                error.WriteLine("modeldsl: some kernels are not finite at this point; --allow-nonfinite prints them anyway, marked 'not finite'.");
                return ExitCodes.NonFinite;
            }
            error.Write(DiagnosticPrinter.FormatAll([.. evaluation.NonFinite.Select(d => d with { Severity = DiagnosticSeverity.Warning })]));
        }
        if (json) WriteJson(output, evaluation);
        else WriteTable(output, evaluation);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Kernel values as a table of three columns, kernel, value (a value that is not finite marked so) and unit
    /// (<see cref="KernelValue.UnitText"/>; "-" where the spec does not tell it), each column's rule as wide as its widest
    /// cell; then the constants used.
    /// </summary>
    public static void WriteTable(TextWriter output, NumericEvaluation e)
    {
        var spec = e.Model.Spec;
        output.WriteLine($"model {spec.Name}, card \"{e.Model.Point.Title}\"");
        output.WriteLine();
        string[][] rows = [["kernel", "value", "unit"], .. e.Values.Select(k => new[] { k.Name, NumericDiagnostics.Text(k.InUnit), k.UnitText ?? "-" })];
        var widths = Enumerable.Range(0, 3).Select(c => rows.Max(r => r[c].Length)).ToArray();
        string Line(string[] cells) => ("  " + string.Join("  ", cells.Select((cell, c) => cell.PadRight(widths[c])))).TrimEnd();
        output.WriteLine(Line(rows[0]));
        output.WriteLine(Line([.. widths.Select(w => new string('-', w))]));
        foreach (var (row, k) in rows.Skip(1).Zip(e.Values))
            output.WriteLine(Line(row) + (k.IsFinite ? "" : "  (not finite)"));
        output.WriteLine();
        if (TableChoices(spec, e.Model.Point) is { } tables) output.WriteLine("tables: " + tables);
        output.WriteLine("constants: " + string.Join(", ", spec.Consts.Select(c => c.Unit is null
            ? $"{c.Name} = {c.Value.ToString("G6", CultureInfo.InvariantCulture)}"
            : $"{c.Name} = {(c.Value / Model.CardBinder.Units[c.Unit]).ToString("G6", CultureInfo.InvariantCulture)} {c.Unit}")));
    }

    /// <summary>
    /// <c>{"model", "card", "ordering", "parameters": {...}, "kernels": {...}, "kernel_units": {...}, "not_finite": [...], "constants": {...}}</c>:
    /// plain numbers (complex ones as {"re", "im"}), masses and constants in GeV, each kernel in its unit under kernel_units
    /// (<see cref="KernelValue.UnitText"/>: a declared unit, "1", "GeV^2", ...; null when not known), n_La/s itself; a number that is not finite is
    /// written as text ("NaN", "Infinity") and its kernel listed under "not_finite".
    /// </summary>
    public static void WriteJson(TextWriter output, NumericEvaluation e)
    {
        var spec = e.Model.Spec;
        var point = e.Model.Point;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("model", spec.Name);
            w.WriteString("card", point.Title);
            w.WriteString("ordering", point.Ordering);
            w.WriteStartObject("parameters");
            foreach (var p in spec.Parameters.Where(p => point.Values.ContainsKey(p.Name)))
            {
                var values = point.Values[p.Name];
                w.WritePropertyName(p.Name);
                if (p.TableChoices is not null) w.WriteStringValue(TableName(p, point));
                else if (p.Rank == 0) WriteNumber(w, values[0], p.IsComplex);
                else
                {
                    w.WriteStartArray();
                    foreach (var v in values) WriteNumber(w, v, p.IsComplex);
                    w.WriteEndArray();
                }
            }
            w.WriteEndObject();
            w.WriteStartObject("kernels");
            foreach (var k in e.Values)
            {
                w.WritePropertyName(k.Name);
                WriteNumber(w, k.InUnit, k.Value.Imaginary != 0 && !(Math.Abs(k.Value.Imaginary) <= 1e-12 * Math.Abs(k.Value.Real)));
            }
            w.WriteEndObject();
            w.WriteStartObject("kernel_units");
            foreach (var k in e.Values) w.WriteString(k.Name, k.UnitText);
            w.WriteEndObject();
            w.WriteStartArray("not_finite");
            foreach (var k in e.Values.Where(k => !k.IsFinite)) w.WriteStringValue(k.Name);
            w.WriteEndArray();
            w.WriteStartObject("constants");
            foreach (var c in spec.Consts) w.WriteNumber(c.Name, c.Value);
            w.WriteEndObject();
            w.WriteString("units", "GeV for masses, temperatures, vevs and constants; each kernel in its kernel_units unit (1: dimensionless; null: not known, GeV^d for its energy dimension d)");
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>
    /// <c>dofs = gg, constants = ulysses_v3</c>: the table chosen by each table-choice parameter at the point (a g*(T)
    /// table, a constants set), printed as <c>tables: ...</c> with every eval, solve and scan result and stored with a
    /// scan; null when the model has none.
    /// </summary>
    internal static string? TableChoices(Model.ModelSpec spec, Model.ParameterPoint point)
    {
        var choices = spec.Parameters.Where(p => p.TableChoices is not null && point.Values.ContainsKey(p.Name)).ToList();
        return choices.Count == 0 ? null : string.Join(", ", choices.Select(p => $"{p.Name} = {TableName(p, point)}"));
    }

    /// <summary>The table a table-choice parameter names at the point (its value is the table's 1-based position).</summary>
    private static string TableName(Model.ParameterSpec p, Model.ParameterPoint point) => p.TableChoices![(int)point.Values[p.Name][0].Real - 1];

    private static void WriteNumber(Utf8JsonWriter w, Complex z, bool complex)
    {
        if (!complex)
        {
            Real(w, z.Real);
            return;
        }
        w.WriteStartObject();
        w.WritePropertyName("re");
        Real(w, z.Real);
        w.WritePropertyName("im");
        Real(w, z.Imaginary);
        w.WriteEndObject();
    }

    /// <summary>A number, or its text ("NaN", "Infinity") when it is not finite, as fit --json does.</summary>
    private static void Real(Utf8JsonWriter w, double x)
    {
        if (double.IsFinite(x)) w.WriteNumberValue(x);
        else w.WriteStringValue(x.ToString(CultureInfo.InvariantCulture));
    }
}
