module ModelDsl.Tests.Cli.PlotTests

open System
open System.IO
open System.Collections.Immutable
open Expecto
open FsCheck
open FsCheck.FSharp
open ModelDsl.Plotting
open ModelDsl.Tests.TestSupport

/// Scans conformal-bl's etaB_ratio over (Re w23, Im w23) (Scenario 2) into a temporary folder, then runs BODY with the
/// folder, the results file and `png NAME ARGS`: `plot --x re(w23) --z etaB_ratio ARGS` into NAME.png, exit 0 and a PNG
/// signature checked, its bytes returned. The folder is deleted afterwards.
let private withW23Scan (re: string) (im: string) (body: string -> string -> (string -> string list -> byte[]) -> unit) =
    let dir = Path.Combine(Path.GetTempPath(), "modeldsl-plot-" + Guid.NewGuid().ToString("N"))
    Directory.CreateDirectory dir |> ignore
    try
        let db = Path.Combine(dir, "map.db")
        Expect.equal (runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; $"re(w23)={re}"; "--grid"; $"im(w23)={im}"; "--out"; db ]).ExitCode 0 "2D scan"
        let png name (args: string list) =
            let path = Path.Combine(dir, name + ".png")
            let r = runCli ([ "plot"; db; "--x"; "re(w23)"; "--z"; "etaB_ratio"; "--out"; path ] @ args)
            Expect.equal r.ExitCode 0 $"{name}: {r.Stderr}"
            let bytes = File.ReadAllBytes path
            Expect.equal bytes.[0..3] [| 0x89uy; byte 'P'; byte 'N'; byte 'G' |] $"{name}: PNG signature"
            bytes
        body dir db png
    finally
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools()
        try Directory.Delete(dir, true) with _ -> ()

