/// Size-bounded generators of expressions and evaluation points (FsCheck docs/TestData.fsx style:
/// the size halves at every branch).
module ModelDsl.Tests.Symbolics.Generators

open System
open System.Numerics
open FsCheck
open ModelDsl.FSharp
open FsCheck.FSharp
open ModelDsl.Symbolics.Numbers
open ModelDsl.Symbolics.Expressions
open ModelDsl.Symbolics.Functions
open ModelDsl.Symbolics.Evaluation

let x = Expr.Real "x"
let y = Expr.Real "y"
let z = Expr.Complex "z"
let w = Expr.Complex "w"
let allSymbols = [ x; y; z; w ]
let realSymbols = [ x; y ]

let genSmallRational: Gen<Expr> =
    gen {
        let! p = Gen.choose (-9, 9)
        let! q = Gen.choose (1, 5)
        return Expr.Fraction(p, q)
    }

/// Exact numbers of Q(zeta_12): rationals, i, omega and mixtures.
let genNumber: Gen<Expr> =
    Gen.frequency
        [ 4, genSmallRational
          1, Gen.elements [ Expr.I; Expr.Omega; Expr.Number(Cyclotomic.Sqrt3) ]
          1,
          gen {
              let! a = Gen.choose (-3, 3)
              let! b = Gen.choose (-3, 3)
              let! c = Gen.choose (-3, 3)
              return Expr.Number(Cyclotomic.FromOmegaBasis(Rational.FromInteger a, Rational.FromInteger b, Rational.FromInteger c, Rational.Create(1, 2)))
          } ]

let genLeaf (symbols: SymbolExpr list) (numbers: Gen<Expr>) : Gen<Expr> =
    Gen.frequency [ 3, Gen.elements (symbols |> List.map (fun s -> s :> Expr)); 1, numbers ]

/// A recursive generator: `node size child` builds a node from children generated at size/2.
let sizedTree (leaf: Gen<Expr>) (nodes: (int * (Gen<Expr> -> Gen<Expr>)) list) maxSize : Gen<Expr> =
    let rec tree size =
        if size <= 1 then
            leaf
        else
            let child = tree (size / 2)
            Gen.frequency ((2, leaf) :: (nodes |> List.map (fun (f, n) -> f, n child)))
    Gen.sized (fun s -> tree (min s maxSize))

let add2 (g: Gen<Expr>) = Gen.map2 (fun a b -> Expr.Add(a, b)) g g
let mul2 (g: Gen<Expr>) = Gen.map2 (fun a b -> Expr.Multiply(a, b)) g g
let sub2 (g: Gen<Expr>) = Gen.map2 (fun (a: Expr) (b: Expr) -> a - b) g g
/// b^n; an exact zero base keeps a non-negative exponent (0^-n is a division by zero).
let powRange lo hi (g: Gen<Expr>) =
    Gen.map2 (fun (b: Expr) (n: int) -> Expr.Pow(b, (if b.IsZero then abs n else n))) g (Gen.choose (lo, hi))
let fn kinds (g: Gen<Expr>) = Gen.map2 (fun k a -> Expr.Apply(k, [| a |])) (Gen.elements kinds) g

/// Polynomials over Q(zeta_12) in the given symbols (and conj of the complex ones).
let genPolynomialIn (symbols: SymbolExpr list) : Gen<Expr> =
    let leaf =
        Gen.frequency
            [ 6, genLeaf symbols genNumber
              1, Gen.elements symbols |> Gen.map Expr.Conj ]
    sizedTree leaf [ 3, add2; 3, mul2; 2, sub2; 1, powRange 2 3 ] 16

let genPolynomial = genPolynomialIn allSymbols

/// Rational expressions: polynomials with negative integer powers.
let genRational: Gen<Expr> =
    let leaf = genLeaf allSymbols genNumber
    sizedTree leaf [ 3, add2; 3, mul2; 1, sub2; 1, powRange -2 3 ] 12

let allKinds =
    [ (FunctionRegistry.Get "exp"); (FunctionRegistry.Get "log"); (FunctionRegistry.Get "abs"); (FunctionRegistry.Get "conj"); (FunctionRegistry.Get "re")
      (FunctionRegistry.Get "im"); (FunctionRegistry.Get "sin"); (FunctionRegistry.Get "cos"); (FunctionRegistry.Get "atan"); (FunctionRegistry.Get "sign"); (FunctionRegistry.Get "theta") ]

