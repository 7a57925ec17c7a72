/// Located diagnostics in annotated-text style (after minsk's AnnotatedText): the expected span
/// is marked with ⟦ ⟧ in the spec (square brackets belong to the language), and the test checks
/// the error ID, the exact span, and that the mistake gives exactly one error.
module ModelDsl.Tests.Syntax.DiagnosticTests

open Expecto
open ModelDsl
open ModelDsl.Diagnostics

/// A small valid spec the cases below add one mistake to.
let basis = """model m
group U1 : U(1)
group SU2 : SU(2)
group Z : Z(3)
fermion L { chirality: left, gen: 3, SU2: 2, U1: -1/2 }
scalar H { complex, SU2: 2, U1: 1/2 }
param y : real
param Y[3,3] : complex
"""

let private unmark (annotated: string) =
    let start = annotated.IndexOf '⟦'
    let stop = annotated.IndexOf '⟧'
    if start < 0 || stop < start then failwith "no ⟦ ⟧ span in the test text"
    annotated.Remove(stop, 1).Remove(start, 1), start, stop - start - 1

/// Checks that `basis + annotated` gives exactly one error, with this ID and span.
let expectDiagnostic (id: string) (annotated: string) =
    let text, start, length = unmark (basis + annotated)
    let c = ModelCompilation.Create(text, "case.mdl")
    let errors = c.Diagnostics |> Seq.filter (fun d -> d.IsError) |> List.ofSeq
    let shown = DiagnosticPrinter.FormatAll errors
    Expect.equal (errors |> List.map (fun d -> d.Id)) [ id ] $"one error {id} for:\n{annotated}\ngot:\n{shown}"
    let d = errors.Head
    Expect.equal (d.Span.Start, d.Span.Length) (start, length) $"span of {id}:\n{shown}"
    Expect.isNull c.Spec "no model is produced"
    d

let case id (annotated: string) = test $"{id}: {annotated.Trim().Replace('\n', ' ')}" { expectDiagnostic id annotated |> ignore }

let caseSays id (annotated: string) (fragment: string) =
    test $"{id}: {annotated.Trim().Replace('\n', ' ')}" {
        let d = expectDiagnostic id annotated
        Expect.stringContains d.Message fragment "message"
    }

