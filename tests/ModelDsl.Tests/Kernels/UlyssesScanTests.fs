/// `modeldsl scan --system be.be` over a complex R angle of ULYSSES's 1N1F card (the axes of docs/ulysses-r-angle-scan.png,
/// docs/ulysses.md "eta_B over a complex R angle") on a small grid: every stored point equals a single solve of the same
/// card with the same angle.
module ModelDsl.Tests.Kernels.UlyssesScanTests

open System
open System.IO
open Expecto
open ModelDsl
open ModelDsl.Tests.TestSupport

let private card = Path.Combine(repoRoot, "samples", "ulysses", "1N1F-nufit60.card")

[<Tests>]
let tests =
    testList "Kernels/ULYSSES scan" [
        // The scan stages the kernels for its axes (ScanKernels), so eps and K may differ from the single solve's in the last
        // bits (different order of the same operations); the solver at rtol 1e-8 turns a 1e-15 change of its inputs into a
        // change of eta_B of the same order unless a step is accepted in one run and rejected in the other, which moves eta_B
        // by at most the global error, a few times rtol. 1e-9 relative is far above the first and below the second.
        test "scan --system be.be over (re(x3), re(y3)), 6 x 6, equals single solves at every point (1e-9 relative)" {
            use db = new TempFile("", ".db")
            use csv = new TempFile("", ".csv")
            File.Delete db.Path
            let r = runCli [ "scan"; "models/ulysses-typei.mdl"; "--card"; "samples/ulysses/1N1F-nufit60.card"; "--system"; "be.be"
                             "--grid"; "re(x3)=179.96:180.06:6"; "--grid"; "re(y3)=-20:20:6"; "--out"; db.Path; "--csv"; csv.Path ]
            Expect.equal r.ExitCode 0 r.Stderr
            let rows = File.ReadAllLines csv.Path
            let header = rows.[0].Split(',')
            let column name = Array.IndexOf(header, name)
            Expect.isGreaterThanOrEqual (column "eta_B") 0 "eta_B is stored"
            Expect.equal rows.Length 37 "36 points"
            let compilation = ModelCompilation.FromFile(modelPath "ulysses-typei.mdl")
            let signs = Collections.Generic.HashSet<int>()
            for row in rows.[1..] do
                let cells = row.Split(',')
                let x, y = cells.[column "re(x3)"], cells.[column "re(y3)"]
                Expect.equal cells.[column "status"] "ok" $"point ({x}, {y}) solved"
                let m =
                    match compilation.CreateNumeric(card, [| $"x3={x}"; $"y3={y}" |]).Model with
                    | null -> failtest "the card does not evaluate"
                    | m -> m
                let single = m.Solve("be.be", Kernels.Systems.SystemSolveOptions(RelativeTolerance = 1e-8))
                match single.Solution with
                | null -> failtest "be.be does not compile"
                | s ->
                    Expect.isTrue s.Succeeded s.Message
                    let scanned = Double.Parse(cells.[column "eta_B"], Globalization.CultureInfo.InvariantCulture)
                    signs.Add(sign scanned) |> ignore
                    Expect.floatClose { absolute = 0.0; relative = 1e-9 } scanned (s.Output "eta_B") $"eta_B at x3 = {x}, y3 = {y}"
            Expect.isTrue (signs.Contains 1 && signs.Contains -1) "the grid crosses eta_B = 0 (both signs stored)"
        }
    ]
