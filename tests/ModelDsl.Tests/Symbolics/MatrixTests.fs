module ModelDsl.Tests.Symbolics.MatrixTests

open Expecto
open ModelDsl.FSharp
open ModelDsl.Symbolics.Expressions
open ModelDsl.Symbolics.Linear
open ModelDsl.Symbolics.Parsing

let private p text = Infix.ParseOrThrow(text, Infix.AllReal)
let private m (rows: string list list) = ExprMatrix.FromRows(rows |> List.map (List.map p >> Array.ofList) |> Array.ofList)

[<Tests>]
let tests =
    testList "Symbolics/Linear" [
        test "determinant of a symbolic 3x3 (rule of Sarrus)" {
            let a = m [ [ "a"; "b"; "c" ]; [ "d"; "e"; "f" ]; [ "g"; "h"; "k" ] ]
            Expect.equal (a.Determinant()) (p "a*e*k + b*f*g + c*d*h - c*e*g - b*d*k - a*f*h") "det"
        }
        test "inverse of a symbolic 3x3: known unipotent case" {
            let a = m [ [ "1"; "x"; "0" ]; [ "0"; "1"; "y" ]; [ "0"; "0"; "1" ] ]
            Expect.equal (a.Inverse()) (m [ [ "1"; "-x"; "x*y" ]; [ "0"; "1"; "-y" ]; [ "0"; "0"; "1" ] ]) "inverse"
        }
        test "A * inverse(A) = 1 for a generic symbolic 3x3" {
            let a = m [ [ "a"; "b"; "c" ]; [ "d"; "e"; "f" ]; [ "g"; "h"; "k" ] ]
            let r = (a * a.Inverse() - ExprMatrix.Identity 3).TestZero()
            Expect.isTrue r.IsZero (string r)
        }
        test "adjugate identity A adj(A) = det(A) 1" {
            let a = m [ [ "a"; "b" ]; [ "c"; "d" ] ]
            Expect.equal (a.Adjugate()) (m [ [ "d"; "-b" ]; [ "-c"; "a" ] ]) "adj"
            Expect.isTrue ((a * a.Adjugate() - a.Determinant() * ExprMatrix.Identity 2).TestZero().IsZero) "A adj A"
        }
        test "determinant of a 6x6 with omega entries" {
            // A Vandermonde block in the nodes 1, omega, omega^2 next to diag(3, 4, 5):
            // det = prod_{i<j} (x_j - x_i) * 3 * 4 * 5.
            let o = Expr.Omega
            let v = ExprMatrix.Create(6, 6, fun i j ->
                if i < 3 && j < 3 then Expr.Pow(Expr.Pow(o, i), j)
                elif i >= 3 && j >= 3 && i = j then Expr.Number(i) else Expr.Zero)
            let expected = (o - 1Q) * (Expr.Pow(o, 2) - 1Q) * (Expr.Pow(o, 2) - o) * 60Q
            Expect.equal (v.Determinant()) expected "Vandermonde times diagonal"
        }
        test "a singular matrix has no inverse" {
            let a = m [ [ "x"; "y" ]; [ "2*x"; "2*y" ] ]
            Expect.isNull (a.TryInverse()) "singular"
        }
        test "conjugate transpose" {
            let a = ExprMatrix.FromRows([| Expr.Complex "z"; Expr.I |], [| Expr.Omega; Expr.Real "x" |])
            let h = a.ConjugateTranspose()
            Expect.equal h.[0, 1] (Expr.Pow(Expr.Omega, 2)) "conj omega = omega^2"
            Expect.equal h.[1, 0] (Expr.Multiply(Expr.MinusOne, Expr.I)) "conj i"
            Expect.equal h.[0, 0] (Expr.Conj(Expr.Complex "z")) "conj z"
        }
    ]