[<Tests>]
let tests =
    testList "Syntax/Diagnostics" [
        // builtin calls: named arguments, one located diagnostic each (param M[3] and a texture T are added by the cases)
        case "MDL0234" "param M[3] : real mass positive\nlet U = pmns(s12: y, ⟦s31⟧: y, s13: y, delta: y)\n"
        caseSays "MDL0234" "let U = pmns(s12: y, ⟦s31⟧: y, s13: y, delta: y)\n" "Did you mean 's13'?"
        case "MDL0235" "let U = pmns(s12: y, s23: y, s13: y, ⟦s12: y⟧, delta: y)\n"
        caseSays "MDL0236" "let U = ⟦pmns⟧(s12: y, s23: y, s13: y)\n" "'delta'"
        caseSays "MDL0237" "let S = seesaw_mass(Y: Y, M: ⟦y⟧, v: 246)\n" "a vector of length 3"
        case "MDL0237" "param M[3] : real mass positive\nlet U = pmns(s12: ⟦M⟧, s23: y, s13: y, delta: y)\n"
        caseSays "MDL0237" "param sw : bool = true\nlet U = pmns(s12: ⟦sw⟧, s23: y, s13: y, delta: y)\n" "switch"
        caseSays "MDL0237" "param M[3] : real mass positive\nparam mN : real\ntexture T = matrix(row(y, y, y), row(y, y, y), row(y, y, y))\nlet F = texture_fit(h0: T, mN: mN, d21: 1, d32: 1, fit: ⟦y⟧, v: 1, M_W: 1, M_Z: 1, M_H: 1, G_F: 1, sin2_12: 1, sin2_23: 1, sin2_13: 1, delta_cp: 1, dm2_21: 1, dm2_31: 1)\n" "a switch"
        case "MDL0238" "let U = pmns(s12: y, ⟦y⟧, y, y)\n"
        case "MDL0238" "potential sqrt(⟦y: 1⟧)*dag(H)*H\n"
        caseSays "MDL0239" "let U = pmns(s12: y, s23: y, s13: y, delta: y)\nkernel k = re(⟦U.h[1,1]⟧)\n" "not a record"
        caseSays "MDL0239" "param M[3] : real mass positive\nlet LF = clfv_loop_functions(mass: M, M_W: 80)\nkernel k = LF.⟦G_gama⟧[1]\n" "Did you mean 'G_gamma'?"
        caseSays "MDL0233" "param sw : bool = ⟦1⟧\n" "true or false"

        case "MDL0001" "param q : real ⟦$⟧\n"
        case "MDL0002" "scalar S { U1: ⟦2x⟧ }\n"
        caseSays "MDL0010" "group G ⟦U⟧(1)\n" "Expected ':'"
        case "MDL0011" "⟦fermoin⟧ E { chirality: right }\n"
        case "MDL0012" "potential y*⟦)⟧\n"
        case "MDL0013" "potential y*Y[1,1⟦)⟧*dag(H)*H\n"
        case "MDL0200" "param ⟦y⟧ : complex\n"
        caseSays "MDL0201" "potential ⟦yy⟧*dag(H)*H\n" "Did you mean 'y'?"
        case "MDL0202" "group G : ⟦SO⟧(3)\n"
        case "MDL0203" "group G : U(⟦2⟧)\n"
        caseSays "MDL0204" "fermion E { ⟦chirallity⟧: right }\n" "Did you mean 'chirality'?"
        case "MDL0205" "fermion E { chirality: ⟦up⟧ }\n"
        case "MDL0206" "fermion ⟦E⟧ { U1: 1 }\n"
        case "MDL0207" "fermion E { chirality: right, gen: ⟦0⟧ }\n"
        case "MDL0208" "scalar S { SU2: ⟦5⟧ }\n"
        case "MDL0209" "scalar S { Z: ⟦1/2⟧ }\n"
        case "MDL0210" "scalar S { ⟦chirality⟧: left }\n"
        case "MDL0211" "⟦model⟧ other\n"
        caseSays "MDL0212" "param q : real ⟦symetric⟧\n" "Did you mean 'symmetric'?"
        case "MDL0213" "param M[⟦0⟧,3] : real\n"
        case "MDL0214" "potential ⟦Y⟧*dag(H)*H\n"
        case "MDL0215" "yukawa -Y[i,⟦j⟧]*bar(L[i])*H*H\n"
        case "MDL0216" "param V[3,2] : complex\nyukawa -V[i,j]*bar(L[i])*conj(H)*L[⟦j⟧]\n"
        case "MDL0217" "potential y*dag(H)*H*⟦L⟧\n"
        caseSays "MDL0218" "check ⟦anomaly⟧\n" "Did you mean 'anomalies'?"
        case "MDL0219" "vev ⟦L⟧ -> vL\n"
        case "MDL0220" "potential ⟦y^2⟧\n"
        case "MDL0221" "potential ⟦dag(H)*H*bar(L[i])*L[i]⟧\n"
        caseSays "MDL0222" "potential ⟦expp⟧(y)*dag(H)*H\n" "Did you mean 'exp'?"
        case "MDL0223" "potential ⟦exp⟧(y, y)*dag(H)*H\n"
        case "MDL0224" "potential y/⟦0⟧*dag(H)*H\n"
        case "MDL0225" "param z : complex\nscalar S { U1: ⟦z⟧ }\n"
        case "MDL0226" "check anomalies(⟦H⟧)\n"
        case "MDL0227" "param ⟦omega⟧ : real\n"
        case "MDL0228" "potential ⟦bar(y)⟧*dag(H)*H\n"
        case "MDL0217" "potential y*dag(⟦H[1]⟧)*H\n"
        case "MDL0209" "scalar S { U1: ⟦omega⟧ }\n"
        case "MDL0209" "scalar S { U1: ⟦sqrt(y)⟧ }\n"
        case "MDL0002" "scalar S { U1: ⟦1e999999999⟧ }\n"
        case "MDL0225" "scalar S { U1: ⟦Y⟧[1,1] }\n"
        caseSays "MDL0200" "scalar ⟦y⟧ { complex }\n" "(as a parameter)"
        case "MDL0214" "potential ⟦y[1,1]⟧*dag(H)*H\n"
        test "MDL0003: an unterminated string" {
            let c = ModelCompilation.Create("model m \"no end\ngroup U1 : U(1)\n", "s.mdl")
            Expect.equal (c.Diagnostics |> Seq.map (fun d -> d.Id, d.Line, d.Column) |> List.ofSeq) [ "MDL0003", 1, 9 ] "one error, located"
        }
        test "MDL0230: an empty file" {
            let c = ModelCompilation.Create("", "empty.mdl")
            Expect.equal (c.Diagnostics |> Seq.map (fun d -> d.Id) |> List.ofSeq) [ "MDL0230" ] "empty"
        }
        test "MDL0014: deep nesting is an error, not a crash" {
            let c = ModelCompilation.Create(basis + "potential " + String.replicate 5000 "(" + "y", "deep.mdl")
            Expect.contains (c.Diagnostics |> Seq.map (fun d -> d.Id)) "MDL0014" "too deep"
        }
        test "MDL0015: the error list stops at the limit" {
            let c = ModelCompilation.Create(basis + String.replicate 500 "$ ", "many.mdl")
            Expect.equal c.Diagnostics.Count (DiagnosticBag.Limit + 1) "capped"
            Expect.equal (Seq.last c.Diagnostics).Id "MDL0015" "last says why"
        }
        test "several mistakes are all reported in one run" {
            let c = ModelCompilation.Create(basis + "param Y2[3,3] : complx\nfermion E { chirality: up }\ncheck anomaly\n", "multi.mdl")
            Expect.equal (c.Diagnostics |> Seq.map (fun d -> d.Id) |> List.ofSeq) [ "MDL0212"; "MDL0205"; "MDL0218" ] "three errors, in source order"
        }
        test "printed form: file(line,col): error ID, the source line, a marker under the span" {
            let c = ModelCompilation.Create(basis + "potential yy*dag(H)*H\n", "models/x.mdl")
            let printed = DiagnosticPrinter.FormatAll c.Diagnostics
            Expect.equal printed "models/x.mdl(9,11): error MDL0201: Unknown name 'yy'. Did you mean 'y'?\n    potential yy*dag(H)*H\n              ^^\n" "printed"
        }
    ]
