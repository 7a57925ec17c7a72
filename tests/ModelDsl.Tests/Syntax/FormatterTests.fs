module ModelDsl.Tests.Syntax.FormatterTests

open System.IO
open Expecto
open ModelDsl
open ModelDsl.Tests.TestSupport

let private compile path (text: string) =
    let c = ModelCompilation.Create(text, path)
    match c.Spec with
    | null -> failtestf "did not compile:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
    | spec -> c, spec

[<Tests>]
let tests =
    testList "Syntax/Formatter" [
        for path in shippedModels do
            test $"parse(format(spec)) == spec for {Path.GetFileName path}" {
                let c, spec = compile path (File.ReadAllText path)
                let formatted = c.Format()
                let _, again = compile path formatted
                Expect.equal (again.Describe()) (spec.Describe()) "same model"
                let c2, _ = compile path formatted
                Expect.equal (c2.Format()) formatted "formatting is idempotent"
                let comments (t: string) = t.Split('\n') |> Array.filter (fun l -> l.Contains "#") |> Array.map (fun l -> l.Substring(l.IndexOf '#').TrimEnd())
                Expect.equal (comments formatted) (comments (File.ReadAllText path)) "every comment is kept, in order"
            }
        test "named arguments and record fields: parsed, in canonical layout, and 1.5 stays a number" {
            let text = "model m\nparam M[3] : real mass positive\nlet LF = clfv_loop_functions(mass:M,M_W : 80.4)\nkernel k = LF.G_gamma[1]*1.5 + LF.F_Z [2]+LF.G_Z[3]\n"
            let c, spec = compile "x.mdl" text
            Expect.equal (c.Format()) "model m\n\nparam M[3] : real mass positive\n\nlet LF = clfv_loop_functions(mass: M, M_W: 80.4)\n\nkernel k = LF.G_gamma[1]*1.5 + LF.F_Z[2] + LF.G_Z[3]\n" "layout"
            Expect.stringContains (spec.Kernels.[0].Expression.ToString()) "LF.G_gamma[1]" "a record field is a symbol of the kernel"
        }
        test "canonical layout" {
            let c, _ = compile "x.mdl" "model   m\n# groups\ngroup U1:U(1)  # hypercharge\nfermion E{chirality:right,U1:-1}\nscalar S { complex , U1 : 1 }\nparam y:real\nyukawa -y * bar(E)*S* E+h.c.\n"
            Expect.equal (c.Format()) "model m\n\n# groups\ngroup U1 : U(1)  # hypercharge\n\nfermion E { chirality: right, U1: -1 }\nscalar S { complex, U1: 1 }\n\nparam y : real\n\nyukawa -y*bar(E)*S*E + h.c.\n" "layout"
        }
    ]
