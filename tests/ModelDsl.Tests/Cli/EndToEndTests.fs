/// The real `modeldsl` process on real files: output and exit codes.
module ModelDsl.Tests.Cli.EndToEndTests

open System.IO
open System.Text.Json
open Expecto
open ModelDsl.Tests.TestSupport

/// conformal-bl.mdl with two right-handed neutrinos (and their coupling matrices resized: the Dirac Yukawa, the 3x3
/// Casas-Ibarra let Y in the shipped model, becomes a 2x3 parameter YD).
let private twoNuR =
    (File.ReadAllText(modelPath "conformal-bl.mdl"))
        .Replace("gen: 3, U1BL: -1 }\nscalar", "gen: 2, U1BL: -1 }\nscalar")
        .Replace("yukawa -Y[i,a]*bar(nuR[i])", "param YD[2,3] : complex\nyukawa -YD[i,a]*bar(nuR[i])")
        .Replace("YM[3,3] : complex symmetric", "YM[2,2] : complex symmetric")

[<Tests>]
let tests =
    testSequenced <| testList "Cli/EndToEnd" [
        for name in [ "sm.mdl"; "conformal-bl.mdl"; "seesaw-z3.mdl" ] do
            test $"modeldsl check models/{name}: exit 0 and a table" {
                let r = runCli [ "check"; Path.Combine("models", name) ]
                Expect.equal r.ExitCode 0 $"exit code; stderr: {r.Stderr}"
                Expect.isTrue (r.Stdout.Split('\n') |> Array.exists (fun l -> l.StartsWith "  check " && l.Contains " item " && l.Contains " verdict ")) "table header"
                Expect.stringContains r.Stdout "checks hold." "closing line"
                Expect.equal r.Stderr "" "nothing on stderr"
            }
        test "--json has the model, the overall verdict and every outcome" {
            let r = runCli [ "check"; "models/conformal-bl.mdl"; "--json" ]
            Expect.equal r.ExitCode 0 "exit code"
            use doc = JsonDocument.Parse r.Stdout
            let root = doc.RootElement
            Expect.equal (root.GetProperty("model").GetString()) "conformal_bl" "model"
            Expect.equal (root.GetProperty("overall").GetProperty("status").GetString()) "Holds" "overall"
            let items = [ for o in root.GetProperty("outcomes").EnumerateArray() -> o.GetProperty("item").GetString() ]
            Expect.contains items "U1BL^3" "B-L cubed coefficient"
            Expect.contains items "Witten SU2L" "Witten"
            Expect.equal (root.GetProperty("diagnostics").GetArrayLength()) 0 "no diagnostics"
        }
        test "a failing anomaly: exit 3, the failing coefficient by name" {
            use f = new TempFile(twoNuR)
            let r = runCli [ "check"; f.Path ]
            Expect.equal r.ExitCode 3 $"exit code; {r.Stdout}"
            Expect.stringContains r.Stdout "U1BL^3 = -1" "coefficient named"
            Expect.stringContains r.Stdout "checks FAIL." "closing line"
        }
        test "a failing anomaly in JSON: status Fails with the witness" {
            use f = new TempFile(twoNuR)
            let r = runCli [ "check"; f.Path; "--json" ]
            Expect.equal r.ExitCode 3 "exit code"
            use doc = JsonDocument.Parse r.Stdout
            let failing =
                [ for o in doc.RootElement.GetProperty("outcomes").EnumerateArray() do
                    if o.GetProperty("verdict").GetProperty("status").GetString() = "Fails" then o.GetProperty("item").GetString() ]
            Expect.equal failing [ "U1BL^3"; "grav^2 U1BL" ] "the two failing coefficients"
        }
        test "errors in the spec: exit 1, located diagnostics with the source line" {
            use f = new TempFile("model m\ngroup U1 : U(1)\nfermion E { chirality: up, U1: 1 }\ncheck anomaly\n")
            let r = runCli [ "check"; f.Path ]
            Expect.equal r.ExitCode 1 "exit code"
            Expect.stringContains r.Stderr $"{f.Path}(3,24): error MDL0205: Chirality must be 'left' or 'right'." "first error"
            Expect.stringContains r.Stderr ("    fermion E { chirality: up, U1: 1 }\n    " + String.replicate 23 " " + "^^\n") "source line and marker"
            Expect.stringContains r.Stderr $"{f.Path}(4,7): error MDL0218" "second error in the same run"
            Expect.isFalse (r.Stderr.Contains "   at ") "no stack trace"
            Expect.equal r.Stdout "" "nothing on stdout"
        }
        test "errors in JSON: exit 1 and the diagnostics" {
            use f = new TempFile("model m\nparam a : rael\n")
            let r = runCli [ "check"; f.Path; "--json" ]
            Expect.equal r.ExitCode 1 "exit code"
            use doc = JsonDocument.Parse r.Stdout
            let d = doc.RootElement.GetProperty("diagnostics").[0]
            Expect.equal (d.GetProperty("id").GetString()) "MDL0212" "id"
            Expect.equal (d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32()) (2, 11) "location"
        }
        test "binary garbage: exit 1, no stack trace" {
            use f = new TempFile("")
            File.WriteAllBytes(f.Path, Array.init 2000 (fun k -> byte ((k * 37 + 11) % 256)))
            let r = runCli [ "check"; f.Path ]
            Expect.equal r.ExitCode 1 "exit code"
            Expect.isFalse (r.Stderr.Contains "   at ") "no stack trace"
        }
        test "usage errors: exit 2" {
            Expect.equal (runCli [ "check"; "no-such-file.mdl" ]).ExitCode 2 "missing file"
            Expect.equal (runCli [ "check"; "models/sm.mdl"; "--frobnicate" ]).ExitCode 2 "unknown option"
            Expect.equal (runCli [ "launch" ]).ExitCode 2 "unknown command"
            Expect.equal (runCli []).ExitCode 2 "no command"
        }
        test "eval prints every kernel; --json has model, card, parameters, kernels and constants" {
            let r = runCli [ "eval"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario5.card" ]
            Expect.equal r.ExitCode 0 $"exit code; {r.Stderr}"
            for k in [ "washout_e"; "washout_mu"; "washout_tau"; "T_osc"; "nLe"; "nLmu"; "nLtau"; "etaB_ratio"; "lambda_P" ] do
                Expect.stringContains r.Stdout $"  {k}" k
            let j = runCli [ "eval"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario5.card"; "--json"; "--set"; "s13=0.16" ]
            Expect.equal j.ExitCode 0 "json exit code"
            use doc = JsonDocument.Parse j.Stdout
            let root = doc.RootElement
            Expect.equal (root.GetProperty("model").GetString()) "conformal_bl" "model"
            Expect.equal (root.GetProperty("card").GetString()) "Scenario 5" "card"
            let nLe = root.GetProperty("kernels").GetProperty("nLe").GetDouble()
            Expect.floatClose { absolute = 0.0; relative = 1e-3 } nLe (-17.96 * 2.5e-10) "n_Le/s itself, not in units of 2.5e-10"
            Expect.equal (root.GetProperty("parameters").GetProperty("M").GetArrayLength()) 3 "vector parameter"
            Expect.floatClose Accuracy.veryHigh (root.GetProperty("parameters").GetProperty("mnu").[1].GetDouble()) 8.7e-12 "masses in GeV"
            Expect.floatClose Accuracy.veryHigh (root.GetProperty("parameters").GetProperty("w23").GetProperty("im").GetDouble()) -1.2 "complex parameter"
            Expect.floatClose Accuracy.veryHigh (root.GetProperty("constants").GetProperty("M_Pl").GetDouble()) 1.22e19 "constants recorded"
        }
        test "eval with a bad card: exit 1 and located diagnostics; a missing card: exit 2" {
            use bad = new TempFile((File.ReadAllText "samples/conformal-bl/scenario2.card").Replace("(3.6, 4.0, 4.4) GeV", "(3.6, 4.0, 4.4)"), ".card")
            let r = runCli [ "eval"; "models/conformal-bl.mdl"; "--card"; bad.Path ]
            Expect.equal r.ExitCode 1 "exit code"
            Expect.stringContains r.Stderr $"{bad.Path}(4,1): error MDL0302" "located"
            let s = runCli [ "eval"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--set"; "w23=0.3-1.5j" ]
            Expect.equal s.ExitCode 1 "bad --set"
            Expect.stringContains s.Stderr "--set(1,9): error MDL0002" "located in the --set text"
            Expect.equal (runCli [ "eval"; "models/conformal-bl.mdl"; "--card"; "no-such.card" ]).ExitCode 2 "missing card"
            Expect.equal (runCli [ "eval"; "models/conformal-bl.mdl" ]).ExitCode 2 "--card is required"
        }
        test "eval: a kernel that is not finite is MDL0317 naming the kernel and its first non-finite input, exit 4" {
            // w23 = 1000i: cosh(1000) overflows in R, so the Casas-Ibarra Yukawas Y (a let) are NaN
            let r = runCli [ "eval"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario5.card"; "--set"; "w23=1000i" ]
            Expect.equal r.ExitCode 4 r.Stderr
            Expect.stringContains r.Stderr "conformal-bl.mdl(87,1): error MDL0317: The kernel 'washout_e' is not finite" "located at the kernel"
            Expect.stringContains r.Stderr "its input 'Y[1,1]' (an entry of the let 'Y') is NaN" "the first input that is not finite"
            Expect.stringContains r.Stderr "For the same reason washout_mu, washout_tau" "one diagnostic per cause"
            Expect.isFalse (r.Stderr.Contains "The kernel 'washout_mu' is not finite") "not repeated for each kernel"
            Expect.isFalse (r.Stdout.Contains "NaN") "no NaN printed as a result"
            // mnu = 0: every input of ci_residual is finite (Y = 0), the formula divides 0 by mnu[3] = 0
            let z = runCli [ "eval"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario5.card"; "--set"; "mnu=(0, 0, 0) eV" ]
            Expect.equal z.ExitCode 4 z.Stderr
            Expect.stringContains z.Stderr "The kernel 'ci_residual' is not finite" "the kernel"
            Expect.stringContains z.Stderr "every input is finite, so the formula itself overflows or divides by zero" "no input to blame"
        }
        test "eval --allow-nonfinite prints a value that is not finite marked so, exit 0; --json writes it as text" {
            let args = [ "eval"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario5.card"; "--set"; "mnu=(0, 0, 0) eV"; "--allow-nonfinite" ]
            let r = runCli args
            Expect.equal r.ExitCode 0 r.Stderr
            let line = r.Stdout.Split('\n') |> Array.find (fun l -> l.StartsWith "  ci_residual ")
            Expect.stringContains line "(not finite)" "marked"
            Expect.stringContains r.Stderr "warning MDL0317" "and said on stderr"
            let j = runCli (args @ [ "--json" ])
            Expect.equal j.ExitCode 0 j.Stderr
            use doc = JsonDocument.Parse j.Stdout
            let root = doc.RootElement
            Expect.equal [ for k in root.GetProperty("not_finite").EnumerateArray() -> k.GetString() ] [ "ci_residual" ] "listed"
            // a real kernel is one JSON value, a complex one an object {re, im}: either way the NaN is text
            let v = root.GetProperty("kernels").GetProperty("ci_residual")
            let text = if v.ValueKind = JsonValueKind.Object then v.GetProperty("re").GetString() else v.GetString()
            Expect.equal text "NaN" "as text"
        }
        test "a unit slip (m_N1 = 1000 eV) that fit rejects is MDL0315 in eval and scan too, exit 1" {
            let card = [ "--card"; "samples/trl/benchmark-C.card"; "--set"; "mN = 1000 eV" ]
            let fit = runCli ([ "fit"; "models/seesaw-z3.mdl" ] @ card)
            Expect.equal fit.ExitCode 1 "fit rejects it"
            let eval = runCli ([ "eval"; "models/seesaw-z3.mdl" ] @ card)
            Expect.equal eval.ExitCode 1 eval.Stdout
            Expect.stringContains eval.Stderr "error MDL0315: texture_fit cannot be evaluated at this card's point: the fitted texture does not reproduce the data" "eval says why"
            Expect.equal eval.Stdout "" "no values"
            use f = new TempFile("", ".db")
            File.Delete f.Path
            let scan = runCli ([ "scan"; "models/seesaw-z3.mdl" ] @ card @ [ "--grid"; "a=-2e-4:-1e-4:2"; "--out"; f.Path ])
            Expect.equal scan.ExitCode 1 scan.Stdout
            Expect.stringContains scan.Stderr "error MDL0315" "scan says it too"
        }
        test "a scan killed mid-way (kill -9) and rerun gives the same result set as an uninterrupted run" {
            let dir = Path.Combine(Path.GetTempPath(), "modeldsl-scan-" + System.Guid.NewGuid().ToString("N"))
            Directory.CreateDirectory dir |> ignore
            try
                let args (out: string) =
                    [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario5.card"
                      "--grid"; "re(w23)=-3:3:1000"; "--grid"; "im(w23)=-3:3:1000"; "--threads"; "1"; "--out"; out ]
                let interrupted = Path.Combine(dir, "interrupted.db")
                use p = startProcess "dotnet" (cliDll :: args interrupted) repoRoot []
                let rows (path: string) =
                    try
                        // read-write: a reader after the kill rolls back the journal the killed scan left (a read-only one cannot)
                        use c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadWrite;Pooling=False")
                        c.Open()
                        use cmd = c.CreateCommand()
                        cmd.CommandText <- "SELECT coalesce(sum(count), 0) FROM chunks"
                        System.Convert.ToInt64(cmd.ExecuteScalar())
                    with _ -> 0L
                // killed once the file has grown past 16 MB, about a quarter of the 65 MB it ends with: a cheap poll of its size
                // (an SQLite reader would wait on the scan's locks), so the kill lands mid-scan on a fast or a loaded machine
                let size () = if File.Exists interrupted then FileInfo(interrupted).Length else 0L
                let sw = System.Diagnostics.Stopwatch.StartNew()
                while size () < 16L * 1024L * 1024L && not p.HasExited && sw.Elapsed.TotalSeconds < 60.0 do
                    System.Threading.Thread.Sleep 1
                p.Kill true // SIGKILL: no chance to clean up
                p.WaitForExit()
                let atKill = rows interrupted
                Expect.isGreaterThan atKill 0L "some points were stored before the kill"
                Expect.isLessThan atKill 1000000L "the kill came before the end"
                let resumed = runCli (args interrupted)
                Expect.equal resumed.ExitCode 0 resumed.Stderr
                Expect.stringContains resumed.Stdout "already stored" "it resumed"
                Expect.stringContains resumed.Stdout "kernels compiled for the grid's axes" "the compiled scan path"
                let whole = Path.Combine(dir, "whole.db")
                Expect.equal (runCli (args whole)).ExitCode 0 "uninterrupted run"
                // streamed row by row (a million points), values compared bit for bit
                use a = ModelDsl.Kernels.Scans.ResultStore.OpenExisting interrupted
                use b = ModelDsl.Kernels.Scans.ResultStore.OpenExisting whole
                let bits (r: ModelDsl.Kernels.Scans.ScanRow) = r.Index, (r.Values |> Array.map System.BitConverter.DoubleToInt64Bits |> List.ofArray), r.Status
                Expect.equal (a.ReadAll() |> Seq.length) 1000000 "every point, once"
                Expect.isTrue (Seq.forall2 (fun x y -> bits x = bits y) (a.ReadAll()) (b.ReadAll())) "identical result sets"
            finally
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools()
                try Directory.Delete(dir, true) with _ -> ()
        }
        test "a results file of another scan is never overwritten" {
            use f = new TempFile("", ".db")
            File.Delete f.Path
            let run grid = runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; grid; "--out"; f.Path ]
            Expect.equal (run "im(w23)=-2:0:5").ExitCode 0 "first scan"
            let other = run "im(w23)=-2:0:6"
            Expect.equal other.ExitCode 2 "refused"
            Expect.stringContains other.Stderr "holds the results of a different scan" "says why"
            Expect.equal (run "vphi=1:2:3").ExitCode 2 "still refused for another axis"
            Expect.equal (runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; "w23=-2:0:5"; "--out"; f.Path + "2" ]).ExitCode 2 "a complex axis needs re() or im()"
        }
        test "an export onto the results file itself, or CSV and Parquet onto one file, is refused before anything is written" {
            use f = new TempFile("", ".db")
            File.Delete f.Path
            let scan extra = runCli ([ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; "im(w23)=-2:0:5"; "--out"; f.Path ] @ extra)
            let onItself = scan [ "--csv"; f.Path ]
            Expect.equal onItself.ExitCode 2 onItself.Stderr
            Expect.stringContains onItself.Stderr "is the results file itself" "says why"
            Expect.isFalse (File.Exists f.Path) "refused before the scan: no file made"
            Expect.equal (scan []).ExitCode 0 "the scan"
            let before = File.ReadAllBytes f.Path
            let export = runCli [ "export"; f.Path; "--parquet"; f.Path ]
            Expect.equal export.ExitCode 2 export.Stderr
            Expect.stringContains export.Stderr "is the results file itself" "says why"
            Expect.equal (File.ReadAllBytes f.Path) before "the results are untouched"
            let same = runCli [ "export"; f.Path; "--csv"; f.Path + ".out"; "--parquet"; f.Path + ".out" ]
            Expect.equal same.ExitCode 2 same.Stderr
            Expect.stringContains same.Stderr "name the same file" "says why"
            Expect.isFalse (File.Exists(f.Path + ".out")) "nothing written"
        }
        test "derive prints the Coleman-Weinberg relations (text and LaTeX) and, with a card, Table 3" {
            let r = runCli [ "derive"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario7.card" ]
            Expect.equal r.ExitCode 0 r.Stderr
            Expect.stringContains r.Stdout "lamPhi = 12*lamP^2/lamH + 66*gBL^4/pi^2" "(2.5)"
            Expect.stringContains r.Stdout "m_U1BL = 2*gBL*vphi" "(4.6)"
            Expect.stringContains r.Stdout "  gBL_min" "Table 3 at the card"
            Expect.stringContains r.Stdout "  quartic coupling at the minimum (2.5): " "conformal-bl declares seed 000's equation numbers"
            let l = runCli [ "derive"; "models/conformal-bl.mdl"; "--latex" ]
            Expect.equal l.ExitCode 0 l.Stderr
            Expect.stringContains l.Stdout "\\frac{66 \\mathrm{gBL}^{4}}{\\pi^{2}}" "LaTeX"
            let none = runCli [ "derive"; "models/sm.mdl" ]
            Expect.equal none.ExitCode 1 "nothing to derive"
        }
        test "scan: a parameter without a card value, an unwritable --out, a bad axis are handled" {
            use f = new TempFile("", ".db")
            File.Delete f.Path
            let r = runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; "lamH=0.1:0.2:3"; "--out"; f.Path ]
            Expect.equal r.ExitCode 0 $"a Lagrangian parameter can be scanned: {r.Stderr}"
            Expect.equal (runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; "vphi=1:2:3"; "--out"; "/no/such/dir/x.db" ]).ExitCode 2 "unwritable"
            Expect.equal (runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; "vphi=1:2"; "--out"; f.Path + "2" ]).ExitCode 2 "malformed axis"
            Expect.equal (runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; "M[4]=1:2:3"; "--out"; f.Path + "3" ]).ExitCode 2 "component out of range"
            Expect.equal (runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; "vphi=NaN:1:3"; "--out"; f.Path + "4" ]).ExitCode 2 "NaN bound"
            Expect.equal (runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; "vphi=1:2:100000"; "--grid"; "w12=1:2:100000"; "--out"; f.Path + "5" ]).ExitCode 2 "1e10 points"
            Expect.equal (runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; "vphi=1:2:3"; "--out"; f.Path + "6"; "--csv"; "/no/such/dir/x.csv" ]).ExitCode 2 "unwritable CSV"
            Expect.equal (runCli [ "plot"; f.Path; "--x"; "lamH"; "--z"; "nLe"; "--out"; "/no/such/dir/p.png" ]).ExitCode 2 "unwritable PNG"
        }
        test "--help on every command" {
            for args in [ [ "--help" ]; [ "check"; "--help" ]; [ "fmt"; "--help" ]; [ "eval"; "--help" ]; [ "scan"; "--help" ]; [ "plot"; "--help" ]; [ "derive"; "--help" ]; [ "fit"; "--help" ] ] do
                let r = runCli args
                Expect.equal r.ExitCode 0 $"{args}"
                Expect.stringContains r.Stdout "Usage:" $"{args}"
            Expect.stringContains (runCli [ "--help" ]).Stdout "check" "lists the commands"
        }
        test "fmt prints the canonical layout; fmt --write rewrites only a valid file" {
            use f = new TempFile("model m   # a model\ngroup U1:U(1)\nfermion E{chirality:right,U1:-1}\n")
            let r = runCli [ "fmt"; f.Path ]
            Expect.equal r.ExitCode 0 "exit code"
            Expect.equal r.Stdout "model m  # a model\n\ngroup U1 : U(1)\n\nfermion E { chirality: right, U1: -1 }\n" "formatted"
            Expect.equal (runCli [ "fmt"; f.Path; "--write" ]).ExitCode 0 "write"
            Expect.equal (File.ReadAllText f.Path) r.Stdout "rewritten"
            use bad = new TempFile("model m\nfermion E{chirality:sideways}\n")
            let before = File.ReadAllText bad.Path
            Expect.equal (runCli [ "fmt"; bad.Path; "--write" ]).ExitCode 1 "errors"
            Expect.equal (File.ReadAllText bad.Path) before "a file with errors is left as it was"
        }
    ]
