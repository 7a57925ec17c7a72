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
    ]
