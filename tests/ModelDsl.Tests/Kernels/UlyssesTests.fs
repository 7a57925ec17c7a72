/// ULYSSES parity (issue 12): the Casas-Ibarra Yukawas in ULYSSES's convention reproduce the light-neutrino mass matrix
/// computed here independently, the library spec models/lib/leptogenesis/1BE1F.mdl used by models/ulysses-typei.mdl gives
/// ULYSSES's published 1BE1F numbers on its card 1N1F, and 1DME.mdl its published 1DME value on testpars and the flavoured
/// Boltzmann equations without its off-diagonal entries (docs/ulysses.md).
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

/// Call the builtin with named arguments (scalars as 1x1, vectors as n x 1); optional ones left out take their defaults.
let private callBuiltin (args: (string * Complex[,]) list) =
    let builtin = CasasIbarraUlyssesBuiltin()
    let d = Dictionary<string, Complex[,]>()
    for p in builtin.Parameters do
        if p.Default.HasValue then d.[p.Name] <- Array2D.create 1 1 p.Default.Value
    for k, v in args do d.[k] <- v
    let outcome = builtin.Evaluate(BuiltinArguments d)
    match outcome.Value with
    | null -> failtestf "casas_ibarra_ulysses failed: %s" outcome.Failure
    | r -> r

let private scalar (x: Complex) = Array2D.create 1 1 x
let private vector (xs: float[]) = Array2D.init xs.Length 1 (fun i _ -> Complex(xs.[i], 0.0))

/// The model's kernels and one solve of its systems at a shipped card, with `--set` assignments.
let private numericWith card (sets: string[]) =
    let r = ModelCompilation.FromFile(modelPath "ulysses-typei.mdl").CreateNumeric(Path.Combine(repoRoot, "samples", "ulysses", card), sets)
    match r.Model with
    | null -> failtestf "evaluation failed:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | m -> m

let private numeric card = numericWith card [||]

let private kernels card = (numeric card).Evaluate().Values |> Seq.map (fun v -> v.Name, v.Value) |> Map.ofSeq

let private etaB card rtol =
    let s = (numeric card).Solve("be.be", SystemSolveOptions(RelativeTolerance = rtol)).Solution
    Expect.isTrue s.Succeeded s.Message
    s.Output "eta_B"

/// One solve of the 1DME system `dme.dme` (models/lib/leptogenesis/1DME.mdl) at a shipped card.
let private dmeSolution card sets rtol =
    let s = (numericWith card sets).Solve("dme.dme", SystemSolveOptions(RelativeTolerance = rtol)).Solution
    Expect.isTrue s.Succeeded s.Message
    s

/// ULYSSES's published 1DME value for its test point ulysses.testpars (samples/ulysses/testpars.card).
let private publishedDmeEtaB = -1.020334e-09

/// One decaying heavy neutrino of the flavoured Boltzmann reference: r = M_i/M_1, K_i, eps_i,aa and p_ia (a = e, mu, tau).
type internal Decaying = { R: float; K: float; Eps: float[]; P: float[] }

/// The decay and washout rates (D_i, W_i) of a decaying neutrino at z, with x_i = r_i z: D_i = K_i r_i^2 z K1(x_i)/K2(x_i),
/// W_i = K_i r_i x_i^3 K1(x_i)/4 (ULYSSES ulsbase.py:461-558). K1/K2 = K1e/(K0e + 2 K1e/x) (A&S 9.6.26 with
/// K2 = K0 + 2 K1/x) stays finite where K1, K2 underflow.
let internal decayRates (n: Decaying) (z: float) =
    let x = n.R * z
    let e1 : float = ModelDsl.Symbolics.Functions.BesselK1eFunction.Value x
    let k1 : float = ModelDsl.Symbolics.Functions.BesselK1Function.Value x
    n.K * n.R * n.R * z * e1 / (ModelDsl.Symbolics.Functions.BesselK0eFunction.Value x + 2.0 * e1 / x), n.K * n.R * x ** 3.0 * k1 / 4.0

