module ModelDsl.Tests.Physics.ArsLeptogenesisTests

open System
open System.Numerics
open Expecto
open MathNet.Numerics
open ModelDsl.Physics.Units
open ModelDsl.Physics.Neutrinos
open ModelDsl.Physics.Leptogenesis

type Scenario =
    { Name: string; M: float[]; MLight: float[]; Delta: float; Alpha1: float; Alpha2: float
      W12: Complex; W13: Complex; W23: Complex; Vphi: float option }

let private meV = 1e-12
let private c (re: float) (im: float) = Complex(re, im)
let private s12, s23, s13 = 0.55, 0.63, 0.16

/// Seed 000, Tables 1 and 2 (Scenarios 5 and 7 with the corrected w23 = -1.2i, see conformal-bl-notes.md).
let scenarios =
    let sc1 name m w23 vphi =
        { Name = name; M = m; MLight = [| 0.0; 8.7 * meV; 49.0 * meV |]; Delta = -Math.PI / 4.0; Alpha1 = 0.0; Alpha2 = -Math.PI / 2.0
          W12 = c 1.0 2.6; W13 = c 0.9 2.7; W23 = w23; Vphi = vphi }
    [ sc1 "1" [| 0.5; 0.6; 0.7 |] (c 0.3 -1.5) None
      sc1 "2" [| 3.6; 4.0; 4.4 |] (c 0.0 -1.2) None
      sc1 "3" [| 200.0; 250.0; 300.0 |] (c -0.05 -0.975) None
      { Name = "4"; M = [| 1.0; 2.0; 3.0 |]; MLight = [| 2.5 * meV; 9.1 * meV; 49.0 * meV |]; Delta = Math.PI; Alpha1 = -Math.PI; Alpha2 = Math.PI
        W12 = c -1.0 1.5; W13 = c 0.5 2.6; W23 = c Math.PI -2.4; Vphi = None }
      sc1 "5" [| 3.6; 4.0; 4.4 |] (c 0.0 -1.2) (Some 1e5)
      sc1 "6" [| 3.6; 4.0; 4.4 |] (c 0.0 -1.2) (Some 2.5e4)
      sc1 "7" [| 3.96; 4.0; 4.04 |] (c 0.0 -1.2) (Some 3.4e3) ]

/// Reference values from shared/reference/conformal-bl-notes.md (an independent implementation in
/// these conventions; they agree with the paper's Tables 1-2 to its printed precision):
/// n_Le, n_Lmu, n_Ltau (units of 2.5e-10), Gamma_e/H, Gamma_mu/H, Gamma_tau/H, T_osc (GeV).
let reference =
    dict [ "1", [| -4.386; 38.74; -34.36; 0.6881; 68.68; 224.9; 1.84e5 |]
           "2", [| -6.739; 31.83; -25.09; 0.6452; 292.4; 926.2; 5.56e5 |]
           "3", [| -4.878; 107.9; -103.0; 0.8389; 1.275e4; 3.768e4; 1.08e7 |]
           "4", [| -8.284; 32.04; -23.76; 0.5889; 416.1; 146.0; 5.54e5 |]
           "5", [| -17.96; 96.82; -78.86; 0.6452; 292.4; 926.2; 1.075e6 |]
           "6", [| -4.842; 26.95; -22.10; 0.6452; 292.4; 926.2; 1.72e7 |]
           "7", [| -6.586; 40.71; -34.12; 0.6739; 305.6; 968.0; 9.74e7 |] ]

/// Seed 000's conventions as its Table 1 fixes them (shared/reference/conformal-bl-notes.md): the independent library's own
/// copy of the values the spec states as constants, so that the spec is checked against them, not against itself.
let arsConstants (dgCoefficient: float) =
    ArsConstants(
        PlanckMass = 1.22e19, GStar = 106.75, TEw = 140.0, GammaAvWashout = 5e-3, GammaAvSource = 3e-3,
        DgCoefficient = dgCoefficient, ConformalCoefficient = 7.3e-4, HiggsVev = 246.0, ObservedBaryonAsymmetry = 8.75e-11,
        SphaleronFactor = -3.0 / 14.0 * 0.35)

let k = arsConstants 1.2e-4
/// The default constants (another name for k, for modules that use k for kernels).
let k0 = k

let yukawa (s: Scenario) =
    let u = NeutrinoMixing.Pmns(s12, s23, s13, s.Delta, s.Alpha1, s.Alpha2)
    let r = NeutrinoMixing.OrthogonalR(s.W12, s.W13, s.W23)
    NeutrinoMixing.CasasIbarra(u, s.MLight, r, s.M, k.HiggsVev)

