/// models/lmu-ltau.mdl (issue 11): gauged U(1)_{L_mu - L_tau} with three nu_R and a breaking scalar S of charge 1.
/// Its checks through the CLI, the anomaly sums with and without nu_R, the coupling entries the charges allow (derived
/// by hand below) and the lepton textures the terms use as couplings, a general flavour matrix refused, and its kernels
/// at samples/lmu-ltau/benchmark.card against an independent computation in F#.
module ModelDsl.Tests.Models.LmuLtauTests

open System
open System.IO
open System.Numerics
open System.Text.Json
open Expecto
open ModelDsl
open ModelDsl.Checks
open ModelDsl.Symbolics.Expressions
open ModelDsl.Tests.TestSupport
open ModelDsl.Tests.Checks.AnomalyTests
open ModelDsl.Tests.Checks.GenerationSymmetryTests

let private specPath = modelPath "lmu-ltau.mdl"
let private cardPath = Path.Combine(repoRoot, "samples", "lmu-ltau", "benchmark.card")
let private modelText () = File.ReadAllText specPath

/// Asserts that the general allowed matrix has a free entry (named after the texture) exactly at `free`, zero elsewhere.
let private expectFreeAt (a: AllowedCoupling) (name: string) (free: (int * int) list) =
    Expect.equal a.Dimension free.Length $"{name}: {free.Length} free entries"
    for i in 1..3 do
        for j in 1..3 do
            let want: Expr = if List.contains (i, j) free then Expr.Complex $"{name}[{i},{j}]" else Expr.Zero
            Expect.equal a.General.[i - 1, j - 1] want $"{name} ({i},{j})"

/// Asserts that texture `name` of the spec is, entry by entry, `entries` ((i, j) -> the printed entry) and 0 elsewhere.
let private expectTexture (c: ModelCompilation) (name: string) (entries: ((int * int) * string) list) =
    let t = (c.Spec.Textures |> Seq.find (fun x -> x.Name = name)).Matrix
    let byPosition = Map.ofList entries
    for i in 1..3 do
        for j in 1..3 do
            let want = byPosition |> Map.tryFind (i, j) |> Option.defaultValue "0"
            Expect.equal (string t.[i - 1, j - 1]) want $"texture {name} ({i},{j})"

/// The outcome of `texture_allowed(name)`.
let private textureOutcome (r: CheckReport) (name: string) =
    r.Outcomes |> Seq.find (fun o -> o.Check = "texture_allowed" && o.Item.StartsWith(name + " "))

/// The spec with the line `before` preceded by `line` (a new term first in the file's order) and the given extra text.
let private withTermBefore (before: string) (line: string) (extra: string) =
    let text = modelText ()
    Expect.stringContains text before "anchor line present"
    text.Replace(before, line + "\n" + before) + "\n" + extra

// The card's numbers, restated here (samples/lmu-ltau/benchmark.card; v is the spec's default 246.22 GeV).
let private gX, vS, v = 4e-4, 100.0, 246.22
let private mEE, mMT, lamEM, lamET = 150.0, 200.0, Complex(0.5, 0.0), Complex(0.6, 0.4)
let private yD = [| 2e-7; 3e-7; 4e-7 |]
let private lamH, lamS, lamHS = 0.129, 0.2, 0.01

/// M_R after <S> = vS/sqrt2 (the texture derived by hand in the spec's header): zeros at (mu,mu) and (tau,tau).
let private majoranaMatrix () =
    let s = Complex(vS / sqrt 2.0, 0.0)
    array2D [ [ Complex(mEE, 0.0); lamEM * s; lamET * s ]
              [ lamEM * s; Complex.Zero; Complex(mMT, 0.0) ]
              [ lamET * s; Complex(mMT, 0.0); Complex.Zero ] ]