/// The flavoured Boltzmann equations that the diagonal of the 1-3DME sets becomes without their off-diagonal entries,
/// integrated here independently of the solver and of the library: with x_i = r_i z,
/// dN_i/dz = -D_i (N_i - N_i,eq), dN_a/dz = sum_i [eps_i,a D_i (N_i - N_i,eq) - p_ia W_i N_a] (arXiv:1112.4528; ULYSSES's
/// etab1BE3F/etab2BE3F form), D_i = K_i r_i^2 z K1(x_i)/K2(x_i), W_i = K_i r_i x_i^3 K1(x_i)/4, N_i,eq = (3/8) x_i^2 K2(x_i),
/// from 0 at z_min to z_max, steps uniform in ln z, with the rates (D_i, W_i) given by `rates` (`decayRates` for these
/// equations; other sets change N_1's). The method is the two-stage Radau IIA collocation (Hairer and Wanner, Solving ODEs II,
/// Sec. IV.5: c = (1/3, 1), A = [[5/12, -1/12], [3/4, 1/4]], order 3, L-stable and stiffly accurate): each equation is
/// linear, y' = -a(z) y + f(z), and the system triangular (the N_i first, their stage values feeding the sources), so a
/// step is a 2x2 linear solve per equation.
let internal flavouredReferenceWith (rates: Decaying -> float -> float * float) (ns: Decaying list) zmin zmax steps =
    let k2 (x: float) : float = ModelDsl.Symbolics.Functions.BesselK2Function.Value x
    let d n z = fst (rates n z)
    let w n z = snd (rates n z)
    let neq n z = 3.0 / 8.0 * (n.R * z) ** 2.0 * k2 (n.R * z)
    // the stages (Y1, Y2) of y' = -a y + f with a, f at z0 + h/3 (a1, f1) and z0 + h (a2, f2)
    let stages y0 h a1 f1 a2 f2 =
        let m11, m12, r1 = 1.0 + 5.0 / 12.0 * h * a1, -1.0 / 12.0 * h * a2, y0 + h * (5.0 / 12.0 * f1 - 1.0 / 12.0 * f2)
        let m21, m22, r2 = 3.0 / 4.0 * h * a1, 1.0 + 1.0 / 4.0 * h * a2, y0 + h * (3.0 / 4.0 * f1 + 1.0 / 4.0 * f2)
        let det = m11 * m22 - m12 * m21
        (r1 * m22 - m12 * r2) / det, (m11 * r2 - m21 * r1) / det
    let du = (log zmax - log zmin) / float steps
    let nn = Array.zeroCreate (List.length ns)
    let na = Array.zeroCreate 3
    let mutable z0 = zmin
    for step in 1 .. steps do
        let z2 = if step = steps then zmax else zmin * exp (float step * du)
        let h = z2 - z0
        let z1 = z0 + h / 3.0
        // per neutrino: D, Neq, W at the two stages and its stage values
        let st =
            ns |> List.mapi (fun i n ->
                let d1, d2, e1, e2 = d n z1, d n z2, neq n z1, neq n z2
                let y1, y2 = stages nn.[i] h d1 (d1 * e1) d2 (d2 * e2)
                nn.[i] <- y2
                n, d1 * (y1 - e1), d2 * (y2 - e2), w n z1, w n z2)
        for f in 0 .. 2 do
            let a1 = st |> List.sumBy (fun (n, _, _, w1, _) -> n.P.[f] * w1)
            let a2 = st |> List.sumBy (fun (n, _, _, _, w2) -> n.P.[f] * w2)
            let f1 = st |> List.sumBy (fun (n, s1, _, _, _) -> n.Eps.[f] * s1)
            let f2 = st |> List.sumBy (fun (n, _, s2, _, _) -> n.Eps.[f] * s2)
            na.[f] <- snd (stages na.[f] h a1 f1 a2 f2)
        z0 <- z2
    Array.copy na


