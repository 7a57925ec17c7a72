/// Kernels compiled for a scan's axes (symbolic builtins folded in, invariants hoisted, real
/// arithmetic) against the point-by-point KernelSet path, on the conformal-bl model.
module ModelDsl.Tests.Kernels.ScanKernelsTests

open System
open System.IO
open Expecto
open ModelDsl
open ModelDsl.Kernels
open ModelDsl.Kernels.Scans
open ModelDsl.Model
open ModelDsl.Syntax
open ModelDsl.Text
open ModelDsl.Tests.TestSupport
open ModelDsl.Tests.Kernels.ConformalKernelTests

let private compilation = lazy (ModelCompilation.FromFile(modelPath "conformal-bl.mdl"))
let private spec = lazy compilation.Value.Spec

let private runner (scenario: string) (axes: GridAxis list) =
    let model = compilation.Value.CreateNumericOrThrow(cardPath scenario)
    let mutable problem = null
    let r = ScanRunner.Create(model.Kernels, model.Point, List.toArray axes, &problem)
    Expect.isNull problem "the axes are valid"
    r

/// Both paths agree at every point. They round differently (real vs complex arithmetic, invariants
/// evaluated once), so values agree to 1e-9 relative, plus 1e-12 of the kernel's largest value over
/// the grid for values that cancel to near zero. ci_residual is itself rounding noise, amplified by
/// |R|^2 (about 1e6 at |w23| = 3 sqrt 2), so both paths must only keep it below 1e-9.
let private agreeOn (r: ScanRunner) (indices: int64[]) =
    Expect.isTrue r.CompiledForAxes $"compiled for the axes ({r.FallbackReason})"
    let fast = r.Evaluate(indices)
    let slow = indices |> Array.map r.Evaluate
    let names = spec.Value.Kernels |> Seq.map (fun k -> k.Name) |> Array.ofSeq
    let axisCount = fast.[0].Values.Length - names.Length
    for j in 0 .. names.Length - 1 do
        let scale = slow |> Array.map (fun row -> abs row.Values.[axisCount + j]) |> Array.max
        for n in 0 .. indices.Length - 1 do
            let a, b = fast.[n].Values.[axisCount + j], slow.[n].Values.[axisCount + j]
            if names.[j] = "ci_residual" then
                Expect.isLessThan (max a b) 1e-9 $"ci_residual at point {n}"
            else
                Expect.isLessThanOrEqual (abs (a - b)) (1e-9 * max (abs a) (abs b) + 1e-12 * scale)
                    $"{names.[j]} at point {n}: compiled {a}, KernelSet {b}"
    for n in 0 .. indices.Length - 1 do
        Expect.equal fast.[n].Index indices.[n] "one row per index, in order"
        Expect.equal fast.[n].Status slow.[n].Status $"status at point {n}"
        Expect.sequenceEqual fast.[n].Values.[.. axisCount - 1] slow.[n].Values.[.. axisCount - 1] "axis values"

let private agree (r: ScanRunner) = agreeOn r [| 0L .. r.Total - 1L |]

