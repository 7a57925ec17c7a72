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

/// Runs `dotnet modeldsl.dll ARGS` in the repository root, with a 60 s limit.
let runCli (args: string list) =
    let psi = ProcessStartInfo("dotnet")
    psi.ArgumentList.Add cliDll
    for a in args do psi.ArgumentList.Add a
    psi.WorkingDirectory <- repoRoot
    psi.RedirectStandardOutput <- true
    psi.RedirectStandardError <- true
    psi.UseShellExecute <- false
    use p = Process.Start psi
    let out = p.StandardOutput.ReadToEndAsync()
    let err = p.StandardError.ReadToEndAsync()
    if not (p.WaitForExit 60000) then
        p.Kill true
        failwithf "modeldsl %A did not finish in 60 s" args
    { ExitCode = p.ExitCode; Stdout = out.Result; Stderr = err.Result }

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
