/// ULYSSES parity (issue 12, first slice): the Casas-Ibarra Yukawas in ULYSSES's convention reproduce the light-neutrino
/// mass matrix computed here independently, and the library spec models/lib/leptogenesis/1BE1F.mdl used by
/// models/ulysses-typei.mdl gives ULYSSES's published 1BE1F numbers on its card 1N1F (docs/ulysses.md).
module ModelDsl.Tests.Kernels.UlyssesTests

open System
open System.Collections.Generic
open System.IO
open System.Numerics
open Expecto
open FsCheck
open FsCheck.FSharp
open ModelDsl
open ModelDsl.Model
open ModelDsl.Kernels.Builtins
open ModelDsl.Kernels.Scans
open ModelDsl.Kernels.Systems
open ModelDsl.Tests.TestSupport

/// ULYSSES's published 1BE1F values for its card 1N1F (the reference; docs/ulysses.md says where they stand).
let private publishedEtaB = 6.083430e-10
let private publishedEpsTauTau = -9.782744e-05
let private publishedEps = 4.143152e-07

/// The PMNS matrix of ULYSSES written out entry by entry (PDG form, U_e3 = s13 e^{-i delta}; the Majorana phases
/// e^{i a21/2}, e^{i a31/2} multiply columns 2 and 3): arXiv:2007.09150 eq. (2.4).
let private pmns t12 t13 t23 delta a21 a31 =
    let s12, s13, s23 = sin t12, sin t13, sin t23
    let c12, c13, c23 = cos t12, cos t13, cos t23
    let e = Complex.FromPolarCoordinates(1.0, delta)
    let p2, p3 = Complex.FromPolarCoordinates(1.0, a21 / 2.0), Complex.FromPolarCoordinates(1.0, a31 / 2.0)
    array2D [ [ Complex(c12 * c13, 0.0); s12 * c13 * p2; s13 * p3 / e ]
              [ -s12 * c23 - c12 * s23 * s13 * e; (c12 * c23 - s12 * s23 * s13 * e) * p2; s23 * c13 * p3 ]
              [ s12 * s23 - c12 * c23 * s13 * e; (-c12 * s23 - s12 * c23 * s13 * e) * p2; c23 * c13 * p3 ] ]

/// Call the builtin with named arguments (scalars as 1x1, vectors as n x 1).
let private callBuiltin (args: (string * Complex[,]) list) =
    let d = Dictionary<string, Complex[,]>()
    for k, v in args do d.[k] <- v
    let outcome = CasasIbarraUlyssesBuiltin().Evaluate(BuiltinArguments d)
    match outcome.Value with
    | null -> failtestf "casas_ibarra_ulysses failed: %s" outcome.Failure
    | r -> r

let private scalar (x: Complex) = Array2D.create 1 1 x
let private vector (xs: float[]) = Array2D.init xs.Length 1 (fun i _ -> Complex(xs.[i], 0.0))

/// The model's kernels and one solve of its 1BE1F system at a shipped card.
let private numeric card =
    let r = ModelCompilation.FromFile(modelPath "ulysses-typei.mdl").CreateNumeric(Path.Combine(repoRoot, "samples", "ulysses", card), [||])
    match r.Model with
    | null -> failtestf "evaluation failed:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | m -> m

let private kernels card = (numeric card).Evaluate().Values |> Seq.map (fun v -> v.Name, v.Value) |> Map.ofSeq

let private etaB card rtol =
    let s = (numeric card).Solve("be.be", SystemSolveOptions(RelativeTolerance = rtol)).Solution
    Expect.isTrue s.Succeeded s.Message
    s.Output "eta_B"


/// ULYSSES's examples/1N1F.dat as it is (one 'key value' per line), plus the two v3 splitting keys of the NuFIT 6.0 card.
let private ulyssesCard1N1F =
    "m -100\nM1 14\nM2 15\nM3 16\nx1 180\ny1 1.4\nx2 180\ny2 11.2\nx3 180\ny3 11\ndelta 270\na21 0\na31 0\nt23 49.7\nt12 33.82\nt13 8.610000\n"

