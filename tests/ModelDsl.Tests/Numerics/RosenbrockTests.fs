module ModelDsl.Tests.Numerics.RosenbrockTests

open System
open System.Numerics
open Expecto
open FsCheck
open FsCheck.FSharp
open ModelDsl.Numerics.Ode

let private tableaus = [ RosenbrockTableau.Rodas5P; RosenbrockTableau.Rodas4; RosenbrockTableau.Rodaspr2 ]

/// A system from f(t, y) -> dy, J(t, y) -> (row-major df/dy, df/dt).
let private system n (f: float -> float[] -> float[]) (jac: float -> float[] -> float[] * float[]) =
    { new IOdeSystem with
        member _.Dimension = n
        member _.Evaluate(t, y, dydt) = (f t (y.ToArray())).CopyTo(dydt)
        member _.Jacobian(t, y, j, dfdt) =
            let jj, dt = jac t (y.ToArray())
            jj.CopyTo(j)
            dt.CopyTo(dfdt) }

let private solve (sys: IOdeSystem, t0: float, t1: float, y0: float[], o: OdeOptions) = Rosenbrock.Solve(sys, t0, t1, ReadOnlySpan y0, o)

let private solveFixed (sys: IOdeSystem, t0: float, t1: float, y0: float[], tab, n: int, embedded: bool) =
    Rosenbrock.SolveFixed(sys, t0, t1, ReadOnlySpan y0, tab, n, embedded)

// ---- order conditions -------------------------------------------------------------------------------------------------

/// Rooted trees as sorted lists of children, with their order.
type private Tree = Node of Tree list

let rec private order (Node cs) = 1 + List.sumBy order cs
let rec private density (Node cs as t) = float (order t) * List.fold (fun acc c -> acc * density c) 1.0 cs

/// All rooted trees of order n (Butcher): a root over a multiset of subtrees whose orders sum to n - 1.
let rec private treesOfOrder n =
    if n = 1 then [ Node [] ]
    else
        let rec forests remaining maxKey =
            if remaining = 0 then [ [] ]
            else
                [ for k in 1..remaining do
                    for t in treesOfOrder k do
                        let key = sprintf "%A" t
                        if compare key maxKey <= 0 then
                            for rest in forests (remaining - k) key do
                                yield t :: rest ]
        forests (n - 1) "\uffff" |> List.map Node |> List.distinctBy (sprintf "%A")

/// Elementary weight of a Rosenbrock method (Hairer and Wanner, Solving ODEs II, IV.7, Table 7.1, in the
/// form with beta_ij = alpha_ij + gamma_ij including the diagonal): a vertex with one child multiplies by beta, a vertex
/// with several children takes the product of alpha times each child's weight. Condition: b . Phi(t) = 1 / density(t).
let rec private phi (tab: RosenbrockTableau) (Node cs) : float[] =
    let s = tab.Stages
    let alpha i j = tab.Alpha.[i * s + j]
    let beta i j = tab.Alpha.[i * s + j] + tab.GammaMatrix.[i * s + j]
    match cs with
    | [] -> Array.create s 1.0
    | [ c ] ->
        let p = phi tab c
        Array.init s (fun i -> Seq.sum (seq { for j in 0 .. s - 1 -> beta i j * p.[j] }))
    | _ ->
        cs
        |> List.map (fun c ->
            let p = phi tab c
            Array.init s (fun i -> Seq.sum (seq { for j in 0 .. s - 1 -> alpha i j * p.[j] })))
        |> List.reduce (Array.map2 (*))

let private residuals (tab: RosenbrockTableau) (weights: float seq) p =
    let b = Array.ofSeq weights
    [ for t in treesOfOrder p -> Array.fold2 (fun acc bi fi -> acc + bi * fi) 0.0 b (phi tab t) - 1.0 / density t ]

let private maxResidual tab weights p = residuals tab weights p |> List.map abs |> List.max

