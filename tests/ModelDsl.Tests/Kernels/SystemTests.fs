/// ODE systems in the spec language (issue 10): parsing, binding errors, the compiled right-hand side and its exact
/// Jacobian, integral tables, complex states, breakpoints, and solutions against closed forms.
module ModelDsl.Tests.Kernels.SystemTests

open System
open Expecto
open ModelDsl
open ModelDsl.Kernels.Systems
open ModelDsl.Numerics.Ode
open ModelDsl.Text
open ModelDsl.Tests.TestSupport

/// A model with one system (and parameters k, w, a), compiled at a card that sets nothing beyond the defaults.
let private numeric (systemText: string) =
    let text = $"model t\nparam k : real = 2\nparam w : real = 3\nparam a : real = 1/2\n{systemText}"
    let compilation = ModelCompilation.Create(text, "t.mdl")
    if not (Seq.isEmpty compilation.Diagnostics) then
        failtestf "spec errors:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll compilation.Diagnostics)
    let r = compilation.CreateNumeric(SourceText.From("card \"c\" for t\n", "c.card"), [||])
    match r.Model with
    | null -> failtestf "card errors:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | m -> m

let private solveWith (options: SystemSolveOptions) (systemText: string) =
    let m = numeric systemText
    let r = m.Solve(m.Spec.Systems[0].Name, options)
    match r.Solution with
    | null -> failtestf "not compiled:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | s ->
        if not s.Succeeded then failtestf "solve failed: %s" s.Message
        s

let private solve = solveWith (SystemSolveOptions(RelativeTolerance = 1e-10))

/// The diagnostics of a spec with a system, as (ID, line, column).
let private errors (text: string) =
    let c = ModelCompilation.Create("model t\nparam k : real = 2\n" + text, "t.mdl")
    c.Diagnostics |> Seq.map (fun d -> d.Id, d.Line, d.Column) |> List.ofSeq

