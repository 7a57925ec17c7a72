module ModelDsl.Tests.Symbolics.ExprTests

open Expecto
open ModelDsl.FSharp
open FsCheck
open FsCheck.FSharp
open ModelDsl.Symbolics.Expressions
open ModelDsl.Symbolics.Algebra
open ModelDsl.Symbolics.Parsing
open ModelDsl.Tests.Symbolics.Generators

/// The string oracle of mathnet-symbolics' tests: `expr ==> "canonical text"`.
let (==>) (e: Expr) (expected: string) = Expect.equal (string e) expected "canonical text"

let private p text = Infix.ParseOrThrow(text, symbolsResolver)

let private evalClose point (a: Expr) (b: Expr) =
    let va = eval point a
    let vb = eval point b
    not (finite va && finite vb) || (va - vb).Magnitude <= 1e-9 * (1.0 + errorScale point a + errorScale point b)

[<Tests>]
let tests =
    testList "Symbolics/Expressions" [
        testList "canonical form" [
            test "like terms collect and numbers fold" {
                p "x + x" ==> "2*x"
                p "x*y + y*x" ==> "2*x*y"
                p "x - x" ==> "0"
                p "2*x*3" ==> "6*x"
                p "x*x^2" ==> "x^3"
                p "(x*y)^2" ==> "x^2*y^2"
                p "x/x" ==> "1"
                p "1/2 + 1/3" ==> "5/6"
            }
            test "powers" {
                p "sqrt(4)" ==> "2"
                p "sqrt(-4)" ==> "2*I"
                p "sqrt(x)^2" ==> "x"
                p "x^0" ==> "1"
                p "(x^2)^3" ==> "x^6"
                p "8^(1/3)" ==> "2"
                p "2^(1/2)*2^(1/2)" ==> "2"
            }
            test "omega and i fold exactly" {
                p "1 + omega + omega^2" ==> "0"
                p "omega^3" ==> "1"
                p "I^2" ==> "-1"
                p "(1 - omega)*(1 - omega^2)" ==> "3"
            }
            test "function rules" {
                p "exp(0)" ==> "1"
                p "log(1)" ==> "0"
                p "exp(log(z))" ==> "z"
                p "abs(-3*x)" ==> "3*abs(x)"
                p "abs(omega)" ==> "1"
                p "theta(2)" ==> "1"
                p "theta(0)" ==> "1/2"
                p "sign(-5)" ==> "-1"
                p "min(3, x, 1)" ==> "min(1, x)"
                p "re(x)" ==> "x"
                p "im(x)" ==> "0"
                p "re(omega)" ==> "-1/2"
            }
            test "conj knows which symbols are real" {
                p "conj(x)" ==> "x"
                p "conj(z)" ==> "conj(z)"
                Expect.equal (p "conj(x*z + omega)") (p "x*conj(z) + omega^2") "pushed through sum and product"
                Expect.equal (p "conj(exp(I*x))") (p "exp(-I*x)") "through exp"
                Expect.equal (p "conj(abs(z))") (p "abs(z)") "abs is real"
            }
            testProperty "addition and multiplication are commutative and associative (structurally)" (
                Prop.forAll (Arb.fromGen (Gen.three genAny)) (fun (a, b, c) ->
                    Expr.Add(a, b) = Expr.Add(b, a)
                    && Expr.Multiply(a, b) = Expr.Multiply(b, a)
                    && Expr.Add(Expr.Add(a, b), c) = Expr.Add(a, Expr.Add(b, c))
                    && Expr.Multiply(Expr.Multiply(a, b), c) = Expr.Multiply(a, Expr.Multiply(b, c))))
            testProperty "identities and inverses" (
                Prop.forAll (Arb.fromGen genAny) (fun a ->
                    Expr.Add(a, Expr.Zero) = a && Expr.Multiply(a, Expr.One) = a
                    && a - a = Expr.Zero && Expr.Multiply(a, Expr.Zero) = Expr.Zero))
            testProperty "ring laws hold by evaluation at random points" (
                Prop.forAll (Arb.fromGen (Gen.zip (Gen.three genPolynomial) genPoint)) (fun ((a, b, c), pt) ->
                    evalClose pt (Expansion.Expand(a * (b + c))) (a * b + a * c)
                    && evalClose pt (Expansion.Expand(Expr.Pow(a + b, 2))) (a * a + 2Q * a * b + b * b)))
            testProperty "expansion preserves the value" (
                Prop.forAll (Arb.fromGen (Gen.zip genRational genPoint)) (fun (a, pt) -> evalClose pt a (Expansion.Expand a)))
            test "conj(conj(e)) == e where conj leaves a number times a conj node (the case a random seed found)" {
                let e = p "(-1/w^2 + sqrt(w))^8"
                Expect.equal (Expr.Conj(Expr.Conj e)) e "an involution"
                Expect.equal (Expr.Conj(p "-conj(sqrt(w))")) (p "-sqrt(w)") "conj distributes over a number times one factor"
            }
            testProperty "conj(conj(e)) == e" (
                Prop.forAll (Arb.fromGen genAny) (fun a -> Expr.Conj(Expr.Conj a) = a))
            testProperty "conj agrees with numeric conjugation" (
                Prop.forAll (Arb.fromGen (Gen.zip genPolynomial genPoint)) (fun (a, pt) ->
                    let v = eval pt a
                    let c = eval pt (Expr.Conj a)
                    (c - System.Numerics.Complex.Conjugate v).Magnitude <= 1e-9 * (1.0 + errorScale pt a)))
        ]
        testList "substitution" [
            test "substituting z also substitutes conj(z)" {
                let e = p "z*conj(z) + x"
                let r = Rewriting.Substitute(e, z, p "1 + I")
                r ==> "x + 2"
            }
            test "substitution re-canonicalises" {
                Rewriting.Substitute(p "x^2 - y^2", y, x) ==> "0"
            }
        ]
    ]
