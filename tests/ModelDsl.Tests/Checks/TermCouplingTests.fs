/// A term's coupling said once (issue 11, "one coupling"): a parameter, a texture or a let, written by name in the term with
/// the term's index order. The checks read a texture's exact entries (so a term that reads h0 gets the verdicts of the same
/// coupling written out by hand), a let is a general matrix to them, and kernels read the same names' values.
module ModelDsl.Tests.Checks.TermCouplingTests

open System.IO
open Expecto
open FsCheck
open FsCheck.FSharp
open ModelDsl
open ModelDsl.Model
open ModelDsl.Checks
open ModelDsl.Tests.TestSupport
open ModelDsl.Tests.Physics.ArsLeptogenesisTests

let private seesawText () = File.ReadAllText(modelPath "seesaw-z3.mdl")

/// The shipped Yukawa term, and seed 001's (2.10) written out by hand (the shipped model's term before it read h0).
let private textureTerm = "yukawa -h0[l,al]*bar(L[l])*conj(H)*nuR[al] + h.c."
let private handWritten = "yukawa -(a*bar(L[1]) + b*bar(L[2]) + c*bar(L[3]))*conj(H)*(nuR[1] + omega*nuR[2] + omega^2*nuR[3]) + h.c."

let private compiled (text: string) =
    let c = ModelCompilation.Create(text, modelPath "variant.mdl")
    if isNull c.Spec then failtestf "did not compile:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
    c

/// Each outcome as (check, item, status, conditions or witness); an invariance item keeps only its line number (the term's
/// text differs by construction).
let private verdicts (c: ModelCompilation) =
    [ for o in c.RunChecks().Outcomes ->
        let item = if o.Check = "invariance" then o.Item.Substring(0, o.Item.IndexOf ':') else o.Item
        let detail =
            match o.Verdict with
            | :? HoldsIff as h -> h.Conditions |> Seq.map string |> Seq.sort |> String.concat "; "
            | :? Fails as f -> f.Witness
            | _ -> ""
        o.Check, item, o.Verdict.Status, detail ]

/// The conditions of a HoldsIff verdict, as strings (a test failure for any other verdict).
let private conditionsOf (o: CheckOutcome) =
    match o.Verdict with
    | :? HoldsIff as h -> h.Conditions |> Seq.map string |> Set.ofSeq
    | v -> failtestf "expected HoldsIff, got %A" v

/// The shipped model and three variants of its symmetry: lepton Z3 charge 1 (the conjugate direction), the shift the other
/// way round, no Z3 at all.
let private variants =
    [ "shipped", id
      "leptons Z3: 1", fun (t: string) -> t.Replace("U1Y: -1/2, Z3: 2", "U1Y: -1/2, Z3: 1").Replace("U1Y: -1, Z3: 2", "U1Y: -1, Z3: 1")
      "nuR perm(3, 1, 2)", fun (t: string) -> t.Replace("Z3: perm(2, 3, 1)", "Z3: perm(3, 1, 2)")
      "no Z3", fun (t: string) -> t.Replace("group Z3   : Z(3)\n", "").Replace(", Z3: 2", "").Replace(", Z3: perm(2, 3, 1)", "") ]

