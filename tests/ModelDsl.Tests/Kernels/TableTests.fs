/// Tabulated functions in the spec (`table t = file(...)`, `t.heff(T)`), the table-choice parameter
/// (`param dofs : table = hp_c`), `diff(expr, x)`, and the g*(T) tables shipped in data/dof (seed 001, (4.18)).
module ModelDsl.Tests.Kernels.TableTests

open System
open System.IO
open Expecto
open FsCheck
open FsCheck.FSharp
open ModelDsl
open ModelDsl.Diagnostics
open ModelDsl.Symbolics.Expressions
open ModelDsl.Tests.TestSupport

let private dof name = Path.Combine(repoRoot, "data", "dof", name + ".dat")

/// The numbers of a data file: rows (x, y1, y2, ...) after the comment lines.
let private rows name =
    File.ReadAllLines(dof name)
    |> Array.filter (fun l -> l.Trim() <> "" && not (l.StartsWith "#"))
    |> Array.map (fun l -> l.Split([| ' '; '\t' |], StringSplitOptions.RemoveEmptyEntries) |> Array.map (fun s -> Double.Parse(s, Globalization.CultureInfo.InvariantCulture)))

/// The shipped tables bound from a spec that declares them (absolute paths), with a table choice and (4.18).
let private tablesSpec = $"""model t "tables"
table hp_a = file("{dof "hindmarsh_philipsen_A"}")
table hp_c = file("{dof "hindmarsh_philipsen_C"}")
table gg = file("{dof "gondolo_gelmini"}")
table g_const = file("{dof "constant_106.75"}")
param dofs : table = hp_c
param T : real mass positive = 100
define delta_h(T) = 1 + T/(3*dofs.heff(T))*diff(dofs.heff(T), T)
kernel dh = delta_h(T) - 1
"""

let private compiled = lazy (ModelCompilation.Create(tablesSpec, Path.Combine(Path.GetTempPath(), "tables.mdl")))

let private table name =
    match compiled.Force().Spec with
    | null -> failtestf "the tables spec does not bind:\n%s" (DiagnosticPrinter.FormatAll(compiled.Force().Diagnostics))
    | spec -> spec.Tables |> Seq.find (fun t -> t.Name = name)

/// h_eff of a table at T, through the spline the kernels call: exp(S(ln T)).
let private heff name (t: float) = exp ((table name).LogLogSplines.["heff"].Value(log t))

/// delta_h - 1 at T with the given table chosen, through the compiled kernel.
let private deltaH (choice: string) (t: float) =
    let card = Text.SourceText.From($"card \"x\" for t\ndofs = {choice}\nT = {t:R} GeV\n", "x.card")
    let r = compiled.Force().CreateNumeric(card)
    match r.Model with
    | null -> failtestf "no numeric model:\n%s" (DiagnosticPrinter.FormatAll r.Diagnostics)
    | m -> (m.Evaluate().Values |> Seq.find (fun v -> v.Name = "dh")).Value.Real

/// One located error with this ID at the ⟦ ⟧ span of the annotated spec (a card's span when `cardText` is given).
let private expectOne (id: string) (annotated: string) =
    let start, stop = annotated.IndexOf '⟦', annotated.IndexOf '⟧'
    let text = annotated.Remove(stop, 1).Remove(start, 1)
    let c = ModelCompilation.Create(text, Path.Combine(Path.GetTempPath(), "case.mdl"))
    let errors = c.Diagnostics |> Seq.filter (fun d -> d.IsError) |> List.ofSeq
    let shown = DiagnosticPrinter.FormatAll errors
    Expect.equal (errors |> List.map (fun d -> d.Id)) [ id ] $"one error {id}; got:\n{shown}"
    Expect.equal (errors.Head.Span.Start, errors.Head.Span.Length) (start, stop - start - 1) $"span of {id}:\n{shown}"
    errors.Head

/// A spec reading one data file with the given text; the path string is the expected span.
let private dataCase id (data: string) (expectInMessage: string) =
    test $"{id}: {expectInMessage}" {
        use f = new TempFile(data, ".dat")
        let d = expectOne id $"model m\ntable t = file(⟦\"{f.Path}\"⟧)\nparam x : real = 1\nkernel k = t.y(x)\n"
        Expect.stringContains d.Message expectInMessage "the message says what is wrong and where"
    }