/// ULYSSES's examples/1N1F.dat as it is (one 'key value' per line), plus the two v3 splitting keys of the NuFIT 6.0 card.
let private ulyssesCard1N1F =
    "m -100\nM1 14\nM2 15\nM3 16\nx1 180\ny1 1.4\nx2 180\ny2 11.2\nx3 180\ny3 11\ndelta 270\na21 0\na31 0\nt23 49.7\nt12 33.82\nt13 8.610000\n"

/// eta_B of a system solved (rtol 1e-10) at the point of a ULYSSES parameter file read by UlyssesCard and bound to the
/// model of a shipped card (whose values it replaces).
let private ulyssesFileEtaB (text: string) (name: string) card system =
    let read = UlyssesCard.Read(Text.SourceText.From(text, name))
    Expect.isEmpty read.Diagnostics "no diagnostics"
    let m = numeric card
    let struct (point, diagnostics) = read.Bind(m.Spec)
    Expect.isNotNull point (Diagnostics.DiagnosticPrinter.FormatAll diagnostics)
    let s = m.WithPoint(point).Model.Solve(system, SystemSolveOptions(RelativeTolerance = 1e-10)).Solution
    Expect.isTrue s.Succeeded s.Message
    s.Output "eta_B"

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

/// The Casas-Ibarra h of testpars (samples/ulysses/testpars.card) from the builtin, in radians and GeV.
let private testparsH () =
    let deg = Math.PI / 180.0
    let z (x: float) (y: float) = scalar (Complex(x * deg, y * deg))
    let ci =
        callBuiltin [ "m_lightest", scalar (Complex(10.0 ** -0.60206 * 1e-9, 0.0)); "M", vector [| 1e11; 1e12; 1e15 |]
                      "dm2_sol", scalar (Complex(7.537e-5 * 1e-18, 0.0)); "dm2_atm", scalar (Complex(2.521e-3 * 1e-18, 0.0))
                      "inverted", scalar Complex.Zero; "t12", scalar (Complex(33.63 * deg, 0.0)); "t13", scalar (Complex(8.52 * deg, 0.0))
                      "t23", scalar (Complex(48.7 * deg, 0.0)); "delta", scalar (Complex(270.0 * deg, 0.0))
                      "a21", scalar Complex.Zero; "a31", scalar Complex.Zero; "z1", z 45.0 45.0; "z2", z 45.0 45.0; "z3", z 45.0 45.0
                      "v", scalar (Complex(174.0, 0.0)) ]
    ci.Array "h"

