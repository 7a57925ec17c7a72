module ModelDsl.Tests.Symbolics.NumberTests

open System.Numerics
open Expecto
open FsCheck
open FsCheck.FSharp
open ModelDsl.Symbolics.Numbers

let private genCyclotomic =
    gen {
        let! cs = Gen.listOfLength 4 (Gen.map2 (fun p q -> Rational.Create(BigInteger(p: int), BigInteger(q: int))) (Gen.choose (-20, 20)) (Gen.choose (1, 7)))
        return Cyclotomic.FromPowerBasis(cs.[0], cs.[1], cs.[2], cs.[3])
    }

let private close (a: Complex) (b: Complex) = (a - b).Magnitude <= 1e-12 * (1.0 + a.Magnitude + b.Magnitude)

[<Tests>]
let tests =
    testList "Symbolics/Numbers" [
        testList "Rational" [
            test "normalises sign and lowest terms" {
                let r = Rational.Create(BigInteger 6, BigInteger -4)
                Expect.equal (r.Numerator, r.Denominator) (BigInteger -3, BigInteger 2) "6/-4 = -3/2"
                Expect.equal (string r) "-3/2" "printed"
            }
            test "parses decimal literals exactly" {
                Expect.equal (Rational.TryParse "1.25") (Rational.Create(BigInteger 5, BigInteger 4)) "1.25"
                Expect.equal (Rational.TryParse "6.02e23") (Rational.FromInteger(BigInteger.Parse "602000000000000000000000")) "6.02e23"
                Expect.equal (Rational.TryParse "-3e-2") (Rational.Create(BigInteger -3, BigInteger 100)) "-3e-2"
                Expect.isNull (Rational.TryParse "1.2.3") "malformed"
            }
            test "exact roots" {
                Expect.equal (Rational.Create(BigInteger 9, BigInteger 4).TryRoot 2) (Rational.Create(BigInteger 3, BigInteger 2)) "sqrt(9/4)"
                Expect.isNull (Rational.FromInteger(BigInteger 2).TryRoot 2) "sqrt 2 is irrational"
                Expect.equal (Rational.FromInteger(BigInteger -27).TryRoot 3) (Rational.FromInteger(BigInteger -3)) "cube root of -27"
            }
            test "division by zero throws" {
                Expect.throwsT<System.DivideByZeroException> (fun () -> Rational.Create(BigInteger.One, BigInteger.Zero) |> ignore) "1/0"
            }
        ]
        testList "Cyclotomic" [
            test "1 + omega + omega^2 == 0 exactly" {
                let o = Cyclotomic.Omega
                Expect.isTrue ((Cyclotomic.One + o + o * o).IsZero) "1 + w + w^2"
            }
            test "omega identities" {
                let o = Cyclotomic.Omega
                Expect.equal (o.Pow 3) Cyclotomic.One "w^3 = 1"
                Expect.equal (o.Conjugate()) (o * o) "conj w = w^2"
                Expect.equal (o.Reciprocal()) (o * o) "1/w = w^2"
                Expect.equal ((Cyclotomic.One - o) * (Cyclotomic.One - o * o)) (Cyclotomic.FromRational(Rational.FromInteger(BigInteger 3))) "(1-w)(1-w^2) = 3"
                Expect.equal (o - o * o) (Cyclotomic.I * Cyclotomic.Sqrt3) "w - w^2 = i sqrt 3"
                Expect.equal (Cyclotomic.Sqrt3 * Cyclotomic.Sqrt3) (Cyclotomic.FromRational(Rational.FromInteger(BigInteger 3))) "sqrt3^2 = 3"
                Expect.equal (Cyclotomic.I * Cyclotomic.I) Cyclotomic.MinusOne "i^2 = -1"
                Expect.equal (o.RealPart()) (Cyclotomic.FromRational(Rational.Create(BigInteger -1, BigInteger 2))) "Re w = -1/2"
            }
            test "numeric value of omega" {
                let v = Cyclotomic.Omega.ToComplex()
                Expect.floatClose Accuracy.veryHigh v.Real -0.5 "Re"
                Expect.floatClose Accuracy.veryHigh v.Imaginary (sqrt 3.0 / 2.0) "Im"
            }
            test "printing in the omega basis" {
                Expect.equal (string (Cyclotomic.FromOmegaBasis(Rational.One, Rational.FromInteger(BigInteger 2), Rational.Create(BigInteger -3, BigInteger 2), Rational.Zero))) "1 + 2*omega - 3/2*I" "text"
            }
            testProperty "field operations agree with complex arithmetic" (
                Prop.forAll (Arb.fromGen (Gen.two genCyclotomic)) (fun (a, b) ->
                    close ((a + b).ToComplex()) (a.ToComplex() + b.ToComplex())
                    && close ((a * b).ToComplex()) (a.ToComplex() * b.ToComplex())
                    && close (a.Conjugate().ToComplex()) (Complex.Conjugate(a.ToComplex()))
                    && (b.IsZero || close ((a / b).ToComplex()) (a.ToComplex() / b.ToComplex()))))
            testProperty "x * (1/x) = 1 and the norm is rational" (
                Prop.forAll (Arb.fromGen genCyclotomic) (fun a ->
                    a.IsZero || ((a * a.Reciprocal()).IsOne && a.Norm().Sign > 0)))
        ]
    ]
