/// Symmetries acting on generations (issue 11): per-generation U(1) charges in the anomaly and invariance checks,
/// Z(N) generator matrices, and texture_allowed, against answers derived by hand (in the comments) or counted
/// independently of the solver.
module ModelDsl.Tests.Checks.GenerationSymmetryTests

open System
open System.IO
open System.Numerics
open Expecto
open FsCheck
open FsCheck.FSharp
open ModelDsl
open ModelDsl.Checks
open ModelDsl.Symbolics.Algebra
open ModelDsl.Symbolics.Expressions
open ModelDsl.Symbolics.Evaluation
open ModelDsl.Tests.TestSupport
open ModelDsl.Tests.Checks.AnomalyTests

/// The SM fermions with U(1)_{L_mu - L_tau}: (0, 1, -1) on L and e_R; `nu` declares the nu_R (empty: none), `extra` adds lines.
let private lmuLtau (nu: string) (extra: string) =
    $"""
model lmu_ltau
group SU3c : SU(3)
group SU2L : SU(2)
group U1Y : U(1)
group U1X : U(1)
fermion Q  {{ chirality: left,  gen: 3, SU3c: 3, SU2L: 2, U1Y: 1/6 }}
fermion uR {{ chirality: right, gen: 3, SU3c: 3, U1Y: 2/3 }}
fermion dR {{ chirality: right, gen: 3, SU3c: 3, U1Y: -1/3 }}
fermion L  {{ chirality: left,  gen: 3, SU2L: 2, U1Y: -1/2, U1X: (0, 1, -1) }}
fermion eR {{ chirality: right, gen: 3, U1Y: -1, U1X: (0, 1, -1) }}
{nu}
scalar H {{ complex, SU2L: 2, U1Y: 1/2 }}
check anomalies
{extra}
"""

let private seesawText () = File.ReadAllText(modelPath "seesaw-z3.mdl")

/// Compiles spec text as if it stood in models/ (seesaw-z3.mdl's tables are found relative to it).
let compiled (text: string) =
    let c = ModelCompilation.Create(text, modelPath "variant.mdl")
    if isNull c.Spec then failtestf "did not compile:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
    c

let private textureOutcome (c: ModelCompilation) name =
    c.RunChecks().Outcomes |> Seq.find (fun o -> o.Check = "texture_allowed" && o.Item.StartsWith(name + " "))

let allowedOf (c: ModelCompilation) name =
    let request = c.Spec.Checks |> Seq.find (fun r -> r.Name = "texture_allowed" && r.Argument = name)
    TextureAllowed.Allowed(c.Spec, request)

/// Seed 001 (2.10): rows proportional to (1, omega, omega^2).
let private conjugateTexture =
    "texture hc = matrix(row(a, a*omega^2, a*omega), row(b, b*omega^2, b*omega), row(c, c*omega^2, c*omega))\n"

