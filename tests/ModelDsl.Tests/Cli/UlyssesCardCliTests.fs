/// ULYSSES's parameter files through the real CLI (issue 12, "Cards and conventions users bring from ULYSSES";
/// docs/ulysses.md): `eval`, `solve` and `scan --card FILE.dat` read them as ULYSSES does (src/ModelDsl.Model/Cards/CardFormat.cs),
/// a `key low high` line is a scan axis in the key's own variable, and every malformed file is a located error with its
/// source line, a non-zero exit and no stack trace.
module ModelDsl.Tests.Cli.UlyssesCardCliTests

open System
open System.Globalization
open System.IO
open Expecto
open ModelDsl.Tests.TestSupport

let private model = "models/ulysses-typei.mdl"

/// The fields of one CSV line (a field in double quotes may hold commas, as `solve --csv` writes "dme.N[1,1].re").
let private fields (line: string) =
    let out = Collections.Generic.List<string>()
    let field = Text.StringBuilder()
    let mutable quoted = false
    for c in line do
        if c = '"' then quoted <- not quoted
        elif c = ',' && not quoted then
            out.Add(field.ToString())
            field.Clear() |> ignore
        else field.Append c |> ignore
    out.Add(field.ToString())
    List.ofSeq out

/// The rows of a CSV file as maps from column to text.
let private csvRows path =
    match File.ReadAllLines path |> List.ofArray with
    | header :: rows -> let names = fields header in rows |> List.map (fun r -> List.zip names (fields r) |> Map.ofList)
    | [] -> failtestf "%s is empty" path

let private number (s: string) = Double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)

let private temp (name: string) = Path.Combine(Path.GetTempPath(), $"modeldsl-ulysses-{Guid.NewGuid():N}-{name}")

/// A CLI run that must succeed.
let private ok args =
    let r = runCli args
    Expect.equal r.ExitCode 0 $"modeldsl %A{args}:\n{r.Stdout}\n{r.Stderr}"
    r

/// eta_B (and the final state) of `solve --csv` at a card: the last row of the evolution, every column at full precision.
let private solveFinal card system (rtol: string) =
    let csv = temp "evolution.csv"
    try
        ok [ "solve"; model; "--card"; card; "--system"; system; "--rtol"; rtol; "--samples"; "2"; "--csv"; csv ] |> ignore
        csvRows csv |> List.last |> Map.map (fun _ v -> number v)
    finally File.Delete csv

/// The kernels of `eval --json` at a card.
let private evalKernels card (sets: string list) =
    let r = ok ([ "eval"; model; "--card"; card; "--json" ] @ (sets |> List.collect (fun s -> [ "--set"; s ])))
    use json = Text.Json.JsonDocument.Parse r.Stdout
    [ for k in json.RootElement.GetProperty("kernels").EnumerateObject() do
        if k.Value.ValueKind = Text.Json.JsonValueKind.Object then
            yield k.Name + ".re", k.Value.GetProperty("re").GetDouble()
            yield k.Name + ".im", k.Value.GetProperty("im").GetDouble()
        else yield k.Name, k.Value.GetDouble() ]

/// A malformed file given to a command: a non-zero exit, `path(line,col): error ID` with the source line under it (when the
/// file has one), the message fragment, and no .NET stack trace.
let private malformed (command: string list) (path: string) (id: string) (line: int, col: int) (sourceLine: string option) (fragment: string) =
    let r = runCli (command @ [ "--card"; path ])
    let shown = $"modeldsl %A{command} {path}: exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}"
    Expect.notEqual r.ExitCode 0 shown
    Expect.notEqual r.ExitCode 70 $"not an internal error: {shown}"
    Expect.isFalse (r.Stderr.Contains "   at ") $"no stack trace: {shown}"
    let header = $"{Path.GetFileName path}({line},{col}): error {id}: "
    let at = r.Stderr.IndexOf header
    Expect.isGreaterThanOrEqual at 0 $"located '{header}': {shown}"
    Expect.stringContains (r.Stderr.Substring at) fragment shown
    match sourceLine with
    | Some s -> Expect.stringContains (r.Stderr.Substring at) ("\n    " + s) $"the source line: {shown}"
    | None -> ()

/// ULYSSES's examples/1N1F.dat with one line replaced (a file of ULYSSES's own form, CRLF line ends as ULYSSES ships them).
let private edited1N1F (replace: string) (by: string) =
    let text = File.ReadAllText(Path.Combine(repoRoot, "samples", "ulysses", "1N1F.dat"))
    Expect.stringContains text replace "the line to replace"
    text.Replace(replace, by)

