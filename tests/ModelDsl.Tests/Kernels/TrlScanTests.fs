/// Seed 001's kernels scanned with the texture fit at every point: the fit runs as a staged call inside the kernels
/// compiled for the grid's axes, against the point-by-point KernelSet path.
module ModelDsl.Tests.Kernels.TrlScanTests

open System.IO
open Expecto
open ModelDsl
open ModelDsl.Kernels.Scans
open ModelDsl.Tests.TestSupport

let private compilation = lazy (ModelCompilation.FromFile(modelPath "seesaw-z3.mdl"))

let private runner (card: string) (sets: string list) (axes: GridAxis list) =
    let created = compilation.Value.CreateNumeric(Path.Combine(repoRoot, "samples", "trl", card), List.toArray sets)
    let model = created.Model
    Expect.isNotNull model (Diagnostics.DiagnosticPrinter.FormatAll created.Diagnostics)
    let mutable problem = null
    let r = ScanRunner.Create(model.Kernels, model.Point, List.toArray axes, &problem)
    Expect.isNull problem "the axes are valid"
    r

/// The two paths round differently (real against complex arithmetic, invariants once per row), so they agree to 1e-9
/// relative, plus 1e-12 of the kernel's largest value over the grid where a value crosses zero (eps_N does, in d32).
let private agree (r: ScanRunner) =
    Expect.isTrue r.CompiledForAxes $"compiled for the axes ({r.FallbackReason})"
    let indices = [| 0L .. r.Total - 1L |]
    let fast = r.Evaluate(indices)
    let slow = indices |> Array.map r.Evaluate
    let names = compilation.Value.Spec.Kernels |> Seq.map (fun k -> k.Name) |> Array.ofSeq
    let axisCount = fast.[0].Values.Length - names.Length
    let mutable worst = 0.0
    for j in 0 .. names.Length - 1 do
        let scale = slow |> Array.map (fun row -> abs row.Values.[axisCount + j]) |> Array.max
        for n in 0 .. indices.Length - 1 do
            let a, b = fast.[n].Values.[axisCount + j], slow.[n].Values.[axisCount + j]
            Expect.isTrue (System.Double.IsFinite a && System.Double.IsFinite b) $"{names.[j]} at point {n}: {a}, {b}"
            Expect.isLessThanOrEqual (abs (a - b)) (1e-9 * max (abs a) (abs b) + 1e-12 * scale)
                $"{names.[j]} at point {n}: compiled {a}, KernelSet {b}"
            if abs (a - b) > 0.0 then worst <- max worst (abs (a - b) / (max (abs a) (abs b) + 1e-12 * scale))
    for n in 0 .. indices.Length - 1 do
        Expect.equal fast.[n].Status slow.[n].Status $"status at point {n}"
    worst

[<Tests>]
let tests =
    testList "Kernels/seesaw-z3 (TRL) scan with the fit at every point" [
        test "(m_N1, d32) from 100 GeV to 3 TeV and d32 through zero: compiled = point by point" {
            let r = runner "benchmark-C.card" [] [ GridAxis("mN", 100.0, 3000.0, 7, true); GridAxis("d32", -1.0, 1.0, 9, false) ]
            let worst = agree r
            printfn "TRL scan (mN, d32), fit per point: compiled vs point by point, worst relative difference %.2g" worst
        }
        test "(d21, a) on the unperturbed texture (no fit), the fit switch through the card" {
            let r = runner "unperturbed.card" [] [ GridAxis("d21", 0.1, 2.0, 5, false); GridAxis("a", 1e-4, 2e-3, 6, false) ]
            agree r |> ignore
        }
        test "one lowering: every shipped model's kernels are staged programs point by point too" {
            for name, card in [ "conformal-bl.mdl", Path.Combine(repoRoot, "samples", "conformal-bl", "scenario5.card")
                                "seesaw-z3.mdl", Path.Combine(repoRoot, "samples", "trl", "benchmark-C.card") ] do
                let kernels = ModelCompilation.FromFile(modelPath name).CreateNumericOrThrow(card).Kernels
                Expect.isTrue kernels.IsStaged $"{name}: lowered by the scan's lowering ({kernels.StagingProblem})"
        }
        test "modeldsl scan: points where the fit has no value are counted on stderr and stored with the reason" {
            use f = new TempFile("", ".db")
            File.Delete f.Path
            use csv = new TempFile("", ".csv")
            let r = runCli [ "scan"; "models/seesaw-z3.mdl"; "--card"; "samples/trl/benchmark-C.card"; "--grid"; "mN=1e-6:1e3:4:log"; "--out"; f.Path; "--csv"; csv.Path ]
            Expect.equal r.ExitCode 0 r.Stderr
            Expect.stringContains r.Stderr "warning: 1 of 4 points have no value" "counted"
            Expect.stringContains (File.ReadAllText csv.Path) "error: the fitted texture does not reproduce the data" "the reason is stored"
        }
        test "a point where the fit has no value: the compiled scan says why, as point by point does" {
            let r = runner "benchmark-C.card" [] [ GridAxis("mN", 1e-6, 1000.0, 2, false); GridAxis("d32", 0.5, 0.5, 1, false) ]
            Expect.isTrue r.CompiledForAxes "compiled"
            let fast = r.Evaluate([| 0L; 1L |])
            let slow = [| 0L; 1L |] |> Array.map r.Evaluate
            Expect.stringStarts slow.[0].Status "error: the fitted texture does not reproduce the data" "the unit slip, point by point"
            Expect.equal fast.[0].Status slow.[0].Status "the same reason from the compiled scan"
            Expect.isTrue (fast.[0].Values |> Array.skip 2 |> Array.forall System.Double.IsNaN) $"no values: %A{fast.[0].Values}"
            Expect.equal fast.[1].Status "ok" "the benchmark point itself is fine"
        }
    ]