[<Tests>]
let tests =
    testList "Cli/Plot" [
        test "marching squares: the contour z = r^2 = 1 of z = x^2 + y^2 lies on the unit circle" {
            let xs = Array.init 81 (fun k -> -2.0 + 4.0 * float k / 80.0)
            let z = Array2D.init 81 81 (fun i j -> xs.[i] * xs.[i] + xs.[j] * xs.[j])
            let segments = Contours.Segments(xs, xs, z, 1.0)
            Expect.isGreaterThan segments.Count 100 "a closed curve of many segments"
            for struct (struct (x1, y1), struct (x2, y2)) in segments do
                // linear interpolation of a quadratic: off by at most h^2/4 in r^2 with h = 0.05
                Expect.floatClose { absolute = 1e-3; relative = 0.0 } (x1 * x1 + y1 * y1) 1.0 "on the circle"
                Expect.floatClose { absolute = 1e-3; relative = 0.0 } (x2 * x2 + y2 * y2) 1.0 "on the circle"
        }
        test "contour segments joined: the circle z = x^2 + y^2 = 1 is one closed polyline holding every segment; two circles are two" {
            let xs = Array.init 81 (fun k -> -2.0 + 4.0 * float k / 80.0)
            let one = Contours.Segments(xs, xs, Array2D.init 81 81 (fun i j -> xs.[i] * xs.[i] + xs.[j] * xs.[j]), 1.0)
            let lines = Contours.Join(one, 1e-9)
            Expect.equal lines.Count 1 "one polyline"
            // grid corners such as (0.6, 0.8) lie on the circle: the cells meeting there give segments of no length, left out
            let drawn = one |> Seq.filter (fun (struct (struct (ax, ay), struct (bx, by))) -> abs (ax - bx) + abs (ay - by) > 1e-6) |> Seq.length
            Expect.equal (lines.[0].Count - 1) drawn "every segment of some length in it once"
            let struct (x0, y0), struct (xn, yn) = lines.[0].[0], lines.[0].[lines.[0].Count - 1]
            Expect.floatClose { absolute = 1e-9; relative = 0.0 } xn x0 "closed: back to the first point (x)"
            Expect.floatClose { absolute = 1e-9; relative = 0.0 } yn y0 "closed: back to the first point (y)"
            // two unit circles centred at x = -1 and x = 1 (z = min of the two squared distances), each reaching only its own half
            let twoXs = Array.init 161 (fun k -> -2.5 + 5.0 * float k / 160.0)
            let two = Array2D.init 161 161 (fun i j -> min ((twoXs.[i] + 1.2) ** 2.0) ((twoXs.[i] - 1.2) ** 2.0) + twoXs.[j] * twoXs.[j])
            Expect.equal (Contours.Join(Contours.Segments(twoXs, twoXs, two, 1.0), 1e-9).Count) 2 "two polylines"
        }
        test "labelled reference lines (--lines) on a log line plot of the TRL cLFV rates; --lines needs a line plot" {
            let dir = Path.Combine(Path.GetTempPath(), "modeldsl-lines-" + Guid.NewGuid().ToString("N"))
            Directory.CreateDirectory dir |> ignore
            try
                let db = Path.Combine(dir, "clfv.db")
                let scan = runCli [ "scan"; "models/seesaw-z3.mdl"; "--card"; "samples/trl/fig10.card"; "--grid"; "mN=100:10000:9:log"; "--out"; db ]
                Expect.equal scan.ExitCode 0 scan.Stderr
                let png = Path.Combine(dir, "clfv.png")
                let r = runCli [ "plot"; db; "--x"; "mN"; "--z"; "BR_mu_e_gamma,CR_mu_e_Au"; "--logx"; "--logy"; "--lines"; "MEG 2016=4.2e-13,SINDRUM II=7e-13"; "--out"; png ]
                Expect.equal r.ExitCode 0 r.Stderr
                let bytes = File.ReadAllBytes png
                Expect.equal bytes.[0..3] [| 0x89uy; byte 'P'; byte 'N'; byte 'G' |] "PNG signature"
                // the same plot without the lines is a different image: the lines (and their legend) are drawn
                let bare = Path.Combine(dir, "bare.png")
                Expect.equal (runCli [ "plot"; db; "--x"; "mN"; "--z"; "BR_mu_e_gamma,CR_mu_e_Au"; "--logx"; "--logy"; "--out"; bare ]).ExitCode 0 "without lines"
                Expect.notEqual (File.ReadAllBytes bare) bytes "the lines change the image"
                Expect.equal (runCli [ "plot"; db; "--x"; "mN"; "--z"; "BR_mu_e_gamma"; "--lines"; "MEG 2016"; "--out"; png ]).ExitCode 2 "a line without a value"
                Expect.equal (runCli [ "plot"; db; "--x"; "mN"; "--z"; "BR_mu_e_gamma"; "--lines"; "x=nan"; "--out"; png ]).ExitCode 2 "a line at NaN"
                Expect.equal (runCli [ "plot"; db; "--x"; "mN"; "--z"; "BR_mu_e_gamma"; "--logy"; "--lines"; "x=0"; "--out"; png ]).ExitCode 2 "a line at 0 on a log axis"
                Expect.equal (runCli [ "plot"; db; "--x"; "mN"; "--y"; "mN"; "--z"; "BR_mu_e_gamma"; "--lines"; "MEG=4.2e-13"; "--out"; png ]).ExitCode 2 "--lines on a heatmap"
            finally
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools()
                try Directory.Delete(dir, true) with _ -> ()
        }
        test "a kernel with nothing to draw (all NaN in 2D and 1D, zero everywhere on --logz): exit 4, the kernel and why, no PNG; partly NaN: drawn, points skipped counted" {
            let dir = Path.Combine(Path.GetTempPath(), "modeldsl-nan-" + Guid.NewGuid().ToString("N"))
            Directory.CreateDirectory dir |> ignore
            try
                let scan name (card: string) sets grids =
                    let db = Path.Combine(dir, name + ".db")
                    let r = runCli ([ "scan"; "models/conformal-bl.mdl"; "--card"; $"samples/conformal-bl/{card}.card"; "--out"; db ]
                                    @ (sets |> List.collect (fun s -> [ "--set"; s ])) @ (grids |> List.collect (fun g -> [ "--grid"; g ])))
                    Expect.equal r.ExitCode 0 r.Stderr
                    db
                // mnu = 0: ci_residual = 0/mnu[3] = 0/0 at every point; vphi = 0 (Scenario 2): lambda_P = 0 at every point
                let nan2d = scan "nan2d" "scenario5" [ "mnu=(0, 0, 0) eV" ] [ "re(w23)=-1:1:3"; "im(w23)=-2:0:3" ]
                let zero2d = scan "zero2d" "scenario2" [] [ "re(w23)=-1:1:3"; "im(w23)=-2:0:3" ]
                let nan1d = scan "nan1d" "scenario5" [ "mnu=(0, 0, 0) eV" ] [ "vphi=1e3:1e7:5:log" ]
                let cases =
                    [ "2D all NaN", [ nan2d; "--x"; "re(w23)"; "--y"; "im(w23)"; "--z"; "ci_residual" ], "has no finite value"
                      "2D --logz of zeros", [ zero2d; "--x"; "re(w23)"; "--y"; "im(w23)"; "--z"; "lambda_P"; "--logz" ], "no positive finite value"
                      "1D all NaN", [ nan1d; "--x"; "vphi"; "--z"; "ci_residual" ], "has no finite value"
                      "1D --logz of zeros", [ zero2d; "--x"; "re(w23)"; "--series"; "im(w23)"; "--z"; "lambda_P"; "--logz" ], "no positive finite value" ]
                for what, args, why in cases do
                    let png = Path.Combine(dir, "out.png")
                    let fresh = runCli ([ "plot" ] @ args @ [ "--out"; png ])
                    Expect.equal fresh.ExitCode 4 $"{what}: exit code; {fresh.Stderr}"
                    Expect.stringContains fresh.Stderr why $"{what}: why"
                    Expect.stringContains fresh.Stderr (List.item (List.findIndex ((=) "--z") args + 1) args |> sprintf "'%s'") $"{what}: the kernel named"
                    Expect.isFalse (fresh.Stderr.Contains "internal error") $"{what}: no internal error"
                    Expect.isFalse (File.Exists png) $"{what}: no PNG written"
                    File.WriteAllText(png, "an older plot")
                    Expect.equal (runCli ([ "plot" ] @ args @ [ "--out"; png ])).ExitCode 4 $"{what}: again over an existing file"
                    Expect.equal (File.ReadAllText png) "an older plot" $"{what}: an existing file is left as it was"
                    File.Delete png
                // an overlay whose kernel has no finite value is said, not dropped
                let overlayPng = Path.Combine(dir, "overlay.png")
                let o = runCli [ "plot"; nan2d; "--x"; "re(w23)"; "--y"; "im(w23)"; "--z"; "etaB_ratio"; "--overlay"; "ci_residual=1"; "--out"; overlayPng ]
                Expect.equal o.ExitCode 4 o.Stderr
                Expect.stringContains o.Stderr "'ci_residual' has no finite value" "the overlay's kernel named"
                Expect.isFalse (File.Exists overlayPng) "no PNG written"
                // mnu[3] = 0 at the first of three points only: ci_residual is 0/0 there and finite at the other two
                let partly = scan "partly" "scenario5" [] [ "mnu[3]=0:4.9e-11:3" ]
                let png = Path.Combine(dir, "partly.png")
                let r = runCli [ "plot"; partly; "--x"; "mnu[3]"; "--z"; "ci_residual"; "--out"; png ]
                Expect.equal r.ExitCode 0 r.Stderr
                Expect.stringContains r.Stderr "ci_residual: 1 of 3 points skipped (not finite)" "the skipped points counted"
                Expect.equal (File.ReadAllBytes png).[0..3] [| 0x89uy; byte 'P'; byte 'N'; byte 'G' |] "the finite part plotted"
                Expect.equal (runCli [ "plot"; partly; "--x"; "mnu[3]"; "--z"; "ci_residual"; "--logy"; "--contours"; "0"; "--out"; png ]).ExitCode 2 "a level at 0 on a log axis"
            finally
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools()
                try Directory.Delete(dir, true) with _ -> ()
        }
        test "scan then plot: a line plot and a heatmap with contours are PNG files; bad names are usage errors" {
            let dir = Path.Combine(Path.GetTempPath(), "modeldsl-plot-" + Guid.NewGuid().ToString("N"))
            Directory.CreateDirectory dir |> ignore
            try
                let db1 = Path.Combine(dir, "line.db")
                let db2 = Path.Combine(dir, "map.db")
                Expect.equal (runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario5.card"; "--grid"; "vphi=1e3:1e7:41:log"; "--out"; db1 ]).ExitCode 0 "1D scan"
                Expect.equal (runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; "re(w23)=-1:1:21"; "--grid"; "im(w23)=-2:0:21"; "--out"; db2 ]).ExitCode 0 "2D scan"
                let png1 = Path.Combine(dir, "line.png")
                let png2 = Path.Combine(dir, "map.png")
                let r1 = runCli [ "plot"; db1; "--x"; "vphi"; "--z"; "etaB_ratio"; "--logx"; "--contours"; "1"; "--out"; png1 ]
                Expect.equal r1.ExitCode 0 r1.Stderr
                let r2 = runCli [ "plot"; db2; "--x"; "re(w23)"; "--y"; "im(w23)"; "--z"; "etaB_ratio"; "--contours"; "1,-1"; "--overlay"; "washout_e=1"; "--out"; png2 ]
                Expect.equal r2.ExitCode 0 r2.Stderr
                for png in [ png1; png2 ] do
                    let bytes = File.ReadAllBytes png
                    Expect.isGreaterThan bytes.Length 10000 "an image, not an empty file"
                    Expect.equal bytes.[0..3] [| 0x89uy; byte 'P'; byte 'N'; byte 'G' |] "PNG signature"
                Expect.equal (runCli [ "plot"; db2; "--x"; "re(w23)"; "--y"; "im(w23)"; "--z"; "etaB"; "--out"; png2 ]).ExitCode 2 "unknown kernel"
                Expect.equal (runCli [ "plot"; db2; "--x"; "re(w23)"; "--z"; "etaB_ratio"; "--out"; png2 ]).ExitCode 2 "a 2D scan needs --y or --series"
                Expect.equal (runCli [ "plot"; db2; "--x"; "re(w23)"; "--y"; "im(w23)"; "--z"; "etaB_ratio"; "--contours"; "one"; "--out"; png2 ]).ExitCode 2 "bad contour level"
            finally
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools()
                try Directory.Delete(dir, true) with _ -> ()
        }
    

        // the PNG of the same plot is the same bytes each time, so a difference is the label's
        test "--xlabel and --ylabel replace the axis names (e.g. to give units), on a heatmap and a line plot" {
            withW23Scan "-1:1:5" "-2:0:5" <| fun _ _ png ->
                for kind, args in [ "heatmap", [ "--y"; "im(w23)"; "--contours"; "1" ]; "line", [ "--series"; "im(w23)" ] ] do
                    let plain, again = png (kind + "-plain") args, png (kind + "-again") args
                    Expect.sequenceEqual again plain $"{kind}: the same plot twice is the same image"
                    let labelled = png (kind + "-labelled") (args @ [ "--xlabel"; "Re w23 (rad)"; "--ylabel"; "Im w23 (rad)" ])
                    Expect.isFalse (labelled = plain) $"{kind}: the labels change the image"
        }
    ]