/// uls-scan's own help example (bin/uls-scan:13-28): every line carries a comment, so ULYSSES's readConfig (tools.py:49-51)
/// drops all of them as lines of too many fields, and uls-scan then stops at `assert(len(RNG)==1)` (bin/uls-scan:87) with a
/// Python traceback; and its first mass key is K1, which ULYSSES has not.
let private ulsScanHelpExample =
    "m     -3   -1 # logarithm, in [ev]\nK1    12      # logarithm, in [GeV]\nM2    12.6    # logarithm, in [GeV]\n"
    + "M3    13      # logarithm, in [GeV]\ndelta 213     # [deg]\na21    81     # [deg]\na31   476     # [deg]\n"
    + "x1     90     # [deg]\nx2     87     # [deg]\nx3    180     # [deg]\ny1   -120     # [deg]\ny2      0     # [deg]\n"
    + "y3   -120     # [deg]\nt12    33.63  # [deg]\nt13     8.52  # [deg]\nt23    49.58  # [deg]\n"

[<Tests>]
let tests =
    testList "Cli/ULYSSES cards" [
        test "solve on samples/ulysses/testpars.dat gives testpars.card's 1DME eta_B and final state (1e-12)" {
            // the card writes 10^-0.60206 eV as the double nearest to it; the reader computes 10^m: equal to 1e-15
            let dat = solveFinal "samples/ulysses/testpars.dat" "dme.dme" "1e-10"
            let card = solveFinal "samples/ulysses/testpars.card" "dme.dme" "1e-10"
            Expect.isLessThan (abs dat.["eta_B"]) 1e-8 "a baryon asymmetry"
            Expect.isGreaterThan (abs dat.["eta_B"]) 1e-10 "a baryon asymmetry"
            for KeyValue(column, v) in card do
                Expect.floatClose { absolute = 1e-12 * abs card.["eta_B"]; relative = 1e-12 } dat.[column] v column
        }
        test "eval on ULYSSES's 1N1F.dat equals eval on samples/ulysses/1N1F.card, kernel by kernel (1e-12), with --set too" {
            // 10^14 and 1e14 are the same double; m_lightest (1e-109 GeV) enters only squared next to dm2 ~ 1e-22 GeV^2
            for sets in [ []; [ "y1 = 2.5"; "inverted = true"; "dm2_atm = 2.500e-3" ] ] do
                let dat = evalKernels "samples/ulysses/1N1F.dat" sets
                let card = evalKernels "samples/ulysses/1N1F.card" sets
                Expect.equal (List.map fst dat) (List.map fst card) "the same kernels"
                Expect.isGreaterThan dat.Length 20 "every set's kernels"
                for (name, a), (_, b) in List.zip dat card do
                    Expect.floatClose { absolute = 0.0; relative = 1e-12 } a b $"{name} (--set {sets})"
        }
        test "scan over 1N1F_scan.dat's range (y1 0 45): 30 points by default, each equal to a single solve there (1e-12, same rtol)" {
            let db, csv = temp "scan.db", temp "scan.csv"
            try
                let r = ok [ "scan"; model; "--card"; "samples/ulysses/1N1F_scan.dat"; "--system"; "be.be"; "--rtol"; "1e-10"; "--out"; db; "--csv"; csv ]
                Expect.stringContains r.Stdout "card range 'y1' (line 7): re(y1)=0:45:30" "the range is a linear axis over re(y1), 30 points as uls-scan's -n"
                let rows = csvRows csv
                Expect.equal rows.Length 30 "30 points"
                // np.linspace(0, 45, 30) (bin/uls-scan:111): k * 45/29
                for k, row in List.indexed rows do
                    Expect.floatClose { absolute = 1e-13; relative = 1e-15 } (number row.["re(y1)"]) (45.0 * float k / 29.0) $"y1 at {k}"
                // three of them solved one by one, from the same file with the range replaced by the point's value
                for k in [ 0; 14; 29 ] do
                    let row = rows.[k]
                    let y1 = row.["re(y1)"]
                    let single = temp $"1N1F-y1-{k}.dat"
                    try
                        File.WriteAllText(single, File.ReadAllText(Path.Combine(repoRoot, "samples", "ulysses", "1N1F_scan.dat")).Replace("y1 0. 45.", $"y1 {y1}"))
                        let s = solveFinal single "be.be" "1e-10"
                        Expect.floatClose { absolute = 0.0; relative = 1e-12 } (number row.["eta_B"]) s.["eta_B"] $"eta_B at y1 = {y1}"
                    finally File.Delete single
            finally
                File.Delete db
                File.Delete csv
        }
        test "scan over 1N1F_2Dscan.dat's two ranges with --points 3 2; a mass range is log-spaced in the mass (M1 13 15)" {
            let db, csv = temp "scan2.db", temp "scan2.csv"
            try
                let r = ok [ "scan"; model; "--card"; "samples/ulysses/1N1F_2Dscan.dat"; "--points"; "3"; "2"; "--out"; db; "--csv"; csv ]
                Expect.stringContains r.Stdout "re(x2)=0:45:3" "x2 first, 3 points (uls-scan2D -x)"
                Expect.stringContains r.Stdout "re(y2)=0:45:2" "y2 second, 2 points (uls-scan2D -y)"
                Expect.equal (csvRows csv).Length 6 "3 x 2 points"
                let mass = temp "M1range.dat"
                File.WriteAllText(mass, edited1N1F "M1 14" "M1 12 14")
                try
                    let r = ok [ "scan"; model; "--card"; mass; "--points"; "3"; "--out"; db + "m"; "--csv"; csv ]
                    Expect.stringContains r.Stdout "M[1]=1000000000000:100000000000000:3:log" "10^12 to 10^14 GeV, log10-spaced"
                    let m1 = csvRows csv |> List.map (fun row -> number row.["M[1]"])
                    Expect.floatClose { absolute = 0.0; relative = 1e-14 } m1.[1] 1e13 "the middle point is 10^13 GeV (M1 = 13)"
                finally
                    File.Delete mass
                    File.Delete(db + "m")
            finally
                File.Delete db
                File.Delete csv
        }
        // ULYSSES's direct Yukawa keys as scan axes: Yai_part is the model's Y_part[a,i], row-major Y_part[3 (a - 1) + i]
        test "scan over a direct-Yukawa key's range (Y21_mag 0.001 0.002): the axis is Y_mag[4], its end values in the rows" {
            let card, db, csv = temp "yukawa-range.dat", temp "yukawa.db", temp "yukawa.csv"
            let text = File.ReadAllLines(Path.Combine(repoRoot, "samples", "ulysses", "testpars-yukawa.dat"))
                       |> Array.map (fun l -> if l.StartsWith "Y21_mag " then "Y21_mag 0.001 0.002" else l)
            File.WriteAllLines(card, text)
            try
                let r = ok [ "scan"; model; "--card"; card; "--points"; "2"; "--out"; db; "--csv"; csv ]
                Expect.stringContains r.Stdout "Y_mag[4]=0.001:0.002:2" "the axis"
                Expect.equal (csvRows csv |> List.map (fun row -> number row.["Y_mag[4]"])) [ 0.001; 0.002 ] "its points"
            finally
                for f in [ card; db; csv ] do File.Delete f
        }
        test "scan: --points must match the card's ranges; a file without ranges and without --grid has no axis (usage errors)" {
            let db = temp "bad.db"
            for args, fragment in [ [ "--card"; "samples/ulysses/1N1F_2Dscan.dat"; "--points"; "3"; "2"; "4" ], "the card has 2 (x2, y2)"
                                    [ "--card"; "samples/ulysses/1N1F.dat"; "--points"; "3" ], "the card has none"
                                    [ "--card"; "samples/ulysses/1N1F.dat" ], "no axis"
                                    [ "--card"; "samples/ulysses/1N1F_scan.dat"; "--points"; "0" ], "from 1 to 100000" ] do
                let r = runCli ([ "scan"; model; "--out"; db ] @ args)
                Expect.equal r.ExitCode 2 $"%A{args}: {r.Stderr}"
                Expect.stringContains r.Stderr fragment $"%A{args}"
                Expect.isFalse (r.Stderr.Contains "   at ") "no stack trace"
            File.Delete db
        }
        test "every malformed ULYSSES file is a located error with its source line, exit != 0, no stack trace (eval, solve, scan)" {
            let cases =
                [ // MDL0326-MDL0329: what ULYSSES drops with a warning, stops on with a Python exception, or takes silently
                  edited1N1F "delta 270" "delta", "MDL0326", (12, 1), Some "delta", "has no value"
                  edited1N1F "delta 270" "delta 27O", "MDL0326", (12, 7), Some "delta 27O", "not a number"
                  edited1N1F "delta 270" "delta 270 280 290", "MDL0326", (12, 15), Some "delta 270 280 290", "3 values"
                  edited1N1F "t12 33.82" "t12 33.82j", "MDL0326", (16, 5), Some "t12 33.82j", "only the R angles"
                  edited1N1F "x1 180" "x1 0 180j", "MDL0326", (6, 6), Some "x1 0 180j", "must be real"
                  edited1N1F "delta 270" "detla 270", "MDL0327", (12, 1), Some "detla 270", "Did you mean 'delta'?"
                  edited1N1F "M1 14" "M1 14\r\nM1 12", "MDL0328", (4, 1), Some "M1 12", "given twice"
                  edited1N1F "t13 8.610000" "", "MDL0329", (1, 1), Some "# ULYSSES v2.0.2", "missing: t13"
                  // MDL0340: a binary file (an ELF header, a NUL on the first line)
                  "\u007fELF\u0002\u0001\u0001\u0000\u0000m -100\n", "MDL0340", (1, 1), None, "not a text file"
                  // MDL0341: a log10 key's range beyond doubles (10^400 GeV)
                  edited1N1F "M1 14" "M1 9 400", "MDL0341", (3, 1), Some "M1 9 400", "not a range of finite nonzero doubles"
                  // an empty file: nothing to show but where it is
                  "", "MDL0329", (1, 1), None, "no 'key value' line" ]
            for text, id, at, source, fragment in cases do
                let path = temp "case.dat"
                File.WriteAllText(path, text)
                try
                    // MDL0329 of a missing key is a point's error; a scan reports every other case the same way
                    let commands = [ [ "eval"; model ]; [ "solve"; model; "--system"; "be.be" ] ]
                    let commands = if id = "MDL0341" then [ [ "scan"; model; "--out"; path + ".db" ] ] else commands @ [ [ "scan"; model; "--out"; path + ".db" ] ]
                    for command in commands do malformed command path id at source fragment
                finally
                    File.Delete path
                    File.Delete(path + ".db")
        }
        test "a range given to eval or solve is the located MDL0329 (1N1F_scan.dat's y1 line)" {
            for command in [ [ "eval"; model ]; [ "solve"; model; "--system"; "be.be" ] ] do
                malformed command (Path.Combine(repoRoot, "samples", "ulysses", "1N1F_scan.dat")) "MDL0329" (7, 1) (Some "y1 0. 45.") "'y1' is a scan range (0 to 45)"
        }
        test "a missing card and a folder are located MDL0000 errors, exit 2 (usage), no stack trace" {
            let folder = temp "folder.dat"
            Directory.CreateDirectory folder |> ignore
            try
                for command in [ [ "eval"; model ]; [ "solve"; model; "--system"; "be.be" ]; [ "scan"; model; "--out"; folder + ".db" ] ] do
                    malformed command (temp "missing.dat") "MDL0000" (1, 1) None "Cannot read the card: there is no such file"
                    malformed command folder "MDL0000" (1, 1) None "Cannot read the card: it is a folder, not a file"
                    Expect.equal (runCli (command @ [ "--card"; folder ])).ExitCode 2 "a usage error, as a missing card always was"
            finally Directory.Delete folder
        }
        test "ULYSSES's own cards that stop or crash ULYSSES are located errors here (uls-scan's help example, PBH.dat)" {
            let cases =
                [ // uls-scan's help example: ULYSSES drops every line and crashes on assert(len(RNG)==1); here the comments are
                  // comments and the stray key K1 is the one error (its missing M1 follows from it and is not reported)
                  ulsScanHelpExample, "MDL0327", (2, 1), Some "K1    12      # logarithm, in [GeV]", "ULYSSES has no parameter 'K1'. Did you mean 'M1'?"
                  // examples/PBH.dat run by uls-calc -m 1BE1F: 'the number of parameters needs to be 16, user supplied 19'
                  // (bin/uls-calc:97-99); here the first key of the PBH extension is located
                  "m -0.576754\nM1 14.0000\nM2 14.4771\nM3 14.7785\nx1 0.\ny1 0.\nx2 45.0000\ny2 25.2495\nx3 0.\ny3 0.\ndelta 194.\na21 0.\na31 0.\n"
                  + "t12 33.44\nt13 8.57\nt23 49.2\nMPBHi 0.0\naPBHi 0.0\nbPBHi -5.68\n", "MDL0327", (17, 1), Some "MPBHi 0.0", "ULYSSES has no parameter 'MPBHi'" ]
            for text, id, at, source, fragment in cases do
                let path = temp "own.dat"
                File.WriteAllText(path, text)
                try
                    for command in [ [ "eval"; model ]; [ "scan"; model; "--out"; path + ".db" ] ] do
                        malformed command path id at source fragment
                finally
                    File.Delete path
                    File.Delete(path + ".db")
        }
        test "a ModelDsl card named .dat is still a ModelDsl card (its header decides), and a .card is never read as ULYSSES's" {
            let path = temp "modeldsl-card.dat"
            File.Copy(Path.Combine(repoRoot, "samples", "ulysses", "1N1F.card"), path)
            try
                let dat = evalKernels path []
                let card = evalKernels "samples/ulysses/1N1F.card" []
                Expect.equal dat card "the same kernels, bit for bit"
            finally File.Delete path
            let r = runCli [ "eval"; model; "--card"; "samples/ulysses/testpars.card" ]
            Expect.equal r.ExitCode 0 r.Stderr
        }
    ]