[<Tests>]
let tests =
    testList "Checks/TermCouplings" [
        for name, change in variants do
            test $"seesaw-z3.mdl ({name}): the term reading texture h0 gets the verdicts of (2.10) written out by hand" {
                let shipped = change (seesawText ())
                Expect.stringContains shipped textureTerm "the shipped term reads h0"
                let byHand = shipped.Replace(textureTerm, handWritten).Replace("texture_allowed(h0)", "texture_allowed(h0, L, nuR)")
                let got = verdicts (compiled shipped)
                Expect.equal got (verdicts (compiled byHand)) "every check, item and verdict"
                Expect.isTrue (got |> List.exists (fun (c, _, _, _) -> c = "texture_allowed")) "texture_allowed ran"
                Expect.isTrue (got |> List.exists (fun (c, _, _, _) -> c = "seesaw_zero_mass")) "seesaw_zero_mass ran"
            }
        // Law: a term reading texture T has the verdicts of the same term with T's entries written out, whatever the entries
        // and however a Z3 acts (charges or a permutation on N), since the checks read T's exact entries.
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 30 } "a texture coupling and its entries written out get the same verdicts" (
            let entry = Gen.elements [ "0"; "1"; "-1"; "omega"; "omega^2"; "2*I"; "a"; "a*omega" ]
            let action = Gen.elements [ "perm(2, 3, 1)"; "perm(3, 1, 2)"; "(0, 1, 2)"; "(1, 1, 1)"; "0" ]
            Prop.forAll (Arb.fromGen (Gen.zip3 (Gen.arrayOfLength 9 entry) (Gen.choose (0, 2)) action)) (fun (entries, q, onN) ->
                let texture = String.concat ", " [ for l in 0..2 -> "row(" + String.concat ", " entries.[3 * l .. 3 * l + 2] + ")" ]
                let head =
                    $"model m\ngroup SU2L : SU(2)\ngroup Z3 : Z(3)\nfermion L {{ chirality: left, gen: 3, SU2L: 2, Z3: {q} }}\n"
                    + $"fermion N {{ chirality: right, gen: 3, Z3: {onN} }}\nscalar H {{ complex, SU2L: 2 }}\nparam a : real\ntexture T = matrix({texture})\n"
                let written = String.concat " + " [ for l in 1..3 do for al in 1..3 -> $"({entries.[3 * (l - 1) + al - 1]})*bar(L[{l}])*conj(H)*N[{al}]" ]
                let byName = compiled (head + "yukawa -T[l,al]*bar(L[l])*conj(H)*N[al] + h.c.\ncheck invariance, texture_allowed(T)\n")
                let byHand = ModelCompilation.Create(head + $"yukawa -({written}) + h.c.\ncheck invariance, texture_allowed(T, L, N)\n", "hand.mdl")
                // an invariance failure names the first failing component, which depends on the order the expansion lists
                // them in (the two terms expand in different orders): its status is compared, not its witness
                let coarse c = verdicts c |> List.map (fun (check, item, status, detail) -> check, item, status, (if check = "invariance" && status = "Fails" then "" else detail))
                // all nine entries zero: the written-out term has no field left (MDL0217), nothing to compare
                isNull byHand.Spec && Array.forall ((=) "0") entries || coarse byName = coarse byHand))
        test "seesaw-z3.mdl: the Yukawa's coupling is texture h0, rows L, columns nuR; texture_allowed(h0) reads that term's fields" {
            let c = compiled (seesawText ())
            let coupling = c.Spec.Terms |> Seq.collect (fun t -> t.Couplings) |> Seq.find (fun x -> x.Name = "h0")
            Expect.equal (coupling.Kind, coupling.Rows, coupling.Columns) (CouplingKind.Texture, 3, 3) "a 3x3 texture"
            Expect.equal (coupling.RowField.Name, coupling.ColumnField.Name) ("L", "nuR") "the term's index order"
            let request = c.Spec.Checks |> Seq.find (fun r -> r.Name = "texture_allowed")
            Expect.sequenceEqual request.Arguments [ "h0"; "L"; "nuR" ] "texture_allowed(h0) = texture_allowed(h0, L, nuR)"
            let o = c.RunChecks().Outcomes |> Seq.find (fun o -> o.Check = "texture_allowed")
            Expect.equal o.Verdict (Holds.Instance :> Verdict) "(2.10) is what the Z3 allows"
        }
        test "seesaw-z3.mdl with h0[al,l] (rows the heavy neutrinos): one located MDL0285 at the coupling" {
            let text = (seesawText ()).Replace("-h0[l,al]*bar(L[l])", "-h0[al,l]*bar(L[l])")
            let c = ModelCompilation.Create(text, modelPath "variant.mdl")
            let errors = c.Diagnostics |> Seq.filter (fun d -> d.IsError) |> List.ofSeq
            Expect.equal (errors |> List.map (fun d -> d.Id)) [ "MDL0285" ] "one error"
            Expect.equal (text.Substring(errors.Head.Span.Start, errors.Head.Span.Length)) "h0[al,l]" "at the coupling"
        }
        test "a fitted let F.h as the coupling: a general matrix to invariance, whose Z3 conditions name its entries and say so" {
            let text = (seesawText ()).Replace(textureTerm, "yukawa -F.h[l,al]*bar(L[l])*conj(H)*nuR[al] + h.c.").Replace("texture_allowed(h0)", "texture_allowed(h0, L, nuR)")
            let c = compiled text
            let coupling = c.Spec.Terms |> Seq.collect (fun t -> t.Couplings) |> Seq.find (fun x -> x.Name = "F.h")
            Expect.equal coupling.Kind CouplingKind.Let "a let"
            let o = c.RunChecks().Outcomes |> Seq.find (fun o -> o.Check = "invariance" && o.Item.Contains "F.h")
            Expect.stringContains o.Item "[let F.h: entries unknown]" "the note"
            // G_L^dagger h G_N = h for a general h: conditions on F.h's entries only
            match o.Verdict with
            | :? HoldsIff as h -> Expect.isTrue (h.Conditions |> Seq.forall (fun x -> x.Symbols() |> Seq.forall (fun s -> s.Name.StartsWith "F.h["))) "only F.h's entries"
            | v -> failtestf "expected HoldsIff, got %A" v
        }
        test "a let under per-generation charges: invariance holds iff the entries the charges forbid vanish" {
            let text =
                "model m\ngroup SU2L : SU(2)\ngroup U1X : U(1)\nfermion L { chirality: left, gen: 3, SU2L: 2, U1X: (0, 1, -1) }\n"
                + "fermion eR { chirality: right, gen: 3, U1X: (0, 1, -1) }\nscalar H { complex, SU2L: 2 }\nparam y : real\n"
                + "let U = pmns(s12: y, s23: y, s13: y, delta: y)\nyukawa -U[i,j]*bar(L[i])*H*eR[j] + h.c.\ncheck invariance\n"
            let o = (compiled text).RunChecks().Outcomes |> Seq.find (fun o -> o.Check = "invariance")
            Expect.stringContains o.Item "[let U: entries unknown]" "the note"
            let expected = set [ for i in 1..3 do for j in 1..3 do if i <> j then $"U[{i},{j}]" ]
            Expect.equal (conditionsOf o) expected "off-diagonal entries (q_j - q_i != 0)"
        }
        test "conformal-bl.mdl: the Dirac Yukawa term's coupling is the Casas-Ibarra let Y, rows nuR, columns L" {
            let c = ModelCompilation.FromFile(modelPath "conformal-bl.mdl")
            let coupling = c.Spec.Terms |> Seq.collect (fun t -> t.Couplings) |> Seq.find (fun x -> x.Name = "Y")
            Expect.equal coupling.Kind CouplingKind.Let "a let"
            Expect.equal (coupling.RowField.Name, coupling.ColumnField.Name) ("nuR", "L") "Y[i,a]: i sterile, a active"
            Expect.isFalse (c.Spec.Parameters |> Seq.exists (fun p -> p.Name = "YD")) "no second Dirac Yukawa"
        }
        for s in scenarios do
            test $"conformal-bl.mdl, Scenario {s.Name}: kernels reading the term's coupling by its entry names equal Casas-Ibarra (C# library, 1e-12)" {
                let spec = ModelCompilation.FromFile(modelPath "conformal-bl.mdl").Spec
                let coupling = spec.Terms |> Seq.collect (fun t -> t.Couplings) |> Seq.find (fun x -> x.Kind = CouplingKind.Let)
                let kernels = String.concat "" [ for i in 1..3 do for j in 1..3 -> $"kernel coupling_{i}_{j} = {coupling.EntrySymbol(i, j)}\n" ]
                let text = File.ReadAllText(modelPath "conformal-bl.mdl") + kernels
                let card = Path.Combine(repoRoot, "samples", "conformal-bl", $"scenario{s.Name}.card")
                let r = (compiled text).CreateNumeric(card)
                if isNull r.Model then failtestf "%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
                let values = r.Model.Evaluate()
                let y = yukawa s
                for i in 1..3 do
                    for j in 1..3 do
                        let got = values.[$"coupling_{i}_{j}"].Value
                        let want = y.[i - 1, j - 1]
                        // the same doubles through two routes (the let's builtin and the library call): rounding only
                        Expect.isLessThanOrEqual (System.Numerics.Complex.Abs(got - want)) (1e-12 * want.Magnitude) $"Y[{i},{j}] = {want}, got {got}"
            }
    ]
