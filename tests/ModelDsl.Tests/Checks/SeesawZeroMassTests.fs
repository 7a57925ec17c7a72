module ModelDsl.Tests.Checks.SeesawZeroMassTests

open System
open System.Numerics
open Expecto
open FsCheck
open FsCheck.FSharp
open ModelDsl
open ModelDsl.Checks
open ModelDsl.Symbolics.Evaluation
open ModelDsl.Tests.TestSupport

let private outcome (path: string) =
    let c = ModelCompilation.FromFile path
    match c.Spec with
    | null -> failtestf "did not compile: %s" (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
    | _ -> c.RunChecks().Outcomes |> Seq.find (fun o -> o.Check = "seesaw_zero_mass")

/// Row vectors of rank-one textures, as spec text, and whether v.v = 0 (the degenerate zero-mass condition).
let private rowVectors =
    [ "1", "omega", "omega^2", true       // seed 001 (2.10)
      "1", "omega^2", "omega", true       // omega <-> omega^2
      "3", "4", "5*I", true               // isotropic Pythagorean
      "1", "I", "0", true                 // isotropic in Q(i)
      "1", "1", "1", false
      "1", "2", "3", false
      "1", "omega", "omega", false ]

let private textureSpec (v1, v2, v3) perturb =
    let row s = $"row({s}*{v1}, {s}*{v2}, {s}*{v3})"
    let overlay = if perturb then " + matrix(row(0, 0, 1/7), row(0, 0, 0), row(0, 0, 0))" else ""
    let rows = String.Join(", ", [ row "a"; row "b"; row "c" ])
    $"model t\nparam a, b, c, mN : real\ntexture h = matrix({rows}){overlay}\ncheck seesaw_zero_mass(h, mN)\n"

[<Tests>]
let tests =
    testList "Checks/Seesaw zero mass (seed 001 eq. 2.9)" [
        test "seesaw-z3.mdl: the Z3 texture h0 with a degenerate mass holds" {
            Expect.equal (outcome (modelPath "seesaw-z3.mdl")).Verdict (Holds.Instance :> Verdict) "holds"
        }
        test "textures/pythagorean.mdl holds for a different reason (rows along (3, 4, 5i))" {
            Expect.equal (outcome (modelPath "textures/pythagorean.mdl")).Verdict (Holds.Instance :> Verdict) "holds"
        }
        test "textures/transposed.mdl fails at entry (1,1) = (a^2 + b^2 + c^2)/mN" {
            match (outcome (modelPath "textures/transposed.mdl")).Verdict with
            | :? Fails as f ->
                Expect.stringContains f.Witness "entry (1,1) = a^2/mN + b^2/mN + c^2/mN" "witness"
                Expect.stringContains f.Witness "vanishes only when a, b, c all vanish" "why it fails"
            | v -> failtestf "expected Fails, got %A" v
        }
        test "textures/nondegenerate.mdl holds iff 1/M1 + omega^2/M2 + omega/M3 = 0" {
            match (outcome (modelPath "textures/nondegenerate.mdl")).Verdict with
            | :? HoldsIff as h ->
                Expect.equal h.Conditions.Count 1 "every entry gives the same condition (a common factor x_l x_k removed)"
                let m = [| for k in 1..3 -> Symbolics.Expressions.Expr.Real $"M[{k}]" :> Symbolics.Expressions.Expr |]
                let o = Symbolics.Expressions.Expr.Omega
                // omega M1 M2 + omega^2 M1 M3 + M2 M3 = M1 M2 M3 (1/M1 + omega^2/M2 + omega/M3) up to the leading coefficient
                let expected = o * m.[0] * m.[1] + o * o * m.[0] * m.[2] + m.[1] * m.[2]
                Expect.isTrue (Symbolics.Algebra.ZeroTest.IsZero(h.Conditions.[0] - expected)) $"{h.Conditions.[0]}"
            | v -> failtestf "expected HoldsIff, got %A" v
        }
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 200 } "the exact verdict agrees with h M^-1 h^T evaluated at random values" (
            Prop.forAll (Arb.fromGen (Gen.zip3 (Gen.elements rowVectors) (Gen.elements [ true; false ]) (Gen.listOfLength 4 (Gen.choose (1, 97))))) (fun ((v1, v2, v3, isotropic), perturb, values) ->
                let c = ModelCompilation.Create(textureSpec (v1, v2, v3) perturb, "t.mdl")
                let spec = c.Spec
                let o = c.RunChecks().Outcomes.[0]
                let m, _ = SeesawZeroMass.LightMassMatrix(spec, spec.Checks.[0])
                let point = dict [ for s, v in List.zip [ "a"; "b"; "c"; "mN" ] values -> s, Complex(float v / 13.0, 0.0) ]
                let numeric =
                    [ for i in 0..2 do for j in 0..2 -> (Evaluator.Evaluate(m.[i, j], fun s -> point.[s.Name])).Magnitude ] |> List.max
                let holds = o.Verdict :? Holds
                // the exact verdict, the numeric value and the row vector's isotropy must all agree
                holds = (numeric < 1e-12) && holds = (isotropic && not perturb)))
        test "one loop (2.12)-(2.14): a degenerate spectrum still gives exactly zero (the correction is one common factor)" {
            let text = "model t\nparam a, b, c, mN : real\ntexture h = matrix(row(a, a*omega, a*omega^2), row(b, b*omega, b*omega^2), row(c, c*omega, c*omega^2))\ncheck seesaw_zero_mass(h, mN, one_loop)\n"
            Expect.equal (ModelCompilation.Create(text, "t.mdl").RunChecks().Outcomes.[0].Verdict) (Holds.Instance :> Verdict) "holds at one loop"
        }
        test "one loop: with alpha_w = 0 the light-mass matrix is the tree one; with a spectrum the condition changes" {
            let text loop = $"model t\nparam a, b, c : real\nparam M[3] : real positive\ntexture h = matrix(row(a, a*omega, a*omega^2), row(b, b*omega, b*omega^2), row(c, c*omega, c*omega^2))\ncheck seesaw_zero_mass(h, M{loop})\n"
            let matrixOf (t: string) =
                let c = ModelCompilation.Create(t, "t.mdl")
                let m, _ = SeesawZeroMass.LightMassMatrix(c.Spec, c.Spec.Checks.[0])
                m
            let tree = matrixOf (text "")
            let loop = matrixOf (text ", one_loop")
            let noCoupling = loop.Map(fun e -> Symbolics.Algebra.Rewriting.Substitute(e, Symbolics.Expressions.Expr.Real "alpha_w", Symbolics.Expressions.Expr.Zero))
            Expect.isTrue ((noCoupling - tree).TestZero().IsZero) "alpha_w -> 0 gives (2.9)/(2.14) at tree level"
            Expect.isFalse ((loop - tree).TestZero().IsZero) "the correction is not zero"
            Expect.isTrue (ModelCompilation.Create(text ", one_loop", "t.mdl").RunChecks().Outcomes.[0].Verdict :? HoldsIff) "a spectrum: holds only under a condition"
        }
        test "one loop, large m: m f(m) -> (M_H^2 log x_H + 3 M_Z^2 log x_Z)/m (the notes' limit)" {
            let m = 1e6
            let mH, mZ = 125.0, 91.2
            let f (m: float) = log (m * m / (mH * mH)) / (m * m / (mH * mH) - 1.0) + 3.0 * log (m * m / (mZ * mZ)) / (m * m / (mZ * mZ) - 1.0)
            let limit = (mH * mH * log (m * m / (mH * mH)) + 3.0 * mZ * mZ * log (m * m / (mZ * mZ))) / m
            Expect.floatClose { absolute = 0.0; relative = 1e-6 } (m * f m) limit "asymptotic form"
            // and the library's expression evaluates to the same f
            let e = SeesawZeroMass.EffectiveInverseMass(Symbolics.Expressions.Expr.Real "m")
            let values = dict [ "m", m; "M_H", mH; "M_Z", mZ; "M_W", 80.4; "alpha_w", 0.0338; "pi", Math.PI ]
            let v = (Evaluator.Evaluate(e, fun s -> Complex(values.[s.Name], 0.0))).Real
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } v (1.0 / m - 0.0338 / (16.0 * Math.PI * 80.4 * 80.4) * m * f m) "(2.14)"
        }
        test "seesaw_zero_mass needs a texture and a real mass" {
            let ids (text: string) = ModelCompilation.Create(text, "t.mdl").Diagnostics |> Seq.map (fun d -> d.Id) |> List.ofSeq
            Expect.equal (ids "model m\nparam mN : real\ncheck seesaw_zero_mass(h, mN)\n") [ "MDL0226" ] "no texture h"
            Expect.equal (ids "model m\nparam a : real\nparam z : complex\ntexture h = matrix(row(a))\ncheck seesaw_zero_mass(h, z)\n") [ "MDL0226" ] "complex mass"
            Expect.equal (ids "model m\nparam a : real\ntexture h = matrix(row(a, a), row(a))\n") [ "MDL0232" ] "ragged rows"
        }
    ]
