/// `modeldsl` as an installed .NET tool: pack, install into a folder from the packed folder only (no network), run.
module ModelDsl.Tests.Cli.ToolPackageTests

open System
open System.Diagnostics
open System.IO
open System.Text.RegularExpressions
open Expecto
open ModelDsl.Tests.TestSupport

/// Runs `dotnet ARGS` in the repository root (or EXE ARGS when exe is given) with a time limit.
let private run (exe: string) (args: string list) (seconds: int) =
    let r = runProcess exe args repoRoot [ "DOTNET_NOLOGO", Some "1"; "DOTNET_CLI_TELEMETRY_OPTOUT", Some "1" ] seconds
    if r.ExitCode = -1 then failwithf "%s %A did not finish in %d s" exe args seconds
    r

/// The package version the CLI project declares.
let private version =
    let csproj = File.ReadAllText(Path.Combine(repoRoot, "src", "ModelDsl.Cli", "ModelDsl.Cli.csproj"))
    Regex.Match(csproj, "<Version>([^<]+)</Version>").Groups[1].Value

/// The test binary's configuration (Release under CI), which the CLI was built in.
let private configuration = (DirectoryInfo AppContext.BaseDirectory).Parent.Name

[<Tests>]
let tests =
    testSequenced <| testList "Cli/ToolPackage" [
        test "pack, install into a folder from the packages alone; the installed modeldsl checks, scans (SQLite), exports and plots (SkiaSharp)" {
            let temp = Path.Combine(Path.GetTempPath(), "modeldsl-tool-" + Guid.NewGuid().ToString("N"))
            let nupkg = Path.Combine(temp, "nupkg")
            let tools = Path.Combine(temp, "tools")
            try
                // after the build the CLI's own outputs are packed as they are; where the per-platform builds are
                // missing (--no-build cannot publish them), pack builds them, without restoring (no network)
                let packed = run "dotnet" [ "pack"; "src/ModelDsl.Cli"; "-c"; configuration; "--no-build"; "-o"; nupkg ] 120
                let packed =
                    if packed.ExitCode = 0 then packed
                    else run "dotnet" [ "pack"; "src/ModelDsl.Cli"; "-c"; configuration; "--no-restore"; "-o"; nupkg ] 240
                Expect.equal packed.ExitCode 0 $"dotnet pack: {packed.Stdout}\n{packed.Stderr}"
                Expect.isNotEmpty version "the CLI project declares a <Version>"
                // One package per platform: a single package with ScottPlot's natives for ~27 platforms is 206 MB; the
                // platform packages are 8-12 MB (our assemblies plus one platform's SkiaSharp, HarfBuzz and SQLite
                // natives). 30 MB leaves room for growth and still fails as soon as the natives of a second platform
                // family come back (those of all platforms are about 90 MB).
                for rid in [ "linux-x64"; "osx-arm64"; "win-x64" ] do
                    let file = FileInfo(Path.Combine(nupkg, $"ModelDsl.Cli.{rid}.{version}.nupkg"))
                    Expect.isTrue file.Exists $"{file.Name} is packed"
                    Expect.isLessThan file.Length (30L * 1024L * 1024L) $"{file.Name}: {file.Length} bytes, under 30 MB"
                Expect.isTrue (File.Exists(Path.Combine(nupkg, $"ModelDsl.Cli.any.{version}.nupkg"))) "the fallback for other platforms"
                let pointer = FileInfo(Path.Combine(nupkg, $"ModelDsl.Cli.{version}.nupkg"))
                Expect.isTrue pointer.Exists "the package that points to the platform packages"
                Expect.isLessThan pointer.Length (1024L * 1024L) "it holds no assemblies (the README and the list of platforms)"
                // --source: only the packed folder is searched
                let installed = run "dotnet" [ "tool"; "install"; "--tool-path"; tools; "--source"; nupkg; "ModelDsl.Cli"; "--version"; version ] 60
                Expect.equal installed.ExitCode 0 $"dotnet tool install: {installed.Stdout}\n{installed.Stderr}"
                let exe = Path.Combine(tools, if OperatingSystem.IsWindows() then "modeldsl.exe" else "modeldsl")
                let r = run exe [ "check"; "models/conformal-bl.mdl" ] 60
                Expect.equal r.ExitCode 0 $"installed modeldsl check: {r.Stdout}\n{r.Stderr}"
                Expect.isTrue (r.Stdout.Split('\n') |> Array.exists (fun l -> l.StartsWith "  check " && l.Contains " item " && l.Contains " verdict ")) "table header"
                Expect.stringContains r.Stdout "U1BL^3" "the B-L cubed anomaly row"
                Expect.stringContains r.Stdout "checks hold." "closing line"
                Expect.equal r.Stderr "" "nothing on stderr"
                // scan, export and plot load the natives check does not: SQLite (the store) and SkiaSharp (the plot)
                let db, csv, png = Path.Combine(temp, "s.db"), Path.Combine(temp, "s.csv"), Path.Combine(temp, "s.png")
                let scan =
                    run exe [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario5.card"
                              "--grid"; "re(w23)=-3:3:10"; "--grid"; "im(w23)=-3:3:10"; "--out"; db ] 120
                Expect.equal scan.ExitCode 0 $"installed modeldsl scan: {scan.Stdout}\n{scan.Stderr}"
                let export = run exe [ "export"; db; "--csv"; csv ] 60
                Expect.equal export.ExitCode 0 $"installed modeldsl export: {export.Stdout}\n{export.Stderr}"
                Expect.equal (File.ReadAllLines csv).Length 101 "the CSV: a header and one line per point of the 10 x 10 grid"
                let plot =
                    run exe [ "plot"; db; "--x"; "re(w23)"; "--y"; "im(w23)"; "--z"; "etaB_ratio"; "--zscale"; "symlog"
                              "--contours"; "1"; "--out"; png ] 120
                Expect.equal plot.ExitCode 0 $"installed modeldsl plot: {plot.Stdout}\n{plot.Stderr}"
                Expect.isTrue (File.Exists png) "the PNG is written"
                let signature = [| 0x89uy; 0x50uy; 0x4Euy; 0x47uy; 0x0Duy; 0x0Auy; 0x1Auy; 0x0Auy |]
                Expect.equal (File.ReadAllBytes(png) |> Array.truncate 8) signature "the PNG file signature (PNG specification, section 5.2)"
            finally
                if Directory.Exists temp then Directory.Delete(temp, true)
        }
    ]