/// R(z) = 1 + z b^T (I - z B)^-1 1 with B = alpha + Gamma (HW IV.7 (7.19)).
let private stability (tab: RosenbrockTableau) (z: Complex) =
    let s = tab.Stages
    let x = Array.create s Complex.Zero
    for i in 0 .. s - 1 do
        let mutable acc = Complex.One
        for j in 0 .. i - 1 do
            acc <- acc + z * Complex(tab.Alpha.[i * s + j] + tab.GammaMatrix.[i * s + j], 0.0) * x.[j]
        x.[i] <- acc / (Complex.One - z * Complex(tab.Gamma, 0.0))
    Complex.One + z * Seq.fold (+) Complex.Zero (seq { for i in 0 .. s - 1 -> Complex(tab.B.[i], 0.0) * x.[i] })

// ---- problems with known solutions -------------------------------------------------------------------------------------

/// y1' = -y1 + sin t, y2' = -y2^2 with y(0) = (0, 1): y1 = (sin t - cos t + e^-t)/2, y2 = 1/(1+t) (by substitution).
let private smooth =
    system 2 (fun t y -> [| -y.[0] + sin t; -y.[1] * y.[1] |]) (fun t y -> [| -1.0; 0.0; 0.0; -2.0 * y.[1] |], [| cos t; 0.0 |])

let private smoothExact t = [| (sin t - cos t + exp -t) / 2.0; 1.0 / (1.0 + t) |]

/// Robertson's reaction (Hairer-Wanner / Mazzia-Magherini Test Set for IVP Solvers, problem ROBER), written without
/// allocation so that the timing printout measures the solver.
let private robertson =
    { new IOdeSystem with
        member _.Dimension = 3
        member _.Evaluate(_, y, d) =
            let r1 = 0.04 * y.[0]
            let r2 = 1e4 * y.[1] * y.[2]
            let r3 = 3e7 * y.[1] * y.[1]
            d.[0] <- -r1 + r2
            d.[1] <- r1 - r2 - r3
            d.[2] <- r3
        member _.Jacobian(_, y, j, dfdt) =
            j.[0] <- -0.04
            j.[1] <- 1e4 * y.[2]
            j.[2] <- 1e4 * y.[1]
            j.[3] <- 0.04
            j.[4] <- -1e4 * y.[2] - 6e7 * y.[1]
            j.[5] <- -1e4 * y.[1]
            j.[6] <- 0.0
            j.[7] <- 6e7 * y.[1]
            j.[8] <- 0.0
            dfdt.Clear() }

/// van der Pol in the Test Set's scaling (problem VDPOL): y1' = y2, y2' = ((1 - y1^2) y2 - y1)/eps, eps = 1e-6.
let private vanDerPol =
    let eps = 1e-6
    system 2 (fun _ y -> [| y.[1]; ((1.0 - y.[0] * y.[0]) * y.[1] - y.[0]) / eps |])
        (fun _ y -> [| 0.0; 1.0; (-2.0 * y.[0] * y.[1] - 1.0) / eps; (1.0 - y.[0] * y.[0]) / eps |], Array.zeroCreate 2)

let private relErr (x: float) (reference: float) = abs (x - reference) / abs reference

let private opts rtol atol (tab: RosenbrockTableau) =
    OdeOptions(RelativeTolerance = rtol, AbsoluteTolerance = Collections.Immutable.ImmutableArray.CreateRange [ atol ], Method = tab)

