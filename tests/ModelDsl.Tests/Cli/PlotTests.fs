module ModelDsl.Tests.Cli.PlotTests

open System
open System.IO
open Expecto
open ModelDsl.Plotting
open ModelDsl.Tests.TestSupport

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
            let dir = Path.Combine(Path.GetTempPath(), "modeldsl-plot-" + Guid.NewGuid().ToString("N"))
            Directory.CreateDirectory dir |> ignore
            try
                let db = Path.Combine(dir, "map.db")
                Expect.equal (runCli [ "scan"; "models/conformal-bl.mdl"; "--card"; "samples/conformal-bl/scenario2.card"; "--grid"; "re(w23)=-1:1:5"; "--grid"; "im(w23)=-2:0:5"; "--out"; db ]).ExitCode 0 "2D scan"
                let png name (extra: string list) =
                    let path = Path.Combine(dir, name + ".png")
                    let r = runCli ([ "plot"; db; "--x"; "re(w23)"; "--z"; "etaB_ratio"; "--out"; path ] @ extra)
                    Expect.equal r.ExitCode 0 r.Stderr
                    File.ReadAllBytes path
                for kind, args in [ "heatmap", [ "--y"; "im(w23)"; "--contours"; "1" ]; "line", [ "--series"; "im(w23)" ] ] do
                    let plain, again = png (kind + "-plain") args, png (kind + "-again") args
                    Expect.sequenceEqual again plain $"{kind}: the same plot twice is the same image"
                    let labelled = png (kind + "-labelled") (args @ [ "--xlabel"; "Re w23 (rad)"; "--ylabel"; "Im w23 (rad)" ])
                    Expect.isFalse (labelled = plain) $"{kind}: the labels change the image"
            finally
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools()
                try Directory.Delete(dir, true) with _ -> ()
        }
    ]
