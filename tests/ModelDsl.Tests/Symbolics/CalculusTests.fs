module ModelDsl.Tests.Symbolics.CalculusTests

open System.Numerics
open Expecto
open ModelDsl.FSharp
open FsCheck
open FsCheck.FSharp
open ModelDsl.Symbolics.Expressions
open ModelDsl.Symbolics.Algebra
open ModelDsl.Symbolics.Calculus
open ModelDsl.Symbolics.Parsing
open ModelDsl.Tests.Symbolics.Generators

let private p text = Infix.ParseOrThrow(text, symbolsResolver)
let private d (v: Expr) (e: Expr) = Differentiation.Differentiate(e, v)

/// Finite-difference derivative with an honest error estimate (after Ridders): Richardson-
/// extrapolated central differences (error O(h^4)) at steps h = 1e-2 / 4^k; for each step the
/// estimate is the disagreement with the next two smaller steps plus rounding (eps |f| / h),
/// and the step with the smallest estimate is used. A function that oscillates on a scale
/// below a step (aliasing) disagrees across steps, so its large steps are never chosen.
let private numericDerivative (f: float -> Complex) x0 =
    let central h = (f (x0 + h) - f (x0 - h)) / Complex(2.0 * h, 0.0)
    let richardson h = (Complex(4.0, 0.0) * central (h / 2.0) - central h) / Complex(3.0, 0.0)
    let steps = [ for k in 0..8 -> 1e-2 / pown 4.0 k ]
    let values = steps |> List.map richardson |> Array.ofList
    let fx = (f x0).Magnitude
    [ for k in 0 .. values.Length - 3 ->
        let estimate =
            max (values.[k] - values.[k + 1]).Magnitude (values.[k] - values.[k + 2]).Magnitude
            + 1e-15 * fx / steps.[k + 2]
        values.[k], estimate ]
    |> List.minBy snd

let private at (pt: Map<SymbolExpr, Complex>) (s: SymbolExpr) (value: float) = pt.Add(s, Complex(value, 0.0))

let private closeTo (a: Complex) (b: Complex) scale = (a - b).Magnitude <= 1e-6 * (1.0 + a.Magnitude + b.Magnitude + scale)

/// exact == finite difference within 1e-6 relative plus ten times the difference's own error estimate.
let private agreesWithDifference (exact: Complex) (fd: Complex, estimate: float) =
    not (finite exact && finite fd) || (exact - fd).Magnitude <= 1e-6 * (1.0 + exact.Magnitude) + 10.0 * estimate

let private derivativeMatchesFiniteDifference (e: Expr) (pt: Map<SymbolExpr, Complex>) (s: SymbolExpr) =
    let exact = eval pt (d s e)
    agreesWithDifference exact (numericDerivative (fun v -> eval (at pt s v) e) pt.[s].Real)

[<Tests>]
let tests =
    testList "Symbolics/Calculus" [
        test "known derivatives" {
            Expect.equal (d x (p "x^3")) (p "3*x^2") "power"
            Expect.equal (d x (p "exp(2*x)")) (p "2*exp(2*x)") "exp"
            Expect.equal (d x (p "log(x)")) (p "1/x") "log"
            Expect.equal (d x (p "sin(x)*cos(x)")) (p "cos(x)^2 - sin(x)^2") "product rule"
            Expect.equal (d x (p "atan(x)")) (p "1/(1 + x^2)") "atan"
            Expect.equal (d x (p "sqrt(x)")) (p "1/(2*sqrt(x))") "sqrt"
            Expect.equal (d x (p "abs(x)")) (p "sign(x)") "abs of real"
            Expect.equal (d x (p "theta(x - y)")) Expr.Zero "step: zero away from the step"
            Expect.equal (d x (p "min(x, y)")) (p "theta(y - x)") "min"
            Expect.equal (d x (p "2^x")) (p "2^x*log(2)") "exponential"
        }
        test "Wirtinger derivatives treat z and conj(z) as independent" {
            Expect.equal (d z (p "z*conj(z)")) (p "conj(z)") "d/dz |z|^2"
            Expect.equal (d (Expr.Conj z) (p "z*conj(z)")) z "d/dconj z |z|^2"
            Expect.equal (d z (p "conj(z)^2")) Expr.Zero "antiholomorphic"
            Expect.equal (d z (p "re(z)")) (Expr.Fraction(1, 2)) "d/dz re z"
            Expect.equal (d z (p "im(z)")) (Expr.Multiply(Expr.Fraction(-1, 2), Expr.I)) "d/dz im z"
            Expect.isTrue (ModelDsl.Symbolics.Algebra.ZeroTest.AreEqual(d z (p "abs(z)^2"), p "conj(z)")) "d/dz |z|^2 through abs"
        }
        testProperty "d/dx is linear" (
            Prop.forAll (Arb.fromGen (Gen.zip (Gen.two genSmoothReal) genPoint)) (fun ((f, g), pt) ->
                let lhs = d x (Expr.Fraction(3, 2) * f - 2Q * g)
                let rhs = Expr.Fraction(3, 2) * d x f - 2Q * d x g
                let a, b = eval pt lhs, eval pt rhs
                not (finite a && finite b) || closeTo a b 0.0))
        testProperty "product rule (by evaluation)" (
            Prop.forAll (Arb.fromGen (Gen.zip (Gen.two genSmoothReal) genPoint)) (fun ((f, g), pt) ->
                let a = eval pt (d x (f * g))
                let b = eval pt (d x f * g + f * d x g)
                not (finite a && finite b) || closeTo a b 0.0))
        testProperty "chain rule (by evaluation)" (
            Prop.forAll (Arb.fromGen (Gen.zip genSmoothReal genPoint)) (fun (g, pt) ->
                let a = eval pt (d x (Expr.Sin g))
                let b = eval pt (Expr.Cos g * d x g)
                let c = eval pt (d x (Expr.Exp g))
                let e = eval pt (Expr.Exp g * d x g)
                (not (finite a && finite b) || closeTo a b 0.0) && (not (finite c && finite e) || closeTo c e 0.0)))
        testProperty "derivatives agree with finite differences" (
            Prop.forAll (Arb.fromGen (Gen.zip genSmoothReal genPoint)) (fun (e, pt) ->
                derivativeMatchesFiniteDifference e pt x && derivativeMatchesFiniteDifference e pt y))
        testProperty "Wirtinger d/dz = (d/da - i d/db)/2 for z = a + ib (by finite differences)" (
            Prop.forAll (Arb.fromGen (Gen.zip (genPolynomialIn [ x; z ]) genPoint)) (fun (e, pt) ->
                let z0 = pt.[z]
                let f (c: Complex) = eval (pt.Add(z, c)) e
                let da, ea = numericDerivative (fun a -> f (Complex(a, z0.Imaginary))) z0.Real
                let db, eb = numericDerivative (fun b -> f (Complex(z0.Real, b))) z0.Imaginary
                let dz = (da - Complex.ImaginaryOne * db) / Complex(2.0, 0.0)
                let dzbar = (da + Complex.ImaginaryOne * db) / Complex(2.0, 0.0)
                let estimate = (ea + eb) / 2.0
                agreesWithDifference (eval pt (d z e)) (dz, estimate)
                && agreesWithDifference (eval pt (d (Expr.Conj z) e)) (dzbar, estimate)))
    ]
