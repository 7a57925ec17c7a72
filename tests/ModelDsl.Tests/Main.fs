module ModelDsl.Tests.Main

open Expecto
open Expecto.Impl

/// Counts from Expecto's summary; the plain closing line is printed after the run, when the
/// console logger has flushed, so that `N passed, N failed` stands alone on the last line.
let mutable private counts = None

let private printer =
    let inner = defaultConfig.printer
    { inner with
        summary =
            fun config summary ->
                counts <- Some(summary.passed.Length, summary.failed.Length + summary.errored.Length)
                inner.summary config summary }

/// No colour codes when the output is piped or redirected, or when NO_COLOR is set (no-color.org); a terminal gets
/// Expecto's default 8 colours (`--colours N` on the command line sets another level).
let private plain =
    System.Console.IsOutputRedirected || not (System.String.IsNullOrEmpty(System.Environment.GetEnvironmentVariable "NO_COLOR"))

/// Expecto's console logger writes a colour reset after every line even at colour level 0; without colour its lines are
/// written as text, in the same layout.
let private usePlainLogger (argv: string[]) =
    let level = if Array.contains "--debug" argv then Logging.LogLevel.Debug else Logging.LogLevel.Info
    let gate = obj ()
    let write (parts: (string * System.ConsoleColor) list) =
        lock gate (fun () -> for text, _ in parts do System.Console.Out.Write text)
    Logging.Global.initialise
        { Logging.Global.defaultConfig with
            getLogger = fun name -> Logging.LiterateConsoleTarget(name, level, outputWriter = write) :> Logging.Logger }

[<EntryPoint>]
let main argv =
    // 1000 cases per property by default; `--fscheck-max-tests N` on the command line overrides it.
    if plain then usePlainLogger argv
    let exitCode =
        runTestsInAssemblyWithCLIArgs
            [ CLIArguments.Printer printer; CLIArguments.No_Spinner; CLIArguments.FsCheck_Max_Tests 1000
              CLIArguments.Colours(if plain then 0 else 8) ]
            argv
    System.Console.Out.Flush()
    let passed, failed = counts |> Option.defaultValue (0, 1) // no summary: the run did not happen
    // Expecto wraps Console.Out (and pads its lines), so the closing line goes to the raw stream.
    use stdout = System.Console.OpenStandardOutput()
    let line = System.Text.Encoding.UTF8.GetBytes(sprintf "\n%d passed, %d failed\n" passed failed)
    stdout.Write(line, 0, line.Length)
    if exitCode = 0 && counts.IsNone then 1 else exitCode