let asymmetry (s: Scenario) y a =
    match s.Vphi with
    | None -> ArsLeptogenesis.AsymmetryDg(y, s.M, a, k)
    | Some v -> ArsLeptogenesis.AsymmetryConformal(y, s.M, v, a, k)

let oscillation (s: Scenario) =
    [ for i in 0..2 do
        for j in i + 1 .. 2 ->
            match s.Vphi with
            | None -> ArsLeptogenesis.OscillationTemperature(s.M.[i], s.M.[j], k)
            | Some v -> ArsLeptogenesis.ConformalOscillationTemperature(s.M.[i], s.M.[j], v, k) ]
    |> List.min

/// The seven quantities of a table column, in the reference's units.
let computed (s: Scenario) =
    let y = yukawa s
    Array.concat [ [| for a in 0..2 -> asymmetry s y a / 2.5e-10 |]
                   [| for a in 0..2 -> ArsLeptogenesis.Washout(y, a, k) |]
                   [| oscillation s |] ]

/// The reference values carry 4 significant digits (T_osc 3), so an implementation in the same
/// conventions agrees to 1e-3 relative (5e-3 for T_osc); the issue's 3 % is met a fortiori. A
/// convention slip such as the exact 1.2175e-4 in (3.18) (1.5 %) fails this.
let tableTolerance = { absolute = 0.0; relative = 1e-3 }

/// The tolerance of quantity q of a table column (index 6 is T_osc).
let toleranceOf q = if q = 6 then { absolute = 0.0; relative = 5e-3 } else tableTolerance

let quantityNames = [| "n_Le"; "n_Lmu"; "n_Ltau"; "Gamma_e/H"; "Gamma_mu/H"; "Gamma_tau/H"; "T_osc" |]

