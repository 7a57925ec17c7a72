/// `modeldsl eval` for a person: each kernel's unit from the spec (its energy dimension inferred from mass parameters
/// and constants with units, never guessed), and a table whose rules fit their columns.
module ModelDsl.Tests.Cli.EvalUnitsTests

open System.Text.Json
open Expecto
open FsCheck
open FsCheck.FSharp
open ModelDsl
open ModelDsl.Tests.TestSupport
open ModelDsl.Tests.Syntax.DiagnosticTests

/// T and M are masses (GeV), x is a plain number; c0 has no unit (so its dimension is unknown), m0 has one.
let private spec = """model unit_demo
param T, M : real mass positive
param x : real
const c0 = 2
const m0 = 3 eV
kernel k_T = T
kernel k_T2 = T^2
kernel k_ratio = T/M
kernel k_inverse = 1/T
kernel k_root = sqrt(T)
kernel k_cube_root = (T*M^2)^(1/3)
kernel k_exp = exp(-M/T)*T^2/M
kernel k_ifpos = ifpos(T - M, T, 0)
kernel k_min = min(T, M) + M
kernel k_sign = sign(x)*T
kernel k_abs = abs(T - M)*4*pi
kernel k_number = 2*pi
kernel k_const_unit = T*m0
kernel k_const_plain = T*c0
kernel k_plain = T*x
kernel k_mixed = T + T^2
kernel k_exp_of_mass = exp(T)
kernel k_declared = T*M/M in eV
"""

let private card = "card \"units\" for unit_demo\nT = 200 GeV\nM = 100 GeV\nx = -0.5\n"

/// The unit each kernel must get: GeV^d for the dimension d worked out by hand from the formula; "-" where the spec does
/// not tell (a plain number x, a constant without unit, mixed dimensions, exp of a mass, numbers alone: 2*pi).
let private expected =
    [ "k_T", "GeV"; "k_T2", "GeV^2"; "k_ratio", "1"; "k_inverse", "GeV^-1"; "k_root", "GeV^(1/2)"; "k_cube_root", "GeV"
      "k_exp", "GeV"; "k_ifpos", "GeV"; "k_min", "GeV"; "k_sign", "GeV"; "k_abs", "GeV"; "k_number", "-"
      "k_const_unit", "GeV^2"; "k_const_plain", "-"; "k_plain", "-"; "k_mixed", "-"; "k_exp_of_mass", "-"; "k_declared", "eV" ]

/// Numbers in formulas: GeV quantities written bare (T_sph = 131.7 GeV, M_1/1e13 GeV, v = 174 GeV through a define), small
/// exact rationals beside masses (1/2, 3/14, 0.35 = 7/20, 1/64 and 1/65 on either side of the bound), numbers alone, a kernel
/// holding one of unknown dimension, and the same numbers under a declared unit.
let private literalSpec = """model literals
param T : real mass positive
param M[3] : real mass positive
define v = 174
kernel T_sph = 131.7
kernel x = M[1]/1e13
kernel y_v = M[1]/v
kernel a = T/2
kernel b = 3/14*M[1]/T
kernel c = 0.35*T^2/M[1]
kernel e64 = T/64
kernel e65 = T/65
kernel milli = 1e-3*T
kernel count = 16
kernel later = T_sph*T/M[1]
kernel T_sph_declared = 131.7 in GeV
kernel x_declared = M[1]/1e13 in 1
kernel a_declared = T/2 in TeV
kernel two_eV = 2 in eV
"""

let private literalCard = "card \"literals\" for literals\nT = 200 GeV\nM = (1e13, 2e13, 3e13) GeV\n"

/// By hand: 131.7, 1e13, 174, 1/65 (denominator 65 > 64) and 1e-3 (1/1000) may be GeV numbers: unknown; 1/2, 3/14, 7/20 and
/// 1/64 are pure numbers; 16 alone holds no quantity; the declared units are printed as declared.
let private literalExpected =
    [ "T_sph", "-"; "x", "-"; "y_v", "-"; "a", "GeV"; "b", "1"; "c", "GeV"; "e64", "GeV"; "e65", "-"; "milli", "-"
      "count", "-"; "later", "-"; "T_sph_declared", "GeV"; "x_declared", "1"; "a_declared", "TeV"; "two_eV", "eV" ]

/// The columns of the table: the start and width of each rule's run of dashes.
let private columns (rule: string) =
    [ let mutable i = 0
      while i < rule.Length do
          if rule[i] = '-' then
              let start = i
              while i < rule.Length && rule[i] = '-' do i <- i + 1
              yield start, i - start
          else i <- i + 1 ]

