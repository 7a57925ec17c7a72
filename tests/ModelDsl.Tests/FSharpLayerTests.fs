module ModelDsl.Tests.FSharpLayerTests

open Expecto
open ModelDsl.Checks
open ModelDsl.FSharp
open ModelDsl.Tests.TestSupport

[<Tests>]
let tests =
    testList "FSharp layer" [
        test "Model.checkFile returns the report as a Result" {
            match Model.checkFile (modelPath "conformal-bl.mdl") with
            | Ok report -> Expect.equal report.Overall (Holds.Instance :> Verdict) "holds"
            | Error ds -> failtestf "%s" (Model.formatDiagnostics ds)
        }
        test "Model.compile returns every diagnostic as an Error" {
            match Model.compile "bad.mdl" "model m\nparam a : rael\ncheck anomaly\n" with
            | Ok _ -> failtest "must not compile"
            | Error ds -> Expect.equal (ds |> List.map (fun d -> d.Id)) [ "MDL0212"; "MDL0218" ] "ids"
        }
        test "Model.checkMain is the CLI's entry point from F#" {
            Expect.equal (Model.checkMain false (modelPath "sm.mdl")) 0 "exit code 0"
        }
    ]
