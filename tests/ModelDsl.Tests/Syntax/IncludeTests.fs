/// `include "path"`: a definitions file's defines expanded in the including spec's scope, and every mistake located in the
/// file that holds it (models/README.md, "Shared defines (`include`)").
module ModelDsl.Tests.Syntax.IncludeTests

open System
open System.IO
open Expecto
open ModelDsl
open ModelDsl.Diagnostics

/// A folder with the given files (name, text), deleted after use; specs in it include each other by relative path.
type private Folder(files: (string * string) list) =
    let dir = Path.Combine(Path.GetTempPath(), "modeldsl-include-" + Guid.NewGuid().ToString("N"))
    do
        Directory.CreateDirectory dir |> ignore
        for name, text in files do File.WriteAllText(Path.Combine(dir, name), text)
    member _.File name = Path.Combine(dir, name)
    interface IDisposable with
        member _.Dispose() = Directory.Delete(dir, true)

/// The including spec: a model with a complex 3x3 matrix Y and a real y.
let private model = "model m\nparam y : real\nparam Y[3,3] : complex\n"

/// A definitions file with these defines.
let private defs (body: string) = "definitions shared \"shared formulas\"\n" + body

/// Compiles `text` as main.mdl next to the files; the errors, printed.
let private compileIn (folder: Folder) (text: string) =
    let c = ModelCompilation.Create(text, folder.File "main.mdl")
    let errors = c.Diagnostics |> Seq.filter (fun d -> d.IsError) |> List.ofSeq
    c, errors, DiagnosticPrinter.FormatAll c.Diagnostics

/// Exactly one error: its ID, file name, line and column.
let private expectOne (errors: Diagnostic list) shown (id: string) (file: string) (line: int) (column: int) =
    Expect.equal (errors |> List.map (fun d -> d.Id, Path.GetFileName d.Source.Path, d.Line, d.Column)) [ id, file, line, column ] shown

/// One error from `main` (model + text) with `defs.mdl` holding `included`.
let private oneError (included: string) (main: string) id file line column =
    use f = new Folder([ "defs.mdl", included ])
    let _, errors, shown = compileIn f (model + main)
    expectOne errors shown id file line column
    errors.Head

/// A test case: one error from `main` with `defs.mdl` holding `included`, with its ID and location.
let private located name included main id file line column = test name { oneError included main id file line column |> ignore }