/// The table's lines (header, rule, one per kernel) of an eval's output.
let private table (stdout: string) =
    let lines = stdout.Replace("\r\n", "\n").Split('\n')
    let header = lines |> Array.findIndex (fun l -> l.StartsWith "  kernel ")
    lines[header..] |> Array.takeWhile (fun l -> l <> "")

/// Every cell starts where its column's rule starts and is no wider than it; some cell fills each rule.
let private expectAligned (lines: string[]) =
    let cols = columns lines[1]
    Expect.equal cols.Length 3 "three columns: kernel, value, unit"
    let cells (line: string) =
        cols |> List.mapi (fun c (start, width) ->
            let stop = if c + 1 < cols.Length then fst cols[c + 1] else line.Length
            if start >= line.Length then "" else line.Substring(start, min stop line.Length - start))
    for line in Array.append [| lines[0] |] lines[2..] do
        let line = line.Replace("  (not finite)", "")
        for (start, width), cell in List.zip cols (cells line) do
            Expect.isTrue (start = 0 || line[start - 1] = ' ') $"a cell starts at its rule: '{line}'"
            Expect.isLessThanOrEqual (cell.TrimEnd().Length) width $"'{cell.TrimEnd()}' fits its rule ({width}) in '{line}'"
    for c, (_, width) in List.indexed cols do
        let widest = Array.append [| lines[0] |] lines[2..] |> Array.map (fun l -> List.item c (cells l) |> fun cell -> cell.TrimEnd().Length) |> Array.max
        Expect.equal widest width $"column {c}: the rule is as wide as its widest cell"

/// The table rows (split into cells) of `eval` of a spec at a card, after checking that each expected kernel has its unit.
let private expectTableUnits specText cardText (expected: (string * string) list) =
    use s = new TempFile(specText)
    use c = new TempFile(cardText, ".card")
    let r = runCli [ "eval"; s.Path; "--card"; c.Path ]
    Expect.equal r.ExitCode 0 $"exit code; {r.Stderr}"
    let rows = table r.Stdout |> Array.skip 2 |> Array.map (fun l -> l.Split(' ', System.StringSplitOptions.RemoveEmptyEntries))
    for name, unit in expected do
        let row = rows |> Array.find (fun cells -> cells[0] = name)
        Expect.equal row[2] unit $"{name}'s unit"
    rows

/// The document of `eval --json` of a spec at a card, after checking kernel_units: each expected unit, null for "-".
let private expectJsonUnits specText cardText (expected: (string * string) list) =
    use s = new TempFile(specText)
    use c = new TempFile(cardText, ".card")
    let r = runCli [ "eval"; s.Path; "--card"; c.Path; "--json" ]
    Expect.equal r.ExitCode 0 $"exit code; {r.Stderr}"
    let doc = JsonDocument.Parse r.Stdout
    let units = doc.RootElement.GetProperty "kernel_units"
    for name, unit in expected do
        let u = units.GetProperty name
        if unit = "-" then Expect.equal u.ValueKind JsonValueKind.Null $"{name}: not known"
        else Expect.equal (u.GetString()) unit $"{name}'s unit"
    doc

