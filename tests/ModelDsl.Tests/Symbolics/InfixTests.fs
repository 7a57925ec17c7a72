module ModelDsl.Tests.Symbolics.InfixTests

open Expecto
open ModelDsl.FSharp
open FsCheck
open FsCheck.FSharp
open ModelDsl.Symbolics.Expressions
open ModelDsl.Symbolics.Parsing
open ModelDsl.Symbolics.Printing
open ModelDsl.Tests.Symbolics.Generators

let private p text = Infix.ParseOrThrow(text, symbolsResolver)

/// Annotated-text error test: the expected span is marked with [ ] in the text.
let private expectError (annotated: string) (id: string) =
    let start = annotated.IndexOf '['
    let stop = annotated.IndexOf ']'
    let text = annotated.Remove(stop, 1).Remove(start, 1)
    let r = Infix.Parse(text, symbolsResolver)
    Expect.isFalse r.Success $"'{text}' must not parse"
    let e = r.Errors.[0]
    Expect.equal e.Id id $"error ID for '{text}': {e}"
    Expect.equal (e.Start, e.Length) (start, stop - start - 1) $"span for '{text}': {e}"

[<Tests>]
let tests =
    testList "Symbolics/Printing and parsing" [
        test "infix printing" {
            Expect.equal (string (p "x*y^2/(3*z)")) "x*y^2/(3*z)" "quotient"
            Expect.equal (string (p "-x + 1")) "-x + 1" "leading minus, number last"
            Expect.equal (string (p "x - 2*y")) "x - 2*y" "minus"
            Expect.equal (string (p "1/sqrt(x)")) "1/sqrt(x)" "sqrt in denominator"
            Expect.equal (string (p "(x + y)^(1/3)")) "(x + y)^(1/3)" "rational exponent"
            Expect.equal (string (p "omega*z + I")) "omega*z + I" "units"
            Expect.equal (string (p "(1 + 2*omega)*z")) "(1 + 2*omega)*z" "mixed number coefficient"
            Expect.equal (string (p "(1 + omega)*z")) "-omega^2*z" "omega^2 = -1 - omega is shown as omega^2"
            Expect.equal (string (Expr.Pow(Expr.Pow(Expr.Omega, 2), Expr.Fraction(1, 10)))) "(omega^2)^(1/10)" "omega^2 as a power base"
            Expect.equal (string (p "x^(-y)")) "x^(-y)" "symbolic negative exponent"
            Expect.equal (string (p "2.5i*x")) "5/2*I*x" "imaginary literal"
        }
        test "LaTeX printing" {
            Expect.equal (LatexPrinter.Print(p "x*y^2/(3*z)")) "\\frac{x y^{2}}{3 z}" "fraction"
            Expect.equal (LatexPrinter.Print(p "sqrt(x + 1)")) "\\sqrt{x + 1}" "sqrt"
            Expect.equal (LatexPrinter.Print(p "omega*conj(z)")) "\\omega \\overline{z}" "omega, conj"
            Expect.equal (LatexPrinter.Print(Expr.Real "lambda_phi")) "\\lambda_{\\phi}" "greek with subscript"
            Expect.equal (LatexPrinter.Print(p "abs(z)^2")) "\\left|z\\right|^{2}" "abs"
        }
        testProperty "parse(print(e)) == e" (
            Prop.forAll (Arb.fromGen genAny) (fun e ->
                let r = Infix.Parse(string e, symbolsResolver)
                r.Success && r.Value = e))
        testList "located errors" [
            test "unclosed parenthesis" { expectError "x + [(]y" "MDL0103" }
            test "unexpected character" { expectError "x [$] y" "MDL0101" }
            test "unknown function" { expectError "[foo](x)" "MDL0104" }
            test "wrong arity" { expectError "[exp](x, y)" "MDL0105" }
            test "implicit product" { expectError "[2x]" "MDL0109" }
            test "an exponent too large to expand" { expectError "[1e999999999]" "MDL0109" }
            test "division by exact zero" { expectError "x[/0]" "MDL0107" }
            test "trailing text" { expectError "x + y [)]" "MDL0108" }
            test "unknown symbol" {
                let r = Infix.Parse("x + q", Infix.Known [ x ])
                Expect.equal r.Errors.[0].Id "MDL0106" "unknown"
                Expect.equal (r.Errors.[0].Line, r.Errors.[0].Column) (1, 5) "line, col"
            }
            test "empty text" { Expect.equal (Infix.Parse("").Errors.[0].Id) "MDL0102" "empty" }
            test "line and column on the second line" {
                let r = Infix.Parse("x +\n  (y", symbolsResolver)
                Expect.equal (r.Errors.[0].Line, r.Errors.[0].Column) (2, 3) "position"
            }
            test "all errors in one run" {
                let r = Infix.Parse("foo(x) + $ + (y", symbolsResolver)
                Expect.equal (r.Errors |> Seq.map (fun e -> e.Id) |> List.ofSeq) [ "MDL0104"; "MDL0101"; "MDL0103" ] "three errors"
            }
            test "deep nesting is an error, not a crash" {
                let r = Infix.Parse(String.replicate 100000 "(" + "x")
                Expect.equal r.Errors.[0].Id "MDL0110" "depth"
            }
            test "TryParse and ParseOrThrow" {
                Expect.isFalse (fst (Infix.TryParse("x +"))) "TryParse"
                Expect.throwsT<System.FormatException> (fun () -> Infix.ParseOrThrow("x +") |> ignore) "ParseOrThrow"
            }
            testProperty "random text never throws" (
                Prop.forAll (Arb.fromGen (Gen.arrayOf (Gen.elements (List.ofSeq "xyz+-*/^() 1.5ie,omegasqrt$")) |> Gen.map System.String)) (fun text ->
                    let r = Infix.Parse(text, symbolsResolver)
                    r.Success <> (r.Errors.Count > 0)))
            test "large inputs: 1e5 nested parentheses, signs and exponents are errors; a 1e5-term sum and x^1000000 parse promptly" {
                let sw = System.Diagnostics.Stopwatch.StartNew()
                for text in [ String.replicate 100000 "(" + "x" + String.replicate 100000 ")"
                              String.replicate 100000 "- " + "x"
                              String.replicate 100000 "x^" + "2" ] do
                    let r = Infix.Parse(text, symbolsResolver)
                    Expect.isFalse r.Success "too deep"
                    Expect.equal r.Errors.[0].Id "MDL0110" "nesting reported"
                let sum = Infix.Parse(String.concat " + " (Seq.init 100000 (fun k -> $"{k}*x^{k % 7}*y^{k % 11}")), symbolsResolver)
                Expect.isTrue sum.Success "long sum"
                Expect.equal (Infix.ParseOrThrow("x^1000000*x", symbolsResolver)) (Expr.Pow(x, 1000001)) "huge power"
                Expect.isLessThan sw.Elapsed.TotalSeconds 20.0 "promptly"
            }
        ]
    ]
