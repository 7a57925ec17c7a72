using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ModelDsl.Diagnostics;
using ModelDsl.Kernels.Scans;
using ModelDsl.Kernels.Systems;
using ModelDsl.Numerics.Ode;
using ModelDsl.Plotting;

namespace ModelDsl.Cli.Commands;

/// <summary>
/// <c>modeldsl solve FILE --card CARD [--set ...] [--system NAME] [--rtol R] [--atol A] [--method M] [--samples N] [--csv F] [--out DB] [--plot PNG]</c>:
/// solves an ODE system of the model at the card (issue 10) and prints its named outputs and the solver's work; the
/// evolution (the variable and every unknown at N samples) goes to CSV and to an SQLite results file that <c>plot</c>
/// reads (with every output's expression along the variable), and to a log-log PNG of |unknown| against the variable with
/// the points where the value is negative marked.
/// A solver failure or an output that is not finite is reported and exits 4; nothing is printed as a result without saying so.
/// </summary>
public static class SolveCommand
{
    /// <summary>The command's options.</summary>
    public sealed record Options(string Spec, string Card, IReadOnlyList<string> Sets, string? System, double RelativeTolerance, string Method,
        int Samples, string? Csv, string? Out, string? Plot, IReadOnlyList<string> PlotUnknowns)
    {
        /// <summary>The absolute tolerance of every unknown, replacing the states' own (null: theirs).</summary>
        public double? AbsoluteTolerance { get; init; }
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(Options o, TextWriter output, TextWriter error)
    {
        if (RosenbrockTableau.ByName(o.Method) is not { } method)
        {
            error.WriteLine($"modeldsl: unknown --method '{o.Method}' (rodas5p, rodaspr2, rodas4)");
            return ExitCodes.Usage;
        }
        var usage = !(o.RelativeTolerance > 0 && o.RelativeTolerance < 1) ? $"--rtol must lie in (0, 1), not {o.RelativeTolerance}"
            : o.AbsoluteTolerance is { } a && !(a > 0 && double.IsFinite(a)) ? $"--atol must be positive and finite, not {a}"
            : o.Samples < 2 ? $"--samples must be at least 2, not {o.Samples}"
            : null;
        if (usage is not null)
        {
            error.WriteLine("modeldsl: " + usage);
            return ExitCodes.Usage;
        }
        var created = ModelCompilation.FromFile(o.Spec).CreateNumeric(o.Card, o.Sets);
        if (created.Diagnostics.Length > 0) error.Write(DiagnosticPrinter.FormatAll(created.Diagnostics));
        if (created.Model is not { } model) return ExitCodes.SpecErrors;
        var systems = model.Spec.Systems;
        var name = o.System ?? (systems.Count == 1 ? systems[0].Name : null);
        if (name is null || systems.All(s => s.Name != name))
        {
            error.WriteLine(systems.Count == 0 ? $"modeldsl: the model '{model.Spec.Name}' declares no system"
                : $"modeldsl: {(name is null ? "--system is needed" : $"no system '{name}'")}; the model's systems: {string.Join(", ", systems.Select(s => s.Name))}");
            return ExitCodes.Usage;
        }
        var result = model.Solve(name, new SystemSolveOptions
        {
            Method = method, RelativeTolerance = o.RelativeTolerance, AbsoluteToleranceForAll = o.AbsoluteTolerance, Samples = o.Samples,
        });
        if (result.Diagnostics.Length > 0) error.Write(DiagnosticPrinter.FormatAll(result.Diagnostics));
        if (result.Solution is not { } solution) return ExitCodes.SpecErrors;

        var spec = systems.First(s => s.Name == name);
        output.WriteLine($"model {model.Spec.Name}, card \"{model.Point.Title}\", system {name}" + (spec.Title is null ? "" : $" \"{spec.Title}\""));
        output.WriteLine();
        var width = Math.Max(6, solution.OutputNames.Select(n => n.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"  {"output".PadRight(width)}  value");
        output.WriteLine($"  {new string('-', width)}  -----");
        for (var k = 0; k < solution.OutputNames.Length; k++)
        {
            var v = solution.Outputs[k];
            output.WriteLine($"  {solution.OutputNames[k].PadRight(width)}  {v.ToString("G10", CultureInfo.InvariantCulture)}{(double.IsFinite(v) ? "" : "  (not finite)")}");
        }
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"solver: {method.Name}, rtol {o.RelativeTolerance:G6}{(o.AbsoluteTolerance is { } at ? $", atol {at:G6} for every unknown" : "")}; {solution.Steps} steps ({solution.RejectedSteps} rejected), {solution.Evaluations} f, {solution.JacobianEvaluations} Jacobians; integral tables within {solution.IntegralTableError:G2}"));
        if (EvalCommand.TableChoices(model.Spec, model.Point) is { } tables) output.WriteLine("tables: " + tables);

        var written = WriteEvolution(o, model, spec.Variable.Name, solution, error);
        if (written != ExitCodes.Success) return written;
        if (!solution.Succeeded)
        {
            error.WriteLine($"modeldsl: the solve failed: {solution.Message}");
            return ExitCodes.NonFinite;
        }
        if (solution.Outputs.Any(v => !double.IsFinite(v)))
        {
            error.WriteLine($"modeldsl: outputs not finite: {string.Join(", ", solution.OutputNames.Where((_, k) => !double.IsFinite(solution.Outputs[k])))}");
            return ExitCodes.NonFinite;
        }
        return ExitCodes.Success;
    }

