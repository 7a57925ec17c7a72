/// models/typei-seesaw.mdl (issue 11): SM + three heavy Majorana neutrinos, hierarchical thermal leptogenesis from derived
/// quantities. Its checks and evaluation through the CLI, and its kernels at samples/typei-seesaw/hierarchical.card against
/// values computed here from the literature's formulas: the PMNS matrix and R built here from their definitions, the
/// Casas-Ibarra Yukawa, the widths, the Davidson-Ibarra bound and asymmetry, the CP asymmetries, K.
module ModelDsl.Tests.Models.TypeISeesawTests

open System
open System.IO
open System.Numerics
open System.Text.Json
open Expecto
open MathNet.Numerics.LinearAlgebra
open ModelDsl
open ModelDsl.Tests.TestSupport

let private specPath = modelPath "typei-seesaw.mdl"
let private cardPath = Path.Combine(repoRoot, "samples", "typei-seesaw", "hierarchical.card")

// The card's numbers, restated (GeV; v is the spec's default 246 GeV, v_174 = v/sqrt2).
let private v = 246.0
let private v174 = v / sqrt 2.0
let private mCard = [| 1e10; 1e11; 1e12 |]
let private mnu = [| 1e-12; 8.7e-12; 50e-12 |]
let private s12, s23, s13, delta, alpha1, alpha2 = 0.55, 0.76, 0.149, -Math.PI / 2.0, 0.0, Math.PI / 3.0
let private w12, w13, w23 = Complex(0.3, 0.4), Complex(0.8, 0.2), Complex(0.5, -0.7)
let private g2, g1 = 0.65, 0.36
let private ye11 = 2.94e-6

let private build (rows: Complex list list) = Matrix<Complex>.Build.DenseOfRows(rows |> List.map List.toSeq)
let private diag (xs: Complex list) = Matrix<Complex>.Build.DenseOfDiagonalArray(List.toArray xs)
let private c (x: float) = Complex(x, 0.0)

/// The PMNS matrix as the PDG writes it, R23 U13(delta) R12, times the project's Majorana phases diag(e^{i alpha1/2},
/// e^{i alpha2/2}, 1) on the right (the convention documented by the pmns builtin, NeutrinoMixing.Pmns); built here from
/// the three rotations, not from the closed form.
let private pmns () =
    let cs (s: float) = sqrt (1.0 - s * s)
    let r23 = build [ [ c 1.0; c 0.0; c 0.0 ]; [ c 0.0; c (cs s23); c s23 ]; [ c 0.0; c (-s23); c (cs s23) ] ]
    let u13 = build [ [ c (cs s13); c 0.0; c s13 * Complex.FromPolarCoordinates(1.0, -delta) ]
                      [ c 0.0; c 1.0; c 0.0 ]
                      [ -(c s13) * Complex.FromPolarCoordinates(1.0, delta); c 0.0; c (cs s13) ] ]
    let r12 = build [ [ c (cs s12); c s12; c 0.0 ]; [ c (-s12); c (cs s12); c 0.0 ]; [ c 0.0; c 0.0; c 1.0 ] ]
    r23 * u13 * r12 * diag [ Complex.FromPolarCoordinates(1.0, alpha1 / 2.0); Complex.FromPolarCoordinates(1.0, alpha2 / 2.0); c 1.0 ]

/// The complex orthogonal R = R23(w23) R13(w13) R12(w12), R_ij(w) with cos w on the diagonal, +sin w at (i,j).
let private orthogonalR () =
    let rot i j (w: Complex) =
        Matrix<Complex>.Build.Dense(3, 3, fun r k ->
            if r = k then (if r = i || r = j then Complex.Cos w else c 1.0)
            elif r = i && k = j then Complex.Sin w
            elif r = j && k = i then -Complex.Sin w
            else c 0.0)
    rot 1 2 w23 * rot 0 2 w13 * rot 0 1 w12