[<Tests>]
let tests =
    testList "Kernels/Systems" [
        test "exponential decay: y(1) = exp(-k), y(1/2) = exp(-k/2) (closed form), to the tolerance asked" {
            let s = solve "system decay {\n variable t from 0 to 1\n state y : real = 1 atol 1e-14\n d(y)/dt = -k*y\n output y1 = y at end\n output yh = y at 1/2\n}"
            Expect.floatClose { absolute = 0.0; relative = 1e-8 } (s.Output "y1") (exp -2.0) "y(1)"
            Expect.floatClose { absolute = 0.0; relative = 1e-8 } (s.Output "yh") (exp -1.0) "y(1/2), from dense output"
        }

        test "a complex state: dc/dt = i w c gives c(t) = exp(i w t) (real and imaginary parts as unknowns)" {
            let s = solve "system rot {\n variable t from 0 to 2\n state c : complex = 1 atol 1e-14\n d(c)/dt = I*w*c\n output cre = re(c) at end\n output cim = im(c) at end\n output modulus = abs(c)^2 at end\n}"
            Expect.sequenceEqual s.Unknowns [ "c.re"; "c.im" ] "two real unknowns"
            Expect.floatClose { absolute = 1e-8; relative = 0.0 } (s.Output "cre") (cos 6.0) "Re c(2)"
            Expect.floatClose { absolute = 1e-8; relative = 0.0 } (s.Output "cim") (sin 6.0) "Im c(2)"
            Expect.floatClose { absolute = 1e-8; relative = 0.0 } (s.Output "modulus") 1.0 "|c| = 1"
        }

        // von Neumann's equation dN/dt = -i [H, N] for a two-level system, H = [[w, a], [a, 0]] (a real coupling) and
        // N(0) = diag(1, 0): Rabi's formula N_22(t) = (4 a^2/O^2) sin^2(O t/2), O = sqrt(w^2 + 4 a^2); the trace stays 1
        test "a hermitian state: von Neumann's equation gives Rabi's formula with n^2 real unknowns, N[2,1] read as conj(N[1,2])" {
            let system =
                "system rabi {\n variable t from 0 to 2\n state N[2,2] : hermitian = 0 atol 1e-14\n initial N[1,1] = 1\n" +
                " d(N[1,1])/dt = -I*a*(N[2,1] - N[1,2])\n d(N[1,2])/dt = -I*(w*N[1,2] + a*N[2,2] - a*N[1,1])\n" +
                " d(N[2,2])/dt = -I*a*(N[1,2] - N[2,1])\n output p2 = N[2,2] at end\n output tr = N[1,1] + N[2,2] at end\n" +
                " output lower = abs(N[2,1] - conj(N[1,2])) at end\n}"
            let s = solve system
            Expect.sequenceEqual s.Unknowns [ "N[1,1]"; "N[1,2].re"; "N[1,2].im"; "N[2,2]" ] "N[1,1], N[1,2] (two reals), N[2,2]"
            let o = sqrt (9.0 + 4.0 * 0.25)
            Expect.floatClose { absolute = 1e-8; relative = 0.0 } (s.Output "p2") (4.0 * 0.25 / o ** 2.0 * (sin (o * 2.0 / 2.0)) ** 2.0) "Rabi"
            Expect.floatClose { absolute = 1e-10; relative = 0.0 } (s.Output "tr") 1.0 "trace"
            Expect.equal (s.Output "lower") 0.0 "N[2,1] is conj(N[1,2])"
        }

        test "a hermitian state: an equation below the diagonal, or a non-square shape, is a located MDL0270" {
            let text = "system s {\n variable t from 0 to 1\n state N[2,2] : hermitian = 0\n d(N[1,1])/dt = 0\n d(N[1,2])/dt = 0\n d(N[2,1])/dt = 0\n d(N[2,2])/dt = 0\n}"
            Expect.equal (errors text) [ "MDL0270", 8, 4 ] "d(N[2,1]) written out"
            Expect.equal (errors "system s {\n variable t from 0 to 1\n state N[2,3] : hermitian = 0\n d(N[i,j])/dt = 0\n}") [ "MDL0270", 5, 2 ] "N[2,3]"
            // an index name with a number reaches below the diagonal (N[2,1]): reported, not dropped
            let mixed = "system s {\n variable t from 0 to 1\n state N[2,2] : hermitian = 0\n d(N[a,1])/dt = 0\n d(N[1,2])/dt = 0\n d(N[2,2])/dt = 0\n}"
            Expect.equal (errors mixed) [ "MDL0270", 6, 4 ] "d(N[a,1]) covers N[2,1]"
        }

        test "indexed states, local defines, sums and per-component initial values: a chain A -> B -> C conserves the total" {
            // y1' = -k y1, y2' = k y1 - w y2, y3' = w y2: y2(t) = k/(w-k) (e^-kt - e^-wt)
            let s = solve "system chain {\n variable t from 0 to 1\n state y[3] : real = 0 atol 1e-14\n initial y[1] = 1\n define flow(i) = ifpos(i - 1.5, w*y[2], k*y[1])\n d(y[1])/dt = -flow(1)\n d(y[2])/dt = flow(1) - flow(2)\n d(y[3])/dt = flow(2)\n output total = sum(i, y[i]) at end\n output mid = y[2] at end\n}"
            Expect.floatClose { absolute = 1e-12; relative = 0.0 } (s.Output "total") 1.0 "conserved"
            Expect.floatClose { absolute = 0.0; relative = 1e-8 } (s.Output "mid") (2.0 / 1.0 * (exp -2.0 - exp -3.0)) "y2(1)"
        }

        test "an integral with a semi-infinite range is tabulated along a log variable: int_1^inf sqrt(x) K1(z sqrt x) dx = 2 K2(z)/z" {
            // substituting t = sqrt x: 2/z^3 int_z^inf u^2 K1(u) du = 2 K2(z)/z, since (-u^2 K2(u))' = u^2 K1(u)
            let s = solve "system rate {\n variable z from 1e-2 to 20 log\n state y : real = 0 atol 1e-14\n d(y)/dz = integral(x, 1, inf, sqrt(x)*besselk1(z*sqrt(x))) - 2*besselk2(z)/z\n output y_end = y at end\n output gamma_1 = integral(x, 1, inf, sqrt(x)*besselk1(z*sqrt(x))) at 1\n}"
            // |y| <= (table error) x int |rate| dz; the rate integrates to about 2 K1(1e-2)... so 1e-8 x 2e4 bounds it
            Expect.isLessThan (abs (s.Output "y_end")) 2e-4 "the tabulated integral cancels the closed form"
            Expect.isLessThan s.IntegralTableError 1e-8 "measured table error within the promised 1e-8"
            // 2 K2(1), K2(1) = 1.6248388986351774828 (mpmath.besselk(2, 1))
            Expect.floatClose { absolute = 0.0; relative = 1e-8 } (s.Output "gamma_1") (2.0 * 1.6248388986351774828) "the table at z = 1"
        }

        test "a tabulated integral read between its nodes (the evaluated panels) matches mpmath to the table's 1e-8" {
            // int_1^inf sqrt(x) K1(z sqrt x) dx = 2 K2(z)/z; mpmath 1.3.0 (30 digits) at points that are no Chebyshev node
            let reads = [ "a", 0.0137, 1555528.2979084002079; "b", 0.33, 108.44048259533739263
                          "c", 2.71, 0.066992577264402474403; "d", 13.3, 9.9126179798884948599e-8 ]
            let outputs = reads |> List.map (fun (n, z, _) -> $" output g_{n} = integral(x, 1, inf, sqrt(x)*besselk1(z*sqrt(x))) at {z}\n") |> String.concat ""
            let s = solve ("system rate {\n variable z from 1e-2 to 20 log\n state y : real = 0 atol 1e-14\n d(y)/dz = integral(x, 1, inf, sqrt(x)*besselk1(z*sqrt(x)))*1e-20\n" + outputs + "}")
            for n, z, expected in reads do
                Expect.floatClose { absolute = 0.0; relative = 1e-8 } (s.Output $"g_{n}") expected $"the table at z = {z}"
        }

        test "the compiled Jacobian and df/dz agree with central finite differences (a nonlinear, non-autonomous system)" {
            let m = numeric "system nl {\n variable z from 1e-1 to 10 log\n state y[2] : real = 1/2\n d(y[1])/dz = -k*y[1]^2*besselk1(z)/besselk2(z) + sin(z*y[2])\n d(y[2])/dz = a*exp(-z)*y[1]*y[2] - log(1 + y[2]^2)/z\n output s = y[1] at end\n}"
            let program = m.Kernels.System("nl", ref null)
            let instance = SystemInstance.Create(program, m.Point, ref null)
            let n = instance.Dimension
            let rnd = Random 7
            for _ in 1 .. 50 do
                let t = Math.Log(0.1 + 9.9 * rnd.NextDouble())
                let y = Array.init n (fun _ -> rnd.NextDouble() * 2.0 - 1.0)
                let jac = Array.zeroCreate (n * n)
                let dfdt = Array.zeroCreate n
                instance.Jacobian(t, ReadOnlySpan y, Span jac, Span dfdt)
                let f (t: float) (y: float[]) =
                    let out = Array.zeroCreate n
                    instance.Evaluate(t, ReadOnlySpan y, Span out)
                    out
                let h = 1e-6
                for j in 0 .. n - 1 do
                    let yp = Array.copy y
                    let ym = Array.copy y
                    yp[j] <- y[j] + h
                    ym[j] <- y[j] - h
                    let fp, fm = f t yp, f t ym
                    for i in 0 .. n - 1 do
                        // central differences: error O(h^2 f''') ~ 1e-12, rounding ~ 1e-16/h ~ 1e-10
                        Expect.floatClose { absolute = 1e-7; relative = 1e-7 } jac[i * n + j] ((fp[i] - fm[i]) / (2.0 * h)) $"J[{i},{j}]"
                let fp, fm = f (t + h) y, f (t - h) y
                for i in 0 .. n - 1 do
                    Expect.floatClose { absolute = 1e-7; relative = 1e-7 } dfdt[i] ((fp[i] - fm[i]) / (2.0 * h)) $"df/du[{i}] (u = ln z)"
        }

        test "a breakpoint at a kink of the right-hand side: the solver steps onto it and the solution is accurate" {
            // y' = theta(t - 1/3): y(1) = 2/3 exactly
            let s = solve "system kink {\n variable t from 0 to 1\n state y : real = 0 atol 1e-14\n breakpoint 1/3\n d(y)/dt = ifpos(t - 1/3, 1, 0)\n output y1 = y at end\n}"
            Expect.floatClose { absolute = 1e-12; relative = 0.0 } (s.Output "y1") (2.0 / 3.0) "y(1)"
        }

        test "each method of the solver gives the same decay to its tolerance" {
            for m in [ RosenbrockTableau.Rodas5P; RosenbrockTableau.Rodaspr2; RosenbrockTableau.Rodas4 ] do
                let s = solveWith (SystemSolveOptions(Method = m, RelativeTolerance = 1e-9)) "system decay {\n variable t from 0 to 1\n state y : real = 1 atol 1e-14\n d(y)/dt = -k*y\n output y1 = y at end\n}"
                Expect.floatClose { absolute = 0.0; relative = 1e-7 } (s.Output "y1") (exp -2.0) m.Name
        }

        test "AbsoluteToleranceForAll replaces every unknown's atol, a state's own and the default (y' = -k y, z' = -k z to t = 10)" {
            // y declares atol 1e-14, z none (the default 1e-12); y(10) = z(10) = e^-20 = 2.1e-9
            let text = "system decay {\n variable t from 0 to 10\n state y : real = 1 atol 1e-14\n state z : real = 1\n d(y)/dt = -k*y\n d(z)/dt = -k*z\n output y1 = y at end\n output z1 = z at end\n}"
            let own = solveWith (SystemSolveOptions(RelativeTolerance = 1e-4)) text
            let forAll = solveWith (SystemSolveOptions(RelativeTolerance = 1e-4, AbsoluteToleranceForAll = Nullable 1e-6)) text
            let exact = exp -20.0
            let err (s: Kernels.Systems.SystemSolution) name = abs (s.Output name - exact)
            // with their own atol the tail is held relative to itself (a few rtol); with atol 1e-6 for all only to a few atol
            Expect.floatClose { absolute = 0.0; relative = 1e-3 } (own.Output "y1") exact "y with its atol 1e-14"
            Expect.floatClose { absolute = 0.0; relative = 1e-3 } (own.Output "z1") exact "z with the default 1e-12"
            for name in [ "y1"; "z1" ] do
                Expect.isLessThanOrEqual (err forAll name) 3e-6 $"{name} within a few atol 1e-6"
                Expect.isGreaterThan (err forAll name) (100.0 * err own name) $"{name}: the tail no longer held to its own atol"
            Expect.isLessThan forAll.Steps own.Steps "the tail below 1e-6 costs no steps once atol is 1e-6"
            let bad = (numeric text).Solve("decay", SystemSolveOptions(AbsoluteToleranceForAll = Nullable 0.0)).Solution
            Expect.isFalse bad.Succeeded "atol 0 for all is refused"
            Expect.stringContains bad.Message "positive and finite" "says why"
        }

        test "a real state with a complex right-hand side, and a complex integrand, are errors of the solve (not dropped imaginary parts)" {
            let failed (text: string) =
                let m = numeric text
                let r = m.Solve(m.Spec.Systems[0].Name, SystemSolveOptions())
                Expect.isNotNull r.Solution "compiled"
                Expect.isFalse r.Solution.Succeeded "refused"
                r.Solution.Message
            Expect.stringContains (failed "system s {\n variable t from 0 to 1\n state y : real = 1\n d(y)/dt = -(k + I)*y\n output y1 = y at end\n}") "is complex" "rhs"
            Expect.stringContains (failed "system s {\n variable t from 1 to 2 log\n state y : real = 0\n d(y)/dt = integral(x, 0, 1, x*exp(I*x*t))\n output y1 = y at end\n}") "integrand" "integral"
        }

        test "format and parse again give the same model (a system with comments)" {
            let text = "model t\nparam k : real = 2\n# the system\nsystem decay \"title\" {\n    # the variable\n    variable t from 0 to 1 log\n    state y[2] : real = 1 atol 1e-12  # states\n    initial y[1] = 2\n    define r(i) = k*y[i]\n    breakpoint 1/2\n    d(y[i])/dt = -r(i)\n    output y1 = y[1] at end\n    output y2 = y[2] at 1/2\n}\n"
            let c = ModelCompilation.Create(text, "t.mdl")
            Expect.isEmpty c.Diagnostics "no errors"
            let again = ModelCompilation.Create(c.Format(), "t2.mdl")
            Expect.isEmpty again.Diagnostics "the formatted text has no errors"
            Expect.equal (again.Spec.Describe()) (c.Spec.Describe()) "same model"
            Expect.equal (again.Format()) (c.Format()) "formatting is idempotent"
            Expect.stringContains (c.Format()) "    # the variable\n    variable t from 0 to 1 log" "comments stay with their item"
        }

        test "located errors: each mistake in a system is one diagnostic at its cause" {
            let cases = [
                "system s {\n state y : real = 0\n d(y)/dt = -y\n}", ("MDL0270", 3, 8)                        // no variable
                "system s {\n variable t from 0 to 1\n state y[2] : real = 0\n d(y[1])/dt = -y[1]\n}", ("MDL0270", 5, 8)  // y[2] has no equation
                "system s {\n variable t from 0 to 1\n state y : real = 0\n d(y)/dx = -y\n}", ("MDL0270", 6, 7)   // wrong variable
                "system s {\n variable t from 0 to 1\n state y : real = 0\n d(z)/dt = -y\n}", ("MDL0270", 6, 4)   // no such state
                "system s {\n variable t from 0 to 1\n state y : real = t\n d(y)/dt = -y\n}", ("MDL0272", 5, 19)  // initial value uses t
                "system s {\n variable t from 0 to 1\n state k : real = 0\n d(k)/dt = -k\n}", ("MDL0227", 5, 8)   // name clash with a parameter
                "system s {\n variable t from 0 to 1\n state y : real = 0\n d(y)/dt = integral(x, 0, 1, x*y)\n}", ("MDL0272", 6, 12)
                "system s {\n variable t from 0 to 1\n state y : real = 0\n d(y)/dt = integral(k, 0, 1, k)\n}", ("MDL0271", 6, 21)
                "system s {\n variable t from 0 to 1\n state y : real = 0\n d(y)/dt = -y\n d(y)/dt = y\n}", ("MDL0270", 7, 4)
                "system s {\n variable t from 0 to 1\n state y : real = 0\n d(y)/dt = -qq*y\n}", ("MDL0201", 6, 13)  // unknown name
                "system s {\n variable t from 0 to 1\n state y : real = 0\n bogus 3\n d(y)/dt = -y\n}", ("MDL0010", 6, 2)
                "system s {\n variable t from 0 to 1\n state y : real = 0\n d(y)/dt = -y\n output y = y at end\n}", ("MDL0227", 7, 9)   // an output named as a state
                "define g = 2\nsystem s {\n variable t from 0 to 1\n state y : real = 0\n define g = 3\n d(y)/dt = -g*y\n}", ("MDL0227", 7, 9)  // shadowing a model define
            ]
            let found = cases |> List.map (fun (text, _) -> errors text)
            for (text, expected), f in List.zip cases found do
                Expect.equal f [ expected ] $"{text}\nall found: %A{found}"
        }
    ]

