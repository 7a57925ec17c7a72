using System.CommandLine;
using ModelDsl;
using ModelDsl.Cli.Commands;
using ModelDsl.Diagnostics;

// modeldsl: the command-line front door, the one place that wires the commands (Commands/). Exit codes
// (ExitCodes): 0 success; 1 errors in the spec or card; 2 usage errors; 3 a check fails (or holds only under conditions); 4 a result is not finite; 70 an internal error.
try
{
    var checkFile = new Argument<FileInfo>("file") { Description = "The .mdl model spec." };
    var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
    var check = new Command("check", "Run the spec's checks (anomaly cancellation, invariance of every term) and print a table.")
    {
        checkFile, json,
    };
    check.SetAction(p => RequireFile(p.GetValue(checkFile)!) ?? CheckCommand.Run(p.GetValue(checkFile)!.FullName, p.GetValue(json), Console.Out, Console.Error));

    var fmtFile = new Argument<FileInfo>("file") { Description = "The .mdl model spec." };
    var write = new Option<bool>("--write") { Description = "Rewrite the file in place instead of printing (only when it has no errors)." };
    var fmt = new Command("fmt", "Print a spec in canonical layout; comments are kept.") { fmtFile, write };
    fmt.SetAction(p => RequireFile(p.GetValue(fmtFile)!) ?? FormatCommand.Run(p.GetValue(fmtFile)!.FullName, p.GetValue(write), Console.Out, Console.Error));

    var evalFile = new Argument<FileInfo>("file") { Description = "The .mdl model spec." };
    var card = new Option<FileInfo>("--card") { Description = "The parameter card (see samples/), or a ULYSSES parameter file (*.dat, read as ULYSSES reads it; docs/ulysses.md).", Required = true };
    var sets = new Option<string[]>("--set") { Description = "Override a card value: NAME=VALUE, e.g. --set w23=-1.2i or --set \"M=(3.6, 4, 4.4) GeV\".", AllowMultipleArgumentsPerToken = false };
    var evalJson = new Option<bool>("--json") { Description = "Print model, card, parameters, kernels and constants as JSON." };
    var allowNonFinite = new Option<bool>("--allow-nonfinite") { Description = "Print kernels that are not finite (NaN, infinite), marked 'not finite', and exit 0 (otherwise: an error naming the input, exit 4)." };
    var eval = new Command("eval", "Evaluate every kernel of a model at a parameter card.") { evalFile, card, sets, evalJson, allowNonFinite };
    eval.SetAction(p => RequireFile(p.GetValue(evalFile)!) ?? RequireCard(p.GetValue(card)!)
        ?? EvalCommand.Run(p.GetValue(evalFile)!.FullName, p.GetValue(card)!.FullName, p.GetValue(sets) ?? [], p.GetValue(evalJson), p.GetValue(allowNonFinite), Console.Out, Console.Error));

    var scanFile = new Argument<FileInfo>("file") { Description = "The .mdl model spec." };
    var scanCard = new Option<FileInfo>("--card") { Description = "The parameter card the scan starts from, or a ULYSSES parameter file (*.dat) whose 'key low high' lines are axes.", Required = true };
    var grid = new Option<string[]>("--grid") { Description = "An axis NAME=start:stop:count[:log]; NAME is a real parameter, M[2], re(w23) or im(w23). Needed unless the card has scan ranges." };
    var points = new Option<int[]>("--points") { Description = "Points on each of the card's scan ranges (default 30, as ULYSSES's uls-scan -n); one count for all, or one per range in the file's order (uls-scan2D -x, -y).", AllowMultipleArgumentsPerToken = true };
    var scanSets = new Option<string[]>("--set") { Description = "Override a card value: NAME=VALUE." };
    var output = new Option<FileInfo>("--out") { Description = "The results file, one SQLite file per scan or shard (a rerun with the same arguments resumes it; docs/scans.md).", Required = true };
    var csv = new Option<FileInfo>("--csv") { Description = "Also export every stored point as CSV." };
    var scanParquet = new Option<FileInfo>("--parquet") { Description = "Also export every stored point as Parquet." };
    var shard = new Option<string>("--shard") { Description = "Compute only shard K of N (K/N, 0 <= K < N; chunk c belongs to shard c mod N), or slurm/N to read K from SLURM_ARRAY_TASK_ID; join the shard files with 'modeldsl merge'." };
    var scanKernels = new Option<string>("--kernels") { Description = "Store only these kernels (and system outputs), comma-separated, e.g. --kernels eta_B,washout_e (default: all)." };
    var threads = new Option<int>("--threads") { Description = "Threads to compute on (default: every core); the results do not depend on it." };
    var scanSystems = new Option<string[]>("--system") { Description = "Also solve this ODE system at every point and store its outputs (repeat for several)." };
    var scanRtol = new Option<double>("--rtol") { Description = "Relative tolerance of the --system solves.", DefaultValueFactory = _ => 1e-8 };
    var scan = new Command("scan", "Evaluate every kernel over a 1D or 2D grid, in parallel, into an SQLite results file.") { scanFile, scanCard, grid, points, scanSets, output, csv, scanParquet, shard, scanKernels, threads, scanSystems, scanRtol };
    scan.SetAction(p => RequireFile(p.GetValue(scanFile)!) ?? RequireCard(p.GetValue(scanCard)!)
        ?? ScanCommand.Run(p.GetValue(scanFile)!.FullName, p.GetValue(scanCard)!.FullName, p.GetValue(scanSets) ?? [], p.GetValue(grid) ?? [],
            p.GetValue(output)!.FullName, p.GetValue(csv)?.FullName, !Console.IsErrorRedirected, Console.Out, Console.Error, p.GetValue(scanSystems) ?? [], p.GetValue(scanRtol), p.GetValue(points) ?? [],
            p.GetValue(shard), p.GetValue(scanKernels), p.GetValue(threads), p.GetValue(scanParquet)?.FullName));

    var mergeOut = new Option<FileInfo>("--out") { Description = "The merged results file (an ordinary, unsharded one; 'scan --out' on it fills in what is missing).", Required = true };
    var mergeShards = new Argument<FileInfo[]>("shards") { Description = "The shard files written by 'modeldsl scan --shard K/N'.", Arity = ArgumentArity.OneOrMore };
    var merge = new Command("merge", "Join the shard files of one scan into one results file, checking they come from the same scan; reports missing and duplicated points.") { mergeShards, mergeOut };
    merge.SetAction(p =>
    {
        var files = p.GetValue(mergeShards)!;
        return files.Select(RequireFile).FirstOrDefault(c => c is not null)
            ?? MergeCommand.Run(p.GetValue(mergeOut)!.FullName, [.. files.Select(f => f.FullName)], Console.Out, Console.Error);
    });

    var exportFile = new Argument<FileInfo>("results") { Description = "A results file written by 'modeldsl scan' (or merge)." };
    var exportCsv = new Option<FileInfo>("--csv") { Description = "Write the points as CSV (idx, axes, kernels, status; nan, inf, -inf)." };
    var exportParquet = new Option<FileInfo>("--parquet") { Description = "Write the points as Parquet (one row group per chunk)." };
    var export = new Command("export", "Write a results file's points as CSV or Parquet, for Python, R or a spreadsheet.") { exportFile, exportCsv, exportParquet };
    export.SetAction(p => RequireFile(p.GetValue(exportFile)!)
        ?? ExportCommand.Run(p.GetValue(exportFile)!.FullName, p.GetValue(exportCsv)?.FullName, p.GetValue(exportParquet)?.FullName, Console.Out, Console.Error));

    var results = new Argument<FileInfo[]>("results") { Description = "Results file(s) written by 'modeldsl scan' (a line plot may overlay several).", Arity = ArgumentArity.OneOrMore };
    var px = new Option<string>("--x") { Description = "The axis on the horizontal.", Required = true };
    var py = new Option<string>("--y") { Description = "A second axis: draws a 2D heatmap of the kernel." };
    var series = new Option<string>("--series") { Description = "A second axis drawn as one curve per value (line plot)." };
    var pz = new Option<string>("--z") { Description = "The kernel to show (a line plot takes a comma-separated list).", Required = true };
    var contours = new Option<string>("--contours") { Description = "Contour levels, e.g. 1,-1 (2D), or reference lines (1D)." };
    var logx = new Option<bool>("--logx") { Description = "Logarithmic horizontal axis." };
    var logy = new Option<bool>("--logy") { Description = "Logarithmic vertical axis." };
    var logz = new Option<bool>("--logz") { Description = "log10 |kernel| as colour (2D) or vertical axis (1D); the same as --zscale log." };
    var zscale = new Option<string>("--zscale") { Description = "The kernel's scale, colour (2D) or vertical axis (1D): linear, log (of |kernel|) or symlog[:C], sign(z) log10(1 + |z|/C) (C = 1 by default), ticks at real values." };
    var zrange = new Option<string>("--zrange") { Description = "LO:HI: the kernel's range shown, colour (2D) or vertical axis (1D); values beyond take the end colours (the colour bar says <= LO, >= HI)." };
    var title = new Option<string>("--title") { Description = "The plot's title (default: model and card)." };
    var pout = new Option<FileInfo>("--out") { Description = "The PNG file to write.", Required = true };
    var overlay = new Option<string>("--overlay") { Description = "2D: dashed contours of another kernel, KERNEL=level[,level], e.g. washout_e=1." };
    var relativeTo = new Option<FileInfo>("--relative-to") { Description = "1D: divide every value by the same kernel in this results file (same grid) at the same x, e.g. eta_B / eta_B(constant g*)." };
    var lines = new Option<string>("--lines") { Description = "1D: labelled reference lines, LABEL=value[,LABEL=value], e.g. \"limit=1e-12,future=1e-14\"." };
    var xlabel = new Option<string>("--xlabel") { Description = "The horizontal axis's label (default: the axis name), e.g. \"x3 (degrees)\"." };
    var ylabel = new Option<string>("--ylabel") { Description = "The vertical axis's label (default: made from the names), e.g. \"y3 (degrees)\"." };
    var plot = new Command("plot", "Plot scan results: lines against one axis, or a heatmap with contour lines over two.")
    {
        results, px, py, series, pz, contours, logx, logy, logz, zscale, zrange, title, pout, overlay, lines, relativeTo, xlabel, ylabel,
    };
    plot.SetAction(p =>
    {
        var levels = new List<double>();
        foreach (var part in (p.GetValue(contours) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var level))
            {
                Console.Error.WriteLine($"modeldsl: --contours takes numbers separated by commas, not '{part}'");
                return ExitCodes.Usage;
            }
            levels.Add(level);
        }
        (string, IReadOnlyList<double>)? overlaid = null;
        if (p.GetValue(overlay) is { } text)
        {
            var eq = text.IndexOf('=');
            var overlayLevels = eq < 0 ? [] : text[(eq + 1)..].Split(',').Select(v => double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToList();
            if (eq <= 0 || overlayLevels.Count == 0 || overlayLevels.Any(double.IsNaN))
            {
                Console.Error.WriteLine($"modeldsl: --overlay takes KERNEL=level[,level], not '{text}'");
                return ExitCodes.Usage;
            }
            overlaid = (text[..eq], overlayLevels);
        }
        var labelled = new List<(string, double)>();
        foreach (var part in (p.GetValue(lines) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.LastIndexOf('=');
            if (eq <= 0 || !double.TryParse(part[(eq + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value))
            {
                Console.Error.WriteLine($"modeldsl: --lines takes LABEL=value[,LABEL=value] with finite values, not '{part}'");
                return ExitCodes.Usage;
            }
            labelled.Add((part[..eq].Trim(), value));
        }
        if (p.GetValue(logz) && p.GetValue(zscale) is { } other && other.Trim() != "log")
        {
            Console.Error.WriteLine($"modeldsl: --logz is --zscale log; it cannot go with --zscale {other}");
            return ExitCodes.Usage;
        }
        var zScale = ModelDsl.Plotting.ValueScale.TryParse(p.GetValue(zscale) ?? (p.GetValue(logz) ? "log" : null), p.GetValue(zrange), out var scaleProblem);
        if (zScale is null)
        {
            Console.Error.WriteLine($"modeldsl: {scaleProblem}");
            return ExitCodes.Usage;
        }
        var files = p.GetValue(results)!;
        return files.Select(RequireFile).FirstOrDefault(c => c is not null) ?? PlotCommand.Run(new PlotCommand.Options(
            files.Select(f => f.FullName).ToList(), p.GetValue(px)!, p.GetValue(py), p.GetValue(series),
            p.GetValue(pz)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), levels,
            p.GetValue(logx), p.GetValue(logy), zScale.Kind == ModelDsl.Plotting.ValueScaleKind.Log, p.GetValue(pout)!.FullName, p.GetValue(title)) { ZScale = zScale, Overlay = overlaid, Lines = labelled, RelativeTo = p.GetValue(relativeTo)?.FullName, XLabel = p.GetValue(xlabel), YLabel = p.GetValue(ylabel) }, Console.Out, Console.Error);
    });

    var fitFile = new Argument<FileInfo>("file") { Description = "The .mdl model spec (with a 'let ... = texture_fit(...)')." };
    var fitCard = new Option<FileInfo>("--card") { Description = "The parameter card.", Required = true };
    var fitSets = new Option<string[]>("--set") { Description = "Override a card value: NAME=VALUE." };
    var fitJson = new Option<bool>("--json") { Description = "Print the fit as JSON." };
    var fit = new Command("fit", "Fit the texture breaking delta_h to the oscillation data (seed 001 eq. 2.11) and compare the result with the data and the cLFV limits.") { fitFile, fitCard, fitSets, fitJson };
    fit.SetAction(p => RequireFile(p.GetValue(fitFile)!) ?? RequireFile(p.GetValue(fitCard)!)
        ?? FitCommand.Run(p.GetValue(fitFile)!.FullName, p.GetValue(fitCard)!.FullName, p.GetValue(fitSets) ?? [], p.GetValue(fitJson), Console.Out, Console.Error));

    var deriveFile = new Argument<FileInfo>("file") { Description = "The .mdl model spec (with a cw_minimum check or quantities derived from its terms)." };
    var latex = new Option<bool>("--latex") { Description = "Print the relations as LaTeX." };
    var deriveCard = new Option<FileInfo>("--card") { Description = "Also evaluate the kernels at this card (e.g. Table 3 of seed 000)." };
    var deriveSets = new Option<string[]>("--set") { Description = "Override a card value: NAME=VALUE." };
    var derive = new Command("derive", "Print the Coleman-Weinberg relations and the quantities derived from the spec's terms, as text or LaTeX.") { deriveFile, latex, deriveCard, deriveSets };
    derive.SetAction(p => RequireFile(p.GetValue(deriveFile)!) ?? (p.GetValue(deriveCard) is { } dc ? RequireFile(dc) : null)
        ?? DeriveCommand.Run(p.GetValue(deriveFile)!.FullName, p.GetValue(latex), p.GetValue(deriveCard)?.FullName, p.GetValue(deriveSets) ?? [], Console.Out, Console.Error));

    var solveFile = new Argument<FileInfo>("file") { Description = "The .mdl model spec." };
    var solveCard = new Option<FileInfo>("--card") { Description = "The parameter card, or a ULYSSES parameter file (*.dat).", Required = true };
    var solveSets = new Option<string[]>("--set") { Description = "Override a card value: NAME=VALUE (e.g. --set dofs=gg --set backreaction=false)." };
    var system = new Option<string>("--system") { Description = "The system to solve (needed when the model has several)." };
    var rtol = new Option<double>("--rtol") { Description = "Relative tolerance of the solver.", DefaultValueFactory = _ => 1e-8 };
    var atol = new Option<double?>("--atol") { Description = "Absolute tolerance of every unknown, replacing the spec's atol (e.g. 1.49012e-8, the default of scipy's odeint that ULYSSES runs most sets at)." };
    var method = new Option<string>("--method") { Description = "The Rosenbrock method: rodas5p (default), rodaspr2, rodas4.", DefaultValueFactory = _ => "rodas5p" };
    var samples = new Option<int>("--samples") { Description = "Samples of the evolution written to --csv, --out and --plot.", DefaultValueFactory = _ => 200 };
    var solveCsv = new Option<FileInfo>("--csv") { Description = "Write the evolution (the variable and every unknown) as CSV." };
    var solveOut = new Option<FileInfo>("--out") { Description = "Write the evolution as an SQLite results file ('modeldsl plot' reads it)." };
    var solvePlot = new Option<FileInfo>("--plot") { Description = "Write a log-log PNG of |unknown| against the variable (negative values marked)." };
    var plotUnknowns = new Option<string[]>("--plot-unknowns") { Description = "The unknowns or outputs to draw along the variable (default: every unknown), e.g. --plot-unknowns dN1 etaL[1].", AllowMultipleArgumentsPerToken = true };
    var solve = new Command("solve", "Solve an ODE system of the model (e.g. Boltzmann equations) at a card and print its outputs.")
    {
        solveFile, solveCard, solveSets, system, rtol, atol, method, samples, solveCsv, solveOut, solvePlot, plotUnknowns,
    };
    solve.SetAction(p => RequireFile(p.GetValue(solveFile)!) ?? RequireCard(p.GetValue(solveCard)!)
        ?? SolveCommand.Run(new SolveCommand.Options(p.GetValue(solveFile)!.FullName, p.GetValue(solveCard)!.FullName, p.GetValue(solveSets) ?? [],
            p.GetValue(system), p.GetValue(rtol), p.GetValue(method)!, p.GetValue(samples), p.GetValue(solveCsv)?.FullName, p.GetValue(solveOut)?.FullName,
            p.GetValue(solvePlot)?.FullName, p.GetValue(plotUnknowns) ?? []) { AbsoluteTolerance = p.GetValue(atol) }, Console.Out, Console.Error));

    var root = new RootCommand("ModelDsl: write a neutrino-mass or leptogenesis model once, check it exactly, compile its kernels.")
    {
        check, fmt, eval, scan, merge, export, plot, derive, fit, solve,
    };
    var parsed = root.Parse(args);
    if (parsed.Errors.Count > 0)
    {
        foreach (var e in parsed.Errors) Console.Error.WriteLine($"modeldsl: {e.Message}");
        Console.Error.WriteLine("Run 'modeldsl --help' for usage.");
        return ExitCodes.Usage;
    }
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    Console.Error.WriteLine($"modeldsl: internal error ({e.GetType().Name}): {e.Message}");
    Console.Error.WriteLine("This is a bug in ModelDsl; please report it with the input that caused it.");
    return ExitCodes.InternalError;
}

// a card that is missing (or a folder): the facade's located MDL0000, exit 2
static int? RequireCard(FileInfo card)
{
    if (ModelCompilation.MissingCard(card.FullName) is not { } missing) return null;
    Console.Error.Write(DiagnosticPrinter.Format(missing));
    return ExitCodes.Usage;
}

static int? RequireFile(FileInfo file)
{
    if (file.Exists) return null;
    Console.Error.WriteLine($"modeldsl: file not found: {file.FullName}");
    return ExitCodes.Usage;
}
