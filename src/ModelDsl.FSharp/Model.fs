namespace ModelDsl.FSharp

open ModelDsl
open ModelDsl.Checks
open ModelDsl.Diagnostics
open ModelDsl.Model

/// Model specs from F#: compile to Result, run checks, and the same entry point as `modeldsl check`.
[<RequireQualifiedAccess>]
module Model =
    /// Compiles spec text (path is shown in diagnostics): Ok spec, or Error with every diagnostic.
    let compile (path: string) (text: string) : Result<ModelSpec, Diagnostic list> =
        let c = ModelCompilation.Create(text, path)
        match c.Spec with
        | null -> Error(List.ofSeq c.Diagnostics)
        | spec -> Ok spec

    /// Compiles a spec file.
    let compileFile (path: string) : Result<ModelSpec, Diagnostic list> =
        let c = ModelCompilation.FromFile path
        match c.Spec with
        | null -> Error(List.ofSeq c.Diagnostics)
        | spec -> Ok spec

    /// Runs the checks a spec file asks for: Ok report, or Error with the diagnostics.
    let checkFile (path: string) : Result<CheckReport, Diagnostic list> =
        let c = ModelCompilation.FromFile path
        if c.HasErrors then Error(List.ofSeq c.Diagnostics) else Ok(c.RunChecks())

    /// The F# entry point of `modeldsl check FILE [--json]`: prints the same table (or JSON) and
    /// diagnostics to stdout/stderr and returns the same exit code.
    let checkMain (json: bool) (path: string) : int =
        CheckCommand.Run(path, json, stdout, stderr)

    /// Diagnostics formatted with their source lines, as the CLI prints them.
    let formatDiagnostics (diagnostics: Diagnostic list) = DiagnosticPrinter.FormatAll diagnostics
