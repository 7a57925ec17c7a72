/// Seed 001's Boltzmann equations as written in models/seesaw-z3.mdl (system trl), solved at the strong-washout card
/// (samples/trl/strong-washout.card: a = b = c = 1e-4, unperturbed texture, tri-resonant point): known limits, Section 5's
/// approximate solutions, stability under z0 and rtol, and the facts the paper states (trl-formulas.md "Corrections";
/// issue 10). The equations are [R]/[D]: only internal consistency and the paper's qualitative statements are tested.
module ModelDsl.Tests.Kernels.TrlBoltzmannTests

open System
open System.IO
open Expecto
open ModelDsl
open ModelDsl.Kernels.Systems
open ModelDsl.Tests.TestSupport

let private spec = modelPath "seesaw-z3.mdl"
let private card = Path.Combine(repoRoot, "samples", "trl", "strong-washout.card")
/// One compilation: the system is compiled once and shared by every point.
let private compilation = lazy ModelCompilation.FromFile spec

let private model (sets: string list) =
    let r = compilation.Value.CreateNumeric(card, Array.ofList sets)
    match r.Model with
    | null -> failtestf "card errors:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | m -> m

let private solveWith (options: SystemSolveOptions) (sets: string list) =
    let r = (model sets).Solve("trl", options)
    match r.Solution with
    | null -> failtestf "not compiled:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | s ->
        if not s.Succeeded then failtestf "solve failed at %A: %s" sets s.Message
        s

let private solve = solveWith (SystemSolveOptions(Samples = 0))

let private kernel (sets: string list) name =
    (model sets).Evaluate().Values |> Seq.find (fun v -> v.Name = name) |> fun v -> v.Value.Real

/// The paper's convention: eta_B with constant g* is positive. The spec's eta_B = -(28/51) d eta_L is negative for this
/// texture (eps > 0 makes eta_L > 0), so the paper's eta_B is -eta_B here (the CP-conjugate model, omega -> omega*).
let private paperEtaB (mass: float) dofs =
    -(solve [ $"mN={mass} GeV"; $"dofs={dofs}" ]).Output "eta_B"

/// Decays and inverse decays only, no back-reaction, constant g*: the simplifications of Section 5.
let private section5 = [ "scatterings=false"; "washout_dl2=false"; "backreaction=false"; "dofs=g_const" ]