/// The decaying neutrinos of testpars for the reference, written here from h: K_i = (h^dagger h)_ii v^2/(M_i m_*),
/// p_ia = |h[a,i]|^2/(h^dagger h)_ii and the flavoured CP asymmetry in the Covi-Roulet-Vissani form (hep-ph/9605319;
/// arXiv:2007.09150 eq. (3.3)): eps_i,aa = 3/(16 pi (h^dagger h)_ii) sum_{j != i} { Im[(h^dagger h)_ij h_aj h*_ai] (M_i/M_j)
/// f1(M_j/M_i) + (2/3)/(M_j^2/M_i^2 - 1) Im[(h^dagger h)_ji h_aj h*_ai] }, f1(x) = (2/3) x^2 [(1 + x^2) ln((1 + x^2)/x^2)
/// - (2 - x^2)/(1 - x^2)] (1 for x >= 1e4 as ULYSSES; the logarithm as an accurate ln(1 + 1/x^2): ULYSSES's
/// ln((1 + x^2)/x^2) loses about 5e-5 of f1(1e3) to the cancellation in the bracket).
let internal testparsNeutrinos (which: int list) =
    let h = testparsH ()
    let m = [| 1e11; 1e12; 1e15 |]
    let hh i j = Seq.fold (+) Complex.Zero (seq { for a in 0 .. 2 -> Complex.Conjugate h.[a, i] * h.[a, j] })
    // ln(1 + y) to full precision for small y (Goldberg, ACM Comput. Surv. 23 (1991) 5, Theorem 4; .NET's LogP1 is ln(1 + y))
    let log1p y = let u = 1.0 + y in if u = 1.0 then y else log u * y / (u - 1.0)
    let f1 x = if x >= 1e4 then 1.0 else 2.0 / 3.0 * x * x * ((1.0 + x * x) * log1p (1.0 / (x * x)) - (2.0 - x * x) / (1.0 - x * x))
    [ for i1 in which ->
        let i = i1 - 1
        let hd = (hh i i).Real
        let eps a =
            3.0 / (16.0 * Math.PI * hd) * Seq.sum (seq {
                for j in 0 .. 2 do
                    if j <> i then
                        let x = m.[j] / m.[i]
                        yield (hh i j * h.[a, j] * Complex.Conjugate h.[a, i]).Imaginary * m.[i] / m.[j] * f1 x
                              + 2.0 / 3.0 / (x * x - 1.0) * (hh j i * h.[a, j] * Complex.Conjugate h.[a, i]).Imaginary })
        { R = m.[i] / m.[0]; K = hd * 174.0 * 174.0 / m.[i] / 1e-12
          Eps = Array.init 3 eps; P = Array.init 3 (fun a -> h.[a, i].Magnitude ** 2.0 / hd) } ]

/// The solution's N_ee, N_mumu, N_tautau and eta_B against the reference with the given neutrinos decaying. The
/// reference's error (third order in the step) is measured by halving the step: below 1e-9 relative at 4e5 steps, so
/// 1e-8 covers it and the solver's relative error at rtol 1e-10. The libraries keep every abundance to ULYSSES's absolute
/// tolerance 1e-14 per step, which for N_mumu = -3.6e-9 on testpars is 3e-6 of it: there the solver's global error is
/// bound by atol, not rtol (measured: 5e-17 at any rtol from 1e-10 to 1e-12, and 4e-20 with atol 1e-18), so each
/// abundance is compared to 1e-8 relative plus 1e-16 (1 % of atol) absolute. Returns the reference's N_aa. `rates` as
/// for `flavouredReferenceWith`.
let internal flavouredCheckWith rates (s: SystemSolution) which =
    let ns = testparsNeutrinos which
    let coarse = flavouredReferenceWith rates ns 0.1 100.0 200000
    let fine = flavouredReferenceWith rates ns 0.1 100.0 400000
    for f, name in [ 0, "Nee_end"; 1, "Nmumu_end"; 2, "Ntautau_end" ] do
        Expect.floatClose { absolute = 0.0; relative = 1e-9 } coarse.[f] fine.[f] $"reference converged ({name})"
        Expect.floatClose { absolute = 1e-16; relative = 1e-8 } (s.Output name) fine.[f] name
    Expect.floatClose { absolute = 0.013 * 1e-16; relative = 1e-8 } (s.Output "eta_B") (0.013 * Array.sum fine) "eta_B"
    fine

