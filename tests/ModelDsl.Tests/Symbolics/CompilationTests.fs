module ModelDsl.Tests.Symbolics.CompilationTests

open System.Numerics
open Expecto
open ModelDsl.FSharp
open FsCheck
open FsCheck.FSharp
open ModelDsl.Symbolics.Expressions
open ModelDsl.Symbolics.Functions
open ModelDsl.Symbolics.Compilation
open ModelDsl.Symbolics.Parsing
open ModelDsl.Tests.Symbolics.Generators

let private p text = Infix.ParseOrThrow(text, symbolsResolver)
let private parameters = List.toArray allSymbols

/// False when some ifpos(c, a, b) in e has a condition c that is not finite at the point: which side a branch on NaN or an
/// infinity takes is not defined (complex arithmetic gives NaN where the staged real arithmetic gives an infinity), so such a
/// point compares nothing (found by the property: ifpos(re(1/ifpos(y, y, 0)^(7/2)), x*z, z) at y < 0).
let rec private branchesDefined pt (e: Expr) =
    match e with
    | :? FunctionExpr as f when obj.ReferenceEquals(f.Definition, IfPosFunction.Instance) && not (finite (eval pt f.Arguments.[0])) -> false
    | _ -> e.Children |> Seq.forall (branchesDefined pt)