[<Tests>]
let tests =
    testList "Cli/EvalUnits" [
        test "each kernel's unit: inferred from mass parameters and constants with units, '-' where the spec does not tell" {
            let rows = expectTableUnits spec card expected
            let value name = (rows |> Array.find (fun cells -> cells[0] = name)).[1]
            Expect.equal (value "k_T2") "40000" "T^2 in GeV^2"
            Expect.equal (value "k_inverse") "0.005" "1/T in GeV^-1"
            Expect.equal (value "k_declared") "2E+11" "a kernel declared in eV is printed in eV (T = 200 GeV)"
        }
        test "--json: kernel_units names every kernel's unit, null where it is not known" {
            use doc = expectJsonUnits spec card expected
            Expect.equal (doc.RootElement.GetProperty("kernels").GetProperty("k_T2").GetDouble()) 40000.0 "T^2 in GeV^2 (200^2, exact in doubles)"
        }
        test "the binder records the dimension: exact rational powers (GeV^(1/2)), unknown as null" {
            let model = ModelCompilation.CompileOrThrow spec
            let dim name = (model.Kernels |> Seq.find (fun k -> k.Name = name)).Dimension
            Expect.equal (dim "k_root") (Symbolics.Numbers.Rational.Create(1, 2)) "sqrt(T)"
            Expect.equal (dim "k_inverse") (Symbolics.Numbers.Rational.Create(-1, 1)) "1/T"
            Expect.isNull (dim "k_plain") "T*x: x is a plain number of unknown dimension"
        }
        test "a unit declared where inference cannot tell: in GeV^2, in eV^-1, in TeV^2, in 1; printed and in JSON in it" {
            let declared = spec + "kernel d_T2 = T*T*x/x in GeV^2\nkernel d_inv = 1/T in eV^-1\nkernel d_TeV2 = T*M in TeV^2\nkernel d_one = x*c0 in 1\n"
            use s = new TempFile(declared)
            use c = new TempFile(card, ".card")
            let r = runCli [ "eval"; s.Path; "--card"; c.Path; "--json" ]
            Expect.equal r.ExitCode 0 $"exit code; {r.Stderr}"
            use doc = JsonDocument.Parse r.Stdout
            let units = doc.RootElement.GetProperty "kernel_units"
            let kernels = doc.RootElement.GetProperty "kernels"
            // by hand, T = 200 GeV, M = 100 GeV, x = -0.5, c0 = 2: 1/T = 1/(2e11 eV) = 5e-12 eV^-1; T M = 2e4 GeV^2 = 0.02 TeV^2
            for name, unit, value in [ "d_T2", "GeV^2", 40000.0; "d_inv", "eV^-1", 5e-12; "d_TeV2", "TeV^2", 0.02; "d_one", "1", -1.0 ] do
                Expect.equal (units.GetProperty(name).GetString()) unit $"{name}'s unit"
                // one division by the unit's factor (1e-9^-1, 1e3^2): a few ulps
                Expect.floatClose { absolute = 0.0; relative = 1e-15 } (kernels.GetProperty(name).GetDouble()) value $"{name} in {unit}"
        }
        test "fmt keeps a declared power and 'in 1'" {
            let text = "model m\nparam T : real mass positive\nparam x : real\nkernel a = 1/T in eV^-1\nkernel b = T^2 in GeV^2\nkernel c = x in 1\n"
            let formatted = ModelCompilation.Create(text, "m.mdl").Format()
            for line in [ "kernel a = 1/T in eV^-1"; "kernel b = T^2 in GeV^2"; "kernel c = x in 1" ] do
                Expect.stringContains formatted line line
        }
        test "a number literal other than a small exact rational makes the unit unknown ('-'); 1/2, 3/14, 0.35 still infer" {
            expectTableUnits literalSpec literalCard literalExpected |> ignore
        }
        test "--json: kernel_units is null for the bare GeV numbers, declared units unaffected and printed in them" {
            use doc = expectJsonUnits literalSpec literalCard literalExpected
            let kernels = doc.RootElement.GetProperty "kernels"
            // by hand: 131.7 (GeV, as declared); M_1/1e13 = 1; T/2 = 100 GeV = 0.1 TeV; 2 (GeV inside, as every formula) = 2e9 eV;
            // one division by the unit's factor at most: a few ulps
            for name, value in [ "T_sph_declared", 131.7; "x_declared", 1.0; "a_declared", 0.1; "two_eV", 2e9 ] do
                Expect.floatClose { absolute = 0.0; relative = 1e-15 } (kernels.GetProperty(name).GetDouble()) value $"{name}"
        }
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 200 } "n e-k times a mass is GeV exactly when n/10^k reduces to |p| <= 64, q <= 64" (
            Prop.forAll (Arb.fromGen (Gen.zip (Gen.choose (1, 5000)) (Gen.choose (0, 4)))) (fun (n, k) ->
                // reduced by hand: p/q = (n/g)/(10^k/g), g = gcd(n, 10^k)
                let q0 = pown 10 k
                let g = int (System.Numerics.BigInteger.GreatestCommonDivisor(bigint n, bigint q0))
                let small = n / g <= 64 && q0 / g <= 64
                let model = ModelCompilation.CompileOrThrow $"model m\nparam T : real mass positive\nkernel k = {n}e-{k}*T\n"
                let dim = model.Kernels.[0].Dimension
                if small then Expect.equal dim Symbolics.Numbers.Rational.One $"{n}e-{k} is a pure number"
                else Expect.isNull dim $"{n}e-{k} may be a GeV number"))
        test "the table's rules fit their columns: short kernel names, wide values, the shipped models" {
            use s = new TempFile(spec)
            use c = new TempFile(card, ".card")
            expectAligned (table (runCli [ "eval"; s.Path; "--card"; c.Path ]).Stdout)
            for model, card in [ "conformal-bl.mdl", "samples/conformal-bl/scenario5.card"
                                 "seesaw-z3.mdl", "samples/trl/benchmark-C.card"
                                 "lmu-ltau.mdl", "samples/lmu-ltau/benchmark.card" ] do
                let r = runCli [ "eval"; "models/" + model; "--card"; card ]
                Expect.equal r.ExitCode 0 $"{model}: {r.Stderr}"
                expectAligned (table r.Stdout)
        }
        testList "MDL0330: a declared unit that contradicts the formula" [
            caseSays "MDL0330" "param T : real mass positive\nkernel k = T^2 in ⟦GeV^3⟧\n" "energy dimension 2 by its formula"
            caseSays "MDL0330" "param T : real mass positive\nkernel k = T in ⟦1⟧\n" "its unit '1' has dimension 0"
            caseSays "MDL0330" "param T : real mass positive\nkernel k = 1/T in ⟦eV^1⟧\n" "energy dimension -1"
            caseSays "MDL0330" "param T : real mass positive\nkernel k = T in GeV^⟦0⟧\n" "nonzero integer"
        ]
        test "numbers that may stand for masses make the unit unknown: a table constant, a texture entry, a kernel holding one" {
            let dir = System.IO.Directory.CreateTempSubdirectory()
            try
                // a one-row table of constants, as models/lib/leptogenesis/constants/*.dat: c.M_Pl is bound as the number 1.22e19
                System.IO.File.WriteAllText(System.IO.Path.Combine(dir.FullName, "c.dat"), "# columns: v M_Pl\n174 1.22e19\n")
                let specPath = System.IO.Path.Combine(dir.FullName, "o.mdl")
                System.IO.File.WriteAllText(specPath, "model opaque\nparam T : real mass positive\ntable c = file(\"c.dat\")\n"
                                                      + "texture W = matrix(row(T, 0), row(0, T))\nkernel k_table = T/c.M_Pl\n"
                                                      + "kernel k_texture = W[1,1]\nkernel k_later = 2*k_table\nkernel k_plain = T\n")
                let model = ModelCompilation.CompileOrThrow(System.IO.File.ReadAllText specPath, specPath)
                let dim name = (model.Kernels |> Seq.find (fun k -> k.Name = name)).Dimension
                // T/c.M_Pl is dimensionless, but bound as T/1.22e19 it would read as GeV: not guessed
                for k in [ "k_table"; "k_texture"; "k_later" ] do Expect.isNull (dim k) $"{k}: unknown"
                Expect.equal (dim "k_plain") Symbolics.Numbers.Rational.One "T alone is known"
            finally dir.Delete true
        }
        test "a used library's kernels keep the library's inference (its inputs declared mass): ulysses-typei" {
            let model = ModelCompilation.FromFile(modelPath "ulysses-typei.mdl").Spec
            let dim name = (model.Kernels |> Seq.find (fun k -> k.Name = name)).Dimension
            // lib/leptogenesis/1DME.mdl: Gamma_tau = 485e-10 M_Pl/M_1 (M_Pl and M inputs declared mass): dimensionless, though
            // the model binds M_Pl to constants.M_Pl, a number (declared 'in 1' there: 485e-10 is no small rational, so inference
            // cannot tell); 2RES.mdl: dM21 = M_2 - M_1, GeV, inferred
            Expect.equal (dim "dme.Gamma_tau") Symbolics.Numbers.Rational.Zero "Gamma_tau/(H z)"
            Expect.equal (dim "res.dM21") Symbolics.Numbers.Rational.One "M_2 - M_1"
        }
        test "the shipped models print no wrong unit: a unit shown is the one the formula has" {
            let r = runCli [ "eval"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario5.card"; "--json" ]
            Expect.equal r.ExitCode 0 r.Stderr
            use doc = JsonDocument.Parse r.Stdout
            let units = doc.RootElement.GetProperty "kernel_units"
            // by hand from models/conformal-bl.mdl: T_equals_vphi = vphi (a mass), YM_i = M_i/vphi
            Expect.equal (units.GetProperty("T_equals_vphi").GetString()) "GeV" "vphi"
            for k in [ "YM1"; "YM2"; "YM3" ] do Expect.equal (units.GetProperty(k).GetString()) "1" $"{k} = M/vphi"
        }
    ]