[<Tests>]
let tests =
    testList "Numerics/Rosenbrock" [
        testList "tableau" [
            for tab in tableaus do
                test $"{tab.Name}: order conditions up to its order {tab.Order}, embedded up to {tab.EmbeddedOrder}" {
                    // Coefficients are tabulated to about 16 digits with entries up to ~300: residuals at roundoff level.
                    for p in 1 .. tab.Order do
                        let r = maxResidual tab tab.B p
                        printfn "%s order %d: %d conditions, max residual %.2e" tab.Name p (treesOfOrder p).Length r
                        Expect.isLessThan r 1e-10 $"order {p} conditions"
                    for p in 1 .. tab.EmbeddedOrder do
                        Expect.isLessThan (maxResidual tab tab.BHat p) 1e-10 $"embedded order {p}"
                    let next = maxResidual tab tab.B (tab.Order + 1)
                    printfn "%s order %d (one above): max residual %.2e" tab.Name (tab.Order + 1) next
                    Expect.isGreaterThan next 1e-6 "the order is not higher than stated"
                    Expect.isGreaterThan (maxResidual tab tab.BHat (tab.EmbeddedOrder + 1)) 1e-6 "embedded order exact"
                }
                test $"{tab.Name}: nodes and gamma sums are the row sums" {
                    let s = tab.Stages
                    for i in 0 .. s - 1 do
                        let a = Seq.sum (seq { for j in 0 .. s - 1 -> tab.Alpha.[i * s + j] })
                        let g = Seq.sum (seq { for j in 0 .. s - 1 -> tab.GammaMatrix.[i * s + j] })
                        Expect.floatClose { absolute = 1e-12; relative = 1e-12 } tab.Nodes.[i] a $"alpha_{i}"
                        Expect.floatClose { absolute = 1e-12; relative = 1e-12 } tab.GammaSums.[i] g $"gamma_{i}"
                }
                test $"{tab.Name}: L-stable (R(-inf) = 0) and A-stable on the imaginary axis" {
                    let rInf = (stability tab (Complex(-1e12, 0.0))).Magnitude
                    printfn "%s |R(-1e12)| = %.2e" tab.Name rInf
                    Expect.isLessThan rInf 1e-9 "R(z) -> 0"
                    for k in -40 .. 80 do
                        let y = 10.0 ** (float k / 10.0)
                        Expect.isLessThanOrEqual (stability tab (Complex(0.0, y))).Magnitude (1.0 + 1e-12) $"|R(i {y})|"
                }
            test "ByName" {
                Expect.isTrue (obj.ReferenceEquals(RosenbrockTableau.ByName "RODAS5P", RosenbrockTableau.Rodas5P)) "rodas5p"
                Expect.isTrue (obj.ReferenceEquals(RosenbrockTableau.ByName "rodaspr2", RosenbrockTableau.Rodaspr2)) "rodaspr2"
                Expect.isTrue (obj.ReferenceEquals(RosenbrockTableau.ByName "Rodas4", RosenbrockTableau.Rodas4)) "rodas4"
                Expect.isNull (RosenbrockTableau.ByName "rk4") "unknown"
            }
        ]
        testList "convergence" [
            for tab in tableaus do
            for embedded in [ false; true ] do
                test $"""{tab.Name}{if embedded then " embedded" else ""}: fixed-step error slope on a smooth problem""" {
                    // Global error ~ C h^p: log2 of the error ratio between halved steps approaches the order.
                    let p = if embedded then tab.EmbeddedOrder else tab.Order
                    let err nSteps =
                        let y = solveFixed(smooth, 0.0, 2.0, [| 0.0; 1.0 |], tab, nSteps, embedded)
                        Array.map2 (fun a b -> abs (a - b)) y (smoothExact 2.0) |> Array.max
                    let errors = [ for k in 3 .. 6 -> err (1 <<< k) ]
                    let slopes = errors |> List.pairwise |> List.map (fun (a, b) -> log (a / b) / log 2.0)
                    printfn "%s embedded=%b errors %A slopes %A" tab.Name embedded errors slopes
                    Expect.floatClose { absolute = 0.3; relative = 0.0 } (List.last slopes) (float p) "slope"
                }
        ]
        testList "test set" [
            for tab in tableaus do
                test $"{tab.Name}: Robertson at t = 1e11" {
                    // Reference: Test Set for IVP Solvers (Mazzia, Magherini), ROBER, solution at t = 1e11.
                    let reference = [| 0.2083340149701255e-07; 0.8333360770334713e-13; 0.9999999791665050 |]
                    let sw = Diagnostics.Stopwatch.StartNew()
                    let sol = solve(robertson, 0.0, 1e11, [| 1.0; 0.0; 0.0 |], opts 1e-10 1e-20 tab)
                    sw.Stop()
                    Expect.equal sol.Status OdeStatus.Success (string sol.Message)
                    let y = sol.Final.ToArray()
                    let errs = Array.map2 relErr y reference
                    printfn "%s Robertson rtol 1e-10: steps %d rejected %d f %d J %d LU %d, %.2f ms, rel errors %A"
                        tab.Name sol.Steps sol.RejectedSteps sol.Evaluations sol.JacobianEvaluations sol.Decompositions
                        sw.Elapsed.TotalMilliseconds errs
                    // rtol 1e-10 per step; the global error of this dissipative system stays within 1e3 rtol.
                    for e in errs do Expect.isLessThan e 1e-7 "relative error"
                }
                test $"{tab.Name}: van der Pol (eps = 1e-6) at t = 2" {
                    // Reference: Test Set for IVP Solvers, VDPOL, solution at t = 2.
                    let reference = [| 0.1706167732170483e1; -0.8928097010247975 |]
                    let sol = solve(vanDerPol, 0.0, 2.0, [| 2.0; 0.0 |], opts 1e-10 1e-10 tab)
                    Expect.equal sol.Status OdeStatus.Success (string sol.Message)
                    let errs = Array.map2 relErr (sol.Final.ToArray()) reference
                    printfn "%s vdpol rtol 1e-10: steps %d rejected %d, rel errors %A" tab.Name sol.Steps sol.RejectedSteps errs
                    // Across the fast transitions the global error grows above the local tolerance: 1e4 rtol.
                    for e in errs do Expect.isLessThan e 1e-6 "relative error"
                }
            test "Robertson timings at rtol 1e-8, atol 1e-14 (printout)" {
                for tab in tableaus do
                    for _ in 1 .. 20 do solve(robertson, 0.0, 1e11, [| 1.0; 0.0; 0.0 |], opts 1e-8 1e-14 tab) |> ignore
                    let sw = Diagnostics.Stopwatch.StartNew()
                    let runs = 20
                    let mutable sol = Unchecked.defaultof<OdeSolution>
                    for _ in 1 .. runs do
                        sol <- solve(robertson, 0.0, 1e11, [| 1.0; 0.0; 0.0 |], opts 1e-8 1e-14 tab)
                    printfn "%s Robertson rtol 1e-8: %d steps, %d rejected, %d f, %.3f ms per solve"
                        tab.Name sol.Steps sol.RejectedSteps sol.Evaluations (sw.Elapsed.TotalMilliseconds / float runs)
                    Expect.equal sol.Status OdeStatus.Success "solved"
            }
        ]
        testList "dense output and breakpoints" [
            for tab in tableaus do
                test $"{tab.Name}: interpolation between steps matches the exact solution" {
                    let sol = solve(smooth, 0.0, 10.0, [| 0.0; 1.0 |], opts 1e-8 1e-10 tab)
                    Expect.equal sol.Status OdeStatus.Success "solved"
                    let y = Array.zeroCreate 2
                    let mutable worst = 0.0
                    for k in 0 .. 997 do
                        let t = 10.0 * float k / 997.0
                        sol.Interpolate(t, y.AsSpan())
                        worst <- max worst (Array.map2 (fun a b -> abs (a - b)) y (smoothExact t) |> Array.max)
                    printfn "%s dense output: %d steps, worst error %.2e" tab.Name sol.Steps worst
                    // Accepted steps have local errors below rtol |y| + atol ~ 1e-8; interpolants of order >= 3 stay within 100x.
                    Expect.isLessThan worst 1e-6 "interpolated"
                    // Against a solve that steps onto the points (as breakpoints): both are within ~1e-8 of the solution.
                    let points = [ 0.37; 4.2; 9.1 ]
                    let onto =
                        solve(smooth, 0.0, 10.0, [| 0.0; 1.0 |],
                              OdeOptions(RelativeTolerance = 1e-8, AbsoluteTolerance = Collections.Immutable.ImmutableArray.CreateRange [ 1e-10 ],
                                         Method = tab, Breakpoints = Collections.Immutable.ImmutableArray.CreateRange points))
                    for p in points do
                        sol.Interpolate(p, y.AsSpan())
                        let stepped = onto.State(onto.Times.IndexOf p).ToArray()
                        Expect.isLessThan (Array.map2 (fun a b -> abs (a - b)) y stepped |> Array.max) 1e-6 $"at {p}"
                }
                test $"{tab.Name}: a kink at t = 1 with and without a breakpoint" {
                    // y' = -y + |t - 1|, y(0) = 1: y = 2 - t - e^-t (t <= 1), t - 2 + (2 - 1/e) e^(1-t) (t >= 1).
                    let calls = Collections.Generic.List<float>()
                    let kink =
                        system 1 (fun t y -> calls.Add t; [| -y.[0] + abs (t - 1.0) |])
                            (fun t _ -> [| -1.0 |], [| (if t >= 1.0 then 1.0 else -1.0) |])
                    let exact t = if t <= 1.0 then 2.0 - t - exp -t else t - 2.0 + (2.0 - exp -1.0) * exp (1.0 - t)
                    // Breakpoints repeated or outside (0, 3) are ignored.
                    let withBp = solve(kink, 0.0, 3.0, [| 1.0 |], OdeOptions(RelativeTolerance = 1e-8, AbsoluteTolerance = Collections.Immutable.ImmutableArray.CreateRange [ 1e-10 ], Method = tab, Breakpoints = Collections.Immutable.ImmutableArray.CreateRange [ 1.0; 1.0; 0.0; 5.0 ]))
                    let firstBeyond = calls.FindIndex(fun t -> t > 1.0)
                    Expect.isTrue (calls |> Seq.take firstBeyond |> Seq.contains 1.0) "f is evaluated beyond t = 1 only after stepping onto it"
                    Expect.contains withBp.Times 1.0 "t = 1 is a step point"
                    let without = solve(kink, 0.0, 3.0, [| 1.0 |], opts 1e-8 1e-10 tab)
                    let e1 = abs (withBp.Final.[0] - exact 3.0)
                    let e2 = abs (without.Final.[0] - exact 3.0)
                    printfn "%s kink: with breakpoint error %.2e (%d steps, %d rejected); without %.2e (%d steps, %d rejected)"
                        tab.Name e1 withBp.Steps withBp.RejectedSteps e2 without.Steps without.RejectedSteps
                    // |y(3)| ~ 1.2: within 100 rtol.
                    Expect.isLessThan e1 1e-6 "with the breakpoint"
                    let y = Array.zeroCreate 1
                    for t in [ 0.5; 0.999; 1.0; 1.001; 2.5 ] do
                        withBp.Interpolate(t, y.AsSpan())
                        Expect.floatClose { absolute = 1e-6; relative = 0.0 } y.[0] (exact t) $"dense at {t}"
                }
        ]
        testList "failures are results" [
            test "NaN beyond t = 2 is NonFinite at t close to 2" {
                let sys = system 1 (fun t y -> [| (if t > 2.0 then nan else -y.[0]) |]) (fun _ _ -> [| -1.0 |], [| 0.0 |])
                let sol = solve(sys, 0.0, 5.0, [| 1.0 |], OdeOptions())
                Expect.equal sol.Status OdeStatus.NonFinite (string sol.Message)
                Expect.isNotNull sol.Message "message"
                printfn "NaN: stopped at t = %.15g: %s" sol.T sol.Message
                Expect.isTrue (sol.T > 1.99 && sol.T <= 2.0) "t reached"
            }
            test "MaxSteps gives TooManySteps" {
                let sol = solve(robertson, 0.0, 1e11, [| 1.0; 0.0; 0.0 |], OdeOptions(MaxSteps = 10))
                Expect.equal sol.Status OdeStatus.TooManySteps (string sol.Message)
                Expect.isLessThan sol.T 1e11 "stopped early"
            }
            test "y' = y^2 blows up at t = 1: underflow or non-finite, no exception" {
                let sys = system 1 (fun _ y -> [| y.[0] * y.[0] |]) (fun _ y -> [| 2.0 * y.[0] |], [| 0.0 |])
                let sol = solve(sys, 0.0, 2.0, [| 1.0 |], OdeOptions())
                printfn "blow-up: %A at t = %.15g: %s" sol.Status sol.T sol.Message
                Expect.isTrue (sol.Status = OdeStatus.StepSizeUnderflow || sol.Status = OdeStatus.NonFinite || sol.Status = OdeStatus.TooManySteps) "status"
                // A linearly implicit step stays finite across the pole, so the step size underflows at the pole itself.
                Expect.isLessThan (abs (sol.T - 1.0)) 1e-6 "stops at the pole"
            }
            test "an infinite Jacobian is NonFinite" {
                let sys = system 1 (fun _ y -> [| -y.[0] |]) (fun _ _ -> [| infinity |], [| 0.0 |])
                let sol = solve(sys, 0.0, 1.0, [| 1.0 |], OdeOptions())
                Expect.equal sol.Status OdeStatus.NonFinite "an infinite Jacobian"
            }
        ]
        testProperty "Prothero-Robinson y' = lambda (y - cos t) - sin t, y(0) = 2, for stiffness 1e-1 to 1e6" (
            // Exact solution y = cos t + e^(lambda t). A contractive problem: the global error stays within 100 rtol.
            let gen = Gen.zip (Gen.choose (-10, 60)) (Gen.elements tableaus)
            Prop.forAll (Arb.fromGen gen) (fun (k, tab) ->
                let lambda = -(10.0 ** (float k / 10.0))
                let pr = system 1 (fun t y -> [| lambda * (y.[0] - cos t) - sin t |]) (fun t _ -> [| lambda |], [| lambda * sin t - cos t |])
                let sol = solve(pr, 0.0, 2.0, [| 2.0 |], opts 1e-8 1e-10 tab)
                sol.Status = OdeStatus.Success && abs (sol.Final.[0] - (cos 2.0 + exp (2.0 * lambda))) < 1e-6))
        test "log time: y' = 1 - y/t over ten decades" {
            // y = t/2 + C/t; from y(1e-3) = 1: C = 1e-3 (1 - 5e-4).
            let sys = system 1 (fun t y -> [| 1.0 - y.[0] / t |]) (fun t y -> [| -1.0 / t |], [| y.[0] / (t * t) |])
            let c = 1e-3 * (1.0 - 5e-4)
            let exact t = t / 2.0 + c / t
            let sw = Diagnostics.Stopwatch.StartNew()
            let sol = solve(OdeSystems.InLogTime sys, log 1e-3, log 1e7, [| 1.0 |], opts 1e-8 1e-30 RosenbrockTableau.Rodas5P)
            printfn "log time: %d steps, %.3f ms" sol.Steps sw.Elapsed.TotalMilliseconds
            Expect.equal sol.Status OdeStatus.Success "solved"
            Expect.floatClose { absolute = 0.0; relative = 1e-6 } sol.Final.[0] (exact 1e7) "at 1e7"
            let y = Array.zeroCreate 1
            sol.Interpolate(log 3.7, y.AsSpan())
            Expect.floatClose { absolute = 0.0; relative = 1e-6 } y.[0] (exact 3.7) "at 3.7"
        }
    ]
