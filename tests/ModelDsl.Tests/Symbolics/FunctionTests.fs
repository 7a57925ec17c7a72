/// The function registry: Bessel K0/K1/K2 and zeta against mpmath, tabulated splines and their
/// convergence order, and laws that every registered function obeys (print/parse, compiled ==
/// interpreted, derivative == finite difference).
module ModelDsl.Tests.Symbolics.FunctionTests

open System
open System.Numerics
open Expecto
open FsCheck
open FsCheck.FSharp
open ModelDsl.Symbolics.Expressions
open ModelDsl.Symbolics.Functions
open ModelDsl.Symbolics.Calculus
open ModelDsl.Symbolics.Compilation
open ModelDsl.Symbolics.Evaluation
open ModelDsl.Symbolics.Parsing

let private t = Expr.Real "t"
let private u = Expr.Real "u"
let private v = Expr.Real "v"

let private relClose (tol: float) (actual: float) (expected: float) msg =
    Expect.isTrue (abs (actual - expected) <= tol * abs expected)
        $"{msg}: {actual:R} vs {expected:R}, relative error {abs (actual - expected) / abs expected:E2} > {tol:E0}"

let private k0 = FunctionRegistry.Get "besselk0"
let private k1 = FunctionRegistry.Get "besselk1"
let private k2 = FunctionRegistry.Get "besselk2"
let private zeta = FunctionRegistry.Get "zeta"

let private evalAt (e: Expr) (value: float) = (Evaluator.Evaluate(e, fun _ -> Complex(value, 0.0))).Real

/// f'(x) by central differences with one Richardson step: error O(h^4) (plus rounding eps |f|/h).
let private richardson (f: float -> float) (x: float) (h: float) =
    let d h = (f (x + h) - f (x - h)) / (2.0 * h)
    (4.0 * d (h / 2.0) - d h) / 3.0

/// K0, K1, K2 at x from mpmath 1.3.0 at 30 digits (mpmath.besselk(n, x)), printed to 20 digits.
let private besselTable =
    [ 1e-6, 13.931442073626419413, 999999.99999278427896, 1999999999999.5
      1e-3, 7.0236888005623813436, 999.99623815608557428, 1999999.5000009717109
      0.1, 2.4270690247020166125, 9.8538447808706061348, 199.50396464211413931
      0.5, 0.92441907122766586178, 1.6564411200033008937, 7.5501835512408694366
      1.0, 0.42102443824070833334, 0.60190723019723457474, 1.6248388986351774828
      2.0, 0.11389387274953343565, 0.13986588181652242728, 0.25375975456605586294
      5.0, 0.0036910983340425942747, 0.0040446134454521642084, 0.0053089437122234599581
      10.0, 0.000017780062316167651811, 0.000018648773453825584597, 0.000021509817006932768731
      50.0, 3.4101677497894955139e-23, 3.4441022267175556126e-23, 3.5479318388581977384e-23
      100.0, 4.6566282291759020189e-45, 4.6798537356369092866e-45, 4.7502253038886402047e-45
      500.0, 3.9923216091177928774e-219, 3.9963119385460033495e-219, 4.0083068568719768908e-219
      700.0, 4.669776431685376881e-306, 4.6731107967079661091e-306, 4.6831281768188282127e-306 ]

/// x log-uniform over (1e-6, 700).
let private genBesselX = Gen.choose (0, 1_000_000) |> Gen.map (fun k -> 1e-6 * Math.Pow(7e8, float k / 1e6))

/// A not-a-knot spline of f on n + 1 equally spaced points of [a, b].
let private tabulate name (f: float -> float) (a: float) (b: float) n =
    let xs = Array.init (n + 1) (fun i -> a + (b - a) * float i / float n)
    let r = FunctionRegistry.Tabulated(name, xs, Array.map f xs)
    Expect.isTrue r.Succeeded $"table accepted: {r.Error}"
    r.Function

/// The largest |spline - f| (value or derivative) on 2000 points of [a, b].
let private maxError (spline: float -> float) (f: float -> float) (a: float) (b: float) =
    Seq.init 2001 (fun i -> a + (b - a) * float i / 2000.0) |> Seq.map (fun x -> abs (spline x - f x)) |> Seq.max

/// Arguments in (1.1, 5): inside the domain of every registered function (log, zeta and the Bessel
/// functions need positive or > 1 arguments) and away from the steps of sign, theta, min, max.
let private genArgs n = Gen.listOfLength n (Gen.choose (0, 1_000_000) |> Gen.map (fun k -> 1.1 + 3.9 * float k / 1e6))

