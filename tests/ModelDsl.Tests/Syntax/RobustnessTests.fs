/// No input makes the compiler throw: every run ends in a model or in diagnostics.
module ModelDsl.Tests.Syntax.RobustnessTests

open System
open System.IO
open System.Text
open Expecto
open FsCheck
open FsCheck.FSharp
open ModelDsl
open ModelDsl.Tests.TestSupport

let private shippedTexts = shippedModels |> Array.map File.ReadAllText

/// A mutant of the k-th shipped model, placed beside it, so that its includes (paths relative to the spec) are found.
let private mutantPath k = Path.Combine(Path.GetDirectoryName shippedModels.[k], "mutant.mdl")

/// Compiles; true when the result is a model, or diagnostics with at least one error.
/// Any exception propagates and fails the property. A model that compiles is also checked and formatted.
let private survives (text: string) =
    // a shipped model's path, so its tables' data files (paths relative to the spec) are found
    let c = ModelCompilation.Create(text, modelPath "mutant.mdl")
    match c.Spec with
    | null -> c.Diagnostics |> Seq.exists (fun d -> d.IsError)
    | _ ->
        c.RunChecks() |> ignore
        c.Format() |> ignore
        true

type private Mutation =
    | ReplaceByte of position: int * value: byte
    | InsertByte of position: int * value: byte
    | DeleteSpan of position: int * length: int
    | DuplicateSpan of position: int * length: int
    | SwapTokens of first: int * second: int

let private genMutation =
    Gen.oneof [
        Gen.map2 (fun p v -> ReplaceByte(p, byte v)) (Gen.choose (0, 100000)) (Gen.choose (0, 255))
        Gen.map2 (fun p v -> InsertByte(p, byte v)) (Gen.choose (0, 100000)) (Gen.choose (0, 255))
        Gen.map2 (fun p l -> DeleteSpan(p, l)) (Gen.choose (0, 100000)) (Gen.choose (1, 12))
        Gen.map2 (fun p l -> DuplicateSpan(p, l)) (Gen.choose (0, 100000)) (Gen.choose (1, 12))
        Gen.map2 (fun a b -> SwapTokens(a, b)) (Gen.choose (0, 100000)) (Gen.choose (0, 100000))
    ]

/// Applies mutations at byte level (so invalid UTF-8 can appear) or token level (whitespace-separated words).
let private mutate (text: string) (mutations: Mutation list) =
    let bytes = ResizeArray(Encoding.UTF8.GetBytes text)
    for m in mutations do
        let at p = if bytes.Count = 0 then 0 else p % bytes.Count
        match m with
        | ReplaceByte(p, v) -> if bytes.Count > 0 then bytes.[at p] <- v
        | InsertByte(p, v) -> bytes.Insert(at p, v)
        | DeleteSpan(p, l) -> if bytes.Count > 0 then (let s = at p in bytes.RemoveRange(s, min l (bytes.Count - s)))
        | DuplicateSpan(p, l) -> if bytes.Count > 0 then (let s = at p in bytes.InsertRange(s, bytes.GetRange(s, min l (bytes.Count - s))))
        | SwapTokens(a, b) ->
            let words = Encoding.UTF8.GetString(bytes.ToArray()).Split(' ')
            if words.Length > 1 then
                let i, j = a % words.Length, b % words.Length
                let t = words.[i]
                words.[i] <- words.[j]
                words.[j] <- t
                bytes.Clear()
                bytes.AddRange(Encoding.UTF8.GetBytes(String.Join(" ", words)))
    Encoding.UTF8.GetString(bytes.ToArray()) // invalid sequences become U+FFFD, as when reading a file

/// One-token edits: delete the token, or replace it by one of these texts.
let private oneTokenEdits = [| ""; "x"; "1e999"; "1e99999999"; "("; ")"; ","; "*"; "/"; "0"; "M"; "sum"; "kernel"; "[" |]