/// The inverse of a complex square matrix by Gauss-Jordan elimination with partial pivoting (independent of the
/// spec's adjugate formula).
let private inverse (m: Complex[,]) =
    let n = Array2D.length1 m
    let a = Array2D.init n (2 * n) (fun i j -> if j < n then m.[i, j] elif j - n = i then Complex.One else Complex.Zero)
    for col in 0..n - 1 do
        let pivot = [ col..n - 1 ] |> List.maxBy (fun r -> a.[r, col].Magnitude)
        for j in 0..2 * n - 1 do
            let t = a.[col, j]
            a.[col, j] <- a.[pivot, j]
            a.[pivot, j] <- t
        let p = a.[col, col]
        for j in 0..2 * n - 1 do a.[col, j] <- a.[col, j] / p
        for r in 0..n - 1 do
            if r <> col then
                let f = a.[r, col]
                for j in 0..2 * n - 1 do a.[r, j] <- a.[r, j] - f * a.[col, j]
    Array2D.init n n (fun i j -> a.[i, j + n])

/// The light-neutrino mass matrix m = -m_D M_R^-1 m_D^T, m_D = diag(yD) v/sqrt2, in GeV.
let private lightMasses () =
    let mInv = inverse (majoranaMatrix ())
    let mD = yD |> Array.map (fun y -> y * v / sqrt 2.0)
    Array2D.init 3 3 (fun a b -> -Complex(mD.[a] * mD.[b], 0.0) * mInv.[a, b])

/// Kernel values in GeV by name, through the library (the CLI's eval is tested below).
let private kernels () =
    let r = ModelCompilation.FromFile(specPath).CreateNumeric(cardPath, [||])
    match r.Model with
    | null -> failtestf "evaluation failed:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | m -> m.Evaluate().Values |> Seq.map (fun k -> k.Name, k.Value) |> Map.ofSeq