[<Tests>]
let tests =
    testList "Syntax/Include" [
        test "an included define expands in the including spec's scope, as if written at the include" {
            let define = "define twice(i) = 2*re(Y[i,i]) + y\n"
            use f = new Folder([ "defs.mdl", defs define ])
            let c, _, shown = compileIn f (model + "include \"defs.mdl\"\nkernel k = twice(2)\n")
            Expect.isEmpty c.Diagnostics shown
            let inline' = ModelCompilation.Create(model + define + "kernel k = twice(2)\n", "inline.mdl")
            Expect.isEmpty inline'.Diagnostics "the same define written in the spec"
            Expect.equal (string c.Spec.Kernels.[0].Expression) (string inline'.Spec.Kernels.[0].Expression) "the same kernel"
        }
        test "an included define may use a define of the including spec (bodies resolve there)" {
            use f = new Folder([ "defs.mdl", defs "define g(i) = local(i)^2\n" ])
            let c, _, shown = compileIn f (model + "define local(i) = re(Y[i,1])\ninclude \"defs.mdl\"\nkernel k = g(3)\n")
            Expect.isEmpty c.Diagnostics shown
        }
        located "MDL0347: the same file included twice, at the second include's path" (defs "define g(i) = y\n") "include \"defs.mdl\"\ninclude \"defs.mdl\"\n" "MDL0347" "main.mdl" 5 9
        test "MDL0347: a file that includes itself" {
            use f = new Folder([])
            let _, errors, shown = compileIn f (model + "include \"main.mdl\"\n")
            expectOne errors shown "MDL0347" "main.mdl" 4 9
        }
        located "a parse error in the included file is reported there, once (its uses say nothing more)" (defs "define g(i) = y + * 2\n") "include \"defs.mdl\"\nkernel k = g(1)\n" "MDL0012" "defs.mdl" 2 19
        located "MDL0348: a declaration other than define in the included file, at it" (defs "define g(i) = y\nkernel k2 = 1\n") "include \"defs.mdl\"\nkernel k = g(1)\n" "MDL0348" "defs.mdl" 3 1
        located "MDL0348: an included file without its definitions header" "define g(i) = y\n" "include \"defs.mdl\"\nkernel k = g(1)\n" "MDL0348" "defs.mdl" 1 1
        test "MDL0348: an include inside an included file (nesting is not supported)" {
            let d = oneError (defs "include \"other.mdl\"\ndefine g(i) = y\n") "include \"defs.mdl\"\n" "MDL0348" "defs.mdl" 2 1
            Expect.stringContains d.Message "includes nothing" "why"
        }
        test "MDL0348: a definitions file checked on its own holds only defines" {
            let c = ModelCompilation.Create(defs "define g(i) = y\nparam p : real\n", "defs.mdl")
            let errors = c.Diagnostics |> Seq.filter (fun d -> d.IsError) |> List.ofSeq
            expectOne errors (DiagnosticPrinter.FormatAll errors) "MDL0348" "defs.mdl" 3 1
        }
        test "a definitions file checked on its own compiles (its defines are checked where they are expanded)" {
            let c = ModelCompilation.Create(defs "define g(i) = unknown_here(i)\n", "defs.mdl")
            Expect.isEmpty c.Diagnostics (DiagnosticPrinter.FormatAll c.Diagnostics)
            Expect.isNotNull c.Spec "a spec"
        }
        test "MDL0349: two included files defining one name, at the second include, naming the first's file(line,col)" {
            use f = new Folder([ "defs.mdl", defs "define g(i) = y\n"; "more.mdl", defs "define g(i) = 2*y\n" ])
            let _, errors, shown = compileIn f (model + "include \"defs.mdl\"\ninclude \"more.mdl\"\nkernel k = g(1)\n")
            Expect.equal (errors |> List.map (fun d -> d.Id, d.Line, d.Column)) [ "MDL0349", 5, 9 ] shown
            Expect.stringContains errors.Head.Message "defs.mdl(2,8), included here too" "the first define's place"
        }
        test "MDL0349: an included define with a name of the including spec, at the include, naming both" {
            let d = oneError (defs "define y = 2\n") "include \"defs.mdl\"\nkernel k = y\n" "MDL0349" "main.mdl" 4 9
            Expect.stringContains d.Message "'y'" "the name"
            Expect.stringContains d.Message "defs.mdl(2,8)" "where the included define is"
            Expect.stringContains d.Message "this file" "and the including spec's"
        }
        test "an unknown name in an included define's body points into the included file" {
            let d = oneError (defs "define g(i) = y*zz\n") "include \"defs.mdl\"\nkernel k = g(1)\n" "MDL0201" "defs.mdl" 2 17
            Expect.stringContains d.Message "zz" "the name"
        }
        located "a wrong index in an included define's body points into the included file" (defs "\ndefine g(i) = re(Y[i])\n") "include \"defs.mdl\"\nkernel k = g(1)\n" "MDL0214" "defs.mdl" 3 18
        located "an include without its keyword that names a file: one error, and the file's defines stand in" (defs "define g(i) = y\n") "\"defs.mdl\"\nkernel k = g(1)\n" "MDL0011" "main.mdl" 4 1
        // a stray string that names no file is no include: it silences nothing (an unknown name is still reported)
        test "a stray string where a declaration starts, naming no file: MDL0011, and an unknown name below is still reported" {
            use f = new Folder([ "defs.mdl", defs "define g(i) = y\n" ])
            let _, errors, shown = compileIn f (model + "\"a stray title\"\nkernel k = pp + 1\n")
            Expect.equal (errors |> List.map (fun d -> d.Id, d.Line, d.Column)) [ "MDL0011", 4, 1; "MDL0201", 5, 12 ] shown
        }
        located "an unreadable include: one error, and the uses of the defines it would bring say nothing" (defs "") "include \"nope.mdl\"\nkernel k = g(1) + gg + G[1]\n" "MDL0347" "main.mdl" 4 9
        located "a wrong argument count at the call stays in the including spec" (defs "define g(i) = y\n") "include \"defs.mdl\"\nkernel k = g(1, 2)\n" "MDL0223" "main.mdl" 5 12
        test "format keeps the include, and parse(format(spec)) is the same spec" {
            use f = new Folder([ "defs.mdl", defs "define g(i) = re(Y[i,i])\n" ])
            let c, _, shown = compileIn f (model + "include   \"defs.mdl\"\nkernel k = g(1)\n")
            Expect.isEmpty c.Diagnostics shown
            let formatted = c.Format()
            Expect.stringContains formatted "include \"defs.mdl\"\n" "the include line"
            let again, _, shown2 = compileIn f formatted
            Expect.isEmpty again.Diagnostics shown2
            Expect.equal (again.Spec.Describe()) (c.Spec.Describe()) "same model"
            Expect.equal (again.Format()) formatted "formatting is idempotent"
        }
    ]