/// Every node kind: functions, min/max, square roots and rational powers.
let genAny: Gen<Expr> =
    let leaf = genLeaf allSymbols genNumber
    let minmax (g: Gen<Expr>) = Gen.map3 (fun k a b -> Expr.Apply(k, [| a; b |])) (Gen.elements [ (FunctionRegistry.Get "min"); (FunctionRegistry.Get "max") ]) g g
    let sqrt (g: Gen<Expr>) = Gen.map Expr.Sqrt g
    let ifpos (g: Gen<Expr>) = Gen.map3 (fun (c: Expr) a b -> Expr.Apply((FunctionRegistry.Get "ifpos"), [| Expr.Re c; a; b |])) g g g
    let ratPow (g: Gen<Expr>) = Gen.map2 (fun (b: Expr) (e: Expr) -> if b.IsZero then b else Expr.Pow(b, e)) g genSmallRational
    sizedTree leaf [ 3, add2; 3, mul2; 1, sub2; 1, powRange -2 3; 2, fn allKinds; 1, minmax; 1, sqrt; 1, ratPow; 1, ifpos ] 12

/// Smooth real expressions in x and y with rational coefficients, for finite-difference checks.
let genSmoothReal: Gen<Expr> =
    let leaf = genLeaf realSymbols genSmallRational
    let recip (g: Gen<Expr>) = Gen.map (fun (a: Expr) -> Expr.Pow(Expr.One + Expr.Pow(a, 2), -1)) g
    sizedTree leaf [ 3, add2; 3, mul2; 1, powRange 2 3; 2, fn [ (FunctionRegistry.Get "exp"); (FunctionRegistry.Get "sin"); (FunctionRegistry.Get "cos"); (FunctionRegistry.Get "atan") ]; 1, recip ] 10

/// A random evaluation point: real symbols in [-2, 2], complex symbols in the square of side 4,
/// kept away from zero.
let genPoint: Gen<Map<SymbolExpr, Complex>> =
    let coord = Gen.choose (-2000, 2000) |> Gen.map (fun k -> (if abs k < 100 then float k + 250.0 else float k) / 1000.0)
    gen {
        let! xs = Gen.listOfLength allSymbols.Length (Gen.two coord)
        return
            List.zip allSymbols xs
            |> List.map (fun (s, (a, b)) -> s, (if s.IsReal then Complex(a, 0.0) else Complex(a, b)))
            |> Map.ofList
    }

let eval (point: Map<SymbolExpr, Complex>) (e: Expr) = Evaluator.Evaluate(e, fun s -> point.[s])

let finite (c: Complex) = Double.IsFinite c.Real && Double.IsFinite c.Imaginary

/// A forward-error scale for floating-point evaluation: sums add the magnitudes of their
/// terms (so cancellation does not hide rounding), products multiply them, and other nodes
/// scale their value by the relative scale of their arguments.
let rec errorScale (point: Map<SymbolExpr, Complex>) (e: Expr) : float =
    match e with
    | :? SumExpr as s -> s.Terms |> Seq.sumBy (errorScale point)
    | :? ProductExpr as p -> p.Factors |> Seq.fold (fun acc f -> acc * errorScale point f) 1.0
    | :? NumberExpr
    | :? SymbolExpr -> (eval point e).Magnitude
    // min, max, re, im, abs, conj and the branches of ifpos pass on their arguments' absolute
    // error (|min(a, b) - min(a', b')| <= max(|a - a'|, |b - b'|)), not a relative one
    | :? FunctionExpr as f when f.Definition = (FunctionRegistry.Get "min") || f.Definition = (FunctionRegistry.Get "max") || f.Definition = (FunctionRegistry.Get "re")
                                || f.Definition = (FunctionRegistry.Get "im") || f.Definition = (FunctionRegistry.Get "abs") || f.Definition = (FunctionRegistry.Get "conj") ->
        f.Arguments |> Seq.map (errorScale point) |> Seq.fold max ((eval point e).Magnitude)
    | :? FunctionExpr as f when f.Definition = (FunctionRegistry.Get "ifpos") ->
        f.Arguments |> Seq.skip 1 |> Seq.map (errorScale point) |> Seq.fold max ((eval point e).Magnitude)
    | _ ->
        let v = (eval point e).Magnitude
        let amplification =
            e.Children
            |> Seq.map (fun c ->
                let cv = (eval point c).Magnitude
                let cs = errorScale point c
                (if cv > 0.0 then cs / cv else 1.0) * (1.0 + cv))
            |> Seq.fold max 1.0
        max v 1e-300 * amplification

let symbolsResolver = ModelDsl.Symbolics.Parsing.Infix.Known allSymbols