/// The Yukawa h[a,i] of -h bar(L_a) H~ N_i: m_D = h v/sqrt2 = U sqrt(m) R sqrt(M) (Casas, Ibarra, hep-ph/0103065, in the
/// project's convention of seed 000 eq. 4.2: Y = h^dagger = (U sqrt(m) R sqrt(M) sqrt2/v)^dagger).
let private yukawa (masses: float[]) =
    let sq (xs: float[]) = diag [ for x in xs -> c (sqrt x) ]
    (pmns () * sq mnu * orthogonalR () * sq masses).Multiply(c (sqrt 2.0 / v))

/// (h^dagger h)_ij
let private hdh (h: Matrix<Complex>) = h.ConjugateTranspose() * h

/// Reference CP asymmetries from mpmath 1.3.0 at 40 digits (a separate program, written for this test from the papers'
/// formulas in R alone: (h^dagger h)_ij = (2/v^2) sqrt(M_i M_j) (R^dagger diag(m) R)_ij): Covi-Roulet-Vissani (hep-ph/9605319
/// eq. 7-8; 0802.2962 eq. 53) eps_i = (1/(8 pi)) sum_{j != i} Im[(h^dagger h)_ij^2]/(h^dagger h)_ii (f_V(x_j) + f_S(x_j)),
/// x_j = M_j^2/M_i^2, f_V(x) = sqrt(x)(1 - (1 + x) ln((1 + x)/x)), f_S(x) = sqrt(x)/(1 - x); and the Pilaftsis-Underwood
/// resummed form (hep-ph/0309342 eq. 5.5-5.6) with Gamma_j = M_j (h^dagger h)_jj/(8 pi). Keys: M_2, M_3 (M_1 = 1e10 GeV).
let private mpmathEps1 = Map [ (1e11, 1e12), 6.9791177514813635e-7; (1e12, 1e13), 6.9763773212066e-7; (1e13, 1e14), 6.97635022545349e-7 ]
/// eps_i^res - eps_i at the card (mpmath, as above), i = 1, 2, 3, and eps_i.
let private mpmathResMinusCrv = [ 6.9791177514813635e-7, -1.23505947e-19; -6.1107219137814577e-6, 1.132759586e-16; 8.3032072517394987e-7, 5.50897484e-20 ]
/// eps_1^res at M = (1e10, 1e10, 1e12) GeV (mpmath, as above).
let private mpmathEps1ResDegenerate = 6.6596036865683206e-7

/// Davidson-Ibarra (hep-ph/0202239): in the Casas-Ibarra parameterisation and the hierarchical limit, worked out in the
/// project's convention (R's first index light): eps_1 = 3 M_1/(16 pi v_174^2) sum_k m_k^2 Im(R_k1^2)/sum_k m_k |R_k1|^2,
/// independent of M_2, M_3 and U.
let private epsDavidsonIbarra () =
    let r = orthogonalR ()
    let num = Seq.sum (seq { for k in 0..2 -> mnu.[k] ** 2.0 * (r.[k, 0] * r.[k, 0]).Imaginary })
    let den = Seq.sum (seq { for k in 0..2 -> mnu.[k] * r.[k, 0].Magnitude ** 2.0 })
    3.0 * mCard.[0] / (16.0 * Math.PI * v174 * v174) * num / den

/// The spec text (with added kernels) compiled at the card, with `--set` overrides.
let private numericText (text: string) (sets: string[]) =
    let r = ModelCompilation.Create(text, specPath).CreateNumeric(cardPath, sets)
    match r.Model with
    | null -> failtestf "evaluation failed:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | m -> m

/// Kernel values in GeV by name.
let private values (m: NumericModel) = m.Evaluate().Values |> Seq.map (fun k -> k.Name, k.Value) |> Map.ofSeq

/// Kernel values in GeV by name, for the spec text (with added kernels) at the card, with `--set` overrides.
let private evaluateText (text: string) (sets: string[]) = values (numericText text sets)

let private evaluate sets = evaluateText (File.ReadAllText specPath) sets

/// The model with re/im kernels of every entry of the derived m_light added.
let private withLightEntries () =
    File.ReadAllText specPath + "\n" + String.concat "" [ for a in 1..3 do for b in 1..3 -> $"kernel mre{a}{b} = re(m_light[{a},{b}])\nkernel mim{a}{b} = im(m_light[{a},{b}])\n" ]