[<Tests>]
let tests =
    testList "Checks/Generations" [
        // Anomalies with per-generation charges, by hand: L (sign +1, 2 states), e_R and nu_R (sign -1, 1 state).
        // sum_k q_k = 0 and sum_k q_k^3 = 0 for (0, 1, -1); U1Y U1X^2 = 2 (-1/2) 2 + (-1)(-1) 2 = 0.
        test "L_mu - L_tau without nu_R: every anomaly coefficient vanishes" {
            expectHolds (check (lmuLtau "" ""))
        }
        test "L_mu - L_tau with three nu_R of charges (0, 1, -1): every anomaly coefficient vanishes" {
            let r = check (lmuLtau "fermion nuR { chirality: right, gen: 3, U1X: (0, 1, -1) }" "")
            expectHolds r
            Expect.isTrue (r.Outcomes |> Seq.exists (fun o -> o.Item = "U1X^3")) "the U1X^3 row is there"
        }
        test "nu_R charges (0, 1, 1): U1X^3 = grav^2 U1X = -(0 + 1 + 1) = -2, each generation with its own charge" {
            let r = check (lmuLtau "fermion nuR { chirality: right, gen: 3, U1X: (0, 1, 1) }" "")
            expectFailsWith r "U1X^3" "-2"
            expectFailsWith r "grav^2 U1X" "-2"
            Expect.equal (outcome r "U1Y U1X^2").Verdict (Holds.Instance :> Verdict) "nu_R has no hypercharge"
        }
        test "e_R without U1X charge: U1Y U1X^2 = 2 (-1/2)(0 + 1 + 1) = -2, not 3 x (first charge)^2 = 0" {
            let text = (lmuLtau "" "").Replace("U1Y: -1, U1X: (0, 1, -1)", "U1Y: -1")
            let r = check text
            expectFailsWith r "U1Y U1X^2" "-2"
            Expect.equal (outcome r "U1X^3").Verdict (Holds.Instance :> Verdict) "L alone: 2 (0 + 1 - 1) = 0"
        }
        test "invariance of a general Ye[i,j]: holds iff the six off-diagonal entries vanish (charge q_j - q_i != 0)" {
            let r = check (lmuLtau "" "param Ye[3,3] : complex\nyukawa -Ye[i,j]*bar(L[i])*H*eR[j] + h.c.\ncheck invariance\n")
            let o = r.Outcomes |> Seq.find (fun o -> o.Check = "invariance")
            match o.Verdict with
            | :? HoldsIff as h ->
                let expected = set [ for i in 1..3 do for j in 1..3 do if i <> j then $"Ye[{i},{j}]" ]
                Expect.equal (h.Conditions |> Seq.map string |> Set.ofSeq) expected "off-diagonal entries"
            | v -> failtestf "expected HoldsIff, got %A" v
        }
        test "invariance: a fixed coefficient on a charged component fails with the component as witness" {
            let r = check (lmuLtau "" "yukawa -bar(L[1])*H*eR[2] + h.c.\ncheck invariance\n")
            let o = r.Outcomes |> Seq.find (fun o -> o.Check = "invariance")
            match o.Verdict with
            | :? Fails as f -> Expect.equal f.Witness "U1X charge of H*conj(L[1])*eR[2] = 1" "witness: -0 + 1"
            | v -> failtestf "expected Fails, got %A" v
        }
        test "seesaw-z3.mdl: the Z3 in the flavour basis allows exactly texture (2.10), rows x_l (1, omega, omega^2)" {
            let c = compiled (seesawText ())
            Expect.equal (textureOutcome c "h0").Verdict (Holds.Instance :> Verdict) "h0 holds"
            let a = allowedOf c "h0"
            Expect.equal a.Dimension 3 "one free x_l per row"
            Expect.sequenceEqual a.Groups [ "Z3" ] "the Z3 constrains it"
            let o = Expr.Omega
            for l in 1..3 do
                let x = Expr.Complex $"h0[{l},1]"
                for j in 1..3 do
                    let expected = x * Expr.Pow(o, j - 1)
                    Expect.isTrue (ZeroTest.IsZero(a.General.[l - 1, j - 1] - expected)) $"entry ({l},{j}) = {a.General.[l - 1, j - 1]}"
        }
        test "seesaw-z3.mdl: the complex conjugate of (2.10) and the breaking overlay h = h0 + delta_h are reported as breaking Z3" {
            let c = compiled (seesawText () + conjugateTexture + "check texture_allowed(hc, L, nuR), texture_allowed(h, L, nuR)\n")
            for name in [ "hc"; "h" ] do
                match (textureOutcome c name).Verdict with
                | :? Fails as f -> Expect.stringContains f.Witness $"{name} breaks Z3 at (1,2), (1,3), (2,2), (2,3), (3,2), (3,3)" "which entries break"
                | v -> failtestf "%s: expected Fails, got %A" name v
            match (textureOutcome c "h").Verdict with
            | :? Fails as f -> Expect.stringContains f.Witness "= -omega*delta_h[1,1] + delta_h[1,2]" "h0 cancels: the residual is delta_h's"
            | _ -> ()
        }
        test "the generator's direction: lepton Z3 charge 1 instead of 2 allows the complex conjugate of (2.10), not (2.10)" {
            let text = (seesawText ()).Replace("U1Y: -1/2, Z3: 2", "U1Y: -1/2, Z3: 1").Replace("U1Y: -1, Z3: 2", "U1Y: -1, Z3: 1")
            let c = compiled (text + conjugateTexture + "check texture_allowed(hc, L, nuR)\n")
            Expect.isTrue ((textureOutcome c "h0").Verdict :? Fails) "(2.10) is not allowed"
            Expect.equal (textureOutcome c "hc").Verdict (Holds.Instance :> Verdict) "its conjugate is"
        }
        test "without the Z3 the Yukawa of L and nu_R is a general 3x3 matrix, and the overlay h is allowed" {
            let text =
                (seesawText ()).Replace("group Z3   : Z(3)\n", "").Replace(", Z3: 2", "").Replace(", Z3: perm(2, 3, 1)", "")
            let declarations = text.Split('\n') |> Array.filter (fun l -> l.StartsWith "group" || l.StartsWith "fermion" || l.StartsWith "scalar")
            Expect.isFalse (declarations |> Array.exists (fun l -> l.Contains "Z3")) "the group and every Z3 entry removed"
            let c = compiled (text + "check texture_allowed(h, L, nuR)\n")
            let a = allowedOf c "h0"
            Expect.equal a.Dimension 9 "nine free entries"
            Expect.isEmpty a.Groups "nothing constrains it"
            for i in 0..2 do
                for j in 0..2 do
                    Expect.equal a.General.[i, j] (Expr.Complex $"h0[{i + 1},{j + 1}]") "each entry free"
            Expect.equal (textureOutcome c "h").Verdict (Holds.Instance :> Verdict) "h = h0 + delta_h is allowed"
        }
        test "textures/lmu-ltau-charges.mdl: every check holds; the Majorana mass allows M_11 and M_23 = M_32 only" {
            let c = ModelCompilation.FromFile(modelPath "textures/lmu-ltau-charges.mdl")
            expectHolds (c.RunChecks())
            let a = allowedOf c "MR"
            Expect.equal a.Dimension 3 "(1,1), (2,3), (3,2): q_i + q_j = 0"
            for i in 1..3 do
                for j in 1..3 do
                    let free = (i, j) = (1, 1) || (i, j) = (2, 3) || (i, j) = (3, 2)
                    Expect.equal a.General.[i - 1, j - 1] (if free then Expr.Complex $"MR[{i},{j}]" else Expr.Zero) $"({i},{j})"
        }
        // Per-generation U(1) charges on L (doublet) and eR (singlet), by hand: U1X^3 = 2 sum qL^3 - sum qe^3, grav^2 U1X =
        // 2 sum qL - sum qe; a general Ye[i,j] bar(L_i) H eR_j is allowed exactly where qe_j - qL_i = 0.
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 40 } "per-generation charges: anomaly sums and the allowed Ye entries, counted by hand" (
            Prop.forAll (Arb.fromGen (Gen.zip (Gen.listOfLength 3 (Gen.choose (-2, 2))) (Gen.listOfLength 3 (Gen.choose (-2, 2))))) (fun (qL, qe) ->
                let tuple (q: int list) = String.Join(", ", q)
                let text =
                    $"model m\ngroup SU2L : SU(2)\ngroup U1X : U(1)\nfermion L {{ chirality: left, gen: 3, SU2L: 2, U1X: ({tuple qL}) }}\nfermion eR {{ chirality: right, gen: 3, U1X: ({tuple qe}) }}\n"
                    + "scalar H { complex, SU2L: 2 }\nparam Ye[3,3] : complex\nyukawa -Ye[i,j]*bar(L[i])*H*eR[j] + h.c.\ncheck anomalies, invariance\n"
                let r = check text
                let cube = 2 * List.sumBy (fun q -> q * q * q) qL - List.sumBy (fun q -> q * q * q) qe
                let linear = 2 * List.sum qL - List.sum qe
                let forbidden = set [ for i in 1..3 do for j in 1..3 do if qe.[j - 1] - qL.[i - 1] <> 0 then $"Ye[{i},{j}]" ]
                let conditions =
                    match (r.Outcomes |> Seq.find (fun o -> o.Check = "invariance")).Verdict with
                    | :? HoldsIff as h -> h.Conditions |> Seq.map string |> Set.ofSeq
                    | :? Holds -> Set.empty
                    | _ -> set [ "fails" ]
                (outcome r "U1X^3").Value = string cube && (outcome r "grav^2 U1X").Value = string linear && conditions = forbidden))
        // Z(N) with L of charge q (phase w = exp(2 pi i q/N)) and nu_R permuted by p: the Yukawa h bar(L) conj(H) nu_R is
        // invariant iff h P = w h row by row (P[k, p_k] = 1); a row is constant up to the phase along each cycle of p, which
        // closes iff w^length = 1. So the dimension is 3 x #{cycles c of p : N | q len(c)}, counted here without the solver.
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 60 } "texture_allowed: dimension by counting cycles, and h P = w h for the derived form" (
            let perms = [ [1; 2; 3]; [2; 1; 3]; [1; 3; 2]; [3; 2; 1]; [2; 3; 1]; [3; 1; 2] ]
            Prop.forAll (Arb.fromGen (Gen.zip3 (Gen.elements perms) (Gen.elements [ 6; 12 ]) (Gen.choose (0, 11)))) (fun (p, n, q0) ->
                let q = q0 % n
                let header = $"model m\ngroup Z : Z({n})\nfermion L {{ chirality: left, gen: 3, Z: {q} }}\nfermion nuR {{ chirality: right, gen: 3, Z: perm({p.[0]}, {p.[1]}, {p.[2]}) }}\n"
                let body = "scalar H { complex }\nparam Y[3,3] : complex\nyukawa -Y[l,a]*bar(L[l])*conj(H)*nuR[a] + h.c.\ntexture T = matrix(row(0, 0, 0), row(0, 0, 0), row(0, 0, 0))\ncheck invariance, texture_allowed(T, L, nuR)\n"
                let text = header + body
                let c = compiled text
                let a = allowedOf c "T"
                let orbit k = (let rec go acc j = if List.contains j acc then acc else go (j :: acc) p.[j - 1] in go [] k) |> List.sort
                let cycles = [ 1..3 ] |> List.map orbit |> List.distinct |> List.map List.length
                let expected = 3 * (cycles |> List.filter (fun len -> (q * len) % n = 0) |> List.length)
                let rnd = Random(n * 100 + q)
                let values = Collections.Generic.Dictionary<string, Complex>()
                let value (s: SymbolExpr) =
                    if not (values.ContainsKey s.Name) then values.[s.Name] <- Complex(rnd.NextDouble() - 0.5, rnd.NextDouble() - 0.5)
                    values.[s.Name]
                let y = Array2D.init 3 3 (fun i j -> Evaluator.Evaluate(a.General.[i, j], value))
                let w = Complex.FromPolarCoordinates(1.0, 2.0 * Math.PI * float q / float n)
                // (h P)[l, b] = h[l, p^-1(b)]
                let inverse b = (List.findIndex ((=) (b + 1)) p)
                let defect = [ for l in 0..2 do for b in 0..2 -> (y.[l, inverse b] - w * y.[l, b]).Magnitude ] |> List.max
                let invariance = (c.RunChecks().Outcomes |> Seq.find (fun o -> o.Check = "invariance")).Verdict
                a.Dimension = expected && defect < 1e-12 && ((invariance :? Holds) = (expected = 9))))
    ]