/// `flavouredCheckWith` with the decays and inverse decays alone.
let private flavouredCheck s which = flavouredCheckWith decayRates s which

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
        // 1e-13 of rtol 1e-13 with atol 1e-20 (measured). Rodas5P's global error here is ~0.1 rtol (1.1e-8 on this card).
        // The step bound says the solve stays cheap: 692 accepted steps measured with N_1 - N_1,eq at atol 1e-18 (537 with N_1
        // as the unknown; docs/ulysses.md, "Deviations from equilibrium").
        test "1N1F: rtol 1e-7 gives eta_B equal to the rtol 1e-12 solution to 1e-6 relative, in fewer than 800 steps" {
            let m = numeric "1N1F.card"
            let solve rtol = m.Solve("be.be", SystemSolveOptions(RelativeTolerance = rtol, Samples = 0)).Solution
            let fast, reference = solve 1e-7, solve 1e-12
            Expect.isTrue (fast.Succeeded && reference.Succeeded) $"{fast.Message} {reference.Message}"
            Expect.floatClose { absolute = 0.0; relative = 1e-6 } (fast.Output "eta_B") (reference.Output "eta_B") "eta_B(rtol 1e-7)"
            Expect.isLessThan fast.Steps 800 "accepted steps at rtol 1e-7"
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
            // 10^14 and 1e14 are the same double; m_lightest (1e-109 GeV) enters only squared next to dm2 ~ 1e-22 GeV^2
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } (ulyssesFileEtaB ulyssesCard1N1F "1N1F.dat" "1N1F.card" "be.be") (etaB "1N1F.card" 1e-10) "eta_B"
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

        // 1DME (models/lib/leptogenesis/1DME.mdl). ULYSSES integrates it with odeintw's defaults (rtol = atol = 1.5e-8 on
        // abundances of 1e-9 to 1e-7 here), so its printed value carries about 1e-4 relative, and the issue asks for 1 %
        test "1DME on testpars (v3 splittings): eta_B within 1 % of ULYSSES's published -1.020334e-09" {
            let s = dmeSolution "testpars.card" [||] 1e-10
            Expect.floatClose { absolute = 0.0; relative = 0.01 } (s.Output "eta_B") publishedDmeEtaB "eta_B"
        }
        // m_1 = 0.25 eV >> sqrt(dm2_atm): the splittings move the masses by < 1e-2 relative and eta_B less; the published
        // value's own accuracy (odeintw's 1.5e-8 tolerances, above) is the bound for all three sets
        test "1DME on testpars with the NuFIT 6.0 and v2.0.2 splittings: eta_B within 1e-4 of the published value" {
            for sets in [ [| "dm2_sol = 7.49e-5"; "dm2_atm = 2.513e-3" |]; [| "dm2_sol = 7.42e-5"; "dm2_atm = 2.515e-3" |] ] do
                let s = dmeSolution "testpars.card" sets 1e-10
                Expect.floatClose { absolute = 0.0; relative = 1e-4 } (s.Output "eta_B") publishedDmeEtaB (String.Join(", ", sets))
        }
        // rtol bounds the local error; the global error of eta_B is a small multiple of rtol 1e-8: 1e-6 is the issue's bound
        test "1DME on testpars: eta_B at rtol 1e-8 equals eta_B at rtol 1e-10 to 1e-6 relative" {
            Expect.floatClose { absolute = 0.0; relative = 1e-6 } ((dmeSolution "testpars.card" [||] 1e-8).Output "eta_B")
                ((dmeSolution "testpars.card" [||] 1e-10).Output "eta_B") "eta_B(rtol)"
        }
        // The diagonal of the Hermitian eps_ab of 1DME is the eps_aa of 1BE1F written in its combined form: the same numbers
        // up to rounding (the two forms add the same products in a different order). On testpars (M_3/M_1 = 1e4 exactly,
        // where ULYSSES sets f1 = 1 and 1BE1F.mdl keeps the formula) against the Covi-Roulet-Vissani form written here:
        // there M_3/M_2 = 1e3, where the bracket of f1 is 1.5/x^2 = 1.5e-6 left of two terms of order 1, so f1 (in any
        // double form) carries 2e-16/1.5e-6 ~ 1.5e-10 relative: 1e-9 for testpars.
        test "1-3DME: the diagonal of eps_i,ab equals the flavoured eps_i,aa (1e-12 on 1N1F, 1e-9 on testpars)" {
            let k = kernels "1N1F.card"
            for f in [ "ee"; "mumu"; "tautau" ] do
                let be = k.["be.eps_" + f].Real
                for kernel in [ "dme.eps_" + f; "dme2.eps1_" + f; "dme3.eps1_" + f ] do
                    Expect.floatClose { absolute = 0.0; relative = 1e-12 } k.[kernel].Real be $"1N1F {kernel}"
            let k = kernels "testpars.card"
            for n in testparsNeutrinos [ 1; 2; 3 ] |> List.indexed do
                let i, d = n
                for a, f in [ 0, "ee"; 1, "mumu"; 2, "tautau" ] do
                    let kernels = if i = 0 then [ "dme.eps_" + f; "dme2.eps1_" + f; "dme3.eps1_" + f ] elif i = 1 then [ "dme2.eps2_" + f; "dme3.eps2_" + f ] else [ "dme3.eps3_" + f ]
                    for kernel in kernels do
                        Expect.floatClose { absolute = 0.0; relative = 1e-9 } k.[kernel].Real d.Eps.[a] $"testpars {kernel}"
        }
        test "1DME with offdiagonal = 0 equals the flavoured Boltzmann equations integrated independently (1e-8 per flavour)" {
            let s = dmeSolution "testpars.card" [| "offdiagonal = 0" |] 1e-10
            let fine = flavouredCheck s [ 1 ]
            // and the off-diagonal entries matter at this point (M_1 = 1e11 GeV: the tau is only partly decoherent)
            let full = (dmeSolution "testpars.card" [||] 1e-10).Output "eta_B"
            Expect.isGreaterThan (abs (full - 0.013 * Array.sum fine)) (0.1 * abs full) "the density matrix differs from its diagonal"
        }
        test "2DME and 3DME with offdiagonal = 0 equal the flavoured Boltzmann equations of N_1..N_n integrated independently (1e-8)" {
            for system, n in [ "dme2.dme", 2; "dme3.dme", 3 ] do
                let s = (numericWith "testpars.card" [| "offdiagonal = 0" |]).Solve(system, SystemSolveOptions(RelativeTolerance = 1e-10)).Solution
                Expect.isTrue s.Succeeded s.Message
                flavouredCheck s [ 1 .. n ] |> ignore
        }
        // N_3 (M_3/M_1 = 1e4) is Boltzmann suppressed over the whole range (x_3 >= 1e3: N_3 = N_3,eq = 0 in doubles), so
        // it changes nothing: 3DME equals 2DME to the solvers' error
        test "3DME equals 2DME on testpars, where N_3 is Boltzmann suppressed from z_min on (1e-8)" {
            let solve system =
                let s = (numeric "testpars.card").Solve(system, SystemSolveOptions(RelativeTolerance = 1e-10)).Solution
                Expect.isTrue s.Succeeded s.Message
                s.Output "eta_B"
            Expect.floatClose { absolute = 0.0; relative = 1e-8 } (solve "dme3.dme") (solve "dme2.dme") "eta_B"
        }
        test "2DME and 3DME on testpars: eta_B at rtol 1e-8 equals eta_B at rtol 1e-10 to 1e-6 relative" {
            for system in [ "dme2.dme"; "dme3.dme" ] do
                let solve rtol =
                    let s = (numeric "testpars.card").Solve(system, SystemSolveOptions(RelativeTolerance = rtol)).Solution
                    Expect.isTrue s.Succeeded s.Message
                    s.Output "eta_B"
                Expect.floatClose { absolute = 0.0; relative = 1e-6 } (solve 1e-8) (solve 1e-10) system
        }
        // ULYSSES's low-mass points (M_1 = 10^6.7 GeV, K_2 ~ 2.6e7, Gamma_tau ~ 1e5): the washout of N_ab couples every
        // off-diagonal entry to the diagonal with entries of 1e5 in the iteration matrix, the regime where partial pivoting
        // made these sets stop with TooManySteps (src/ModelDsl.Numerics/Linear/DenseLu.cs). Without the off-diagonal entries
        // the equations are the shipped 2BE3F's (models/lib/leptogenesis/2BE3F.mdl): the same eta_B to the solvers' error
        test "2DME and 3DME with offdiagonal = 0 equal the shipped 2BE3F on ULYSSES's 1N3F and 2N3F cards (1e-8)" {
            for card in [ "1N3F.card"; "2N3F.card" ] do
                let be = (numeric card).Solve("be23.be", SystemSolveOptions(RelativeTolerance = 1e-10)).Solution
                Expect.isTrue be.Succeeded be.Message
                for system in [ "dme2.dme"; "dme3.dme" ] do
                    let s = (numericWith card [| "offdiagonal = 0" |]).Solve(system, SystemSolveOptions(RelativeTolerance = 1e-10)).Solution
                    Expect.isTrue s.Succeeded $"{card} {system}: {s.Message}"
                    Expect.floatClose { absolute = 0.0; relative = 1e-8 } (s.Output "eta_B") (be.Output "eta_B") $"{card} {system}"
        }
        test "ULYSSES card: samples/ulysses/testpars.dat read as it is gives the same 1DME eta_B as testpars.card (1e-12)" {
            let path = Path.Combine(repoRoot, "samples", "ulysses", "testpars.dat")
            // the card writes 10^-0.60206 eV as the double nearest to it; the reader computes 10^m: equal to 1e-15
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } (ulyssesFileEtaB (File.ReadAllText path) path "testpars.card" "dme.dme")
                ((dmeSolution "testpars.card" [||] 1e-10).Output "eta_B") "eta_B"
        }
        // The setting of the speed benchmarks (bench/ModelDsl.Bench/UlyssesSetBenchmarks.cs): rtol 1e-7 with the specs'
        // atol 1e-14 is "the accuracy ULYSSES reaches" of issue 12, eta_B to 1e-6 relative, on every shipped card of every
        // set (measured at worst 2e-7 against rtol 1e-11, docs/ulysses.md "Accuracy against rtol"); the reference here is
        // rtol 1e-10, whose own error (below 1e-8 on these cards) is far inside the bound
        test "every set on every shipped card: eta_B at rtol 1e-7 within 1e-6 of rtol 1e-10 (the benchmarks' setting)" {
            let cards = Directory.GetFiles(Path.Combine(repoRoot, "samples", "ulysses"), "*.card") |> Array.sort
            for card in cards do
                let m = numeric (Path.GetFileName card)
                for system in [ "be.be"; "be12.be"; "be13.be"; "be21.be"; "be22.be"; "be23.be"; "dme.dme"; "dme2.dme"; "dme3.dme"
                                "dme3s.dme"; "res.be"; "ressp.be"; "resmix.be" ] do
                    let solve rtol =
                        let s = m.Solve(system, SystemSolveOptions(RelativeTolerance = rtol, Samples = 0)).Solution
                        Expect.isTrue s.Succeeded $"{card} {system}: {s.Message}"
                        s.Output "eta_B"
                    Expect.floatClose { absolute = 0.0; relative = 1e-6 } (solve 1e-7) (solve 1e-10) $"{Path.GetFileName card} {system}"
        }
        test "every card in samples/ulysses solves every system through the CLI (be.be, dme.dme, dme2.dme, dme3.dme)" {
            let cards = Directory.GetFiles(Path.Combine(repoRoot, "samples", "ulysses"), "*.card") |> Array.sort
            Expect.isGreaterThanOrEqual cards.Length 3 "the shipped cards"
            for card in cards do
                for system in [ "be.be"; "dme.dme"; "dme2.dme"; "dme3.dme" ] do
                    let rel = Path.GetRelativePath(repoRoot, card)
                    let r = runCli [ "solve"; "models/ulysses-typei.mdl"; "--card"; rel; "--system"; system ]
                    Expect.equal r.ExitCode 0 $"{rel} {system}:\n{r.Stdout}\n{r.Stderr}"
                    Expect.stringContains r.Stdout "eta_B" $"{rel} {system}"
        }
    ]
