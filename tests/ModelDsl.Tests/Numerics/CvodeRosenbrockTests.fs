/// CVODE (BDF) against the Rosenbrock solver on Robertson and van der Pol: two independent methods that must agree.
/// NOT YET COMPILED: it needs Rosenbrock.Solve, RosenbrockTableau and OdeOptions.Method from the solver branch. After that
/// merge, add `<Compile Include="Numerics/CvodeRosenbrockTests.fs" />` after Numerics/CvodeTests.fs in ModelDsl.Tests.fsproj.
module ModelDsl.Tests.Numerics.CvodeRosenbrockTests

open System
open System.Collections.Immutable
open Expecto
open ModelDsl.Numerics.Ode
open ModelDsl.Tests.Numerics.StiffProblems
open ModelDsl.Tests.Numerics.CvodeTests

/// Both solvers at rtol 1e-8 on the same problem. Each keeps its global error within 1e3 rtol relative of the truth
/// (the bound the CVODE tests hold against the test-set references; Rosenbrock's own tests hold it to theirs), so the two
/// final states agree within 2e3 rtol = 2e-5 relative per component. atol is far below every component (y2 of Robertson
/// falls to 8e-14), so the relative tolerance governs.
let private agree name system t1 (y0: float[]) (atol: float[]) =
    let rtol = 1e-8
    let cvode = Cvode.Solve(system, 0.0, t1, ReadOnlySpan y0, rtol, ReadOnlySpan atol, Array.empty<float>)
    Expect.isTrue cvode.Succeeded $"CVODE succeeded ({cvode.FlagName}: {cvode.Message})"
    let final = cvode.Values.[cvode.Values.Length - 1]
    for tableauName, tableau in [ "Rodas5P", RosenbrockTableau.Rodas5P; "Rodaspr2", RosenbrockTableau.Rodaspr2; "Rodas4", RosenbrockTableau.Rodas4 ] do
        let options = OdeOptions(RelativeTolerance = rtol, AbsoluteTolerance = ImmutableArray.Create<float>(atol), Method = tableau)
        let ros = Rosenbrock.Solve(system, 0.0, t1, ReadOnlySpan y0, options)
        Expect.equal ros.Status OdeStatus.Success $"{name}, {tableauName}: Rosenbrock succeeded"
        for i in 0 .. y0.Length - 1 do
            let a, b = ros.Final.[i], final.[i]
            Expect.isLessThanOrEqual (abs (a - b)) (2e3 * rtol * max (abs a) (abs b))
                $"{name}, {tableauName}: y{i + 1}({t1}) Rosenbrock {a:R}, CVODE {b:R}"

[<Tests>]
let tests =
    testList "Numerics/CVODE vs Rosenbrock" [
        test "Robertson to t = 1e11 at rtol 1e-8" {
            requireCvode ()
            agree "Robertson" robertson 1e11 [| 1.0; 0.0; 0.0 |] [| 1e-20; 1e-24; 1e-20 |]
        }
        test "van der Pol (eps = 1e-6) to t = 2 at rtol 1e-8" {
            requireCvode ()
            agree "van der Pol" (vanDerPol 1e-6) 2.0 [| 2.0; 0.0 |] [| 1e-10; 1e-10 |]
        }
    ]
