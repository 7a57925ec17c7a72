/// Card diagnostics in annotated-text style: one mistake in a parameter card gives one error, at its
/// cause (a bad value does not also make its parameter 'missing', nor fail the sign or ordering check).
module ModelDsl.Tests.Syntax.CardDiagnosticTests

open Expecto
open ModelDsl
open ModelDsl.Diagnostics
open ModelDsl.Model
open ModelDsl.Syntax
open ModelDsl.Text

let private spec =
    let c = ModelCompilation.Create("""model m
param M[3] : real mass positive
param mnu[3] : real mass nonnegative ordered
param s : real
param w : complex
kernel k = M[1] + mnu[1] + s + re(w)
""", "m.mdl")
    c.Spec

/// A good card; each case puts one mistake into it.
let private card = "card \"t\" for m\nM = (1, 2, 3) GeV\nmnu = (0, 8.7, 49) meV\ns = 0.5\nw = 1+2i\n"

let private unmark (annotated: string) =
    let start = annotated.IndexOf '⟦'
    let stop = annotated.IndexOf '⟧'
    if start < 0 || stop < start then failwith "no ⟦ ⟧ span in the test text"
    annotated.Remove(stop, 1).Remove(start, 1), start, stop - start - 1

/// `card` with `original` replaced by `annotated` gives exactly one error, with this ID and span.
let private cardCase (id: string) (original: string) (annotated: string) =
    test $"{id}: {original.Trim()} -> {annotated.Trim()}" {
        let text, start, length = unmark (card.Replace(original, annotated))
        let struct (point, ds) = CardBinder.Bind(spec, CardTree.Parse(SourceText.From(text, "c.card")))
        let errors = ds |> Seq.filter (fun d -> d.IsError) |> List.ofSeq
        let shown = DiagnosticPrinter.FormatAll errors
        Expect.equal (errors |> List.map (fun d -> d.Id)) [ id ] $"one error {id}; got:\n{shown}"
        Expect.equal (errors.Head.Span.Start, errors.Head.Span.Length) (start, length) $"span:\n{shown}"
        Expect.isNull (box point) "no point"
    }

[<Tests>]
let tests =
    testList "Syntax/CardDiagnostics" [
        test "the good card binds" {
            let struct (point, ds) = CardBinder.Bind(spec, CardTree.Parse(SourceText.From(card, "c.card")))
            Expect.isEmpty ds "no diagnostics"
            Expect.isNotNull (box point) "a point"
        }
        // a malformed value: not also 'missing', not a sign or ordering failure of a value that never was
        cardCase "MDL0002" "s = 0.5" "s = ⟦0.5x⟧"
        cardCase "MDL0002" "mnu = (0, 8.7, 49) meV" "mnu = (0, 8.7, ⟦49x⟧) meV"
        cardCase "MDL0002" "M = (1, 2, 3) GeV" "M = (1, 2, ⟦3x⟧) GeV"
        cardCase "MDL0305" "s = 0.5" "s = ⟦q⟧"
        cardCase "MDL0305" "s = 0.5" "s = ⟦sqrt(0.5 != 1)⟧"
        cardCase "MDL0012" "s = 0.5\nw = 1+2i" "s = 0.5 +\n⟦w⟧ = 1+2i"
        cardCase "MDL0010" "M = (1, 2, 3) GeV" "M = (1, 2 ⟦3⟧) GeV"
        cardCase "MDL0013" "M = (1, 2, 3) GeV" "M = ⟦(⟧1, 2, 3 GeV"
        cardCase "MDL0300" "s = 0.5" "⟦ss⟧ = 0.5"
        cardCase "MDL0311" "for m" "for ⟦other⟧"
        cardCase "MDL0300" "mnu = (0, 8.7, 49) meV" "⟦q⟧ = (0, 8.7, 49) meV"
        cardCase "MDL0010" "M = (1, 2, 3) GeV" "M = 1⟦,⟧ 2, 3) GeV"
        cardCase "MDL0010" "M = (1, 2, 3) GeV" "⟦=⟧ (1, 2, 3) GeV"
        cardCase "MDL0312" "card \"t\" for m" "⟦\"t\"⟧ for m"
        cardCase "MDL0307" "M = (1, 2, 3) GeV" "M = (1, ⟦-2⟧, 3) GeV"
        cardCase "MDL0308" "mnu = (0, 8.7, 49) meV" "⟦mnu = (49, 8.7, 0) meV⟧"
    ]