[<Tests>]
let tests =
    testList "Models/LmuLtau" [
        test "check: every check holds (exit 0), no hermiticity warning" {
            let r = runCli [ "check"; "models/lmu-ltau.mdl" ]
            Expect.equal r.ExitCode 0 $"exit code; {r.Stdout}{r.Stderr}"
            Expect.stringContains r.Stdout "All 25 checks hold." "12 anomaly rows, 8 terms, 5 textures"
            Expect.isFalse (r.Stderr.Contains "MDL0284") "every Yukawa and Majorana term has + h.c."
        }
        // Anomalies by hand, charges (0, 1, -1): L (left, doublet) gives 2 sum q = 0, 2 sum q^3 = 0; e_R and nu_R (right)
        // give -sum q = 0, -sum q^3 = 0; U1Y U1X^2 = 2 (-1/2)(0 + 1 + 1) - (-1)(0 + 1 + 1) = 0 with or without nu_R.
        test "anomaly-free with its three nu_R of charges (0, 1, -1), and without nu_R" {
            let withNuR = check (modelText ())
            expectHolds withNuR
            // the lines on nu_R, and the check line of the textures of the nu_R terms (texture_allowed(YD), ...)
            let onNuR (l: string) = l.Contains "nuR" || l.StartsWith "check texture_allowed(YD)"
            // the kernels (masses derived from the nu_R terms) go too: only the checks matter here
            let checksOnly = let t = modelText () in t.Substring(0, t.IndexOf "# ---- Kernels")
            let noNuR = checksOnly.Split('\n') |> Array.filter (not << onNuR) |> String.concat "\n"
            Expect.isFalse (noNuR.Contains "nuR") "nu_R and the terms and checks on it removed"
            let r = check noNuR
            expectHolds r
            for item in [ "U1X^3"; "grav^2 U1X"; "U1Y U1X^2"; "[SU2L]^2 U1X" ] do
                Expect.equal (outcome r item).Value "0" item
        }
        test "a control: nu_R charges (0, 1, 1) give U1X^3 = grav^2 U1X = -(0 + 1 + 1) = -2" {
            let text = (modelText ()).Replace("fermion nuR { chirality: right, gen: 3, U1X: (0, 1, -1) }", "fermion nuR { chirality: right, gen: 3, U1X: (0, 1, 1) }")
            let r = check text
            expectFailsWith r "U1X^3" "-2"
            expectFailsWith r "grav^2 U1X" "-2"
        }
        // Allowed entries by hand. Ye[i,j] bar(L_i) H e_Rj and YD[i,j] bar(L_i) H~ nu_Rj carry X charge q_j - q_i: zero
        // only for i = j. The bare mass nu_Ri nu_Rj carries q_i + q_j: zero for (1,1), (2,3), (3,2). S nu_Ri nu_Rj carries
        // 1 + q_i + q_j: zero for (1,3), (3,1) only; S* nu_Ri nu_Rj carries -1 + q_i + q_j: zero for (1,2), (2,1) only.
        test "texture_allowed: diagonal Ye and YD, and the bare Majorana mass at (e,e) and (mu,tau) only" {
            let c = compiled (modelText ())
            expectFreeAt (allowedOf c "Ye") "Ye" [ 1, 1; 2, 2; 3, 3 ]
            expectFreeAt (allowedOf c "YD") "YD" [ 1, 1; 2, 2; 3, 3 ]
            expectFreeAt (allowedOf c "M0") "M0" [ 1, 1; 2, 3; 3, 2 ]
            for name in [ "Ye"; "YD"; "M0" ] do
                Expect.sequenceEqual (allowedOf c name).Groups [ "U1X" ] $"{name}: U1X constrains it"
        }
        // The lepton terms are flavour-matrix terms whose couplings are the textures; texture_allowed(T) finds T's term.
        test "texture_allowed(T) for the five lepton textures: each reads its own term and holds" {
            let c = compiled (modelText ())
            let fields = [ "Ye", [ "L"; "eR" ], "Ye allowed in H*eR*conj(L)"; "YD", [ "L"; "nuR" ], "YD allowed in nuR*conj(H)*conj(L)"
                           "M0", [ "nuR"; "nuR" ], "M0 allowed in nuR*nuR"; "YS", [ "nuR"; "nuR" ], "YS allowed in S*nuR*nuR"
                           "YSc", [ "nuR"; "nuR" ], "YSc allowed in nuR*nuR*conj(S)" ]
            let r = c.RunChecks()
            for name, ab, item in fields do
                let request = c.Spec.Checks |> Seq.find (fun q -> q.Name = "texture_allowed" && q.Argument = name)
                Expect.sequenceEqual request.Arguments (name :: ab) $"texture_allowed({name}) binds to its term's fields"
                let o = textureOutcome r name
                Expect.equal o.Item item $"{name}: the term whose coupling it is (S or S* among the other fields)"
                Expect.equal o.Verdict (Holds.Instance :> Verdict) $"{name} holds"
            // S nu_i nu_j: 1 + q_i + q_j = 0 only at (1,3), (3,1); S* nu_i nu_j: -1 + q_i + q_j = 0 only at (1,2), (2,1)
            expectFreeAt (allowedOf c "YS") "YS" [ 1, 3; 3, 1 ]
            expectFreeAt (allowedOf c "YSc") "YSc" [ 1, 2; 2, 1 ]
        }
        // Holds says the texture lies in the allowed space; that it IS the most general one follows from its entries: one
        // independent parameter at each free entry (Ye, YD), and for the Majorana matrices (symmetric: nu_i nu_j = nu_j nu_i,
        // so only Y + Y^T enters) one parameter per free symmetric pair: M0 (3 free = 2 symmetric + 1 antisymmetric), YS, YSc.
        test "the declared textures are the general allowed forms: one parameter per free entry (per symmetric pair)" {
            let c = compiled (modelText ())
            expectTexture c "Ye" [ (1, 1), "ye[1]"; (2, 2), "ye[2]"; (3, 3), "ye[3]" ]
            expectTexture c "YD" [ (1, 1), "yD[1]"; (2, 2), "yD[2]"; (3, 3), "yD[3]" ]
            expectTexture c "M0" [ (1, 1), "M_ee"; (2, 3), "M_mt"; (3, 2), "M_mt" ]
            expectTexture c "YS" [ (1, 3), "lam_et"; (3, 1), "lam_et" ]
            expectTexture c "YSc" [ (1, 2), "lam_em"; (2, 1), "lam_em" ]
        }
        // A general flavour matrix Yg (nine entries) as the coupling: the charges forbid the six off-diagonal entries, q_j - q_i
        // != 0; for the bare Majorana mass q_i + q_j != 0 at (1,2), (1,3), (2,1), (2,2), (3,1), (3,3).
        test "a general param Yg[3,3] (and Mg[3,3]) as the coupling is not allowed: texture_allowed names the forbidden entries" {
            let text =
                (modelText ())
                    .Replace("texture Ye  = matrix(row(ye[1], 0, 0), row(0, ye[2], 0), row(0, 0, ye[3]))", "param Yg[3,3] : complex\ntexture Ye = Yg")
                    .Replace("texture M0  = matrix(row(M_ee, 0, 0), row(0, 0, M_mt), row(0, M_mt, 0))", "param Mg[3,3] : complex\ntexture M0 = Mg")
            Expect.stringContains text "texture Ye = Yg" "Ye replaced"
            Expect.stringContains text "texture M0 = Mg" "M0 replaced"
            let r = (compiled text).RunChecks()
            let fails name =
                match (textureOutcome r name).Verdict with
                | :? Fails as f -> f.Witness
                | v -> failtestf "%s: expected Fails, got %A" name v
            let ye = fails "Ye"
            Expect.stringContains ye "Ye breaks U1X at (1,2), (1,3), (2,1), (2,3), (3,1), (3,2)" "the six off-diagonal entries"
            Expect.stringContains ye "the symmetry needs Ye[1,2] = 0" "what they should be"
            Expect.stringContains ye "here Ye[1,2] - (0) = Yg[1,2]" "the general matrix's own entry"
            Expect.stringContains (fails "M0") "M0 breaks U1X at (1,2), (1,3), (2,1), (2,2), (3,1), (3,3)" "q_i + q_j != 0"
            for name in [ "YD"; "YS"; "YSc" ] do
                Expect.equal (textureOutcome r name).Verdict (Holds.Instance :> Verdict) $"{name} untouched, holds"
        }
        test "texture_allowed: S couples nu_e nu_tau only, S* nu_e nu_mu only (so M_R has zeros at (mu,mu), (tau,tau))" {
            let zero = "texture T = matrix(row(0, 0, 0), row(0, 0, 0), row(0, 0, 0))\ncheck texture_allowed(T, nuR, nuR)\n"
            let anchor = "majorana -1/2*M0[i,j]*nuR[i]*nuR[j]"
            let viaS = compiled (withTermBefore anchor "param Yx[3,3] : complex\nmajorana -1/2*Yx[i,j]*S*nuR[i]*nuR[j] + h.c." zero)
            expectFreeAt (allowedOf viaS "T") "T" [ 1, 3; 3, 1 ]
            let viaConjS = compiled (withTermBefore anchor "param Yx[3,3] : complex\nmajorana -1/2*Yx[i,j]*conj(S)*nuR[i]*nuR[j] + h.c." zero)
            expectFreeAt (allowedOf viaConjS "T") "T" [ 1, 2; 2, 1 ]
        }
        test "invariance: a general Ye[i,j] or YD[i,j] holds iff its six off-diagonal entries vanish" {
            // the textures Ye and YD replaced by general parameters of the same names (texture_allowed takes textures only)
            let text =
                (modelText ())
                    .Replace("texture Ye  = matrix(row(ye[1], 0, 0), row(0, ye[2], 0), row(0, 0, ye[3]))", "param Ye[3,3], YD[3,3] : complex")
                    .Replace("texture YD  = matrix(row(yD[1], 0, 0), row(0, yD[2], 0), row(0, 0, yD[3]))\n", "")
                    .Replace("check texture_allowed(Ye)\ncheck texture_allowed(YD), ", "check ")
            Expect.stringContains text "param Ye[3,3], YD[3,3] : complex" "textures replaced"
            let removed (l: string) = l.StartsWith "check texture_allowed(Ye" || l.StartsWith "texture YD"
            Expect.isFalse (text.Split('\n') |> Array.exists removed) "their texture checks removed"
            let r = (compiled text).RunChecks()
            for name, term in [ "Ye", "yukawa -Ye[i,j]"; "YD", "yukawa -YD[i,j]" ] do
                let o = r.Outcomes |> Seq.find (fun o -> o.Check = "invariance" && o.Item.Contains term)
                match o.Verdict with
                | :? HoldsIff as h ->
                    let expected = set [ for i in 1..3 do for j in 1..3 do if i <> j then $"{name}[{i},{j}]" ]
                    Expect.equal (h.Conditions |> Seq.map string |> Set.ofSeq) expected $"{name}: off-diagonal entries"
                | v -> failtestf "%s: expected HoldsIff, got %A" name v
        }
        // Tolerances: the spec inverts M_R by its adjugate, the test by pivoted Gauss-Jordan; both are double rounding on
        // a 3x3 matrix of condition number 2.7 (1-norm, mpmath), so they agree to ~1e-15 relative; 1e-12 leaves room for the
        // subtractions in det M_R and adj23 (no catastrophic cancellation at this point: their terms differ by > 20%).
        test "kernels at the benchmark card: M_Z' = gX vS, the M_R entries, the seesaw matrix and the scalar masses" {
            let k = kernels ()
            let close (name: string) (want: float) why =
                Expect.floatClose { absolute = 0.0; relative = 1e-12 } k.[name].Real want $"{name}: {why}"
                Expect.floatClose { absolute = 1e-300; relative = 0.0 } k.[name].Imaginary 0.0 $"{name} is real"
            close "M_Zp" (gX * vS) "gX vS for charge 1 and <S> = vS/sqrt2 (GeV inside: 0.04)"
            let mr = majoranaMatrix ()
            close "M_R_ee" mr.[0, 0].Magnitude "M_ee"
            close "M_R_emu" mr.[0, 1].Magnitude "lam_em vS/sqrt2"
            close "M_R_etau" mr.[0, 2].Magnitude "|lam_et| vS/sqrt2"
            close "M_R_mutau" mr.[1, 2].Magnitude "M_mt"
            let m = lightMasses ()
            // the same entries from mpmath 1.3.0 at 30 digits (mpmath.inverse of M_R), in eV: a second, separate source
            let mpmathEV = [ "m_ee", 0.008956836734548727; "m_emu", 0.0034253313967146478; "m_etau", 0.0031667199964900888
                             "m_mumu", 0.0013099373724277513; "m_mutau", 0.019157020206456124; "m_tautau", 0.0011196045918185909 ]
            for name, want in mpmathEV do
                close name (want * 1e-9) "mpmath reference (GeV)"
            for (name, a, b) in [ "m_ee", 0, 0; "m_emu", 0, 1; "m_etau", 0, 2; "m_mumu", 1, 1; "m_mutau", 1, 2; "m_tautau", 2, 2 ] do
                close name m.[a, b].Magnitude "|(-m_D M_R^-1 m_D^T)| in GeV"
            let rms = sqrt (Seq.sum (seq { for a in 0..2 do for b in 0..2 -> m.[a, b].Magnitude ** 2.0 }))
            close "m_rms" rms "sqrt(tr m m^dagger)"
            Expect.isTrue (rms > 1e-11 && rms < 1e-10) $"light masses of a few 1e-2 eV: {rms} GeV"
            // the scalar masses: m1^2 + m2^2 and m1^2 m2^2 are the trace and determinant of the CP-even mass matrix
            let m1, m2 = k.["m_h1"].Real, k.["m_h2"].Real
            let a, c, b = 2.0 * lamH * v * v, 2.0 * lamS * vS * vS, lamHS * v * vS
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } (m1 * m1 + m2 * m2) (a + c) "trace"
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } (m1 * m1 * m2 * m2) (a * c - b * b) "determinant"
            Expect.isTrue (m1 < m2) "ordered"
        }
        // Araki-Heeck-Kubo (2012), Asai et al. (2017): (m^-1)_mumu = (m^-1)_tautau = 0, i.e. the cofactors
        // m_ee m_tautau - m_etau^2 and m_ee m_mumu - m_emu^2 vanish. The independent matrix has them at rounding level.
        test "two vanishing minors: the independent seesaw matrix has them at 1e-12, the kernels report them as 0 to 1e-12" {
            let m = lightMasses ()
            let scale = m.[1, 2].Magnitude ** 2.0
            let minorMuMu = (m.[0, 0] * m.[2, 2] - m.[0, 2] * m.[0, 2]).Magnitude / scale
            let minorTauTau = (m.[0, 0] * m.[1, 1] - m.[0, 1] * m.[0, 1]).Magnitude / scale
            Expect.isLessThan minorMuMu 1e-12 "independent (mu,mu) cofactor"
            Expect.isLessThan minorTauTau 1e-12 "independent (tau,tau) cofactor"
            let k = kernels ()
            Expect.isLessThan k.["minor_mumu"].Magnitude 1e-12 "kernel minor_mumu"
            Expect.isLessThan k.["minor_tautau"].Magnitude 1e-12 "kernel minor_tautau"
            // a control: the (e,e) cofactor is not small (m_mumu m_tautau - m_mutau^2 relative to the same scale)
            Expect.isGreaterThan ((m.[1, 1] * m.[2, 2] - m.[1, 2] * m.[1, 2]).Magnitude / scale) 0.1 "(e,e) cofactor does not vanish"
        }
        test "eval through the CLI: exit 0, the kernels printed in their units, --json in those units" {
            let r = runCli [ "eval"; "models/lmu-ltau.mdl"; "--card"; "samples/lmu-ltau/benchmark.card" ]
            Expect.equal r.ExitCode 0 $"exit code; {r.Stderr}"
            Expect.isFalse (r.Stderr.Contains "MDL") $"no diagnostics: {r.Stderr}"
            let row name = r.Stdout.Split('\n') |> Array.map (fun l -> l.Split(' ', System.StringSplitOptions.RemoveEmptyEntries)) |> Array.find (fun c -> c.Length > 0 && c[0] = name)
            Expect.equal (row "M_Zp") [| "M_Zp"; "40"; "MeV" |] "M_Z' = 4e-4 x 100 GeV = 40 MeV"
            Expect.equal (row "M_R_emu") [| "M_R_emu"; "35.3553"; "GeV" |] "0.5 x 100/sqrt2 GeV"
            let j = runCli [ "eval"; "models/lmu-ltau.mdl"; "--card"; "samples/lmu-ltau/benchmark.card"; "--json" ]
            Expect.equal j.ExitCode 0 "json exit code"
            use doc = JsonDocument.Parse j.Stdout
            let root = doc.RootElement
            Expect.equal (root.GetProperty("model").GetString()) "lmu_ltau" "model"
            let kernelsJson = root.GetProperty("kernels")
            let units = root.GetProperty("kernel_units")
            Expect.equal (units.GetProperty("m_ee").GetString()) "eV" "m_ee in eV"
            Expect.equal (units.GetProperty("M_Zp").GetString()) "MeV" "M_Z' in MeV"
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } (kernelsJson.GetProperty("M_Zp").GetDouble()) (gX * vS * 1e3) "MeV"
            let m = lightMasses ()
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } (kernelsJson.GetProperty("m_mutau").GetDouble()) (m.[1, 2].Magnitude * 1e9) "eV"
        }
    ]
