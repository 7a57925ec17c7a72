/// The kernels declared in models/conformal-bl.mdl, evaluated at the shipped cards.
module ModelDsl.Tests.Kernels.ConformalKernelTests

open System.IO
open System.Numerics
open Expecto
open ModelDsl
open ModelDsl.Physics.Leptogenesis
open ModelDsl.Tests.TestSupport
open ModelDsl.Tests.Physics.ArsLeptogenesisTests

let private spec = modelPath "conformal-bl.mdl"
let cardPath (n: string) = Path.Combine(repoRoot, "samples", "conformal-bl", $"scenario{n}.card")

/// Kernel values by name (real parts), or the formatted diagnostics as a failure.
let evaluate (card: string) (sets: string list) =
    let r = ModelCompilation.FromFile(spec).CreateNumeric(card, Array.ofList sets)
    match r.Model with
    | null -> failtestf "evaluation failed:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | m -> m.Evaluate().Values |> Seq.map (fun v -> v.Name, v.Value) |> Map.ofSeq

/// The diagnostics of a card that must not bind.
let cardErrors (text: string) =
    use f = new TempFile(text, ".card")
    let r = ModelCompilation.FromFile(spec).CreateNumeric(f.Path, [||])
    Expect.isNull r.Model "the card must not evaluate"
    r.Diagnostics |> Seq.filter (fun d -> d.IsError) |> List.ofSeq

let private goodCard = File.ReadAllText(cardPath "2")

