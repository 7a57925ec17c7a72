using System.CommandLine;
using ModelDsl;

// modeldsl: the command-line front door. Exit codes: 0 all checks hold; 1 errors in the spec;
// 2 usage errors; 3 a check fails (or holds only under conditions); 70 an internal error.
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
    var card = new Option<FileInfo>("--card") { Description = "The parameter card (see samples/).", Required = true };
    var sets = new Option<string[]>("--set") { Description = "Override a card value: NAME=VALUE, e.g. --set w23=-1.2i or --set \"M=(3.6, 4, 4.4) GeV\".", AllowMultipleArgumentsPerToken = false };
    var evalJson = new Option<bool>("--json") { Description = "Print model, card, parameters, kernels and constants as JSON." };
    var eval = new Command("eval", "Evaluate every kernel of a model at a parameter card.") { evalFile, card, sets, evalJson };
    eval.SetAction(p => RequireFile(p.GetValue(evalFile)!) ?? RequireFile(p.GetValue(card)!)
        ?? EvalCommand.Run(p.GetValue(evalFile)!.FullName, p.GetValue(card)!.FullName, p.GetValue(sets) ?? [], p.GetValue(evalJson), Console.Out, Console.Error));

    var scanFile = new Argument<FileInfo>("file") { Description = "The .mdl model spec." };
    var scanCard = new Option<FileInfo>("--card") { Description = "The parameter card the scan starts from.", Required = true };
    var grid = new Option<string[]>("--grid") { Description = "An axis NAME=start:stop:count[:log]; NAME is a real parameter, M[2], re(w23) or im(w23). Give one or two.", Required = true };
    var scanSets = new Option<string[]>("--set") { Description = "Override a card value: NAME=VALUE." };
    var output = new Option<FileInfo>("--out") { Description = "The SQLite results file (a rerun with the same arguments resumes it).", Required = true };
    var csv = new Option<FileInfo>("--csv") { Description = "Also export every point as CSV." };
    var scan = new Command("scan", "Evaluate every kernel over a 1D or 2D grid, in parallel, into an SQLite results file.") { scanFile, scanCard, grid, scanSets, output, csv };
    scan.SetAction(p => RequireFile(p.GetValue(scanFile)!) ?? RequireFile(p.GetValue(scanCard)!)
        ?? ScanCommand.Run(p.GetValue(scanFile)!.FullName, p.GetValue(scanCard)!.FullName, p.GetValue(scanSets) ?? [], p.GetValue(grid) ?? [],
            p.GetValue(output)!.FullName, p.GetValue(csv)?.FullName, !Console.IsErrorRedirected, Console.Out, Console.Error));

    var root = new RootCommand("ModelDsl: write a neutrino-mass or leptogenesis model once, check it exactly, compile its kernels.")
    {
        check, fmt, eval, scan,
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

static int? RequireFile(FileInfo file)
{
    if (file.Exists) return null;
    Console.Error.WriteLine($"modeldsl: file not found: {file.FullName}");
    return ExitCodes.Usage;
}
