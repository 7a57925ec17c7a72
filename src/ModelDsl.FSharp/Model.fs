namespace ModelDsl.FSharp

open System.Numerics
open ModelDsl
open ModelDsl.Checks
open ModelDsl.Diagnostics
open ModelDsl.Kernels.Scans
open ModelDsl.Model

/// Model specs from F#: compile to Result, run checks, evaluate and scan the kernels at a card, and the same
/// entry point as `modeldsl check`. Everything goes through the facade (ModelCompilation, NumericModel).
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
        CheckReportWriter.Run(path, json, stdout, stderr)

    /// Diagnostics formatted with their source lines, as the CLI prints them.
    let formatDiagnostics (diagnostics: Diagnostic seq) = DiagnosticPrinter.FormatAll(Array.ofSeq diagnostics)

    /// The numeric model of a spec file at a card file with `--set` overrides (`NAME=VALUE` texts): Ok model,
    /// or Error with the formatted diagnostics of any stage (spec, card, kernels, a library failure at the point: MDL0315).
    let numeric (specPath: string) (cardPath: string) (sets: string list) : Result<NumericModel, string> =
        let r = ModelCompilation.FromFile(specPath).CreateNumeric(cardPath, Array.ofList sets)
        match r.Model with
        | null -> Error(formatDiagnostics r.Diagnostics)
        | m -> Ok m

    /// `modeldsl eval` from F#: every kernel at the card, in declaration order. A kernel that is not finite is an
    /// Error naming it and its first input that is not finite (MDL0317), as eval without --allow-nonfinite.
    let eval (specPath: string) (cardPath: string) (sets: string list) : Result<(string * Complex) list, string> =
        numeric specPath cardPath sets
        |> Result.bind (fun m ->
            let e = m.Evaluate()
            if e.AllFinite then Ok [ for v in e.Values -> v.Name, v.Value ]
            else Error(formatDiagnostics e.NonFinite))

    /// `modeldsl scan` in memory: the kernels (real parts, as the scan stores them) over the grid of `grids`
    /// (`NAME=start:stop:count[:log]`, the last axis fastest), through the same ScanRunner as the CLI. Each row maps
    /// the axis and kernel names to their values; a point whose lets fail has NaN kernels (its status says why).
    let scan (specPath: string) (cardPath: string) (sets: string list) (grids: string list) : Result<(Map<string, float> * string) list, string> =
        let axes =
            grids |> List.map (fun g ->
                let mutable problem = null
                match GridAxis.TryParse(g, &problem) with
                | null -> Error $"--grid {problem}"
                | axis -> Ok axis)
        match axes |> List.tryPick (function Error e -> Some e | Ok _ -> None) with
        | Some e -> Error e
        | None ->
            let axes = axes |> List.choose (function Ok a -> Some a | Error _ -> None)
            numeric specPath cardPath sets
            |> Result.bind (fun m ->
                let mutable problem = null
                match ScanRunner.Create(m.Kernels, m.Point, Array.ofList axes, &problem) with
                | null -> Error $"--grid {problem}"
                | runner ->
                    let names = [ for a in axes -> a.Name ] @ List.ofSeq m.KernelNames
                    let indices: int64[] = Array.init (int runner.Total) int64
                    Ok [ for row in runner.Evaluate(indices) ->
                            Map.ofList (List.zip names (List.ofArray row.Values)), row.Status ])

    /// `modeldsl solve` from F#: the named ODE system of the spec solved at the card (Rodas5P, rtol 1e-8): Ok the outputs
    /// by name, in declaration order, or Error with the diagnostics (a system that cannot be compiled, MDL0273) or the solver's
    /// failure. An output that is not finite is an Error naming it, as `solve` exits 4.
    let solve (specPath: string) (cardPath: string) (sets: string list) (system: string) : Result<(string * float) list, string> =
        numeric specPath cardPath sets
        |> Result.bind (fun m ->
            let r = m.Solve(system, null)
            match r.Solution with
            | null -> Error(formatDiagnostics r.Diagnostics)
            | s when not s.Succeeded -> Error $"the solve of {system} failed: {s.Message}"
            | s ->
                let outputs = [ for k in 0 .. s.OutputNames.Length - 1 -> s.OutputNames[k], s.Outputs[k] ]
                match outputs |> List.filter (fun (_, v) -> not (System.Double.IsFinite v)) with
                | [] -> Ok outputs
                | bad ->
                    let names = bad |> List.map fst |> String.concat ", "
                    Error $"outputs not finite: {names}")