let private close (tolerance: float) (got: Complex) (want: float) (what: string) =
    Expect.floatClose { absolute = 0.0; relative = tolerance } got.Real want what
    Expect.equal got.Imaginary 0.0 $"{what} is real"

[<Tests>]
let tests =
    testList "Models/TypeISeesaw" [
        test "check: every check holds (exit 0)" {
            let r = runCli [ "check"; "models/typei-seesaw.mdl" ]
            Expect.equal r.ExitCode 0 $"exit code; {r.Stdout}{r.Stderr}"
            Expect.stringContains r.Stdout "All 12 checks hold." "7 anomaly rows and 5 terms"
            Expect.isFalse (r.Stderr.Contains "MDL") $"no diagnostics: {r.Stderr}"
        }
        test "derive prints the derived quantities entry by entry: Gamma_1 = M_1 (Y Y^dagger)_11/(8 pi), MN = diag(M)" {
            let r = runCli [ "derive"; "models/typei-seesaw.mdl" ]
            Expect.equal r.ExitCode 0 $"exit code; {r.Stderr}"
            Expect.stringContains r.Stdout "Gamma[1] = abs(M[1])*abs(Y[1,1])^2/(8*pi) + abs(M[1])*abs(Y[1,2])^2/(8*pi) + abs(M[1])*abs(Y[1,3])^2/(8*pi)" "Gamma_1"
            Expect.stringContains r.Stdout "MN[1,1] = M[1]" "the diagonal Majorana mass"
            Expect.stringContains r.Stdout "(the other 6 entries are 0)" "its zero entries, counted"
        }
        test "eval at its card: exit 0, no diagnostics, every kernel finite (--json)" {
            let r = runCli [ "eval"; "models/typei-seesaw.mdl"; "--card"; "samples/typei-seesaw/hierarchical.card"; "--json" ]
            Expect.equal r.ExitCode 0 $"exit code; {r.Stderr}"
            Expect.isFalse (r.Stderr.Contains "MDL") $"no diagnostics: {r.Stderr}"
            use doc = JsonDocument.Parse r.Stdout
            let kernels = doc.RootElement.GetProperty("kernels").EnumerateObject() |> Seq.toList
            Expect.isGreaterThanOrEqual kernels.Length 18 "the model's kernels and the library's"
            for k in kernels do
                Expect.equal k.Value.ValueKind JsonValueKind.Number $"{k.Name} is a number"
                Expect.isTrue (Double.IsFinite(k.Value.GetDouble())) $"{k.Name} finite"
        }
        // m_D = U sqrt(m) R sqrt(M), R R^T = 1: m_D M^-1 m_D^T = U diag(m) U^T (what seesaw_mass gives, see ci_residual in
        // models/conformal-bl.mdl), so light_mass = -m_D M^-1 m_D^T = -U diag(m) U^T. Double rounding through the Yukawas of
        // size up to ~1e-2 and M up to 1e12: 1e-10 of m_3 (measured agreement ~1e-15).
        test "light_mass of the Casas-Ibarra Yukawa is -U diag(m) U^T entry by entry (1e-10 of m_3), U built here (PDG + Majorana phases)" {
            let k = evaluateText (withLightEntries ()) [||]
            let u = pmns ()
            let want = (u * diag [ for m in mnu -> c m ] * u.Transpose()).Negate()
            for a in 1..3 do
                for b in 1..3 do
                    let w = want.[a - 1, b - 1]
                    Expect.floatClose { absolute = 1e-10 * mnu.[2]; relative = 0.0 } k.[$"mre{a}{b}"].Real w.Real $"re m_light[{a},{b}]"
                    Expect.floatClose { absolute = 1e-10 * mnu.[2]; relative = 0.0 } k.[$"mim{a}{b}"].Real w.Imaginary $"im m_light[{a},{b}]"
            // a control for the sign and the conjugation: +U m U^T and -U* m U^dagger differ from it at this point
            Expect.isGreaterThan (abs (k.["mre11"].Real + want.[0, 0].Real)) (1e-3 * mnu.[2]) "not +U m U^T"
            Expect.isGreaterThan (abs (k.["mim12"].Real + want.[0, 1].Imaginary)) (1e-3 * mnu.[2]) "not the complex conjugate"
            // sqrt(tr m m^dagger) = sqrt(m_1^2 + m_2^2 + m_3^2) for unitary U
            close 1e-10 k.["m_rms"] (sqrt (Array.sumBy (fun m -> m * m) mnu)) "m_rms"
        }
        test "Gamma1 = M_1 (h^dagger h)_11/(8 pi) and m-tilde_1 = (h^dagger h)_11 v_174^2/M_1 with h from Casas-Ibarra (1e-10)" {
            let k = evaluate [||]
            let hh = hdh (yukawa mCard)
            close 1e-10 k.["Gamma1"] (mCard.[0] * hh.[0, 0].Real / (8.0 * Math.PI)) "Gamma_1 (GeV)"
            close 1e-10 k.["mtilde1"] (hh.[0, 0].Real * v174 * v174 / mCard.[0]) "m-tilde_1 (GeV)"
        }
        // Giudice et al. hep-ph/0310123: m_L^2/T^2 = (3 g^2 + g'^2)/32 + (Ye Ye^dagger + h h^dagger)_ee/16 (Ye diagonal on the card)
        test "mL2_ee = (3 g2^2 + g1^2)/32 + (|Ye_11|^2 + (h h^dagger)_11)/16 (1e-12)" {
            let k = evaluate [||]
            let h = yukawa mCard
            let hhd11 = (h * h.ConjugateTranspose()).[0, 0].Real
            close 1e-12 k.["mL2_ee"] ((3.0 * g2 * g2 + g1 * g1) / 32.0 + (ye11 * ye11 + hhd11) / 16.0) "mL2_ee"
        }
        // Davidson, Ibarra, hep-ph/0202239: |eps_1| <= 3 M_1 m_3/(16 pi v_174^2) = 3 M_1 m_3/(8 pi v_246^2) (normal ordering)
        test "eps_DI = 3 M_1 m_3/(16 pi v_174^2) = 3 M_1 m_3/(8 pi v^2), and |eps1_hier| <= it" {
            let k = evaluate [||]
            let bound = 3.0 * mCard.[0] * mnu.[2] / (16.0 * Math.PI * v174 * v174)
            close 1e-12 k.["eps_DI"] bound "v = 174 GeV form"
            close 1e-12 k.["eps_DI"] (3.0 * mCard.[0] * mnu.[2] / (8.0 * Math.PI * v * v)) "v = 246 GeV form"
            Expect.isLessThanOrEqual (abs k.["eps1_hier"].Real) bound "the bound holds"
            Expect.isGreaterThan (abs k.["eps1_hier"].Real) (0.1 * bound) "a non-trivial asymmetry (not 0 <= bound)"
        }
        // eps1_hier against the R-only formula of Davidson-Ibarra (orthogonality of R does the sum over j): 1e-9 relative;
        // eps1 (CRV) against mpmath: 1e-12 (f_V is evaluated without cancellation, see models/lib/majorana-cp.mdl).
        test "eps1_hier = 3 M_1/(16 pi v_174^2) sum m_k^2 Im(R_k1^2)/sum m_k |R_k1|^2; eps1 = Covi-Roulet-Vissani (mpmath)" {
            let k = evaluate [||]
            close 1e-9 k.["eps1_hier"] (epsDavidsonIbarra ()) "Davidson-Ibarra in R"
            close 1e-12 k.["eps1"] mpmathEps1.[(1e11, 1e12)] "CRV vertex + self-energy"
        }
        // f_V + f_S = -3/(2 sqrt x) (1 + (5/9)/x + (13/18)/x^2 + ...) for x = M_j^2/M_1^2 -> infinity: eps1 - eps1_hier is of
        // order (M_1/M_2)^2 relative, and in the Casas-Ibarra form eps1_hier does not depend on M_2, M_3. Scaling M_2, M_3 by 10
        // leaves eps1_hier unchanged (1e-10) and divides the difference by 100 (within 2%: the next order is 13/18 (M_1/M_2)^2
        // of the N_2 term). eps1 against mpmath at each point: 1e-11 (before the fix of f_V it was 5e-5 off at M x 10, 38% at x 100).
        test "eps1 (CRV) -> eps1_hier in the hierarchical limit: the difference is O((M_1/M_2)^2) and falls by 100 when M_2, M_3 grow by 10" {
            let at (m2: float) (m3: float) =
                let k = evaluate [| $"M=(1e10, {m2:R}, {m3:R}) GeV" |]
                Expect.floatClose { absolute = 0.0; relative = 1e-11 } k.["eps1"].Real mpmathEps1.[(m2, m3)] $"eps1 at M_2 = {m2} (mpmath)"
                k.["eps1"].Real, k.["eps1_hier"].Real
            let e1, h1 = at 1e11 1e12
            let e10, h10 = at 1e12 1e13
            let e100, h100 = at 1e13 1e14
            Expect.floatClose { absolute = 0.0; relative = 1e-10 } h10 h1 "eps1_hier independent of M_2, M_3"
            Expect.floatClose { absolute = 0.0; relative = 1e-10 } h100 h1 "eps1_hier independent of M_2, M_3"
            let d1, d10, d100 = abs (e1 / h1 - 1.0), abs (e10 / h10 - 1.0), abs (e100 / h100 - 1.0)
            Expect.isLessThanOrEqual d1 ((1e10 / 1e11) ** 2.0) "relative difference <= (M_1/M_2)^2 at the card"
            Expect.isLessThanOrEqual d10 ((1e10 / 1e12) ** 2.0) "and at M_2 = 1e12"
            Expect.floatClose { absolute = 0.0; relative = 0.02 } (d10 / d1) 1e-2 "falls as (M_1/M_2)^2"
            Expect.floatClose { absolute = 0.0; relative = 0.02 } (d100 / d10) 1e-2 "falls as (M_1/M_2)^2"
        }
        // Pilaftsis-Underwood (hep-ph/0309342): the resummed self-energy term is f_S's times 1/(1 + delta), delta =
        // (M_i Gamma_j/(M_i^2 - M_j^2))^2, which is 1e-13 to 2e-11 here (largest for i = 2, j = 3: Gamma_3 ~ 7e7 GeV): the
        // difference eps_res - eps against mpmath's, to 1e-13 of eps_i (rounding of the sums), i.e. 0.5% of the largest.
        test "eps_res equals eps (CRV) away from degeneracy up to the resummation's (M_i Gamma_j/(M_i^2 - M_j^2))^2, for i = 1, 2, 3" {
            let k = evaluate [||]
            mpmathResMinusCrv |> List.iteri (fun i (eps, diff) ->
                let crv, res = k.[$"cp.eps{i + 1}"].Real, k.[$"cp.eps{i + 1}_res"].Real
                Expect.floatClose { absolute = 0.0; relative = 1e-12 } crv eps $"eps{i + 1} (mpmath)"
                Expect.floatClose { absolute = 1e-13 * abs eps; relative = 0.0 } (res - crv) diff $"eps{i + 1}_res - eps{i + 1}")
        }
        // At M_1 = M_2 exactly, f_S(1) = 1/0: CRV's eps_1 is infinite; the resummed self-energy term has (M_1^2 - M_2^2) = 0 in
        // its numerator and stays finite: eps1_res is the vertex part plus the N_3 self-energy term (mpmath, as above).
        test "at exact degeneracy M_1 = M_2 the resummed eps1_res is finite (mpmath's value), CRV's eps1 is not" {
            let k = evaluate [| "M=(1e10, 1e10, 1e12) GeV" |]
            let crv = k.["eps1"]
            Expect.isFalse (Double.IsFinite crv.Real) $"CRV diverges: {crv}"
            close 1e-12 k.["cp.eps1_res"] mpmathEps1ResDegenerate "eps1_res at M_1 = M_2 (mpmath)"
        }
        // K = m-tilde_1/m_* with m_* = 1.08e-3 eV (3 digits), K_hubble = Gamma_1/H(M_1) = m-tilde_1/m_*exact with
        // m_*exact = 8 pi v_174^2 H(M_1)/M_1^2 = 8 pi v_174^2 sqrt(4 pi^3 g_*/45)/M_Pl = 1.0692e-3 eV (g_* = 106.75,
        // M_Pl = 1.22e19 GeV, the model's constants): K/K_hubble = m_*exact/1.08e-3 exactly; they agree to 1.1%.
        test "K = m-tilde_1/m_* agrees with K_hubble = Gamma_1/H(M_1) to the accuracy of m_* = 1.08e-3 eV" {
            let k = evaluate [||]
            let mStarExact = 8.0 * Math.PI * v174 * v174 * sqrt (4.0 * Math.PI ** 3.0 * 106.75 / 45.0) / 1.22e19
            Expect.floatClose { absolute = 0.0; relative = 1e-3 } (mStarExact * 1e12) 1.0692 "m_*exact in meV"
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } (k.["K"].Real / k.["K_hubble"].Real) (mStarExact / 1.08e-12) "the exact ratio"
            Expect.floatClose { absolute = 0.0; relative = 0.011 } k.["K"].Real k.["K_hubble"].Real "1.08 vs 1.0692"
            close 1e-10 k.["K"] ((hdh (yukawa mCard)).[0, 0].Real * v174 * v174 / mCard.[0] / 1.08e-12) "K from h"
        }
        // The shipped ULYSSES sets on this model's couplings (issue 12, "Reuse"): h = yukawa_matrix(L, N), v_174 = v/sqrt2 and
        // the model's m_*. Their eps is the B - L made per decay: ULYSSES's (3/16 pi) sum_j Im[(h^dagger h)_1j^2] (M_1/M_j)
        // f1(M_j/M_1)/(h^dagger h)_11 (its second term cancels in the flavour sum) is minus CRV's, since
        // f_V(x^2) + f_S(x^2) = -(3/(2x)) f1(x) identically (docs/ulysses.md, "The sets in the project's conventions"); so the
        // flavour sum is minus mpmath's eps_1 of lepton number, to 1e-11 (the rounding of f1 and of the sums).
        test "the ULYSSES sets on the model's couplings: their K is the model's, and sum_a eps_aa = -eps_1 (mpmath) in 1BE1F, 1BE2F, 1BE3F" {
            let k = evaluate [||]
            for set in [ "be1"; "be2"; "be3" ] do
                close 1e-12 k.[$"{set}.K"] k.["K"].Real $"{set}.K"
                let sum = k.[$"{set}.eps_ee"].Real + k.[$"{set}.eps_mumu"].Real + k.[$"{set}.eps_tautau"].Real
                Expect.floatClose { absolute = 0.0; relative = 1e-11 } sum (-mpmathEps1.[(1e11, 1e12)]) $"{set}: sum of eps_aa"
            close 1e-11 k.["be1.eps"] -mpmathEps1.[(1e11, 1e12)] "be1.eps, the one-flavour source"
        }
        // eta_B = 0.013 N_B-L(z_max) and, for decays and inverse decays from N_N1 = 0, N_B-L(z_max) = (3/4) eps_B-L kappa_f(K)
        // with eps_B-L = -eps_1 (hep-ph/0401240's dN_B-L/dz = -eps_1 D (N_N1 - N_eq) - W N_B-L): eta_B has the sign of -eps_1 and,
        // with kappa_f of the z_B form, the size within 10 % (the spread of the published forms, docs/ulysses.md "Strong
        // washout against the analytic efficiency"; K = 16 at the card).
        test "eta_B of 1BE1F on the model's card: the sign of -eps_1 and 0.013 (3/4) |eps_1| kappa_f(K) (z_B form) within 10 %" {
            let m = numericText (File.ReadAllText specPath) [||]
            let k = values m
            let s = m.Solve("be1.be", Kernels.Systems.SystemSolveOptions(RelativeTolerance = 1e-8)).Solution
            Expect.isTrue s.Succeeded s.Message
            let eps, kd = k.["eps1"].Real, k.["K"].Real
            let zB = 2.0 + 4.0 * kd ** 0.13 * exp (-2.5 / kd)
            let kappa = 2.0 / (zB * kd) * (1.0 - exp (-zB * kd / 2.0))
            let eta = s.Output "eta_B"
            Expect.equal (sign eta) (-(sign eps)) $"eta_B = {eta} against eps_1 = {eps}"
            Expect.floatClose { absolute = 0.0; relative = 0.10 } eta (0.013 * 0.75 * -eps * kappa) "the z_B form"
        }
    ]
