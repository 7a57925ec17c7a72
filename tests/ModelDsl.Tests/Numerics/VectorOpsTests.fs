/// The element-wise loops of the Rosenbrock step and the LU solves (src/ModelDsl.Numerics/Linear/VectorOps.cs), four lanes
/// at a time: they must give the plain scalar loop's results to the last bit (a product, then a sum; no fused multiply-add),
/// so that the solver's results do not depend on the vector width of the machine.
module ModelDsl.Tests.Numerics.VectorOpsTests

open System
open Expecto
open ModelDsl.Numerics.Linear

/// Doubles over many binades and signs (products and sums that round differently with and without fusing).
let private values (r: Random) n = Array.init n (fun _ -> (2.0 * r.NextDouble() - 1.0) * 10.0 ** float (r.Next(-30, 31)))

let private bits (x: float[]) = Array.map BitConverter.DoubleToInt64Bits x

[<Tests>]
let tests =
    testList "Numerics/VectorOps" [
        testProperty "AddScaled is y[i] + a x[i] to the last bit (lengths 0..40, x longer than y too)" <| fun (seed: int) (size: byte) (extra: byte) ->
            let r = Random(seed)
            let n = int size % 41
            let x, y, a = values r (n + int extra % 3), values r n, (values r 1).[0]
            let expected = Array.init n (fun i -> y.[i] + a * x.[i])
            VectorOps.AddScaled(Span y, a, ReadOnlySpan x)
            bits y = bits expected

        // DenseLu's eliminations y - m x are AddScaled with -m
        testProperty "AddScaled with -a is y[i] - a x[i] to the last bit (lengths 0..40)" <| fun (seed: int) (size: byte) ->
            let r = Random(seed)
            let n = int size % 41
            let x, y, a = values r n, values r n, (values r 1).[0]
            let expected = Array.init n (fun i -> y.[i] - a * x.[i])
            VectorOps.AddScaled(Span y, -a, ReadOnlySpan x)
            bits y = bits expected

        test "a shorter x is an argument error, not a read past its end" {
            Expect.throwsT<ArgumentException> (fun () -> VectorOps.AddScaled(Span(Array.zeroCreate 5), 1.0, ReadOnlySpan(Array.zeroCreate 4))) "x shorter than y"
        }
    ]