[<Tests>]
let tests =
    testList "Kernels/conformal-bl" [
        for s in scenarios do
            test $"Scenario {s.Name} from its shipped card: the spec's kernels reproduce the reference table (1e-3; T_osc 5e-3)" {
                let k = evaluate (cardPath s.Name) []
                let got =
                    [| k.["nLe"].Real / 2.5e-10; k.["nLmu"].Real / 2.5e-10; k.["nLtau"].Real / 2.5e-10
                       k.["washout_e"].Real; k.["washout_mu"].Real; k.["washout_tau"].Real; k.["T_osc"].Real |]
                let want = reference.[s.Name]
                for q in 0 .. want.Length - 1 do
                    Expect.floatClose (toleranceOf q) got.[q] want.[q] $"Scenario {s.Name}, {quantityNames.[q]}"
                for KeyValue(name, v) in k do
                    Expect.equal v.Imaginary 0.0 $"{name} is real"
            }
        for s in scenarios do
            test $"Scenario {s.Name}: the spec's kernels equal the C# library to 1e-10" {
                let k = evaluate (cardPath s.Name) []
                let y = yukawa s
                for a, name in [ 0, "e"; 1, "mu"; 2, "tau" ] do
                    Expect.floatClose { absolute = 0.0; relative = 1e-10 } k.[$"nL{name}"].Real (asymmetry s y a) $"nL{name}"
                    Expect.floatClose { absolute = 0.0; relative = 1e-10 } k.[$"washout_{name}"].Real (ArsLeptogenesis.Washout(y, a, k0)) $"washout_{name}"
                Expect.floatClose { absolute = 0.0; relative = 1e-10 } k.["T_osc"].Real (oscillation s) "T_osc"
                Expect.floatClose { absolute = 0.0; relative = 1e-10 } k.["etaB_ratio"].Real (ArsLeptogenesis.BaryonRatio(asymmetry s y 0, k0)) "etaB_ratio"
            }
        test "the spec's own Casas-Ibarra check: seesaw_mass(Y) = U m U^T to 1e-10 at every card" {
            for s in scenarios do
                let k = evaluate (cardPath s.Name) []
                Expect.isLessThan k.["ci_residual"].Real 1e-10 $"Scenario {s.Name}"
        }
        test "lambda_P = (1/2)(125 GeV/<phi>)^2: 0.78e-6 at <phi> = 1e5 GeV (Sec. 4), 0 without <phi>" {
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } (evaluate (cardPath "5") []).["lambda_P"].Real 7.8125e-7 "Scenario 5"
            Expect.equal (evaluate (cardPath "2") []).["lambda_P"].Real 0.0 "Scenario 2"
        }
        test "--set overrides a card value" {
            let k5 = evaluate (cardPath "5") []
            let k2as5 = evaluate (cardPath "2") [ "vphi = 1e5 GeV" ]
            Expect.equal k2as5.["nLe"] k5.["nLe"] "Scenario 2 with vphi = 1e5 GeV is Scenario 5"
            let moved = evaluate (cardPath "2") [ "w23=0.3-1.5i" ]
            let k1masses = evaluate (cardPath "2") [ "w23=0.3-1.5i"; "M=(0.5, 0.6, 0.7) GeV" ]
            Expect.notEqual moved.["nLe"] k1masses.["nLe"] "two overrides"
            Expect.floatClose tableTolerance (k1masses.["nLe"].Real / 2.5e-10) reference.["1"].[0] "Scenario 2 moved to Scenario 1"
        }
        testList "bad cards give located diagnostics" [
            test "unknown parameter" {
                let ds = cardErrors (goodCard.Replace("s13 = 0.16", "s31 = 0.16"))
                Expect.equal (ds |> List.map (fun d -> d.Id)) [ "MDL0300" ] "unknown; s13, its suggestion, is not also called missing"
                Expect.stringContains ds.Head.Message "Did you mean 's13'?" "suggestion"
            }
            test "missing unit" {
                let ds = cardErrors (goodCard.Replace("(3.6, 4.0, 4.4) GeV", "(3.6, 4.0, 4.4)"))
                Expect.equal (ds |> List.map (fun d -> d.Id, d.Line)) [ "MDL0302", 4 ] "located"
            }
            test "malformed complex number" {
                let ds = cardErrors (goodCard.Replace("w23 = -1.2i", "w23 = -1.2j"))
                Expect.equal (ds |> List.map (fun d -> d.Id)) [ "MDL0002" ] "malformed number"
                Expect.equal (ds.Head.Line, ds.Head.Column) (8, 42) "at the literal"
            }
            test "negative mass" {
                let ds = cardErrors (goodCard.Replace("(3.6, 4.0, 4.4) GeV", "(3.6, -4.0, 4.4) GeV"))
                Expect.equal (ds |> List.map (fun d -> d.Id)) [ "MDL0307" ] "out of range"
                Expect.stringContains ds.Head.Message "must be positive" "message"
            }
            test "light masses that do not follow the ordering" {
                let ds = cardErrors (goodCard.Replace("(0, 8.7, 49.0) meV", "(49.0, 8.7, 0) meV"))
                Expect.equal (ds |> List.map (fun d -> d.Id)) [ "MDL0308" ] "normal ordering violated"
                let ok = goodCard.Replace("(0, 8.7, 49.0) meV", "(49.0, 50.0, 0) meV") + "ordering = inverted\n"
                use f = new TempFile(ok, ".card")
                Expect.isTrue (evaluate f.Path [] |> Map.containsKey "nLe") "inverted ordering accepted when declared"
            }
            test "a unit on a dimensionless parameter, an unknown unit, a wrong component count" {
                Expect.equal ((cardErrors (goodCard.Replace("s12 = 0.55", "s12 = 0.55 GeV"))) |> List.map (fun d -> d.Id)) [ "MDL0303" ] "unit on s12"
                Expect.equal ((cardErrors (goodCard.Replace("(3.6, 4.0, 4.4) GeV", "(3.6, 4.0, 4.4) GeVV"))) |> List.map (fun d -> d.Id)) [ "MDL0304" ] "unknown unit"
                Expect.equal ((cardErrors (goodCard.Replace("(3.6, 4.0, 4.4) GeV", "(3.6, 4.0) GeV"))) |> List.map (fun d -> d.Id)) [ "MDL0306" ] "two components"
                Expect.equal ((cardErrors (goodCard.Replace("s12 = 0.55", "s12 = 0.55+0.1i"))) |> List.map (fun d -> d.Id)) [ "MDL0310" ] "complex for real"
            }
            test "a card for another model" {
                Expect.equal ((cardErrors (goodCard.Replace("for conformal_bl", "for sm"))) |> List.map (fun d -> d.Id)) [ "MDL0311" ] "other model"
            }
        ]
    ]