/// The real CLI: `solve` and `scan --system` on a small model.
[<Tests>]
let cliTests =
    let model = "model t\nparam k : real = 2\nsystem decay {\n variable t from 1e-3 to 1 log\n state y : real = 1 atol 1e-14\n d(y)/dt = -k*y\n output y1 = y at end\n output yh = y at 1/2\n}\n"
    testList "Cli/solve" [
        test "solve prints the outputs, writes CSV, a results file plot reads, and a PNG; exit 0" {
            use spec = new TempFile(model)
            use card = new TempFile("card \"c\" for t\nk = 3\n", ".card")
            use csv = new TempFile("", ".csv")
            use db = new TempFile("", ".db")
            use png = new TempFile("", ".png")
            let r = runCli [ "solve"; spec.Path; "--card"; card.Path; "--csv"; csv.Path; "--out"; db.Path; "--plot"; png.Path; "--samples"; "50" ]
            Expect.equal r.ExitCode 0 r.Stderr
            // y(1) = exp(-3 (1 - 1e-3)) (the range starts at t = 1e-3)
            let expected = exp (-3.0 * (1.0 - 1e-3))
            let line = r.Stdout.Split('\n') |> Array.find (fun l -> l.TrimStart().StartsWith "y1 ")
            // rtol 1e-8 bounds the local error; the global error over ln t in [-6.9, 0] is a small multiple of it
            Expect.floatClose { absolute = 0.0; relative = 1e-7 } (float (line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])) expected "y1"
            let rows = IO.File.ReadAllLines csv.Path
            Expect.equal rows[0] "t,y,y1,yh" "CSV header: the variable, the unknowns, the outputs along t"
            Expect.equal rows.Length 51 "50 samples"
            Expect.isGreaterThan (IO.FileInfo png.Path).Length 10000L "a PNG"
            let p = runCli [ "plot"; db.Path; "--x"; "t"; "--z"; "y"; "--logx"; "--logz"; "--out"; png.Path ]
            Expect.equal p.ExitCode 0 p.Stderr
        }

        test "scan --system stores the outputs after the kernels, solved at every grid point" {
            use spec = new TempFile(model)
            use card = new TempFile("card \"c\" for t\n", ".card")
            use db = new TempFile("", ".db")
            use csv = new TempFile("", ".csv")
            IO.File.Delete db.Path
            let r = runCli [ "scan"; spec.Path; "--card"; card.Path; "--grid"; "k=1:3:3"; "--system"; "decay"; "--out"; db.Path; "--csv"; csv.Path ]
            Expect.equal r.ExitCode 0 r.Stderr
            let rows = IO.File.ReadAllLines csv.Path
            Expect.equal rows[0] "idx,k,y1,yh,status" "columns"
            for row in rows[1..] do
                let cells = row.Split(',')
                let k = float cells[1]
                Expect.floatClose { absolute = 0.0; relative = 1e-7 } (float cells[2]) (exp (-k * (1.0 - 1e-3))) $"y(1) at k = {k} (rtol 1e-8, global error a few times it)"
        }

        test "scan --rtol sets the relative tolerance of the --system solves; outside (0, 1) it is a usage error (2)" {
            use spec = new TempFile(model)
            use card = new TempFile("card \"c\" for t\n", ".card")
            use db = new TempFile("", ".db")
            use csv = new TempFile("", ".csv")
            IO.File.Delete db.Path
            let r = runCli [ "scan"; spec.Path; "--card"; card.Path; "--grid"; "k=1:3:3"; "--system"; "decay"; "--rtol"; "1e-5"; "--out"; db.Path; "--csv"; csv.Path ]
            Expect.equal r.ExitCode 0 r.Stderr
            Expect.stringContains r.Stdout "solved at every point (rtol 1E-05)" "the summary names the tolerance"
            for row in (IO.File.ReadAllLines csv.Path)[1..] do
                let cells = row.Split(',')
                let k = float cells[1]
                Expect.floatClose { absolute = 0.0; relative = 1e-4 } (float cells[2]) (exp (-k * (1.0 - 1e-3))) $"y(1) at k = {k} (rtol 1e-5, global error a few times it)"
            let bad = runCli [ "scan"; spec.Path; "--card"; card.Path; "--grid"; "k=1:3:3"; "--system"; "decay"; "--rtol"; "0"; "--out"; db.Path ]
            Expect.equal bad.ExitCode 2 bad.Stderr
            Expect.stringContains bad.Stderr "--rtol" "names the option"
        }

        test "solve --out never overwrites a file that is not an earlier solve's evolution (exit 2, the file unchanged)" {
            use spec = new TempFile(model)
            use card = new TempFile("card \"c\" for t\n", ".card")
            use precious = new TempFile("my data", ".db")
            let r = runCli [ "solve"; spec.Path; "--card"; card.Path; "--out"; precious.Path ]
            Expect.equal r.ExitCode 2 r.Stderr
            Expect.equal (IO.File.ReadAllText precious.Path) "my data" "untouched"
        }

        test "solve: an unknown method is a usage error (2); a model without systems says so (2); a failing solve exits 4" {
            use spec = new TempFile(model)
            use card = new TempFile("card \"c\" for t\n", ".card")
            let bad = runCli [ "solve"; spec.Path; "--card"; card.Path; "--method"; "euler" ]
            Expect.equal bad.ExitCode 2 bad.Stderr
            Expect.stringContains bad.Stderr "rodas5p" "names the methods"
            for value in [ "0"; "NaN"; "Infinity" ] do
                let atolBad = runCli [ "solve"; spec.Path; "--card"; card.Path; "--atol"; value ]
                Expect.equal atolBad.ExitCode 2 $"--atol {value}: {atolBad.Stderr}"
                Expect.stringContains atolBad.Stderr "--atol must be positive and finite" $"--atol {value}: names the option"
            let rtolBad = runCli [ "solve"; spec.Path; "--card"; card.Path; "--rtol"; "2" ]
            Expect.equal rtolBad.ExitCode 2 rtolBad.Stderr
            Expect.stringContains rtolBad.Stderr "--rtol must lie in (0, 1)" "names the option"
            let atol = runCli [ "solve"; spec.Path; "--card"; card.Path; "--atol"; "1.49012e-8" ]
            Expect.equal atol.ExitCode 0 atol.Stderr
            Expect.stringContains atol.Stdout "atol 1.49012E-08 for every unknown" "the solver line says the atol replaced the states' own"
            use plain = new TempFile("model t\nparam k : real = 2\nkernel kk = k\n")
            let none = runCli [ "solve"; plain.Path; "--card"; card.Path ]
            Expect.equal none.ExitCode 2 none.Stderr
            Expect.stringContains none.Stderr "declares no system" "says so"
            // y' = y^2 from y = 1 blows up at t = 1
            use blow = new TempFile("model t\nsystem b {\n variable t from 0 to 2\n state y : real = 1\n d(y)/dt = y^2\n output y2 = y at end\n}\n")
            let failed = runCli [ "solve"; blow.Path; "--card"; card.Path ]
            Expect.equal failed.ExitCode 4 failed.Stderr
            Expect.stringContains failed.Stderr "the solve failed" "says so"
            Expect.stringContains failed.Stdout "not finite" "the output is marked"
        }
    ]

