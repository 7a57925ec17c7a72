module ModelDsl.Tests.Symbolics.ZeroTestTests

open System.Numerics
open Expecto
open ModelDsl.FSharp
open FsCheck
open FsCheck.FSharp
open ModelDsl.Symbolics.Expressions
open ModelDsl.Symbolics.Algebra
open ModelDsl.Symbolics.Linear
open ModelDsl.Symbolics.Parsing
open ModelDsl.Tests.Symbolics.Generators

let private p text = Infix.ParseOrThrow(text, symbolsResolver)

/// The leading texture of seed 001, eq. (2.10): rows proportional to (1, omega, omega^2).
let trlTexture (a: Expr) (b: Expr) (c: Expr) =
    let row (s: Expr) = [| s; s * Expr.Omega; s * Expr.Pow(Expr.Omega, 2) |]
    ExprMatrix.FromRows(row a, row b, row c)

[<Tests>]
let tests =
    testList "Symbolics/ZeroTest" [
        test "polynomial identities are zero" {
            Expect.isTrue (ZeroTest.IsZero(p "(x + y)^2 - x^2 - 2*x*y - y^2")) "binomial"
            Expect.isTrue (ZeroTest.IsZero(p "(z - omega)*(z - omega^2) - (z^2 + z + 1)")) "cyclotomic factorisation"
            Expect.isTrue (ZeroTest.IsZero(p "1/(x - 1) - 1/(x + 1) - 2/(x^2 - 1)")) "partial fractions"
            Expect.isTrue (ZeroTest.IsZero(p "abs(z)^2 - z*conj(z)")) "|z|^2"
            Expect.isTrue (ZeroTest.IsZero(p "re(z)^2 + im(z)^2 - abs(z)^2")) "re^2 + im^2"
        }
        test "a non-zero expression gives its remainder as the witness" {
            let r = ZeroTest.Test(p "(x + y)^2 - x^2 - y^2")
            Expect.isFalse r.IsZero "not zero"
            Expect.equal r.Witness (p "2*x*y") "witness"
        }
        test "TRL texture: h h^T == 0 exactly, h^T h is not zero" {
            let h = trlTexture x y (Expr.Real "c")
            let hhT = (h * h.Transpose()).TestZero()
            Expect.isTrue hhT.IsZero "h h^T = 0 (seed 001 eq. 2.9 for degenerate masses)"
            let hTh = (h.Transpose() * h).TestZero()
            Expect.isFalse hTh.IsZero "h^T h != 0"
            Expect.equal (hTh.Row, hTh.Column) (0, 0) "first non-vanishing entry"
            Expect.equal hTh.Witness (p "x^2 + y^2" + Expr.Pow(Expr.Real "c", 2)) "witness a^2 + b^2 + c^2"
            Expect.equal (string hTh) "entry (1,1) = c^2 + x^2 + y^2 is not zero" "message"
        }
        test "TRL texture with complex couplings and a degenerate Majorana mass" {
            let h = trlTexture z w (p "2 - 3*I")
            let m = Expr.Real "M"
            let mInv = ExprMatrix.Diagonal(m, m, m).Inverse()
            Expect.isTrue ((h * mInv * h.Transpose()).TestZero().IsZero) "h M^-1 h^T = 0"
        }
        test "the transposed texture fails (h^T h^TT = h^T h)" {
            let h = (trlTexture x y (Expr.Real "c")).Transpose()
            Expect.isFalse ((h * h.Transpose()).TestZero().IsZero) "transposed texture"
        }
        testProperty "no false zero: a zero verdict holds at random points (every node kind)" (
            Prop.forAll (Arb.fromGen (Gen.zip (Gen.oneof [ genRational; genAny; Gen.map2 (fun (a: Expr) (b: Expr) -> a - Expansion.Expand(b)) genAny genAny ]) genPoint)) (fun (e, pt) ->
                let r = ZeroTest.Test e
                let v = eval pt e
                not r.IsZero || not (finite v) || v.Magnitude <= 1e-9 * (1.0 + errorScale pt e)))
        testProperty "polynomials: the verdict agrees with evaluation both ways" (
            Prop.forAll (Arb.fromGen (Gen.zip (Gen.two genPolynomial) genPoint)) (fun ((a, b), pt) ->
                // a - expand(a) is zero; a - b is zero exactly when it vanishes at a random point, relative to the size of its
                // terms there: an absolute floor would call a small nonzero value zero (CI drew a - b = x^9 y^27 at y = 0.237,
                // 7e-17, which is no rounding error)
                let zeroCase = ZeroTest.IsZero(a - Expansion.Expand a)
                let diff = a - b
                let v = eval pt diff
                let numericallyZero = v.Magnitude <= 1e-9 * (errorScale pt a + errorScale pt b)
                zeroCase && (ZeroTest.IsZero diff = numericallyZero)))
    ]