[<Tests>]
let tests =
    testList "Symbolics/Compilation" [
        testProperty "compiled complex delegate == interpreted evaluation to 1e-12 relative" (
            Prop.forAll (Arb.fromGen (Gen.zip genAny genPoint)) (fun (e, pt) ->
                let f = ExprCompiler.CompileComplex(e, parameters).ValueOrThrow()
                let args = parameters |> Array.map (fun s -> pt.[s])
                let compiled = f.Invoke args
                let interpreted = eval pt e
                let scale = errorScale pt e
                not (finite interpreted) || not (System.Double.IsFinite scale) || scale > 1e100 || not (branchesDefined pt e)
                || (compiled - interpreted).Magnitude <= 1e-12 * scale))
        testProperty "compiled real delegate == interpreted evaluation on real expressions" (
            Prop.forAll (Arb.fromGen (Gen.zip genSmoothReal genPoint)) (fun (e, pt) ->
                let ps = [| x; y |]
                let f = ExprCompiler.CompileReal(e, ps).ValueOrThrow()
                let compiled = f.Invoke [| pt.[x].Real; pt.[y].Real |]
                let interpreted = eval pt e
                // as the complex property above: a point whose error scale overflows (exp(exp(8))^2) bounds nothing
                let scale = errorScale pt e
                not (finite interpreted) || not (System.Double.IsFinite scale) || scale > 1e100
                || abs (compiled - interpreted.Real) <= 1e-12 * scale))
        test "integer powers and one division per product" {
            let f = ExprCompiler.CompileRealOrThrow(p "x^7/(y^2*3) - 2*x", [| x; y |])
            Expect.floatClose Accuracy.veryHigh (f.Invoke [| 1.5; 0.5 |]) (1.5 ** 7.0 / (0.25 * 3.0) - 3.0) "value"
        }
        test "vector compilation" {
            let f = ExprCompiler.CompileRealVector([| p "x + y"; p "x*y"; p "exp(x)" |], [| x; y |]).ValueOrThrow()
            let out = Array.zeroCreate 3
            f.Invoke([| 2.0; 3.0 |], out)
            Expect.equal out.[0..1] [| 5.0; 6.0 |] "sum and product"
            Expect.floatClose Accuracy.veryHigh out.[2] (exp 2.0) "exp"
        }
        testProperty "batch delegate == one call per point" (
            Prop.forAll (Arb.fromGen (Gen.zip (Gen.two genSmoothReal) (Gen.listOfLength 5 genPoint))) (fun ((f, g), points) ->
                let ps = [| x; y |]
                let single = ExprCompiler.CompileRealVector([| f; g |], ps).ValueOrThrow()
                let batch = ExprCompiler.CompileRealBatch([| f; g |], ps).ValueOrThrow()
                let inputs = points |> List.collect (fun pt -> [ pt.[x].Real; pt.[y].Real ]) |> Array.ofList
                let outputs = Array.zeroCreate (2 * points.Length)
                batch.Invoke(inputs, outputs, points.Length)
                points
                |> List.mapi (fun n pt ->
                    let one = Array.zeroCreate 2
                    single.Invoke([| pt.[x].Real; pt.[y].Real |], one)
                    (one.[0] = outputs.[2 * n] || (System.Double.IsNaN one.[0] && System.Double.IsNaN outputs.[2 * n]))
                    && (one.[1] = outputs.[2 * n + 1] || (System.Double.IsNaN one.[1] && System.Double.IsNaN outputs.[2 * n + 1])))
                |> List.forall id))
        testProperty "staged program (re z outer, x inner, y and w hoisted) == interpreted evaluation; its level schedule == its scan schedule" (
            // smooth functions only: at a discontinuity (sign, ifpos, a branch cut) real and complex
            // arithmetic may round to different sides, which is not an error of either
            let leaf = genLeaf allSymbols genNumber
            let smooth =
                sizedTree leaf [ 3, add2; 3, mul2; 1, sub2; 1, powRange -2 3
                                 2, fn [ (FunctionRegistry.Get "exp"); (FunctionRegistry.Get "abs"); (FunctionRegistry.Get "conj"); (FunctionRegistry.Get "re")
                                         (FunctionRegistry.Get "im"); (FunctionRegistry.Get "sin"); (FunctionRegistry.Get "cos") ] ] 12
            Prop.forAll (Arb.fromGen (Gen.zip smooth genPoint)) (fun (e, pt) ->
                let program = StagedProgram([| (-2.0, 2.0) |], (-2.0, 2.0))
                let reZ = program.OuterInput 0
                let split =
                    ComplexSplitter(program,
                        (fun s ->
                            if s = x then System.Nullable(struct (program.InnerInput, program.Const 0.0))
                            elif s = z then System.Nullable(struct (reZ, program.Const pt.[z].Imaginary))
                            else System.Nullable()),
                        (fun s -> pt.[s]))
                let re, im = let struct (a, b) = split.Lower e in a, b
                Expect.isNull split.Problem "every smooth node lowers"
                let f = program.Compile([| re; im |])
                let out = Array.zeroCreate 2
                f.Invoke([| pt.[z].Real |], [| pt.[x].Real |], 1, out)
                // the same program scheduled level by level gives the same doubles
                let levels = program.CompileLevels([| re; im |])
                let state = levels.NewState()
                levels.Enter(state, 1, [| pt.[z].Real |])
                let byLevel = Array.zeroCreate 2
                levels.Evaluate(state, [| pt.[x].Real |], byLevel)
                let same (a: float) (b: float) = a = b || (System.Double.IsNaN a && System.Double.IsNaN b)
                let interpreted = eval pt e
                let scale = errorScale pt e
                let staged = Complex(out.[0], out.[1])
                same byLevel.[0] out.[0] && same byLevel.[1] out.[1]
                // an overflow must overflow on both paths; otherwise the values agree to rounding
                && (if not (finite interpreted) then not (finite staged)
                    else not (System.Double.IsFinite scale) || scale > 1e100 || (staged - interpreted).Magnitude <= 1e-12 * scale)))
        test "a complex constant in a real kernel is reported with the reason" {
            let r = ExprCompiler.CompileReal(p "x + I", [| x |])
            Expect.isFalse r.Success "not compiled"
            Expect.stringContains (string r.Errors.[0]) "not real" "reason"
            Expect.isNull r.Value "no delegate"
        }
        test "a symbol missing from the parameter list is reported" {
            let r = ExprCompiler.CompileReal(p "x + y", [| x |])
            Expect.stringContains r.Errors.[0].Message "'y' is not in the parameter list" "reason"
            let r2 = ExprCompiler.CompileReal(Expr.Complex "x" :> Expr, [| x |])
            Expect.stringContains r2.Errors.[0].Message "complex here" "realness mismatch"
        }
        test "a complex symbol is reported in a real kernel, and the cache tells real from complex symbols" {
            let zc = Expr.Complex "z"
            let r = ExprCompiler.CompileReal(Expr.Im zc, [| zc |])
            Expect.stringContains r.Errors.[0].Message "'z' is complex" "not silently 0"
            let xr = Expr.Real "q"
            let xc = Expr.Complex "q"
            Expect.isTrue (ExprCompiler.CompileReal(xr * xr, [| xr |]).Success) "real q"
            let wrong = ExprCompiler.CompileReal(xc * xc, [| xr |])
            Expect.isFalse wrong.Success "a complex q is not the real q's cached delegate"
        }
        test "delegates are cached" {
            let e = p "x^2 + 3*y"
            let a = ExprCompiler.CompileReal(e, [| x; y |]).Value
            let b = ExprCompiler.CompileReal(p "3*y + x^2", [| x; y |]).Value
            Expect.isTrue (obj.ReferenceEquals(a, b)) "same delegate"
        }
        test "ifpos evaluates only the chosen side" {
            // log(x) is NaN for x < 0: the branch must not be evaluated there
            let f = ExprCompiler.CompileRealOrThrow(p "ifpos(x, log(x), y) + x", [| x; y |])
            Expect.equal (f.Invoke [| -2.0; 5.0 |]) 3.0 "else branch"
            Expect.floatClose Accuracy.veryHigh (f.Invoke [| 2.0; 5.0 |]) (log 2.0 + 2.0) "then branch"
            let g = ExprCompiler.CompileRealOrThrow(p "ifpos(y, x^2, 1) + x^3", [| x; y |])
            Expect.equal (g.Invoke [| 2.0; -1.0 |]) 9.0 "a parameter first read inside a branch is read for the whole kernel"
        }
        test "step and sign follow the documented conventions" {
            let f = ExprCompiler.CompileRealOrThrow(p "theta(x) + 10*sign(y)", [| x; y |])
            Expect.equal (f.Invoke [| 0.0; 0.0 |]) 0.5 "theta(0) = 1/2, sign(0) = 0"
            Expect.equal (f.Invoke [| 1.0; -2.0 |]) -9.0 "1 - 10"
        }
    ]
