/// Paths of the repository and a runner for the real `modeldsl` CLI.
module ModelDsl.Tests.TestSupport

open System
open System.Diagnostics
open System.IO

/// The repository root (the folder holding ModelDsl.sln), found from the test binary.
let repoRoot =
    let rec up (d: DirectoryInfo) =
        if isNull d then failwith "ModelDsl.sln not found above the test binary"
        elif File.Exists(Path.Combine(d.FullName, "ModelDsl.sln")) then d.FullName
        else up d.Parent
    up (DirectoryInfo AppContext.BaseDirectory)

/// models/NAME
let modelPath name = Path.Combine(repoRoot, "models", name)

/// The shipped model files.
let shippedModels =
    Directory.GetFiles(Path.Combine(repoRoot, "models"), "*.mdl", SearchOption.AllDirectories) |> Array.sort

/// The CLI built next to the tests (the test project references it, so it is built with them;
/// the configuration is the test binary's own, e.g. bin/Release/net10.0).
let cliDll =
    let tfmDir = DirectoryInfo AppContext.BaseDirectory
    let config = tfmDir.Parent.Name
    Path.Combine(repoRoot, "src", "ModelDsl.Cli", "bin", config, tfmDir.Name, "modeldsl.dll")

/// Result of one run of the CLI.
type CliRun = { ExitCode: int; Stdout: string; Stderr: string }

/// Starts FILE ARGS in DIR with its output redirected; ENV sets (Some) or removes (None) environment variables.
let startProcess (file: string) (args: string list) (dir: string) (env: (string * string option) list) =
    let psi = ProcessStartInfo(file)
    for a in args do psi.ArgumentList.Add a
    for name, value in env do
        match value with
        | Some v -> psi.Environment[name] <- v
        | None -> psi.Environment.Remove name |> ignore
    psi.WorkingDirectory <- dir
    psi.RedirectStandardOutput <- true
    psi.RedirectStandardError <- true
    psi.UseShellExecute <- false
    Process.Start psi

/// Collects a started process's output, waiting at most LIMIT seconds; one that overruns is killed (exit code -1 then).
let finishProcess (p: Process) (limit: int) =
    let out = p.StandardOutput.ReadToEndAsync()
    let err = p.StandardError.ReadToEndAsync()
    let finished = p.WaitForExit(limit * 1000)
    if not finished then p.Kill true
    p.WaitForExit()
    { ExitCode = (if finished then p.ExitCode else -1); Stdout = out.Result; Stderr = err.Result }

/// Runs FILE ARGS in DIR to the end or for at most LIMIT seconds (startProcess, finishProcess).
let runProcess (file: string) (args: string list) (dir: string) (env: (string * string option) list) (limit: int) =
    use p = startProcess file args dir env
    finishProcess p limit

/// Runs `dotnet modeldsl.dll ARGS` in the repository root, with a 60 s limit.
let runCli (args: string list) =
    let r = runProcess "dotnet" (cliDll :: args) repoRoot [] 60
    if r.ExitCode = -1 then failwithf "modeldsl %A did not finish in 60 s" args
    r

/// A temporary file with the given text, deleted by Dispose.
type TempFile(text: string, ?extension: string) =
    let suffix = defaultArg extension ".mdl"
    let path = Path.Combine(Path.GetTempPath(), "modeldsl-test-" + Guid.NewGuid().ToString("N") + suffix)
    do File.WriteAllText(path, text)
    member _.Path = path
    interface IDisposable with
        member _.Dispose() = if File.Exists path then File.Delete path

/// The electroweak and muon constants of the TRL library tests: PDG 2022 (R.L. Workman et al., PTEP 2022, 083C01),
/// written here independently of models/seesaw-z3.mdl (the library has no defaults; the spec passes its own).
let pdg2022 =
    ModelDsl.Physics.Trl.TrlConstants(
        HiggsVev = 246.0, WMass = 80.377, ZMass = 91.1876, HiggsMass = 125.25, SinThetaW2 = 0.23121,
        // the G_F scheme, alpha_w = sqrt2 G_F M_W^2/pi (trl-formulas.md section 0)
        AlphaW = sqrt 2.0 * 1.1663788e-5 * 80.377 * 80.377 / System.Math.PI,
        AlphaEm = 1.0 / 137.035999084, FermiConstant = 1.1663788e-5, MuonMass = 0.1056583755, ElectronMass = 0.51099895e-3,
        HbarGeVSeconds = 6.582119569e-25, MuonLifetime = 2.1969811e-6, MuonWidth = 6.582119569e-25 / 2.1969811e-6)