/// A value m x 10^e with |m| in [1, 10) and e in -8..8, either sign: spans the decades a symmetric log is for.
let private wideValue =
    gen {
        let! m = Gen.choose (1000, 9999)
        let! e = Gen.choose (-8, 8)
        let! negative = Gen.elements [ false; true ]
        return (if negative then -1.0 else 1.0) * float m / 1000.0 * 10.0 ** float e
    }

/// A positive symmetric-log threshold c = 10^k, k in -3..3, times 1, 2 or 5.
let private threshold = Gen.map2 (fun k (m: float) -> m * 10.0 ** float k) (Gen.choose (-3, 3)) (Gen.elements [ 1.0; 2.0; 5.0 ])

/// Polylines of 2..12 points in the unit square (the data area, in fractions).
let private polylines =
    let point = Gen.map2 (fun a b -> float a / 1000.0, float b / 1000.0) (Gen.choose (0, 1000)) (Gen.choose (0, 1000))
    Gen.listOfLength 2 (Gen.choose (2, 12) |> Gen.bind (fun n -> Gen.listOfLength n point))
    |> Gen.bind (fun two -> Gen.choose (0, 3) |> Gen.map (fun k -> List.truncate (k + 1) two))

let private line (points: (float * float) list) =
    struct (ImmutableArray.CreateRange(points |> List.map fst), ImmutableArray.CreateRange(points |> List.map snd))