/// seesaw-z3.mdl with one edit: the errors it gives.
let private errorsAfter (from: string) (into: string) =
    let text = IO.File.ReadAllText(modelPath "seesaw-z3.mdl")
    let broken = text.Replace(from, into)
    Expect.notEqual broken text $"the edit of '{from}' applies"
    let c = ModelCompilation.Create(broken, modelPath "seesaw-z3.mdl")
    c.Diagnostics |> Seq.filter (fun d -> d.IsError) |> List.ofSeq

let private expectIds (errors: Diagnostics.Diagnostic list) ids =
    Expect.equal (errors |> List.map (fun d -> d.Id)) ids (errors |> List.map string |> String.concat "\n")

/// Regressions the one-token-deletion property found.
[<Tests>]
let regressions =
    testList "Syntax/Regressions" [
        test "a missing ')' before 'param ... : table' is one error, at the keyword; the table choice is still declared" {
            expectIds (errorsAfter "file(\"../data/dof/constant_106.75.dat\")" "file(\"../data/dof/constant_106.75.dat\"") [ "MDL0010" ]
        }

        test "'param' deleted before the line after 'param dofs : table = hp_c' is one error; the broken declaration's names say nothing more" {
            expectIds (errorsAfter "\nparam T_probe :" "\nT_probe :") [ "MDL0011" ]
        }
    ]