/// The bound spec of models/ulysses-typei.mdl, once.
let private typeiSpec = lazy (ModelCompilation.FromFile(modelPath "ulysses-typei.mdl").Spec)

/// A ULYSSES card with one mistake marked ⟦ ⟧: reading and binding to ulysses-typei give exactly one error, this ID, this span.
let private ulyssesCase (id: string) (annotated: string) (fragment: string) =
    test $"{id}: {annotated.Trim().Replace('\n', ' ')}" {
        let text, start, length = ModelDsl.Tests.Syntax.DiagnosticTests.unmark annotated
        let card = UlyssesCard.Read(Text.SourceText.From(text, "case.dat"))
        let struct (_, diagnostics) = card.Bind(typeiSpec.Value)
        let errors = diagnostics |> Seq.filter (fun d -> d.IsError) |> List.ofSeq
        let shown = Diagnostics.DiagnosticPrinter.FormatAll errors
        Expect.equal (errors |> List.map (fun d -> d.Id)) [ id ] $"one error {id}:\n{shown}"
        Expect.equal (errors.Head.Span.Start, errors.Head.Span.Length) (start, length) $"span:\n{shown}"
        Expect.stringContains errors.Head.Message fragment "message"
    }

[<Tests>]
let tests =
    testList "Kernels/ULYSSES" [
        // |Im z| <= 1.5 keeps |R| <= cosh(1.5)^3 ~ 13, so the cancellations in h M^-1 h^T lose at most ~|R|^2 ~ 200 ulps:
        // 1e-10 of the heaviest light mass is far above rounding and far below any convention error (O(1))
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 200 } "casas_ibarra_ulysses: v^2 h M^-1 h^T = U diag(m) U^T with U written out here (1e-10 of m_max)" (
            Prop.forAll (Arb.fromGen (Gen.zip (Gen.choose (1, 1000000)) (Gen.elements [ false; true ]))) (fun (seed, inverted) ->
                let r = Random seed
                let u01 () = r.NextDouble()
                // below 80 degrees: the PDG form takes cos from sin as sqrt(1 - s^2) (ULYSSES too), which loses digits near 90
                let angle () = u01 () * 1.4
                let t12, t13, t23 = angle (), angle (), angle ()
                let delta, a21, a31 = 2.0 * Math.PI * u01 (), 4.0 * Math.PI * u01 (), 4.0 * Math.PI * u01 ()
                let z () = Complex((2.0 * u01 () - 1.0) * Math.PI, (2.0 * u01 () - 1.0) * 1.5)
                let heavy = [| 10.0 ** (8.0 + 2.0 * u01 ()); 10.0 ** (10.0 + 2.0 * u01 ()); 10.0 ** (12.0 + 2.0 * u01 ()) |]
                let lightest, sol, atm = 1e-9 * 0.1 * u01 (), 7.5e-23, 2.5e-21
                let rec_ =
                    callBuiltin [ "m_lightest", scalar (Complex(lightest, 0.0)); "M", vector heavy; "dm2_sol", scalar (Complex(sol, 0.0))
                                  "dm2_atm", scalar (Complex(atm, 0.0)); "inverted", scalar (if inverted then Complex.One else Complex.Zero)
                                  "t12", scalar (Complex(t12, 0.0)); "t13", scalar (Complex(t13, 0.0)); "t23", scalar (Complex(t23, 0.0))
                                  "delta", scalar (Complex(delta, 0.0)); "a21", scalar (Complex(a21, 0.0)); "a31", scalar (Complex(a31, 0.0))
                                  "z1", scalar (z ()); "z2", scalar (z ()); "z3", scalar (z ()); "v", scalar (Complex(174.0, 0.0)) ]
                let h = rec_.Array "h"
                let m = rec_.RealVector "mnu"
                // the ordering: the splittings as ULYSSES defines them, the lightest mass where it belongs
                let massesOk =
                    if inverted then abs (m.[2] - lightest) = 0.0 && abs (m.[1] * m.[1] - m.[2] * m.[2] - atm) < 1e-12 * atm && abs (m.[1] * m.[1] - m.[0] * m.[0] - sol) < 1e-9 * sol
                    else abs (m.[0] - lightest) = 0.0 && abs (m.[1] * m.[1] - m.[0] * m.[0] - sol) < 1e-9 * sol && abs (m.[2] * m.[2] - m.[0] * m.[0] - atm) < 1e-12 * atm
                let u = pmns t12 t13 t23 delta a21 a31
                let mmax = Array.max m
                let close (a: Complex) (b: Complex) = (a - b).Magnitude <= 1e-10 * mmax
                let seesaw a b = 174.0 * 174.0 * Seq.fold (+) Complex.Zero (seq { for k in 0 .. 2 -> h.[a, k] * h.[b, k] / heavy.[k] })
                let light a b = Seq.fold (+) Complex.Zero (seq { for k in 0 .. 2 -> u.[a, k] * m.[k] * u.[b, k] })
                let uOk = Seq.forall (fun (a, k) -> ((rec_.Array "U").[a, k] - u.[a, k]).Magnitude < 1e-14) (seq { for a in 0 .. 2 do for k in 0 .. 2 -> a, k })
                massesOk && uOk && Seq.forall (fun (a, b) -> close (seesaw a b) (light a b)) (seq { for a in 0 .. 2 do for b in 0 .. 2 -> a, b })))

        // The published values carry 7 significant digits: ULYSSES printed them from its own run (rtol 1e-10); ours agree to
        // rounding of the last printed digit and the two solvers' errors (1e-6 relative covers both).
        test "1N1F with the NuFIT 6.0 splittings: eps_tautau and the flavour-summed eps equal ULYSSES's published values (1e-6 relative)" {
            let k = kernels "1N1F-nufit60.card"
            Expect.floatClose { absolute = 0.0; relative = 1e-6 } k.["be.eps_tautau"].Real publishedEpsTauTau "eps_tautau"
            Expect.floatClose { absolute = 0.0; relative = 1e-6 } k.["be.eps"].Real publishedEps "flavour-summed eps"
            Expect.equal k.["be.eps"].Imaginary 0.0 "eps is real"
        }
        test "1N1F with the NuFIT 6.0 splittings: eta_B equals ULYSSES's published 6.083430e-10 (1e-6 relative)" {
            Expect.floatClose { absolute = 0.0; relative = 1e-6 } (etaB "1N1F-nufit60.card" 1e-10) publishedEtaB "eta_B"
        }
        // ULYSSES v3's default splittings (NuFIT 6.1) move K and eps by ~0.2-0.3 %, eta_B with them: the issue's 1 % bound
        test "1N1F with ULYSSES v3's default splittings: eta_B within 1 % of the published value" {
            Expect.floatClose { absolute = 0.0; relative = 0.01 } (etaB "1N1F.card" 1e-10) publishedEtaB "eta_B"
        }
        // rtol bounds the local error; the global error of eta_B is a small multiple of rtol 1e-8: 1e-6 is the issue's bound
        test "1N1F: eta_B at rtol 1e-8 equals eta_B at rtol 1e-10 to 1e-6 relative" {
            Expect.floatClose { absolute = 0.0; relative = 1e-6 } (etaB "1N1F.card" 1e-8) (etaB "1N1F.card" 1e-10) "eta_B(rtol)"
        }
        // The speed benchmarks' tolerance (bench/ModelDsl.Bench/UlyssesBenchmarks.cs, docs/benchmarks.md): issue 12 asks for
        // eta_B to 1e-6 relative, the accuracy ULYSSES reaches; the reference is the same solve at rtol 1e-12, itself within
        // 1e-13 of rtol 1e-13 with atol 1e-20 (measured). Rodas5P's global error here is ~0.02 rtol (1.7e-9 on this card).
        // The step bound says the solve stays cheap: 537 accepted steps measured (1561 at ULYSSES's rtol 1e-10).
        test "1N1F: rtol 1e-7 gives eta_B equal to the rtol 1e-12 solution to 1e-6 relative, in fewer than 600 steps" {
            let m = numeric "1N1F.card"
            let solve rtol = m.Solve("be.be", SystemSolveOptions(RelativeTolerance = rtol, Samples = 0)).Solution
            let fast, reference = solve 1e-7, solve 1e-12
            Expect.isTrue (fast.Succeeded && reference.Succeeded) $"{fast.Message} {reference.Message}"
            Expect.floatClose { absolute = 0.0; relative = 1e-6 } (fast.Output "eta_B") (reference.Output "eta_B") "eta_B(rtol 1e-7)"
            Expect.isLessThan fast.Steps 600 "accepted steps at rtol 1e-7"
        }
        // the same over the washout range of the scan benchmark: y3 from -180 to 180 degrees moves K from about 2 to 1200
        test "1N1F over y3 = -180..180 degrees (K up to ~1e3): rtol 1e-7 gives eta_B equal to rtol 1e-12 to 1e-6 relative" {
            let m = numeric "1N1F.card"
            // eta_B and K at the 9 points; a scan row's values are the axis value, then the columns
            let solve rtol =
                match ScanRunner.Create(m.Kernels, m.Point, [| GridAxis("re(y3)", -180.0, 180.0, 9, false) |], [| "be.be" |]) with
                | null, why -> failtest why
                | r, _ ->
                    let r = (r: ScanRunner).WithSolveOptions(SystemSolveOptions(RelativeTolerance = rtol, Samples = 0))
                    let eta, k = 1 + r.Columns.IndexOf "eta_B", 1 + r.Columns.IndexOf "be.K"
                    r.Evaluate([| 0L .. 8L |]) |> Seq.map (fun row -> Expect.equal row.Status "ok" "solved"; row.Values.[eta], row.Values.[k]) |> Array.ofSeq
            let fast, reference = solve 1e-7, solve 1e-12
            Expect.isGreaterThan (reference |> Array.map snd |> Array.max) 500.0 "strong washout reached"
            Array.iter2 (fun (f: float, _) (r: float, _) -> Expect.floatClose { absolute = 0.0; relative = 1e-6 } f r "eta_B(rtol 1e-7)") fast reference
        }
        test "ulysses-typei: the seesaw light masses of the Casas-Ibarra h give back the card's (sqrt of sum m_k^2, 1e-12)" {
            let k = kernels "1N1F.card"
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } k.["m_rms"].Real k.["m_rms_input"].Real "m_rms"
            // sqrt(dm2_sol + dm2_atm) with m1 = 1e-100 eV: 0.0509546 eV (kernel values are in GeV)
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } k.["m_rms_input"].Real (1e-9 * sqrt (7.537e-5 + 2.521e-3)) "from the splittings (GeV)"
        }

        test "ULYSSES card: examples/1N1F.dat read as it is gives the same eta_B as samples/ulysses/1N1F.card (1e-12)" {
            let card = UlyssesCard.Read(Text.SourceText.From(ulyssesCard1N1F, "1N1F.dat"))
            Expect.isEmpty card.Diagnostics "no diagnostics"
            let m = numeric "1N1F.card"
            let struct (point, diagnostics) = card.Bind(m.Spec)
            Expect.isNotNull point (Diagnostics.DiagnosticPrinter.FormatAll diagnostics)
            let fromUlysses = m.WithPoint(point).Model.Solve("be.be", SystemSolveOptions(RelativeTolerance = 1e-10)).Solution
            Expect.isTrue fromUlysses.Succeeded fromUlysses.Message
            // 10^14 and 1e14 are the same double; m_lightest (1e-109 GeV) enters only squared next to dm2 ~ 1e-22 GeV^2
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } (fromUlysses.Output "eta_B") (etaB "1N1F.card" 1e-10) "eta_B"
        }
        test "ULYSSES card: the v3 splitting keys, complex R angles (y1 -90j), inline comments and scan ranges" {
            let text = ulyssesCard1N1F.Replace("y1 1.4", "y1 -90j   # a complex entry").Replace("M1 14", "M1 13 15") + "m2solar 7.49e-5\nm2atm 2.513e-3\n"
            let card = UlyssesCard.Read(Text.SourceText.From(text, "c.dat"))
            Expect.isEmpty card.Diagnostics "no diagnostics"
            Expect.equal card.Values.["y1"] (Complex(0.0, -90.0)) "-90j"
            Expect.equal card.Ranges.["M1"] (13.0, 15.0) "a scan axis"
            Expect.equal card.Values.["m2atm"] (Complex(2.513e-3, 0.0)) "v3 key"
        }
        test "ULYSSES card: Python float and complex literals" {
            for s, z in [ "1", Complex(1.0, 0.0); "-2.5e3", Complex(-2500.0, 0.0); ".5", Complex(0.5, 0.0); "5.", Complex(5.0, 0.0)
                          "-90j", Complex(0.0, -90.0); "1+2j", Complex(1.0, 2.0); "1-j", Complex(1.0, -1.0); "j", Complex(0.0, 1.0)
                          "2e-1J", Complex(0.0, 0.2) ] do
                let ok, v = UlyssesCard.TryParse s
                Expect.isTrue ok s
                Expect.equal v z s
            for s in [ "x"; "1+"; "nan"; "inf"; "1e999"; "1j+2"; "--1"; "1,5" ] do
                Expect.isFalse (fst (UlyssesCard.TryParse s)) s
        }
        // size-bounded: up to 6 edits of up to 8 characters each, drawn from what ULYSSES cards contain and a few strangers
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 300 } "ULYSSES card: random edits of 1N1F.dat never throw; every error is located inside the file" (
            let chars = "0123456789.+-eEjJ #\n\tmMxyzt_()[],;\u00e9\u0000"
            let edit = Gen.zip3 (Gen.choose (0, 400)) (Gen.choose (0, 3)) (Gen.arrayOfLength 8 (Gen.elements chars) |> Gen.map String)
            Prop.forAll (Arb.fromGen (Gen.listOfLength 6 edit)) (fun edits ->
                let text =
                    edits |> List.fold (fun (t: string) (at, cut, ins) ->
                        let at = min at t.Length
                        t.Remove(at, min cut (t.Length - at)).Insert(at, ins.Substring(0, 1 + at % 8))) ulyssesCard1N1F
                let card = UlyssesCard.Read(Text.SourceText.From(text, "c.dat"))
                let struct (_, diagnostics) = card.Bind(typeiSpec.Value)
                diagnostics |> Seq.forall (fun d -> d.Span.Start >= 0 && d.Span.End <= text.Length)))
        ulyssesCase "MDL0326" (ulyssesCard1N1F.Replace("delta 270", "⟦delta⟧")) "has no value"
        ulyssesCase "MDL0326" (ulyssesCard1N1F.Replace("delta 270", "delta ⟦27O⟧")) "not a number"
        ulyssesCase "MDL0326" (ulyssesCard1N1F.Replace("delta 270", "delta 270 280 ⟦290⟧")) "3 values"
        ulyssesCase "MDL0326" (ulyssesCard1N1F.Replace("t12 33.82", "t12 ⟦33.82j⟧")) "only the R angles"
        ulyssesCase "MDL0326" (ulyssesCard1N1F.Replace("x1 180", "x1 0 ⟦180j⟧")) "must be real"
        ulyssesCase "MDL0327" (ulyssesCard1N1F.Replace("delta 270", "⟦detla⟧ 270")) "Did you mean 'delta'?"
        ulyssesCase "MDL0328" (ulyssesCard1N1F + "⟦M1⟧ 12\n") "given twice"
        ulyssesCase "MDL0329" ("⟦⟧" + ulyssesCard1N1F.Replace("t13 8.610000\n", "")) "missing: t13"
        ulyssesCase "MDL0329" (ulyssesCard1N1F.Replace("M1 14", "⟦M1 13 15⟧")) "scan range"
    ]