let private applied (f: FunctionDefinition) =
    let symbols = [| t; u; v |] |> Array.truncate f.MinArity
    symbols, Expr.Apply(f, symbols |> Array.map (fun s -> s :> Expr))

[<Tests>]
let tests =
    testList "Symbolics/Functions" [
        test "besselk0, besselk1, besselk2 match mpmath to 1e-13 relative over 1e-6 .. 700" {
            for (x, e0, e1, e2) in besselTable do
                relClose 1e-13 (evalAt (Expr.Apply(k0, t)) x) e0 $"K0({x})"
                relClose 1e-13 (evalAt (Expr.Apply(k1, t)) x) e1 $"K1({x})"
                relClose 1e-13 (evalAt (Expr.Apply(k2, t)) x) e2 $"K2({x})"
        }
        test "K0 and K1 above x = 2 (the Chebyshev series of each range, and at the seam x = 8) match mpmath to 1e-15 relative" {
            // mpmath.besselk(n, x) at 30 digits; the series' own coefficients come from docs/scripts/bessel_k_chebyshev.py
            for (x, e0, e1) in [ 2.0000001, 0.11389385876294617313, 0.13986586343384239523
                                 2.1, 0.10078374088996694581, 0.12274641153350791061
                                 2.5, 0.062347553200366186029, 0.073890816347747063649
                                 3.0, 0.034739504386279248072, 0.040156431128194184377
                                 4.0, 0.01115967608585302427, 0.01248349888726843147
                                 7.0, 0.00042479574186923180685, 0.00045418248688489697124
                                 7.9999999, 0.00014647072075973739706, 0.00015536922839418769643
                                 8.0000001, 0.00014647068968589503606, 0.00015536919521581635674
                                 60.0, 1.4138978405591078091e-27, 1.4256320265171043232e-27
                                 15.0, 9.819536482396434541e-8, 1.014172936976209181e-7
                                 30.0, 2.1324774964630563712e-14, 2.1677320018915494249e-14
                                 200.0, 1.2256819797765334517e-88, 1.228742373472985812e-88 ] do
                relClose 1e-15 (BesselK0Function.Value x) e0 $"K0({x})"
                relClose 1e-15 (BesselK1Function.Value x) e1 $"K1({x})"
        }
        test "besselk0e, besselk1e (e^x K) match mpmath to 1e-13 relative, also where K underflows" {
            // mpmath.exp(x)*mpmath.besselk(n, x) at 30 digits
            for (x, e0, e1) in [ 1e-3, 7.0307160023782515185, 1000.9967345590684524
                                 0.5, 1.52410938577390953, 2.7310097082117857054
                                 1.0, 1.1444630798068950147, 1.6361534862632582465
                                 2.0, 0.84156821507077141792, 1.0334768470686885732
                                 10.0, 0.39163193443659866573, 0.41076657059578875113
                                 700.0, 0.047362369454613572112, 0.047396187653494544137
                                 1000.0, 0.039628321600754217115, 0.03964813081296021048
                                 1e5, 0.0039633223434747558606, 0.0039633421600369322005 ] do
                relClose 1e-13 (evalAt (Expr.Apply(FunctionRegistry.Get "besselk0e", t)) x) e0 $"e^x K0({x})"
                relClose 1e-13 (evalAt (Expr.Apply(FunctionRegistry.Get "besselk1e", t)) x) e1 $"e^x K1({x})"
        }
        testProperty "Wronskian I0 K1 + I1 K0 = 1/x (A&S 9.6.15; I from MathNet.Numerics) to 1e-13" (
            Prop.forAll (Arb.fromGen genBesselX) (fun x ->
                let w = MathNet.Numerics.SpecialFunctions.BesselI0 x * BesselK1Function.Value x
                        + MathNet.Numerics.SpecialFunctions.BesselI1 x * BesselK0Function.Value x
                abs (w * x - 1.0) <= 1e-13))
        testProperty "recurrence K2 = K0 + (2/x) K1 holds for the compiled functions to 4 ulp" (
            Prop.forAll (Arb.fromGen genBesselX) (fun x ->
                let f (g: FunctionDefinition) = (ExprCompiler.CompileRealOrThrow(Expr.Apply(g, t), [| t |])).Invoke [| x |]
                let rhs = f k0 + 2.0 / x * f k1
                abs (f k2 - rhs) <= 4.0 * Double.Epsilon + 1e-15 * abs rhs))
        test "derivatives: K0' = -K1, K1' = -K0 - K1/x, K2' = -K1 - 2 K2/x" {
            let k n = Expr.Apply(n, t)
            Expect.equal (Differentiation.Differentiate(k k0, t)) (-(k k1)) "K0'"
            Expect.equal (Differentiation.Differentiate(k k1, t)) (-(k k0) - k k1 / t) "K1'"
            Expect.equal (Differentiation.Differentiate(k k2, t)) (-(k k1) - Expr.Number 2 * k k2 / t) "K2'"
        }
        testProperty "compiled Bessel derivatives == Richardson finite differences to 1e-7 relative" (
            // h = 1e-2 min(x, 1): the O(h^4) error is ~(h/x)^4 = 1e-8 times O(1) for K ~ -ln x, x^-n or e^-x
            Prop.forAll (Arb.fromGen (Gen.filter (fun x -> x > 1e-4) genBesselX)) (fun x ->
                [ k0; k1; k2 ]
                |> List.forall (fun g ->
                    let e = Expr.Apply(g, t)
                    let d = ExprCompiler.CompileRealOrThrow(Differentiation.Differentiate(e, t), [| t |])
                    let f = ExprCompiler.CompileRealOrThrow(e, [| t |])
                    let fd = richardson (fun s -> f.Invoke [| s |]) x (1e-2 * min x 1.0)
                    abs (d.Invoke [| x |] - fd) <= 1e-7 * abs fd)))
        test "zeta(2) = pi^2/6, zeta(3) = Apery's constant, zeta(4) = pi^4/90 to 1e-15 relative" {
            relClose 1e-15 (ZetaFunction.Value 2.0) (Math.PI * Math.PI / 6.0) "zeta(2)"
            relClose 1e-15 (ZetaFunction.Value 3.0) 1.2020569031595942854 "zeta(3)"
            relClose 1e-15 (ZetaFunction.Value 4.0) (Math.PI ** 4.0 / 90.0) "zeta(4)"
            // mpmath.zeta at 30 digits
            relClose 1e-15 (ZetaFunction.Value 1.5) 2.6123753486854883433 "zeta(3/2)"
            relClose 1e-15 (ZetaFunction.Value 10.0) 1.0009945751278180853 "zeta(10)"
            Expect.isTrue (Double.IsNaN(ZetaFunction.Value 1.0) && Double.IsNaN(ZetaFunction.Value 0.5)) "s <= 1 is outside the domain"
        }
        test "zeta is reported as not differentiable" {
            let ok, _, error = Differentiation.TryDifferentiate(Expr.Apply(zeta, t * t), t)
            Expect.isFalse ok "no derivative"
            Expect.stringContains error "zeta" "names the function"
            Expect.isFalse (zeta.Derivative([| t :> Expr |], 0).IsDifferentiable) "the rule says so"
            Expect.equal (Differentiation.Differentiate(Expr.Apply(zeta, u), t)) Expr.Zero "constant in t: derivative 0"
        }
        test "log10: values against mpmath (30 digits), exact at powers of ten, principal branch for complex z" {
            let log10 = FunctionRegistry.Get "log10"
            relClose 1e-15 (evalAt (Expr.Apply(log10, t)) 2.0) 0.30102999566398119521 "log10(2)"
            relClose 1e-15 (evalAt (Expr.Apply(log10, t)) 0.037) -1.4317982759330050032 "log10(0.037)"
            for n in 0 .. 22 do // 10^n is an exact double up to n = 22
                Expect.equal (Log10Function.Value(Complex(Math.Pow(10.0, float n), 0.0))).Real (float n) $"log10(1e{n}) exactly"
            let z = Log10Function.Value(Complex(-3.0, 4.0))
            relClose 1e-15 z.Real 0.69897000433601880479 "re log10(-3+4i)"
            relClose 1e-15 z.Imaginary 0.96165715756846820541 "im log10(-3+4i) = arg/ln 10"
            Expect.equal (Expr.Apply(log10, Expr.One)) Expr.Zero "log10(1) = 0 exactly"
        }
        test "log10: derivative 1/(x log(10)) symbolically and against Richardson differences to 1e-9" {
            let log10 = FunctionRegistry.Get "log10"
            let d = Differentiation.Differentiate(Expr.Apply(log10, t * t), t)
            Expect.equal d (Expr.Number 2 / (t * Expr.Apply(FunctionRegistry.Get "log", Expr.Number 10))) "d/dt log10(t^2) = 2/(t log 10)"
            relClose 1e-15 (evalAt (Differentiation.Differentiate(Expr.Apply(log10, t), t)) 2.5) 0.17371779276130073106 "log10'(2.5) (mpmath)"
            let f x = evalAt (Expr.Apply(log10, t * t)) x
            for x in [ 0.3; 1.0; 7.5; 120.0 ] do
                // h = 1e-3 x: the O(h^4) error is ~(h/x)^4 = 1e-12 relative
                relClose 1e-9 (evalAt d x) (richardson f x (1e-3 * x)) $"at {x}"
        }
        test "log10 prints as log10(...) and \\log_{10} in LaTeX, and parses back" {
            let e = Expr.Apply(FunctionRegistry.Get "log10", t + Expr.One)
            Expect.equal (e.ToString()) "log10(t + 1)" "infix"
            Expect.equal (Infix.ParseOrThrow("log10(t + 1)", Infix.Known [ t ])) e "parsed"
            Expect.stringContains (ModelDsl.Symbolics.Printing.LatexPrinter.Print e) "\\log_{10}\\left(" "LaTeX"
        }
        test "tabulated: a cubic is reproduced exactly by the not-a-knot spline" {
            let cubic x = 2.0 - x + 0.5 * x * x - 0.25 * x * x * x
            let xs = [| -2.0; -1.3; 0.1; 0.4; 1.7; 2.2; 3.0 |]
            let r = FunctionRegistry.Tabulated("c", xs, Array.map cubic xs)
            let f = r.Function
            for x in [ -2.0; -1.9; -0.5; 0.25; 1.0; 2.9; 3.0 ] do
                Expect.floatClose { absolute = 1e-13; relative = 1e-13 } (f.Value x) (cubic x) $"value at {x}"
                Expect.floatClose { absolute = 1e-12; relative = 1e-12 } (f.DerivativeFunction.Value x) (-1.0 + x - 0.75 * x * x) $"slope at {x}"
        }
        test "tabulated sin: value error O(h^4), derivative error O(h^3) (log2 of the ratio when h halves)" {
            let order (error: int -> float) = Math.Log2(error 80 / error 160) // measured: 4.17 and 3.15 (40 -> 80 gives 4.28, 3.26: not yet asymptotic)
            let valueError n = maxError (tabulate "s" sin 0.0 3.0 n).Value sin 0.0 3.0
            let slopeError n = maxError (tabulate "s" sin 0.0 3.0 n).DerivativeFunction.Value cos 0.0 3.0
            let p = order valueError
            let q = order slopeError
            Expect.isTrue (p > 3.7 && p < 4.3) $"value order {p} ~ 4"
            Expect.isTrue (q > 2.7 && q < 3.3) $"derivative order {q} ~ 3"
        }
        test "tabulated: constant outside the table, derivative 0 there, usable in Expr and compiled code" {
            let f = tabulate "g" exp 0.0 1.0 10
            let e = Expr.Apply(f, t)
            Expect.equal (evalAt e -5.0) 1.0 "left end value"
            Expect.equal (evalAt e 7.0) (exp 1.0) "right end value (the table's last y)"
            let de = Differentiation.Differentiate(e, t)
            Expect.equal de (Expr.Apply(f.DerivativeFunction, t)) "the derivative is the spline's derivative"
            Expect.equal (evalAt de -1.0) 0.0 "0 left"
            Expect.equal (evalAt de 2.0) 0.0 "0 right"
            let compiled = ExprCompiler.CompileRealOrThrow(de * e, [| t |])
            for x in [ -1.0; 0.0; 0.33; 0.5; 0.999; 1.0; 3.0 ] do
                Expect.equal (compiled.Invoke [| x |]) (evalAt (de * e) x) $"compiled == interpreted at {x}"
        }
        test "tabulated: bad data is rejected with a message" {
            let bad name (xs: float[]) (ys: float[]) (expected: string) =
                let r = FunctionRegistry.Tabulated(name, xs, ys)
                Expect.isFalse r.Succeeded name
                Expect.stringContains r.Error expected name
            bad "a" [| 0.0; 1.0; 1.0; 2.0 |] [| 0.0; 1.0; 2.0; 3.0 |] "strictly increasing"
            bad "a" [| 0.0; 2.0; 1.0; 3.0 |] [| 0.0; 1.0; 2.0; 3.0 |] "strictly increasing"
            bad "a" [| 0.0; 1.0; 2.0 |] [| 0.0; 1.0; 2.0 |] "at least 4 points"
            bad "a" [| 0.0; 1.0; 2.0; 3.0 |] [| 0.0; nan; 2.0; 3.0 |] "not finite"
            bad "a" [| 0.0; 1.0; infinity; 3.0 |] [| 0.0; 1.0; 2.0; 3.0 |] "not finite"
            bad "a" [| 0.0; 1.0; 2.0; 3.0 |] [| 0.0; 1.0; 2.0 |] "3 y values"
            bad "exp" [| 0.0; 1.0; 2.0; 3.0 |] [| 0.0; 1.0; 2.0; 3.0 |] "built-in"
            bad "2x" [| 0.0; 1.0; 2.0; 3.0 |] [| 0.0; 1.0; 2.0; 3.0 |] "not a function name"
        }
        test "scans lower the new functions: staged program == interpreter" {
            let f = tabulate "h" (fun x -> x * x) 0.0 4.0 8
            let e = Expr.Apply(k1, t) + Expr.Apply(zeta, Expr.One + t) * Expr.Apply(f, t)
            let program = StagedProgram([||], (0.5, 3.0))
            let split = ComplexSplitter(program, (fun s -> if s = t then Nullable(struct (program.InnerInput, program.Const 0.0)) else Nullable()), (fun _ -> Complex.Zero))
            let struct (re, im) = split.Lower e
            Expect.isNull split.Problem "lowered"
            let run = program.Compile([| re; im |])
            let xs = [| 0.5; 1.0; 2.5; 3.0 |]
            let out = Array.zeroCreate (2 * xs.Length)
            run.Invoke([||], xs, xs.Length, out)
            xs |> Array.iteri (fun n x -> Expect.equal out.[2 * n] (evalAt e x) $"at {x}"; Expect.equal out.[2 * n + 1] 0.0 "real")
        }
        test "every registered function prints and parses back" {
            for f in FunctionRegistry.All do
                let _, e = applied f
                let resolve = Infix.Known [ t; u; v ]
                Expect.equal (Infix.ParseOrThrow(e.ToString(), resolve)) e $"{f.Name}: {e}"
        }
        testProperty "every registered function: compiled (real and complex) == interpreted at points in (1.1, 5)" (
            Prop.forAll (Arb.fromGen (genArgs 3)) (fun args ->
                FunctionRegistry.All
                |> Seq.forall (fun f ->
                    let symbols, e = applied f
                    let values = args |> List.take symbols.Length |> Array.ofList
                    let interpreted = Evaluator.Evaluate(e, fun s -> Complex(values.[Array.IndexOf(symbols, s)], 0.0))
                    let real = ExprCompiler.CompileRealOrThrow(e, symbols).Invoke values
                    let complex = ExprCompiler.CompileComplex(e, symbols).ValueOrThrow().Invoke(values |> Array.map (fun a -> Complex(a, 0.0)))
                    real = interpreted.Real && complex = interpreted)))
        testProperty "every registered function: symbolic derivative == Richardson difference (1e-7), or reported as not differentiable" (
            // arguments at least 0.01 apart, so that the steps (h = 1e-3) do not cross the kinks of min and max
            let separated args = args |> List.pairwise |> List.forall (fun (a, b) -> abs (a - b) > 0.01) && abs (List.head args - List.last args) > 0.01
            Prop.forAll (Arb.fromGen (genArgs 3 |> Gen.filter separated)) (fun args ->
                FunctionRegistry.All
                |> Seq.forall (fun f ->
                    let symbols, e = applied f
                    let values = args |> List.take symbols.Length |> Array.ofList
                    symbols
                    |> Array.mapi (fun k s ->
                        match Differentiation.TryDifferentiate(e, s) with
                        | false, _, error -> not (f.Derivative(symbols |> Array.map (fun s -> s :> Expr), k).IsDifferentiable) && error.Contains f.Name
                        | true, d, _ ->
                            let at (xs: float[]) (g: Expr) = (Evaluator.Evaluate(g, fun s -> Complex(xs.[Array.IndexOf(symbols, s)], 0.0))).Real
                            let shifted h = values |> Array.mapi (fun j a -> if j = k then a + h else a)
                            let fd = richardson (fun h -> at (shifted h) e) 0.0 1e-3
                            abs (at values d - fd) <= 1e-7 * (1.0 + abs fd))
                    |> Array.forall id)))
    ]
