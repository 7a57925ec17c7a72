module ModelDsl.Tests.Symbolics.StagedProgramTests

open System.Threading
open Expecto
open ModelDsl.Symbolics.Compilation

/// A numeric algorithm as a staged call: (x, y) -> (x + y, x * y, hypot(x, y)), counting its calls.
let private call (counter: int ref) =
    System.Action<double[], double[]>(fun input output ->
        Interlocked.Increment(&counter.contents) |> ignore
        output.[0] <- input.[0] + input.[1]
        output.[1] <- input.[0] * input.[1]
        output.[2] <- sqrt (input.[0] * input.[0] + input.[1] * input.[1]))

let private run (program: StagedProgram) outputs (outer: double[]) (inner: double[]) k =
    let f = program.Compile(outputs)
    let points = inner.Length / program.InnerCount
    let out = Array.zeroCreate (points * k)
    f.Invoke(outer, inner, points, out)
    out

[<Tests>]
let tests =
    testList "Symbolics/StagedProgram" [
        test "a call on the inner input runs once per point and its outputs feed later operations" {
            let calls = ref 0
            let p = StagedProgram([ (1.0, 2.0) ], (0.0, 5.0))
            let r = p.Call(call calls, [ p.OuterInput 0; p.InnerInput ], 3)
            let sum = p.Op(StagedOp.Add, r.[0], r.[1])
            let out = run p [ sum; r.[2] ] [| 1.5 |] [| 0.0; 1.0; 4.0 |] 2
            for n, y in List.indexed [ 0.0; 1.0; 4.0 ] do
                Expect.floatClose Accuracy.veryHigh out.[2 * n] ((1.5 + y) + 1.5 * y) "x + y + x y"
                Expect.floatClose Accuracy.veryHigh out.[2 * n + 1] (sqrt (1.5 * 1.5 + y * y)) "hypot"
            Expect.equal calls.Value 3 "one call per point"
        }
        test "a call on outer inputs only runs once per run of points" {
            let calls = ref 0
            let p = StagedProgram([ (1.0, 2.0); (0.0, 1.0) ], (0.0, 5.0))
            let r = p.Call(call calls, [ p.OuterInput 0; p.OuterInput 1 ], 3)
            let v = p.Op(StagedOp.Mul, r.[1], p.InnerInput)
            let out = run p [ v ] [| 2.0; 3.0 |] [| 1.0; 2.0; 3.0; 4.0 |] 1
            Expect.sequenceEqual out [| 6.0; 12.0; 18.0; 24.0 |] "x y times the inner input"
            Expect.equal calls.Value 1 "hoisted out of the loop"
        }
        test "a call on constants is evaluated while the program is built" {
            let calls = ref 0
            let p = StagedProgram([], (0.0, 1.0))
            let r = p.Call(call calls, [ p.Const 3.0; p.Const 4.0 ], 3)
            let mutable value = 0.0
            Expect.isTrue (p.IsConst(r.[2], &value)) "folded"
            Expect.equal value 5.0 "hypot(3, 4)"
            Expect.equal calls.Value 1 "called once, at build time"
        }
        test "several inner inputs: point n reads inner[n * InnerCount + k]" {
            let p = StagedProgram.WithInputs([ (0.0, 1.0) ], [ (0.0, 1.0); (-1.0, 1.0) ])
            let v = p.Op(StagedOp.Add, p.Op(StagedOp.Mul, p.InnerInputAt 0, p.InnerInputAt 1), p.OuterInput 0)
            let out = run p [ v ] [| 10.0 |] [| 2.0; 3.0; 4.0; -5.0 |] 1
            Expect.sequenceEqual out.[0..1] [| 16.0; -10.0 |] "2*3 + 10, 4*(-5) + 10"
        }
        test "levels: each value is computed once per entry of the innermost level it depends on" {
            // level 1 a (a card), level 2 p (a parameter point), level 3 y (an ODE right-hand-side call)
            let calls = ref 0
            let p = StagedProgram.WithLevels([ [ (0.0, 1.0) ]; [ (0.0, 1.0) ]; [ (-1.0, 1.0) ] ])
            let a, pt, y = p.LevelInput(1, 0), p.LevelInput(2, 0), p.LevelInput(3, 0)
            let r = p.Call(call calls, [ a; pt ], 3) // (a + p, a p, hypot(a, p)): per point
            let f = p.Op(StagedOp.Add, p.Op(StagedOp.Mul, r.[1], y), p.Op(StagedOp.Mul, y, y))
            let levels = p.CompileLevels([ f; r.[0]; a ])
            Expect.equal levels.LevelCount 3 "three levels"
            let state = levels.NewState()
            let out = Array.zeroCreate 3
            levels.Enter(state, 1, [| 2.0 |])
            for point in [ 3.0; 5.0 ] do
                levels.Enter(state, 2, [| point |])
                for yv in [ -1.0; 0.5; 1.0 ] do
                    levels.Evaluate(state, [| yv |], out)
                    Expect.sequenceEqual out [| 2.0 * point * yv + yv * yv; 2.0 + point; 2.0 |] $"point {point}, y {yv}"
            Expect.equal calls.Value 2 "the call ran once per point, not per right-hand side"
        }
        test "an unused call is dead code" {
            let calls = ref 0
            let p = StagedProgram([], (0.0, 1.0))
            p.Call(call calls, [ p.InnerInput; p.InnerInput ], 3) |> ignore
            let out = run p [ p.InnerInput ] [||] [| 0.5; 0.25 |] 1
            Expect.sequenceEqual out [| 0.5; 0.25 |] "identity"
            Expect.equal calls.Value 0 "never called"
        }
    ]