[<Tests>]
let tests =
    testList "Kernels/scan compiled for its axes" [
        test "Re/Im w23 plane, conformal (Scenario 5) and DG (Scenario 2)" {
            for s in [ "5"; "2" ] do
                agree (runner s [ GridAxis("re(w23)", -3.0, 3.0, 9, false); GridAxis("im(w23)", -3.0, 3.0, 11, false) ])
        }
        test "<phi> x M1 (Fig. 6), across both regimes of I_ij and T_osc" {
            agree (runner "5" [ GridAxis("vphi", 1e3, 1e7, 13, true); GridAxis("M[1]", 0.7, 4.7, 9, false) ])
        }
        test "temperature (Fig. 1(a)), one axis" {
            agree (runner "5" [ GridAxis("T", 1e3, 1e7, 41, true) ])
        }
        test "PMNS angle and phase (Scenario 4), light mass through zero, three axes" {
            agree (runner "4" [ GridAxis("s13", 0.1, 0.2, 5, false); GridAxis("delta", 0.0, 6.28, 7, false) ])
            agree (runner "4" [ GridAxis("mnu[1]", 0.0, 1e-11, 5, false) ])
            agree (runner "1" [ GridAxis("re(w12)", -1.0, 1.0, 3, false); GridAxis("im(w13)", 2.0, 3.0, 4, false); GridAxis("M[3]", 0.65, 0.9, 5, false) ])
        }
        test "far above <phi> the smoothed step of dM2_thermal is 0 and only T^2/16 is left (no overflow to NaN)" {
            // exp((T - vphi)/(wall vphi)) overflows at T = 1e8 GeV; 1/(1 + inf) must be 0 on both paths
            let k = evaluate (cardPath "5") [ "T = 1e8 GeV" ]
            Expect.floatClose Accuracy.veryHigh k.["dM2_thermal"].Real (3.0 / 1e10 * 1e16 / 16.0) "dM2_0/vphi^2 T^2/16"
        }
        test "a run of points that crosses rows and skips points (as a resumed chunk does)" {
            let r = runner "5" [ GridAxis("im(w23)", -2.0, 2.0, 50, false); GridAxis("re(w23)", -1.0, 1.0, 13, false) ]
            agreeOn r (Array.append [| 500L .. 530L |] [| 533L; 560L; 649L |])
        }
    ]

/// Overflow, underflow, signed zeros and branch cuts: the compiled scan must give what the
/// point-by-point path gives (a second reading of the change found each of these disagreeing once).
let private edgeModel = """model edge "edge cases of the scan compiler"
group U1 : U(1)
fermion L { chirality: left, U1: 1 }
param x, y, z : real
kernel sign_exp = sign(exp(-x))
kernel theta_exp = theta(exp(-x))
kernel ifpos_exp = ifpos(exp(-x), 1, 2)
kernel logistic = 1/(1 + 2*exp(x))
kernel big_abs = abs(x*1e200 + I*y*1e200)
kernel recip = re(1/(1 + exp(x + I*y)))
kernel log_cut = im(log(-y))
kernel sqrt_cut = im(sqrt(-y))
kernel zero_times_inf = exp(x)*z
"""

[<Tests>]
let edgeTests =
    test "edge cases: underflow to 0, overflow to inf, -0 on a branch cut give the same values compiled and point by point" {
        use model = new TempFile(edgeModel, ".mdl")
        use c = new TempFile("card \"e\" for edge\nx = 1   y = 0   z = 0\n", ".card")
        let numeric = ModelCompilation.FromFile(model.Path).CreateNumericOrThrow(c.Path)
        let spec, point, kernels = numeric.Spec, numeric.Point, numeric.Kernels
        let mutable problem = null
        // x > 0 over the whole grid: the compiler may use that; y runs through -0 and 0
        let r = ScanRunner.Create(kernels, point, [| GridAxis("x", 0.5, 1000.0, 5, false); GridAxis("y", -1.0, 1.0, 3, false) |], &problem)
        Expect.isNull problem "valid axes"
        Expect.isTrue r.CompiledForAxes $"compiled ({r.FallbackReason})"
        let indices = [| 0L .. r.Total - 1L |]
        let fast = r.Evaluate(indices)
        let names = spec.Kernels |> Seq.map (fun k -> k.Name) |> Array.ofSeq
        for n in 0 .. indices.Length - 1 do
            let slow = r.Evaluate(indices.[n])
            for j in 0 .. names.Length - 1 do
                let a, b = fast.[n].Values.[2 + j], slow.Values.[2 + j]
                if names.[j] = "zero_times_inf" then
                    // documented deviation (docs/benchmarks.md): a product with an exact zero is zero when compiled
                    Expect.equal a 0.0 "exact zero wins in the compiled scan"
                else
                    let same = (Double.IsNaN a && Double.IsNaN b) || a = b || abs (a - b) <= 1e-12 * max (abs a) (abs b)
                    Expect.isTrue same $"{names.[j]} at x = {slow.Values.[0]}, y = {slow.Values.[1]}: compiled {a}, point by point {b}"
    }