[<Tests>]
let tests =
    testList "Kernels/TRL Boltzmann" [
        test "a program compiled for its switches reads one g* table and no switched-off term, and solves as the program that tests them does" {
            let m = model [ "washout_dl2=false" ]
            let folded, problem = m.Kernels.System("trl", m.Point)
            Expect.isNotNull folded $"compiled: {problem}"
            let unswitched, problem = SystemProgram.Create(m.Kernels, m.Kernels.Spec.Systems |> Seq.find (fun s -> s.Name = "trl"))
            Expect.isNotNull unswitched $"compiled: {problem}"
            Expect.isLessThan folded.CallOperations unswitched.CallOperations "the folded program does less per call"
            let etaB (p: SystemProgram) = (SystemSolver.Solve(p, m.Point, SystemSolveOptions(Samples = 0))).Output "eta_B"
            // the same equations, differently rounded: the adaptive solves agree far inside rtol 1e-8's global error
            Expect.floatClose { absolute = 0.0; relative = 1e-8 } (etaB folded) (etaB unswitched) "eta_B"
        }
        test "the strong-washout card: K = Gamma_N1/H(m_N) with tree widths is 8.49e5 (g* = 106.75) and 8.58e5 (HP model C)" {
            // independent values: docs/scripts/trl_rates_reference.py (mpmath): Gamma = 3 a^2 m/(8 pi), H of (4.21)
            let tree = [ "resummed_widths=false" ]
            Expect.floatClose { absolute = 0.0; relative = 1e-3 } (kernel (tree @ [ "dofs=g_const" ]) "K_N1") 8.490e5 "constant g*"
            Expect.floatClose { absolute = 0.0; relative = 1e-3 } (kernel (tree @ [ "dofs=hp_c" ]) "K_N1") 8.583e5 "HP-C"
        }

        test "(5.4): without back-reaction delta eta_N follows the attractor 1/(K z - 1) to 1e-3 from z = 10 z_1 on" {
            let s = solveWith (SystemSolveOptions(Samples = 200)) section5
            let k = kernel section5 "K_N1"
            let z1 = kernel section5 "z1_approx"
            let j = s.Unknowns.IndexOf "dN1"
            let ratios =
                [ for i in 0 .. s.Samples.Length - 1 do
                    let z = s.Samples[i]
                    if z >= 10.0 * z1 then yield z, s.State(i, j) * (k * z - 1.0) ]
            Expect.isGreaterThan ratios.Length 50 "samples beyond 10 z_1"
            let worst = ratios |> List.maxBy (fun (_, r) -> abs (r - 1.0))
            printfn "attractor (5.4): K_N1 = %.4g, z_1 = %.4g; largest |dN1 (K z - 1) - 1| = %.2e at z = %.3g" k z1 (abs (snd worst - 1.0)) (fst worst)
            // the neglected d(dN)/dz gives a relative correction K2/(K1 K z^2): 5e-4 at z = 10 z_1 for K = 7e5
            Expect.isLessThan (abs (snd worst - 1.0)) 1e-3 "attractor"
        }

        test "(5.9)/(5.14): in strong washout eta_L(z_sph) is the attractor A/(B z_sph) to 1e-4 (decays only, delta_h = 1)" {
            let s = solve section5
            let approx = kernel section5 "etaB_approx"
            let numeric = s.Output "eta_B"
            printfn "(5.14) at 1 TeV: etaB_approx = %.6g, numerical = %.6g, ratio %.6f; z1 = %.4g, z2 = %.4g, zf = %.4g, z_sph = %.4g"
                approx numeric (numeric / approx) (kernel section5 "z1_approx") (kernel section5 "z2_approx") (kernel section5 "zf_approx") (1000.0 / 132.0)
            // z_f > z_sph here, so (5.14) applies: the neglected d(eta_L)/dz is 1/(B z^4 K1(z)) ~ 1e-5 of the washout at z_sph
            Expect.floatClose { absolute = 0.0; relative = 1e-4 } numeric approx "eta_B"
        }

        test "(5.12)-(5.13): at 5 TeV (z_f < z_sph) the freeze-out estimate A/(B z_f) gives eta_B to within 30%" {
            let sets = section5 @ [ "mN=5 TeV" ]
            let approx = kernel sets "etaB_approx"
            let numeric = (solve sets).Output "eta_B"
            printfn "(5.13) at 5 TeV: etaB_approx = %.6g, numerical = %.6g, ratio %.4f; zf = %.4g, z_sph = %.4g" approx numeric (numeric / approx) (kernel sets "zf_approx") (5000.0 / 132.0)
            // a freeze-out estimate: eta_L = A/(B z_f) with z_f from two fixed-point iterations (a few per cent, the paper
            // says) and a sudden freeze-out; the exponential tail of the washout after z_f is left out, hence the loose bound
            Expect.isLessThan (abs (numeric / approx - 1.0)) 0.3 "eta_B"
        }

        test "eta_B changes by less than 1e-6 between z0 = 1e-4 and 1e-2, and between rtol 1e-8 and 1e-10" {
            let at z0 rtol = (solveWith (SystemSolveOptions(RelativeTolerance = rtol, Samples = 0)) [ $"z0={z0}" ]).Output "eta_B"
            let reference = at 1e-3 1e-10
            for z0, rtol in [ 1e-4, 1e-8; 1e-2, 1e-8; 1e-3, 1e-8 ] do
                let v = at z0 rtol
                printfn "z0 = %g, rtol = %g: eta_B = %.10g (relative change %.2e)" z0 rtol v (abs (v / reference - 1.0))
                Expect.floatClose { absolute = 0.0; relative = 1e-6 } v reference $"z0 = {z0}, rtol = {rtol}"
        }

        test "with a constant g* the delta_h terms vanish exactly (at every sample of the evolution)" {
            let s = solveWith (SystemSolveOptions(Samples = 50)) [ "dofs=g_const" ]
            let k = s.OutputNames.IndexOf "heff_term"
            for i in 0 .. s.Samples.Length - 1 do
                Expect.equal (s.OutputAt(i, k)) 0.0 $"3 (delta_h - 1)/z at z = {s.Samples[i]}"
            let varying = solveWith (SystemSolveOptions(Samples = 50)) [ "dofs=hp_c" ]
            Expect.isTrue ([ 0 .. 49 ] |> List.exists (fun i -> varying.OutputAt(i, k) <> 0.0)) "HP-C has them"
        }

        test "the paper's facts in strong washout (10 GeV .. 5 TeV): varying g* lowers eta_B, flips its sign at low mass (HP-C and GG only), HP-C twice GG" {
            let masses = [ 10.0; 20.0; 30.0; 50.0; 100.0; 300.0; 1000.0; 5000.0 ]
            let table = [ for m in masses -> m, paperEtaB m "g_const", paperEtaB m "hp_c", paperEtaB m "gg" ]
            for m, c, h, g in table do
                printfn "m_N = %6g GeV: eta_B (paper's sign) constant g* %.4e, HP-C %.4e, GG %.4e; 1 - eta/eta_const: HP-C %.3f, GG %.3f"
                    m c h g (1.0 - h / c) (1.0 - g / c)
                Expect.isGreaterThan c 0.0 $"constant g* keeps eta_B > 0 at {m} GeV"
                Expect.isLessThan h c $"HP-C below constant g* at {m} GeV"
                Expect.isLessThan g c $"GG below constant g* at {m} GeV"
            // the sign flips below a few tens of GeV for the varying tables only: find the flip masses by bisection in ln m
            let flip dofs =
                let mutable lo, hi = log 10.0, log 1000.0
                Expect.isLessThan (paperEtaB 10.0 dofs) 0.0 $"{dofs}: negative at 10 GeV"
                Expect.isGreaterThan (paperEtaB 1000.0 dofs) 0.0 $"{dofs}: positive at 1 TeV"
                for _ in 1 .. 14 do
                    let mid = 0.5 * (lo + hi)
                    if paperEtaB (exp mid) dofs < 0.0 then lo <- mid else hi <- mid
                exp (0.5 * (lo + hi))
            let flipC, flipG = flip "hp_c", flip "gg"
            printfn "sign flip of eta_B: HP-C at m_N = %.2f GeV, Gondolo-Gelmini at %.2f GeV (bisection to 0.03%%)" flipC flipG
            Expect.isTrue (flipC > 10.0 && flipC < 100.0 && flipG > 10.0 && flipG < 100.0) "below a few tens of GeV"
            Expect.isGreaterThan flipC flipG "HP-C, with the larger delta_h, flips at the higher mass"
            // HP-C reduces eta_B about twice as much as GG (1 - eta/eta_const) at low mass
            for m, c, h, g in table |> List.filter (fun (m, _, _, _) -> m >= 50.0 && m <= 100.0) do
                let ratio = (1.0 - h / c) / (1.0 - g / c)
                Expect.isTrue (ratio > 1.5 && ratio < 2.5) $"about a factor 2 at {m} GeV: {ratio}"
        }

        test "the compiled Jacobian and df/d ln z of the TRL system agree with central finite differences" {
            let m = model [ "dofs=hp_c" ]
            let program = m.Kernels.System("trl", m.Point, ref null)
            let instance = SystemInstance.Create(program, m.Point, ref null)
            let n = instance.Dimension
            let rnd = Random 3
            let f (t: float) (y: float[]) =
                let out = Array.zeroCreate n
                instance.Evaluate(t, ReadOnlySpan y, Span out)
                out
            for _ in 1 .. 20 do
                // ln z between 0.1 and z_sph, away from the table edge at z = 0.079 (a kink in z)
                let t = Math.Log 0.1 + (Math.Log 7.5 - Math.Log 0.1) * rnd.NextDouble()
                let y = Array.init n (fun i -> (if i < 3 then 1e-6 else 1e-7) * (2.0 * rnd.NextDouble() - 0.5))
                let jac = Array.zeroCreate (n * n)
                let dfdt = Array.zeroCreate n
                instance.Jacobian(t, ReadOnlySpan y, Span jac, Span dfdt)
                let largest = jac |> Array.map abs |> Array.max
                for j in 0 .. n - 1 do
                    let h = 1e-4 * max (abs y[j]) 1e-9
                    let yp, ym = Array.copy y, Array.copy y
                    yp[j] <- y[j] + h
                    ym[j] <- y[j] - h
                    let fp, fm = f t yp, f t ym
                    for i in 0 .. n - 1 do
                        // f is nearly linear in the unknowns: the central difference is exact up to the rounding of f
                        Expect.floatClose { absolute = 1e-7 * largest; relative = 1e-6 } jac[i * n + j] ((fp[i] - fm[i]) / (2.0 * h)) $"J[{i},{j}] at ln z = {t}"
                let h = 1e-5
                let fp, fm = f (t + h) y, f (t - h) y
                for i in 0 .. n - 1 do
                    // O(h^2 f''') of a smooth f: 1e-10 relative; the g* splines have continuous first derivatives
                    Expect.floatClose { absolute = 1e-9 * abs fp[i]; relative = 1e-5 } dfdt[i] ((fp[i] - fm[i]) / (2.0 * h)) $"df/du[{i}] at ln z = {t}"
        }

        test "the fitted texture (fit = true) solves too, and the exact dilution h_eff(T0)/h_eff(T_sph) rescales eta_B by 27 d" {
            let fitted = (solve [ "fit=true" ]).Output "eta_B"
            Expect.isTrue (Double.IsFinite fitted && fitted <> 0.0) $"eta_B with the fit: {fitted}"
            let plain = (solve []).Output "eta_B"
            let exact = (solve [ "exact_dilution=true" ]).Output "eta_B"
            // d = h_eff(T0)/h_eff(132 GeV): T0 lies below the HP-C table, whose first value 3.9138369 holds there; h_eff at
            // 132 GeV read from data/dof/hindmarsh_philipsen_C.dat by linear interpolation in ln-ln between its rows
            // (0.025 dex apart: about 1e-4 from the spline)
            let rows =
                IO.File.ReadAllLines(Path.Combine(repoRoot, "data", "dof", "hindmarsh_philipsen_C.dat"))
                |> Array.filter (fun l -> not (l.StartsWith "#") && l.Trim() <> "")
                |> Array.map (fun l -> l.Split(' ', StringSplitOptions.RemoveEmptyEntries) |> fun c -> float c[0], float c[1])
            let k = rows |> Array.findIndex (fun (t, _) -> t > 132.0)
            let (t0, h0), (t1, h1) = rows[k - 1], rows[k]
            let heff132 = exp (log h0 + (log h1 - log h0) * (log 132.0 - log t0) / (log t1 - log t0))
            let d = 3.9138369 / heff132
            printfn "exact dilution d = %.6f = 1/%.3f; eta_B = %.6g against %.6g with d = 1/27; with the fit %.6g" d (1.0 / d) exact plain fitted
            Expect.floatClose { absolute = 0.0; relative = 1e-3 } (exact / plain) (27.0 * d) "eta_B scales with d"
        }

        test "the spec's collision integrals against mpmath: I_s, I_t and the Delta L = 2 integral J at z = 0.1, 1, 10" {
            // docs/scripts/trl_rates_reference.py (mpmath, 20 digits, written in x = s/m^2 independently of the spec's forms);
            // c_L = (3 0.65^2 + 0.36^2)/32 = 0.043659375, degenerate masses
            let reference =
                [ "I_s", [ 3902.51728213153; 1.95896898360463; 2.09430497981023e-7 ]
                  "I_t", [ 3415.25649097821; 4.25425995534774; 1.70067059094754e-5 ]
                  "J_dl2", [ 7832.54921742034; 4.7340082687448; 0.00101664882454124 ] ]
            let zs = [ "0.1"; "1"; "10" ]
            // a probe system beside trl reads the spec's own defines through the tables the compiler builds
            let outputs =
                [ for name, _ in reference do
                    for k, z in List.indexed zs -> $"    output {name}_{k} = {name}(z) at {z}" ]
            let probe = "\nsystem probe {\n    variable z from 0.05 to 20 log\n    state q : real = 0\n    d(q)/dz = 0\n" + String.Join("\n", outputs) + "\n}\n"
            let c = ModelCompilation.Create(IO.File.ReadAllText spec + probe, spec)
            Expect.isEmpty (c.Diagnostics |> Seq.filter (fun d -> d.IsError)) "binds"
            let m = c.CreateNumeric(card, [||]).Model
            let s = m.Solve("probe", SystemSolveOptions(Samples = 0)).Solution
            Expect.isTrue s.Succeeded s.Message
            for name, values in reference do
                for k, expected in List.indexed values do
                    let v = s.Output $"{name}_{k}"
                    printfn "%s(%s) = %.15g, mpmath %.15g, relative %.1e" name zs[k] v expected (abs (v / expected - 1.0))
                    // the table's measured bound 1e-8 plus the quadratures' 1e-11
                    Expect.floatClose { absolute = 0.0; relative = 2e-8 } v expected $"{name}({zs[k]})"
        }

        test "delta eta_N turns negative near T_sph for light neutrinos with HP-C (not at 1 TeV, not with a constant g*)" {
            let dN1 sets = (solve sets).Output "dN1_sph"
            Expect.isLessThan (dN1 [ "mN=20 GeV"; "dofs=hp_c" ]) 0.0 "20 GeV, HP-C"
            Expect.isGreaterThan (dN1 [ "mN=20 GeV"; "dofs=g_const" ]) 0.0 "20 GeV, constant g*"
            Expect.isGreaterThan (dN1 [ "mN=1 TeV"; "dofs=hp_c" ]) 0.0 "1 TeV, HP-C"
        }
    ]