[<Tests>]
let scaleTests =
    testList "Cli/Plot/Scale" [
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 500 } "symlog is odd: t(-v) = -t(v) exactly" (
            Prop.forAll (Arb.fromGen (Gen.zip wideValue threshold)) (fun (v, c) ->
                let s = ValueScale.SymLog c
                s.Map(-v) = -(s.Map v)))
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 500 } "symlog is monotone and its inverse undoes it (1e-12 relative: a log10 and a power of 10)" (
            Prop.forAll (Arb.fromGen (Gen.zip3 wideValue wideValue threshold)) (fun (a, b, c) ->
                let s = ValueScale.SymLog c
                let lo, hi = min a b, max a b
                s.Map lo <= s.Map hi
                && (lo = hi || s.Map lo < s.Map hi || abs (hi - lo) < 1e-12 * abs hi)
                && abs (s.Inverse(s.Map a) - a) <= 1e-12 * abs a))
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 500 } "symlog near 0 is v/(c ln 10) to relative |v|/c (log10(1+x) = (x - x^2/2 + ...)/ln 10); far out sign(v) log10(|v|/c) to c/(|v| ln 10)" (
            Prop.forAll (Arb.fromGen (Gen.zip wideValue threshold)) (fun (v, c) ->
                let s = ValueScale.SymLog c
                let x = abs v / c
                if x < 1e-2 then abs (s.Map v * c * log 10.0 / v - 1.0) <= x + 1e-14
                elif x > 1e2 then abs (s.Map v - float (sign v) * log10 x) <= 1.0 / (x * log 10.0) + 1e-14
                else true))
        test "symlog at the threshold and a decade beyond it: log10 2 and log10 11 (c = 1 and c = 0.5)" {
            Expect.floatClose Accuracy.veryHigh ((ValueScale.SymLog 1.0).Map 1.0) (log10 2.0) "t(c) = log10 2"
            Expect.floatClose Accuracy.veryHigh ((ValueScale.SymLog 0.5).Map(-5.0)) (-(log10 11.0)) "t(-10c) = -log10 11"
            Expect.equal ((ValueScale.SymLog 1.0).Map 0.0) 0.0 "t(0) = 0"
        }
        test "clipping: values beyond --zrange take the ends; NaN stays NaN; the colour bar's ends say <= LO and >= HI" {
            let s = ValueScale.Linear.WithRange(-5.0, 20.0)
            Expect.equal (s.Clip 700.0) 20.0 "above: the upper end"
            Expect.equal (s.Clip(-700.0)) -5.0 "below: the lower end"
            Expect.equal (s.Clip 3.5) 3.5 "inside: unchanged"
            Expect.isTrue (Double.IsNaN(s.Clip nan)) "NaN is an empty cell, not an end colour"
            let ticks = s.Ticks(-5.0, 20.0, true, true)
            Expect.equal ticks.[0] (ScaleTick(-5.0, "≤ -5", true)) "the lower end"
            Expect.equal ticks.[ticks.Length - 1] (ScaleTick(20.0, "≥ 20", true)) "the upper end"
            let sym = (ValueScale.SymLog 1.0).WithRange(-10.0, 700.0)
            Expect.floatClose Accuracy.veryHigh (sym.Clip(sym.Map 1e6)) (log10 701.0) "symlog: clipped at t(700)"
            Expect.equal (ValueScale.Linear.Ticks(0.0, 10.0) |> Seq.filter (fun t -> t.Label.StartsWith "≥") |> Seq.length) 0 "no end label without clipping"
        }
        test "ticks at real values: decades 10^k with minor ticks at 2..9 x 10^k on a log axis; 0 and +-10^k on a symlog colour bar" {
            let log = ValueScale.Log.Ticks(3.0, 7.0)
            let majors = log |> Seq.filter (fun t -> t.Major) |> Seq.map (fun t -> t.Position, t.Label) |> List.ofSeq
            Expect.equal majors [ 3.0, "10³"; 4.0, "10⁴"; 5.0, "10⁵"; 6.0, "10⁶"; 7.0, "10⁷" ] "the decades of 1e3..1e7"
            let minors = log |> Seq.filter (fun t -> not t.Major) |> Seq.map (fun t -> t.Position) |> Array.ofSeq
            Expect.equal minors.Length 32 "eight minor ticks in each of the four decades"
            Expect.floatClose Accuracy.veryHigh minors.[0] (log10 2000.0) "the first minor tick at 2e3"
            Expect.equal (ValueScale.Log.Ticks(-1.3, 0.7) |> Seq.filter (fun t -> t.Major) |> Seq.map (fun t -> t.Label) |> List.ofSeq) [ "0.1"; "1" ] "plain numbers for decades near 1"
            let s = ValueScale.SymLog 1.0
            let sym = s.Ticks(s.Map(-700.0), s.Map 700.0) |> Seq.filter (fun t -> t.Major) |> List.ofSeq
            Expect.equal (sym |> List.map (fun t -> t.Label)) [ "-100"; "-10"; "-1"; "0"; "1"; "10"; "100" ] "symlog majors over +-700"
            for t in sym do
                Expect.floatClose Accuracy.veryHigh (s.Inverse t.Position) (float t.Label) $"tick {t.Label} sits at its value"
        }
        testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 400 } "legend placement: the chosen corner's box meets no curve (each segment sampled at 400 points), and a corner is found when the curves keep to the lower half" (
            Prop.forAll (Arb.fromGen (Gen.zip3 polylines (Gen.choose (5, 45)) (Gen.choose (5, 45)))) (fun (curves, w, h) ->
                let width, height = float w / 100.0, float h / 100.0
                let corner = LegendPlacement.Choose(curves |> List.map line, 0.0, 1.0, 0.0, 1.0, width, height)
                let clear =
                    corner = LegendCorner.Outside
                    || (let struct (x0, x1, y0, y1) = LegendPlacement.Box(corner, width, height)
                        curves |> List.forall (fun pts ->
                            pts |> List.pairwise |> List.forall (fun ((ax, ay), (bx, by)) ->
                                [ 0 .. 400 ] |> List.forall (fun k ->
                                    let t = float k / 400.0
                                    let x, y = ax + t * (bx - ax), ay + t * (by - ay)
                                    not (x > x0 && x < x1 && y > y0 && y < y1)))))
                let lower = curves |> List.map (List.map (fun (x, y) -> x, 0.45 * y))
                clear && LegendPlacement.Choose(lower |> List.map line, 0.0, 1.0, 0.0, 1.0, width, height) = LegendCorner.UpperRight))
        test "legend placement: curves through every corner (both diagonals) put the legend outside; a box wider than the data area too" {
            let diagonals = [ line [ 0.0, 0.0; 1.0, 1.0 ]; line [ 0.0, 1.0; 1.0, 0.0 ] ]
            Expect.equal (LegendPlacement.Choose(diagonals, 0.0, 1.0, 0.0, 1.0, 0.1, 0.1)) LegendCorner.Outside "every corner crossed"
            // two points far apart whose straight segment crosses the upper right corner: the segment counts, not only its ends
            let across = [ line [ 0.5, 1.0; 1.0, 0.5 ] ]
            Expect.equal (LegendPlacement.Choose(across, 0.0, 1.0, 0.0, 1.0, 0.3, 0.3)) LegendCorner.UpperLeft "the segment crosses the upper right box"
            Expect.equal (LegendPlacement.Choose([ line [ 0.5, 0.5 ] ], 0.0, 1.0, 0.0, 1.0, 1.2, 0.1)) LegendCorner.Outside "too wide for the data area"
        }
        test "--zscale and --zrange: malformed values are usage errors (exit 2, the option named, no stack trace)" {
            let cases =
                [ [ "--zscale"; "cubic" ], "--zscale"
                  [ "--zscale"; "symlog:0" ], "--zscale"
                  [ "--zscale"; "symlog:-1" ], "--zscale"
                  [ "--zscale"; "symlog:x" ], "--zscale"
                  [ "--zscale"; "log:2" ], "--zscale"
                  [ "--zrange"; "5" ], "--zrange"
                  [ "--zrange"; "5:1" ], "--zrange"
                  [ "--zrange"; "1:1" ], "--zrange"
                  [ "--zrange"; "a:b" ], "--zrange"
                  [ "--zrange"; "0:nan" ], "--zrange"
                  [ "--zrange"; "1:2:3" ], "--zrange"
                  [ "--zscale"; "log"; "--zrange"; "0:5" ], "LO > 0"
                  [ "--logz"; "--zscale"; "symlog" ], "--logz" ]
            for extra, why in cases do
                // the options are read before the results file, which need not exist
                let r = runCli ([ "plot"; "samples/conformal-bl/scenario2.card"; "--x"; "a"; "--y"; "b"; "--z"; "c"; "--out"; "never.png" ] @ extra)
                Expect.equal r.ExitCode 2 $"{extra}: exit code; {r.Stderr}"
                Expect.stringContains r.Stderr why $"{extra}: the option named"
                Expect.isFalse (r.Stderr.Contains "   at ") $"{extra}: no stack trace"
                Expect.isFalse (File.Exists(Path.Combine(repoRoot, "never.png"))) "no PNG"
        }
        test "--zscale symlog[:C] and --zrange draw a heatmap (PNG, not empty, not the linear image); symlog on a line plot's axis; --logy with --zscale symlog is a usage error" {
            withW23Scan "-3.1416:3.1416:21" "-3:3:21" <| fun dir db png0 ->
                let png name (args: string list) =
                    let bytes = png0 name args
                    Expect.isGreaterThan bytes.Length 10000 $"{name}: an image, not an empty file"
                    bytes
                let map = [ "--y"; "im(w23)"; "--contours"; "1,-1" ]
                let linear = png "linear" map
                for name, extra in [ "symlog", [ "--zscale"; "symlog" ]; "symlog-c", [ "--zscale"; "symlog:0.5" ]
                                     "zrange", [ "--zrange"; "-10:10" ]; "symlog-zrange", [ "--zscale"; "symlog"; "--zrange"; "-100:100" ] ] do
                    Expect.isFalse (png name (map @ extra) = linear) $"{name}: a different image from the linear scale"
                png "line-symlog" [ "--series"; "im(w23)"; "--zscale"; "symlog"; "--zrange"; "-50:50" ] |> ignore
                let both = runCli [ "plot"; db; "--x"; "re(w23)"; "--series"; "im(w23)"; "--z"; "etaB_ratio"; "--logy"; "--zscale"; "symlog"; "--out"; Path.Combine(dir, "x.png") ]
                Expect.equal both.ExitCode 2 both.Stderr
                Expect.stringContains both.Stderr "give one" "the conflict said"
        }
    ]