    private static int WriteEvolution(Options o, NumericModel model, string variable, SystemSolution s, TextWriter error)
    {
        ImmutableArray<string> columns = [.. s.Unknowns, .. s.OutputNames];
        try
        {
            if (o.Csv is { } csv)
            {
                using var w = new StreamWriter(csv);
                w.WriteLine(string.Join(",", columns.Prepend(variable).Select(Quote)));
                for (var i = 0; i < s.Samples.Length; i++)
                    w.WriteLine(string.Join(",", columns.Select(c => s.Column(i, c)).Prepend(s.Samples[i]).Select(Number)));
            }
            if (o.Out is { } db)
            {
                // the evolution as a one-axis results file: 'modeldsl plot DB --x z --z dN[1] --logx --logz' draws it
                var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u0000",
                    new[] { o.Spec, File.ReadAllText(o.Spec), o.Card, File.ReadAllText(o.Card), s.System, o.RelativeTolerance.ToString("R", CultureInfo.InvariantCulture), o.AbsoluteTolerance?.ToString("R", CultureInfo.InvariantCulture) ?? "", o.Method, o.Samples.ToString(CultureInfo.InvariantCulture) }
                        .Concat(o.Sets)))));
                if (File.Exists(db) && new FileInfo(db).Length > 0)
                {
                    // an earlier solve's evolution (or an empty file) is replaced; anything else (a scan, another file) is never overwritten
                    using (var existing = ResultStore.OpenExisting(db, out _))
                        if (existing?.Meta.GetValueOrDefault("command") != "solve")
                        {
                            error.WriteLine($"modeldsl: {db} exists and is not the evolution of an earlier solve; choose another --out or delete it");
                            return ExitCodes.Usage;
                        }
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                }
                if (File.Exists(db)) File.Delete(db);
                var description = new Dictionary<string, string>
                {
                    ["model"] = model.Spec.Name, ["card"] = model.Point.Title, ["system"] = s.System, ["command"] = "solve",
                    ["sets"] = string.Join(" ", o.Sets), ["axes"] = variable, ["kernels"] = ResultStore.Join(columns),
                };
                // one axis (the samples of the variable), one chunk holding every sample
                var count = s.Samples.Length;
                using var store = ResultStore.Open(db, fingerprint, description, [(variable, [.. s.Samples])], columns, Math.Max(1, count), out var problem);
                if (store is null)
                {
                    error.WriteLine($"modeldsl: {problem}");
                    return ExitCodes.Usage;
                }
                if (count > 0)
                {
                    var values = columns.SelectMany(c => Enumerable.Range(0, count).Select(i => s.Column(i, c))).ToArray();
                    var status = Enumerable.Range(0, count)
                        .Select(i => columns.Any(c => !double.IsFinite(s.Column(i, c))) ? ResultStore.NonFinite : ResultStore.Ok).ToArray();
                    store.Write(new ResultChunk(0, 0, count, values, status, new Dictionary<int, string>()));
                }
            }
            if (o.Plot is { } png) return Plot(o, model, variable, s, png, error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            error.WriteLine($"modeldsl: cannot write the evolution: {e.Message}");
            return ExitCodes.Usage;
        }
        return ExitCodes.Success;
    }

    /// <summary>log10 |unknown| against log10 of the variable, one curve per unknown (or the --plot-unknowns chosen), negative values marked.</summary>
    private static int Plot(Options o, NumericModel model, string variable, SystemSolution s, string png, TextWriter error)
    {
        var chosen = o.PlotUnknowns.Count == 0 ? s.Unknowns : [.. o.PlotUnknowns];
        if (chosen.FirstOrDefault(u => !s.Unknowns.Contains(u) && !s.OutputNames.Contains(u)) is { } unknown)
        {
            error.WriteLine($"modeldsl: --plot-unknowns '{unknown}' is neither an unknown nor an output of the system ({string.Join(", ", s.Unknowns.Concat(s.OutputNames))})");
            return ExitCodes.Usage;
        }
        var curves = ImmutableArray.CreateBuilder<ChartCurve>();
        foreach (var u in chosen)
        {
            var points = Enumerable.Range(0, s.Samples.Length).Where(i => s.Samples[i] > 0 && Math.Abs(s.Column(i, u)) > 0 && double.IsFinite(s.Column(i, u))).ToList();
            if (points.Count == 0) continue;
            curves.Add(new ChartCurve([.. points.Select(i => Math.Log10(s.Samples[i]))], [.. points.Select(i => Math.Log10(Math.Abs(s.Column(i, u))))],
                $"|{u}|") { Marked = [.. points.Select(i => s.Column(i, u) < 0)] });
        }
        if (curves.Count == 0)
        {
            error.WriteLine($"modeldsl: no unknown has a nonzero finite value to draw on log axes; {png} is not written");
            return ExitCodes.NonFinite;
        }
        var sets = o.Sets.Count == 0 ? "" : $" ({string.Join(", ", o.Sets)})";
        var chart = new LineChart($"{s.System}: {model.Point.Title}{sets}",
            variable, "|value| (circles: value < 0)", curves.ToImmutable(), [], ShowLegend: true) { XScale = ValueScale.Log, YScale = ValueScale.Log };
        ChartRenderer.SavePng(chart, png, 900, 650);
        return ExitCodes.Success;
    }

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
