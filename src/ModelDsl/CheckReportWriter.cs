using System.Text.Encodings.Web;
using System.Text.Json;
using ModelDsl.Checks;
using ModelDsl.Diagnostics;

namespace ModelDsl;

/// <summary>
/// The check report as <c>modeldsl check</c> prints it (a table or JSON), shared by the CLI and the
/// F# layer; and <see cref="Run"/>, the whole of <c>check FILE [--json]</c> with its exit code.
/// </summary>
public static class CheckReportWriter
{
    /// <summary>Runs the checks of a spec file; writes the report to <paramref name="output"/>, diagnostics to <paramref name="error"/>; returns the exit code.</summary>
    public static int Run(string path, bool json, TextWriter output, TextWriter error)
    {
        var compilation = ModelCompilation.FromFile(path);
        var diagnostics = compilation.Diagnostics;
        if (compilation.Spec is null)
        {
            if (json) WriteJson(output, path, null, null, diagnostics);
            else error.Write(DiagnosticPrinter.FormatAll(diagnostics));
            return ExitCodes.SpecErrors;
        }
        if (!json && diagnostics.Count > 0) error.Write(DiagnosticPrinter.FormatAll(diagnostics));
        var report = compilation.RunChecks();
        if (json) WriteJson(output, path, compilation, report, diagnostics);
        else WriteTable(output, compilation, report);
        return report.Overall is Holds ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    /// <summary>The report as an aligned text table with a closing verdict line.</summary>
    public static void WriteTable(TextWriter output, ModelCompilation compilation, CheckReport report)
    {
        var spec = compilation.Spec!;
        output.WriteLine($"model {spec.Name}" + (spec.Title is null ? "" : $": {spec.Title}"));
        output.WriteLine();
        var rows = report.Outcomes.Select(o => new[] { o.Check, o.Item, o.Verdict.Status, Detail(o) }).ToList();
        var header = new[] { "check", "item", "verdict", "value / witness / conditions" };
        var widths = Enumerable.Range(0, 3).Select(k => rows.Select(r => r[k].Length).Append(header[k].Length).Max()).ToArray();
        string Line(string[] r) => $"  {r[0].PadRight(widths[0])}  {r[1].PadRight(widths[1])}  {r[2].PadRight(widths[2])}  {r[3]}".TrimEnd();
        output.WriteLine(Line(header));
        output.WriteLine(Line(header.Select((h, k) => new string('-', k < 3 ? widths[k] : h.Length)).ToArray()));
        foreach (var r in rows) output.WriteLine(Line(r));
        output.WriteLine();
        output.WriteLine(report.Overall switch
        {
            Holds => $"All {report.Outcomes.Count} checks hold.",
            HoldsIff h => $"The checks hold if and only if {h.ConditionText}.",
            Fails => $"{report.Outcomes.Count(o => o.Verdict is Fails)} of {report.Outcomes.Count} checks FAIL.",
            _ => "",
        });
    }

    private static string Detail(CheckOutcome o) => o.Verdict switch
    {
        Fails f => f.Witness,
        HoldsIff h => "iff " + h.ConditionText,
        _ => o.Value,
    };

    /// <summary>
    /// <c>{"file", "model", "overall": {"status", ...}, "outcomes": [...], "diagnostics": [...]}</c>;
    /// with errors only <c>file</c> and <c>diagnostics</c>.
    /// </summary>
    public static void WriteJson(TextWriter output, string path, ModelCompilation? compilation, CheckReport? report, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("file", path);
            if (compilation?.Spec is { } spec && report is not null)
            {
                w.WriteString("model", spec.Name);
                if (spec.Title is not null) w.WriteString("title", spec.Title);
                w.WritePropertyName("overall");
                WriteVerdict(w, report.Overall);
                w.WriteStartArray("outcomes");
                foreach (var o in report.Outcomes)
                {
                    w.WriteStartObject();
                    w.WriteString("check", o.Check);
                    w.WriteString("item", o.Item);
                    w.WriteString("value", o.Value);
                    if (o.Span is { } span)
                    {
                        var (line, col) = spec.Source.GetLineColumn(span.Start);
                        w.WriteNumber("line", line);
                        w.WriteNumber("column", col);
                    }
                    w.WritePropertyName("verdict");
                    WriteVerdict(w, o.Verdict);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("severity", d.IsError ? "error" : "warning");
                w.WriteString("message", d.Message);
                w.WriteNumber("line", d.Line);
                w.WriteNumber("column", d.Column);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteVerdict(Utf8JsonWriter w, Verdict v)
    {
        w.WriteStartObject();
        w.WriteString("status", v.Status);
        switch (v)
        {
            case Fails f: w.WriteString("witness", f.Witness); break;
            case HoldsIff h:
                w.WriteStartArray("conditions");
                foreach (var c in h.Conditions) w.WriteStringValue($"{c} = 0");
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }
}
