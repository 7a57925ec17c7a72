/// Language conveniences of issue 11: conditional sums, diagonal bilinears, units on constants and kernels,
/// the hermiticity warning. Each construct is checked by its bound meaning and each mistake by one located diagnostic.
module ModelDsl.Tests.Syntax.ConvenienceTests

open Expecto
open ModelDsl
open ModelDsl.Symbolics.Expressions
open ModelDsl.Tests.Syntax.DiagnosticTests

let private compile (text: string) =
    let c = ModelCompilation.Create(basis + text, "case.mdl")
    match c.Spec with
    | null -> failtestf "did not compile:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
    | spec -> c, spec

let private kernel (text: string) name =
    let _, spec = compile text
    (spec.Kernels |> Seq.find (fun k -> k.Name = name)).Expression

let private m k = Expr.Real $"M[{k}]" :> Expr

[<Tests>]
let tests =
    testList "Syntax/Conveniences" [
        testList "conditional sums" [
            test "sum(j != 2, M[j]) = M[1] + M[3]" {
                Expect.equal (kernel "param M[3] : real\nkernel k = sum(j != 2, M[j])\n" "k") (m 1 + m 3) "j = 2 skipped"
            }
            test "sum(j != i, ...) inside a define and a sum: the off-diagonal sum" {
                let text = "param M[3] : real\ndefine off(i) = sum(j != i, M[i]*M[j])\nkernel a = off(1)\nkernel b = sum(i, off(i))\n"
                Expect.equal (kernel text "a") (m 1 * m 2 + m 1 * m 3) "off(1)"
                Expect.equal (kernel text "b") (Expr.Number 2 * (m 1 * m 2 + m 1 * m 3 + m 2 * m 3)) "sum over i != j, both orders"
            }
            test "a condition that excludes nothing in range is refused by the range check, not silently ignored" {
                expectDiagnostic "MDL0216" "param M[3] : real\nkernel k = sum(j != ⟦4⟧, M[j])\n" |> ignore
            }
            test "fmt prints the condition with spaces and parses it back" {
                let c, _ = compile "param M[3] : real\nkernel k = sum(j!=2, M[j])\n"
                Expect.stringContains (c.Format()) "kernel k = sum(j != 2, M[j])" "formatted"
            }
            case "MDL0280" "param M[3] : real\nkernel k = max(⟦M[1] != 2⟧, 1)\n"
            case "MDL0280" "potential y*dag(H)*H*exp(⟦y != 1⟧)\n"
            case "MDL0231" "param M[3] : real\nkernel k = sum(j != ⟦i⟧, M[j])\n"
            case "MDL0217" "param M[3] : real\nkernel k = pairs(⟦i != 1⟧, j, M[i]*M[j])\n"
            case "MDL0217" "param M[3] : real\nkernel k = sum(⟦M[1]⟧ != 1, M[1])\n"
            case "MDL0231" "param M[3] : real\nkernel k = sum(j != ⟦y⟧, M[j])\n"
            case "MDL0217" "param M[3] : real\nkernel k = sum(j != ⟦1.5⟧, M[j])\n"
        ]
    ]