/// Applies an edit to the token at `at` (modulo the number of tokens), found with the real lexer.
let private editOneToken (text: string) (at: int) (replacement: string) =
    let tokens =
        ModelDsl.Syntax.Lexer(ModelDsl.Text.SourceText.From(text, "m.mdl"), ModelDsl.Diagnostics.DiagnosticBag()).Lex()
        |> Seq.filter (fun t -> t.Span.Length > 0)
        |> Array.ofSeq
    let t = tokens.[at % tokens.Length]
    text.Remove(t.Span.Start, t.Span.Length).Insert(t.Span.Start, replacement)

[<Tests>]
let tests =
    testList "Syntax/Robustness" [
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 300 } "random byte and token mutations of every shipped model never throw" (
            Prop.forAll (Arb.fromGen (Gen.zip (Gen.choose (0, shippedTexts.Length - 1)) (Gen.listOf genMutation |> Gen.map (List.truncate 6)))) (fun (k, ms) ->
                survives (mutate shippedTexts.[k] ms)))
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 300 } "deleting or replacing one token of a shipped model gives no exact duplicate diagnostic" (
            Prop.forAll (Arb.fromGen (Gen.zip3 (Gen.choose (0, shippedTexts.Length - 1)) (Gen.choose (0, 100000)) (Gen.elements oneTokenEdits))) (fun (k, at, edit) ->
                let text = editOneToken shippedTexts.[k] at edit
                let c = ModelCompilation.Create(text, mutantPath k)
                let keys = c.Diagnostics |> Seq.map (fun d -> d.Id, d.Span, d.Message) |> List.ofSeq
                (List.length keys = List.length (List.distinct keys))
                |> Prop.label (ModelDsl.Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)))
        // One mistake, one diagnostic at its cause: a deleted token may leave a renamed or lost declaration
        // (then its uses are unknown names, each reported once), but never a cascade. Over all 3301
        // single-token deletions of the shipped models the most errors measured was 3.
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 300 } "deleting one token of a shipped model gives at most 3 errors" (
            Prop.forAll (Arb.fromGen (Gen.zip (Gen.choose (0, shippedTexts.Length - 1)) (Gen.choose (0, 100000)))) (fun (k, at) ->
                let c = ModelCompilation.Create(editOneToken shippedTexts.[k] at "", mutantPath k)
                let errors = c.Diagnostics |> Seq.filter (fun d -> d.IsError) |> Seq.length
                (errors <= 3) |> Prop.label (ModelDsl.Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)))
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 200 } "random token soup never throws" (
            let tokens = [| "model"; "group"; "fermion"; "scalar"; "param"; "potential"; "yukawa"; "majorana"; "vev"; "check"; "{"; "}"; "("; ")"; "["; "]"; ","; ":"; "+"; "-"; "*"; "/"; "^"; "->"; "h.c."; "x"; "H"; "L"; "U(1)"; "SU(3)"; "3bar"; "1/2"; "2.5i"; "i"; "\""; "#"; "\n"; "gen"; "chirality"; "left"; "conj"; "bar"; "const"; "let"; "define"; "kernel"; "sum"; "pairs"; "minpairs"; "ifpos"; "pmns"; "casas_ibarra"; "M[i]"; "pi"; "cw_minimum(phi)"; "=" |]
            Prop.forAll (Arb.fromGen (Gen.listOf (Gen.elements tokens))) (fun ws -> survives (String.Join(" ", ws))))
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 40 } "deep nesting, large powers and long sums end in a model or diagnostics" (
            // size-bounded: n grows to 400000 at FsCheck's largest size (100)
            let header = "model m\ngroup U1 : U(1)\nscalar phi { complex, U1: 1 }\nscalar S { complex, U1: 1 }\nparam lam, v2, x : real\n"
            let bases = [ "dag(phi)*phi"; "dag(phi)*phi - v2"; "dag(phi)*phi + dag(S)*S - v2"; "phi*conj(S) + S*conj(phi) + dag(S)*S + dag(phi)*phi + lam" ]
            let genSpec =
                Gen.sized (fun size ->
                    let upTo = Gen.choose (1, max 1 (40 * size * size))
                    Gen.oneof [
                        upTo |> Gen.map (fun d -> header + "potential lam*" + String.replicate d "(" + "dag(phi)*phi" + String.replicate d ")" + "\n")
                        Gen.zip upTo (Gen.elements bases) |> Gen.map (fun (k, b) -> header + $"potential lam*({b})^{k}\n")
                        Gen.zip (Gen.choose (1, 80)) (Gen.elements bases) |> Gen.map (fun (k, b) -> header + $"potential lam*({b})^{k}\n")
                        upTo |> Gen.map (fun k -> header + "potential lam*dag(phi)*phi" + String.replicate k " + lam*dag(S)*S" + "\n")
                        upTo |> Gen.map (fun k -> header + "kernel k = x" + String.replicate k " + x^2" + $" + (x + 1)^{k}" + "\n")
                    ])
            Prop.forAll (Arb.fromGen genSpec) survives)
        test "empty and blank files" {
            Expect.isTrue (survives "") "empty"
            Expect.isTrue (survives "   \n\n  # only a comment\n") "blank"
        }
        test "binary garbage" {
            let rnd = Random(7)
            for _ in 1..20 do
                let bytes = Array.zeroCreate 4096
                rnd.NextBytes bytes
                Expect.isTrue (survives (Encoding.UTF8.GetString bytes)) "garbage"
        }
        test "a 10 MB file" {
            let line = "param a : real   # a comment that makes the line longer than it needs to be\n"
            let text = "model big\n" + String.replicate (10_000_000 / line.Length) line
            Expect.isTrue (survives text) "10 MB"
        }
        test "deep nesting and unterminated constructs" {
            for text in [ "model m\npotential " + String.replicate 100000 "("
                          "model m\nfermion L { chirality: left"
                          "model m\nparam Y[3"
                          "model m \"unterminated"
                          "model m\nyukawa -Y[i,j*bar(L[i]"
                          "model m\ngroup G : SU("
                          "model m\ncheck anomalies(" ] do
                Expect.isTrue (survives text) text
        }
        test "huge exponents neither crash nor hang" {
            for text in [ "model m\nconst c = 2^100000000000000000000\n"
                          "model m\nparam v : real\nkernel k = v*(2*v + 2)^10000000000\n"
                          "model m\ngroup U1 : U(1)\nscalar phi { complex, U1: 1 }\nparam lam : real\npotential lam*abs(phi)^10000000000\n"
                          "model m\nparam v : real\nkernel k = (v + 1)^1000000000 - (v + 1)^1000000000\n" ] do
                let sw = Diagnostics.Stopwatch.StartNew()
                Expect.isTrue (survives text) text
                Expect.isLessThan sw.Elapsed.TotalSeconds 10.0 $"promptly: {text}"
        }
        test "non-UTF-8 bytes in a file are reported where they stand" {
            use f = new TempFile("")
            File.WriteAllBytes(f.Path, Array.append (Encoding.UTF8.GetBytes "model m\nparam a : real ") [| 0xC3uy; 0x28uy; 0xFFuy |])
            let c = ModelCompilation.FromFile f.Path
            let d = c.Diagnostics |> Seq.head
            Expect.equal d.Id "MDL0001" "bad character"
            Expect.equal (d.Line, d.Column) (2, 16) "located"
            Expect.stringContains d.Message "not valid UTF-8" "says why"
        }
        test "a missing file is a diagnostic, not an exception" {
            let c = ModelCompilation.FromFile "/no/such/file.mdl"
            Expect.equal (c.Diagnostics |> Seq.map (fun d -> d.Id) |> List.ofSeq) [ "MDL0000" ] "cannot read"
        }
    ]