let private goodData = "# columns: x y\n1 1\n2 4\n3 9\n4 16\n5 25\n"

[<Tests>]
let tests =
    testList "Kernels/Tables" [
        test "the spline reproduces every row with T > 0 of every shipped table (to the rounding of exp(ln y))" {
            for name in [ "hindmarsh_philipsen_A"; "hindmarsh_philipsen_C"; "gondolo_gelmini" ] do
                let key = if name = "gondolo_gelmini" then "gg" elif name.EndsWith "A" then "hp_a" else "hp_c"
                let geff (t: float) = exp ((table key).LogLogSplines.["geff"].Value(log t))
                for r in rows name |> Array.filter (fun r -> r.[0] > 0.0) do
                    Expect.floatClose { absolute = 0.0; relative = 1e-13 } (heff key r.[0]) r.[1] $"{name} heff at {r.[0]}"
                    Expect.floatClose { absolute = 0.0; relative = 1e-13 } (geff r.[0]) r.[2] $"{name} geff at {r.[0]}"
        }

        // Between rows the spline agrees with the cubic through the 4 neighbouring rows (Lagrange, in ln-ln) at the
        // interval's midpoint to what both promise: for a smooth f = ln h(ln T) the cubic's error there is
        // (3/128) h^4 |f''''| (the node polynomial (t+1) t (t-1) (t-2)/4! at t = 1/2, equal spacing) and the spline's is
        // at most (5/384) h^4 |f''''| (Hall & Meyer 1976), so |S - L| <= (14/384) h^4 M4. M4 is estimated by 4! times the
        // 4th divided differences of the rows (5 rows each), those of windows beyond the interval's neighbours damped by
        // (2 - sqrt 3) per row (the spline's error reaches that far), doubled for the estimate. The data's rounding
        // (8 significant digits: at most 5e-8 in ln y) enters both with a weight below 1.5 each: 3e-7 more.
        test "between rows the spline agrees with a 4-point Lagrange cubic in ln-ln to the cubic-interpolation bound" {
            let mutable worst = 0.0
            for name, key in [ "hindmarsh_philipsen_C", "hp_c"; "gondolo_gelmini", "gg" ] do
                let r = rows name |> Array.filter (fun r -> r.[0] > 0.0)
                let u = r |> Array.map (fun r -> log r.[0])
                let f = r |> Array.map (fun r -> log r.[1])
                let divided (k: int) =
                    // 4th divided difference on u[k..k+4]
                    let mutable d = Array.init 5 (fun j -> f.[k + j])
                    for order in 1 .. 4 do
                        d <- Array.init (5 - order) (fun j -> (d.[j + 1] - d.[j]) / (u.[k + j + order] - u.[k + j]))
                    d.[0]
                for i in 2 .. u.Length - 4 do
                    let mid = (u.[i] + u.[i + 1]) / 2.0
                    let xs = [| u.[i - 1]; u.[i]; u.[i + 1]; u.[i + 2] |]
                    let ys = [| f.[i - 1]; f.[i]; f.[i + 1]; f.[i + 2] |]
                    let lagrange =
                        Seq.sum (seq { for j in 0 .. 3 -> ys.[j] * Seq.fold (fun acc m -> if m = j then acc else acc * (mid - xs.[m]) / (xs.[j] - xs.[m])) 1.0 [ 0 .. 3 ] })
                    let spline = (table key).LogLogSplines.["heff"].Value(mid)
                    // the spline is not local: a defect k rows away reaches the interval damped by (2 - sqrt 3)^k (de Boor, ch. V)
                    let m4 = 24.0 * (Seq.max [ for k in 0 .. u.Length - 5 -> abs (divided k) * (2.0 - sqrt 3.0) ** float (max 0 (abs (k + 2 - i) - 2)) ])
                    let h = u.[i + 1] - u.[i]
                    let bound = 2.0 * 14.0 / 384.0 * pown h 4 * m4 + 3e-7
                    worst <- max worst (abs (spline - lagrange) / bound)
                    Expect.isLessThanOrEqual (abs (spline - lagrange)) bound $"{name}: ln heff at the midpoint of T = {r.[i].[0]} .. {r.[i + 1].[0]}"
            printfn "spline vs Lagrange: largest |S - L|/bound = %.3f" worst
        }

        test "held constant outside the table: the end rows' values, derivative 0" {
            let r = rows "hindmarsh_philipsen_C" |> Array.filter (fun r -> r.[0] > 0.0)
            let t = table "hp_c"
            Expect.equal t.XMin r.[0].[0] "XMin is the first row with T > 0"
            Expect.equal t.XMax r.[r.Length - 1].[0] "XMax is the last row"
            for x: float in [ 1e-9; 1e-6; t.XMin * 0.999 ] do
                Expect.floatClose { absolute = 0.0; relative = 1e-13 } (heff "hp_c" x) r.[0].[1] $"below the table at {x}"
                Expect.equal (t.LogLogSplines.["heff"].DerivativeFunction.Value(log x)) 0.0 $"slope 0 at {x}"
            for x: float in [ t.XMax * 1.001; 1e5; 1e9 ] do
                Expect.floatClose { absolute = 0.0; relative = 1e-13 } (heff "hp_c" x) r.[r.Length - 1].[1] $"above the table at {x}"
                Expect.equal (t.LogLogSplines.["heff"].DerivativeFunction.Value(log x)) 0.0 $"slope 0 at {x}"
                Expect.equal (deltaH "hp_c" x) 0.0 $"delta_h - 1 = 0 above the table at {x}"
        }

        // trl-formulas.md section 4, (4.18): log-log central differences of the HP-C table give 0.021 (100 GeV), 0.014
        // (132 GeV), 7e-4 (1 TeV), 3e-4 (10 TeV). A central difference over rows 12% apart and the spline's derivative
        // differ by O(h^2 f''') and by the one or two digits the notes quote: 20% covers both.
        test "(4.18) delta_h - 1 from HP-C near the values of the notes" {
            for t, want in [ 100.0, 0.021; 132.0, 0.014; 1000.0, 7e-4; 10000.0, 3e-4 ] do
                let got = deltaH "hp_c" t
                Expect.floatClose { absolute = 0.0; relative = 0.2 } got want $"delta_h - 1 at {t} GeV: {got}"
        }

        // Gondolo-Gelmini: about half of HP-C near 100 GeV (notes: "a factor ~2"), and 0 above 5 TeV to the table's
        // precision: 7 significant digits (5e-5 in h_eff ~ 105.7, 5e-7 relative) over rows 5.9% apart in T make a slope
        // of at most 1e-6/0.0575 = 1.7e-5 in ln h per ln T, a third of it in delta_h; 1.5e-5 allows the spline's overshoot.
        test "Gondolo-Gelmini: about half of HP-C at 100 GeV, 0 above 5 TeV to its 7-digit rounding" {
            let ratio = deltaH "gg" 100.0 / deltaH "hp_c" 100.0
            Expect.isTrue (ratio > 0.35 && ratio < 0.65) $"GG/HP-C at 100 GeV = {ratio}"
            for t in [ 5500.0; 7000.0; 9000.0; 12000.0 ] do
                Expect.isLessThanOrEqual (abs (deltaH "gg" t)) 1.5e-5 $"GG delta_h - 1 at {t} GeV"
        }

        test "with the constant table delta_h is exactly 1 (the constant spline's derivative is exactly 0)" {
            for t in [ 1e-3; 0.15; 10.0; 100.0; 132.0; 1e3; 1e4; 1e6 ] do
                Expect.equal (deltaH "g_const" t) 0.0 $"delta_h - 1 at {t} GeV"
        }

        // the names enter a scan's fingerprint: they depend on the data, not on where the file lies (a shard on another
        // cluster node or checkout must merge)
        test "the tables' functions have names unique per table and contents; the same data in another place, the same name" {
            let names = [ for k in [ "hp_a"; "hp_c"; "gg"; "g_const" ] do for c in (table k).Columns -> (table k).LogLogSplines.[c].Name ]
            Expect.equal (List.distinct names).Length names.Length $"distinct: {names}"
            let heff (text: string) =
                use f = new TempFile(text, ".dat")
                let other = ModelCompilation.CompileOrThrow($"model m\ntable hp_c = file(\"{f.Path}\")\n", "other.mdl")
                other.Tables.[0].LogLogSplines.["heff"].Name
            let data = File.ReadAllText(dof "hindmarsh_philipsen_C")
            Expect.equal (heff data) (table "hp_c").LogLogSplines.["heff"].Name "the same data in another file, the same name"
            Expect.notEqual (heff (data + "\n# edited\n")) (table "hp_c").LogLogSplines.["heff"].Name "other contents, another name"
        }

        testList "errors" [
            test "MDL0260: a missing file, at the path string" {
                let d = expectOne "MDL0260" "model m\ntable t = file(⟦\"no/such/file.dat\"⟧)\n"
                Expect.stringContains d.Message "cannot be read" "says why"
            }
            dataCase "MDL0261" "1 1\n2 4\n3 9\n4 16\n" "line 1: data before a '# columns: x y1 ...' header"
            dataCase "MDL0261" "# only a comment\n" "has no '# columns: x y1 ...' header"
            dataCase "MDL0261" "# columns: x y\n1 1\n2 4\n3\n4 16\n" "line 4: 1 numbers, but the header names 2 columns"
            dataCase "MDL0261" "# a comment\n# columns: x y\n1 1\n2 4\n3 nine\n4 16\n" "line 5: 'nine' is not a finite number"
            dataCase "MDL0262" "# columns: x y\n0 1\n1 1\n2 4\n3 9\n" "has 3 rows with x > 0; a cubic spline needs at least 4"
            dataCase "MDL0262" "# columns: x y\n1 1\n2 4\n2 9\n4 16\n5 25\n" "line 4: x is not strictly increasing"
            dataCase "MDL0262" "# columns: x y\n1 1\n2 4\n3 -9\n4 16\n5 25\n" "line 4: y is not positive"
            test "MDL0260 once: a missing table behind a table choice poisons its uses (no error at dofs.heff, no crash)" {
                expectOne "MDL0260" "model m\ntable t = file(⟦\"missing.dat\"⟧)\nparam c : table = t\nparam x : real = 1\nkernel k = c.heff(x)\nkernel j = t.heff(x)\n" |> ignore
            }
            test "MDL0263: a column the table does not have, at the column's name" {
                use f = new TempFile(goodData, ".dat")
                let d = expectOne "MDL0263" $"model m\ntable t = file(\"{f.Path}\")\nparam x : real = 1\nkernel k = t.⟦z⟧(x)\n"
                Expect.stringContains d.Message "no column 'z'" "names the column"
            }
            test "MDL0263: a table choice whose default table lacks the column" {
                use f = new TempFile(goodData, ".dat")
                expectOne "MDL0263" $"model m\ntable t = file(\"{f.Path}\")\nparam c : table = t\nparam x : real = 1\nkernel k = c.⟦heff⟧(x)\n" |> ignore
            }
            test "MDL0264: diff of a term without a derivative (zeta)" {
                expectOne "MDL0264" "model m\nparam s : real = 3\nkernel k = ⟦diff(zeta(s), s)⟧\n" |> ignore
            }
            test "MDL0264: diff with respect to something that is not a variable" {
                expectOne "MDL0264" "model m\nparam s : real = 3\nconst c = 2\nkernel k = diff(s^2, ⟦c⟧)\n" |> ignore
            }
            test "MDL0325: a card naming an undeclared table, or a table without a column the kernels use, at the value" {
                use f = new TempFile(goodData, ".dat")
                use g = new TempFile("# columns: x heff\n1 1\n2 4\n3 9\n4 16\n", ".dat")
                let c = ModelCompilation.Create($"model m\ntable t = file(\"{g.Path}\")\ntable u = file(\"{f.Path}\")\nparam c : table = t\nparam x : real = 2\nkernel k = c.heff(x)\n", "m.mdl")
                for line, value in [ "c = tt", "tt"; "c = u", "u" ] do
                    let text = $"card \"x\" for m\n{line}\n"
                    let r = c.CreateNumeric(Text.SourceText.From(text, "x.card"))
                    let errors = r.Diagnostics |> Seq.filter (fun d -> d.IsError) |> List.ofSeq
                    Expect.equal (errors |> List.map (fun d -> d.Id)) [ "MDL0325" ] (DiagnosticPrinter.FormatAll errors)
                    Expect.equal (errors.Head.Span.Start, errors.Head.Span.Length) (text.IndexOf(value, text.IndexOf '\n'), value.Length) "at the value"
            }
        ]

        test "--set dofs=gg through the real CLI changes delta_h_probe and eval names the table" {
            let card = Path.Combine(repoRoot, "samples", "trl", "benchmark-C.card")
            let value (r: CliRun) =
                let line = r.Stdout.Split('\n') |> Array.find (fun l -> l.Trim().StartsWith "delta_h_probe")
                Double.Parse(line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).[1], Globalization.CultureInfo.InvariantCulture)
            let hpc = runCli [ "eval"; modelPath "seesaw-z3.mdl"; "--card"; card ]
            let gg = runCli [ "eval"; modelPath "seesaw-z3.mdl"; "--card"; card; "--set"; "dofs=gg" ]
            Expect.equal (hpc.ExitCode, gg.ExitCode) (0, 0) (hpc.Stderr + gg.Stderr)
            Expect.stringContains hpc.Stdout "tables: dofs = hp_c" "default shown by name"
            Expect.stringContains gg.Stdout "tables: dofs = gg" "the choice shown by name"
            // at T_probe = 100 GeV: HP-C about 0.021, GG about half of it ((4.18) of the notes)
            Expect.floatClose { absolute = 0.0; relative = 0.2 } (value hpc) 0.021 "HP-C at 100 GeV"
            Expect.isTrue (value gg < 0.65 * value hpc && value gg > 0.35 * value hpc) $"GG {value gg} against HP-C {value hpc}"
            let bad = runCli [ "eval"; modelPath "seesaw-z3.mdl"; "--card"; card; "--set"; "dofs=hp_d" ]
            Expect.equal bad.ExitCode 1 "an undeclared table is a card error"
            Expect.stringContains bad.Stderr "MDL0325" bad.Stderr
        }

        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 200 } "diff of a polynomial in a real parameter is its derivative" (
            Prop.forAll (Arb.fromGen (Gen.listOfLength 5 (Gen.choose (-9, 9)))) (fun cs ->
                let poly = cs |> List.mapi (fun k c -> $"({c})*x^{k}") |> String.concat " + "
                let spec = ModelCompilation.CompileOrThrow($"model m\nparam x : real = 1\nkernel k = diff({poly}, x)\n")
                let x = Expr.Real "x"
                let want = Expr.Add(cs |> List.mapi (fun k c -> Expr.Multiply(Expr.Number(k * c), Expr.Pow(x, max 0 (k - 1)))))
                Expect.equal spec.Kernels.[0].Expression want poly))

        test "diff is taken before a define's argument is substituted: f(mN/z) with f(T) = diff(T^3 + T*heff-like, T)" {
            let spec = ModelCompilation.CompileOrThrow("model m\nparam mN, z : real = 2\ndefine f(T) = diff(T^3 + log(T), T)\nkernel k = f(mN/z)\nkernel g = diff(f(mN/z), z)\n")
            let u = Expr.Real "mN" / Expr.Real "z"
            let want = Expr.Number 3 * Expr.Pow(u, 2) + Expr.Pow(u, -1)
            Expect.equal spec.Kernels.[0].Expression want "3 u^2 + 1/u at u = mN/z"
            // d/dz of 3 (mN/z)^2 + z/mN = -6 mN^2/z^3 + 1/mN
            let mN, z = Expr.Real "mN", Expr.Real "z"
            Expect.equal spec.Kernels.[1].Expression (Expr.Number -6 * Expr.Pow(mN, 2) * Expr.Pow(z, -3) + Expr.Pow(mN, -1)) "diff with respect to a parameter through the define"
        }
    ]
