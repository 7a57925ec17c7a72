/// The LU factorisation with partial pivoting of the Rosenbrock iteration matrix (src/ModelDsl.Numerics/Linear/DenseLu.cs;
/// Golub and Van Loan, Matrix Computations, 4th ed., 3.2-3.4).
module ModelDsl.Tests.Numerics.DenseLuTests

open System
open Expecto
open ModelDsl.Numerics.Linear

/// x with A x = b.
let private solve (a: float[,]) (b: float[]) =
    let n = b.Length
    let lu = DenseLu(n)
    let m = lu.Matrix
    for i in 0 .. n - 1 do
        for j in 0 .. n - 1 do
            m.[i * n + j] <- a.[i, j]
    Expect.isTrue (lu.Factor()) "the matrix is regular"
    let x = Array.copy b
    lu.Solve(Span x)
    x

/// max_i |(A x - b)_i| / (max |A| max |x| + max |b|): the normwise backward error.
let private residual (a: float[,]) (x: float[]) (b: float[]) =
    let n = b.Length
    let r = Array.init n (fun i -> abs (Seq.sum (seq { for j in 0 .. n - 1 -> a.[i, j] * x.[j] }) - b.[i]))
    let maxA = Seq.max (seq { for i in 0 .. n - 1 do for j in 0 .. n - 1 -> abs a.[i, j] })
    Array.max r / (maxA * Array.max (Array.map abs x) + Array.max (Array.map abs b))

[<Tests>]
let tests =
    testList "Numerics/DenseLu" [
        // The computed solution solves (A + H) x = b with |H| <= 3 (n - 1) eps (|A| + |L| |U|) (GVL Theorem 3.3.2); with
        // partial pivoting |l_ik| <= 1 and the growth of U on random matrices stays below about n (GVL 3.4.6), so
        // 3 n (1 + n^2) eps bounds the backward error. Random entries in [-1, 1] exchange rows at almost every column: before
        // the fix of the row exchanges the solutions were wrong by order one here (backward errors of 0.2 to 1.5).
        testProperty "A x = b within LU's backward error bound on random matrices, rows exchanged at most columns (n = 1..25)" <| fun (seed: int) (size: byte) ->
            let n = 1 + int size % 25
            let r = Random(seed)
            let a = Array2D.init n n (fun _ _ -> 2.0 * r.NextDouble() - 1.0)
            let b = Array.init n (fun _ -> 2.0 * r.NextDouble() - 1.0)
            let x = solve a b
            residual a x b < 3.0 * float n * (1.0 + float n ** 2.0) * 2.2e-16

        test "a zero on the diagonal is pivoted away: exact solution (1, 1, 3)" {
            let a = array2D [ [ 0.0; 2.0; 1.0 ]; [ 3.0; 0.0; 1.0 ]; [ 1.0; 1.0; 0.0 ] ]
            let x = solve a [| 5.0; 6.0; 2.0 |]
            for i, e in [ 0, 1.0; 1, 1.0; 2, 3.0 ] do
                Expect.floatClose Accuracy.veryHigh x.[i] e $"x{i + 1}"
        }

        // [[d, 1], [1, 1]] without pivoting has u_22 = 1 - 1/d = -1e20 and loses every digit; with pivoting the solution
        // x = (1/(1 - d), -d/(1 - d)) = (1, -1e-20) to roundoff
        test "a tiny diagonal entry is pivoted away: x = (1, -1e-20)" {
            let x = solve (array2D [ [ 1e-20; 1.0 ]; [ 1.0; 1.0 ] ]) [| 0.0; 1.0 |]
            Expect.floatClose Accuracy.veryHigh x.[0] 1.0 "x1"
            Expect.floatClose Accuracy.veryHigh x.[1] -1e-20 "x2"
        }

        test "a singular matrix is reported, not factored" {
            let lu = DenseLu(2)
            let m = lu.Matrix
            m.[0] <- 1.0
            m.[1] <- 2.0
            m.[2] <- 2.0
            m.[3] <- 4.0
            Expect.isFalse (lu.Factor()) "singular"
        }
    ]