[<Tests>]
let tests =
    testList "Physics/ARS leptogenesis (seed 000)" [
        for s in scenarios do
            test $"Scenario {s.Name} reproduces the reference table (1e-3; T_osc 5e-3)" {
                let got = computed s
                let want = reference.[s.Name]
                for q in 0 .. want.Length - 1 do
                    Expect.floatClose (toleranceOf q) got.[q] want.[q] $"Scenario {s.Name}, {quantityNames.[q]}: got {got.[q]:G5}, reference {want.[q]:G5}"
            }
        test "M* = M_Pl / (sqrt(g*) sqrt(4 pi^3/45)) = 7.11e17 GeV" {
            Expect.floatClose { absolute = 0.0; relative = 1e-3 } k.MStar 7.112e17 "M*"
        }
        for s in scenarios do
            test $"Scenario {s.Name}: the flavour sum of n_La vanishes" {
                let y = yukawa s
                let ns = [ for a in 0..2 -> asymmetry s y a ]
                let scale = ns |> List.sumBy abs
                Expect.isLessThan (abs (List.sum ns)) (1e-12 * scale) $"sum {List.sum ns} vs scale {scale}"
            }
        for s in scenarios do
            test $"Scenario {s.Name}: results are unchanged under Y -> iY" {
                let y = yukawa s
                let yi = Array2D.map (fun (z: Complex) -> Complex.ImaginaryOne * z) y
                for a in 0..2 do
                    Expect.floatClose { absolute = 0.0; relative = 1e-12 } (asymmetry s yi a) (asymmetry s y a) "n_La"
                    Expect.floatClose { absolute = 0.0; relative = 1e-12 } (ArsLeptogenesis.Washout(yi, a, k)) (ArsLeptogenesis.Washout(y, a, k)) "washout"
            }
        for s in scenarios do
            test $"Scenario {s.Name}: Casas-Ibarra Yukawas reproduce U m U^T to 1e-10" {
                let u = NeutrinoMixing.Pmns(s12, s23, s13, s.Delta, s.Alpha1, s.Alpha2)
                let expected = ComplexMatrix3.Multiply(u, ComplexMatrix3.Diagonal(s.MLight |> Array.map Complex.op_Implicit), ComplexMatrix3.Transpose u)
                let mass = NeutrinoMixing.SeesawMassMatrix(yukawa s, s.M, k.HiggsVev)
                Expect.isLessThan (ComplexMatrix3.RelativeDifference(mass, expected)) 1e-10 "relative difference"
            }
        test "R is complex orthogonal and the PMNS matrix unitary" {
            let r = NeutrinoMixing.OrthogonalR(c 1.0 2.6, c 0.9 2.7, c 0.3 -1.5)
            Expect.isLessThan (ComplexMatrix3.RelativeDifference(ComplexMatrix3.Multiply(r, ComplexMatrix3.Transpose r), ComplexMatrix3.Diagonal(1, 1, 1))) 1e-10 "R R^T = 1"
            let u = NeutrinoMixing.Pmns(s12, s23, s13, -Math.PI / 4.0, 0.0, -Math.PI / 2.0)
            Expect.isLessThan (ComplexMatrix3.RelativeDifference(ComplexMatrix3.Multiply(u, ComplexMatrix3.Dagger u), ComplexMatrix3.Diagonal(1, 1, 1))) 1e-14 "U U^dag = 1"
        }
        test "the closed forms (3.29) and (3.31) equal direct integration of (3.25) and (3.26)" {
            let tew = k.TEw
            let mpl = k.PlanckMass
            let points = [ (3.6, 4.0, 1e5); (4.0, 4.4, 2.5e4); (3.96, 4.0, 3.4e3); (0.5, 0.7, 1e3); (3.6, 4.0, 1e6); (0.5, 0.6, 1e7) ]
            let regimes = points |> List.map (fun (mi, mj, vphi) -> abs (mi * mi - mj * mj) * k.MStar / (64.0 * Math.PI * vphi * vphi) > vphi) |> List.distinct
            Expect.equal (List.sort regimes) [ false; true ] "both (3.29) and (3.31) are exercised"
            for (mi, mj, vphi) in points do
                let dYm2 = (mi * mi - mj * mj) / (vphi * vphi)
                let t30 = abs (mi * mi - mj * mj) * k.MStar / (64.0 * Math.PI * vphi * vphi)
                let a2 = tew * tew / 16.0
                let numeric =
                    if t30 > vphi then
                        // (3.25): z from T_EW/T_osc to T_EW/vphi with only the thermal mass, then to 1
                        let zosc = tew / t30
                        let first = Integrate.OnClosedInterval((fun _ -> 1.0 / a2), zosc, tew / vphi)
                        let second = Integrate.OnClosedInterval((fun z -> 1.0 / (vphi * vphi * z * z + a2)), tew / vphi, 1.0)
                        mpl * tew / dYm2 * (first + second)
                    else
                        // (3.26), z_osc = T_EW / T_osc with T_osc of (3.10)
                        let zosc = tew / ArsLeptogenesis.OscillationTemperature(mi, mj, k)
                        mpl * tew / dYm2 * Integrate.OnClosedInterval((fun z -> 1.0 / (vphi * vphi * z * z + a2)), zosc, 1.0)
                let closed = ArsLeptogenesis.ConformalIntegral(mi, mj, vphi, k)
                Expect.floatClose { absolute = 0.0; relative = 1e-8 } closed numeric $"I_ij for M = ({mi}, {mj}), vphi = {vphi}"
        }
        test "the conformal asymmetry tends to the DG result (3.18) as <phi> grows" {
            let s = scenarios.[1] // Scenario 2 masses and angles
            let y = yukawa s
            // The large-<phi> limit of (3.31) is 7.3e-4 M_Pl T_osc / Delta M^2 with T_osc of (3.10), i.e.
            // (7.3/1.2) (M*/(4 pi M_Pl))^(1/3) = 1.0147 times (3.18) with its printed 1.2e-4, and 1.0001 times
            // (3.18) with the exact integral 1.2175e-4 of (3.16). Both are checked.
            let exact = arsConstants 1.2175e-4
            for a in 0..2 do
                let conformal = ArsLeptogenesis.AsymmetryConformal(y, s.M, 1e9, a, k)
                Expect.floatClose { absolute = 0.0; relative = 0.02 } conformal (ArsLeptogenesis.AsymmetryDg(y, s.M, a, k)) $"flavour {a}, printed coefficient"
                Expect.floatClose { absolute = 0.0; relative = 1e-3 } conformal (ArsLeptogenesis.AsymmetryDg(y, s.M, a, exact)) $"flavour {a}, exact coefficient"
        }
        for s in scenarios do
            test $"Scenario {s.Name}: CP conjugation Y -> Y* reverses every n_La" {
                let y = yukawa s
                let yc = Array2D.map Complex.Conjugate y
                for a in 0..2 do
                    let n = asymmetry s y a
                    Expect.isGreaterThan (abs n) 0.0 "a non-zero asymmetry to reverse"
                    Expect.floatClose { absolute = 0.0; relative = 1e-12 } (asymmetry s yc a) (-n) $"flavour {a}"
            }
        test "baryon ratio (4.1)" {
            Expect.floatClose Accuracy.veryHigh (ArsLeptogenesis.BaryonRatio(-1e-9, k)) (3.0 / 14.0 * 0.35 * 1e-9 / 8.75e-11) "n_b/n_b^obs"
        }
    ]
