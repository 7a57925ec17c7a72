module ModelDsl.Tests.FSharpLayerTests

open System
open System.Collections.Immutable
open System.Numerics
open System.Reflection
open Expecto
open ModelDsl
open ModelDsl.Checks
open ModelDsl.FSharp
open ModelDsl.Model
open ModelDsl.Tests.TestSupport
open ModelDsl.Tests.Physics.ArsLeptogenesisTests
open ModelDsl.Tests.Kernels.ConformalKernelTests

let private conformal = modelPath "conformal-bl.mdl"

/// The seven quantities of a reference-table column (ArsLeptogenesisTests.reference) from kernel values by name.
let private tableColumn (value: string -> float) =
    [| value "nLe" / 2.5e-10; value "nLmu" / 2.5e-10; value "nLtau" / 2.5e-10
       value "washout_e"; value "washout_mu"; value "washout_tau"; value "T_osc" |]

let private expectTable (name: string) (got: float[]) =
    let want = reference.[name]
    for q in 0 .. want.Length - 1 do
        Expect.floatClose (toleranceOf q) got.[q] want.[q] $"Scenario {name}, {quantityNames.[q]}"

/// True when a type cannot be changed through its public surface: strings, numbers, immutable collections, and the
/// records checked here (KernelValue) or elsewhere (Diagnostic, a record of strings and spans).
let rec private immutableType (t: Type) =
    t = typeof<string> || t.IsPrimitive || t = typeof<Complex> || t = typeof<KernelValue> || t = typeof<Diagnostics.Diagnostic>
    // a let's failure (its spec, reason, and copies-only rejected record and arguments) and the point (checked below)
    || t = typeof<Kernels.LetFailure> || t = typeof<ParameterPoint>
    // a card's scan range: init-only strings, numbers, and the source text and span (as a Diagnostic holds them)
    || t = typeof<CardRange>
    // an exact rational (a kernel's energy dimension): a private constructor, no setters
    || t = typeof<ModelDsl.Symbolics.Numbers.Rational>
    || (t.Namespace = "System.Collections.Immutable" && t.GetGenericArguments() |> Array.forall immutableType)

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
        for s in scenarios do
            test $"Model.eval at Scenario {s.Name}: the reference table of seed 000 (1e-3; T_osc 5e-3)" {
                match Model.eval conformal (cardPath s.Name) [] with
                | Ok values ->
                    let byName = Map.ofList values
                    tableColumn (fun k -> byName.[k].Real) |> expectTable s.Name
                | Error e -> failtest e
            }
        test "Model.scan over vphi from Scenario 2's card: vphi = 0 is Scenario 2, vphi = 1e5 GeV is Scenario 5" {
            // scenario5.card is scenario2.card plus vphi = 1e5 GeV (samples/conformal-bl)
            match Model.scan conformal (cardPath "2") [] [ "vphi=0:1e5:2" ] with
            | Ok rows ->
                Expect.equal rows.Length 2 "two points"
                for (row, status), name in List.zip rows [ "2"; "5" ] do
                    Expect.equal status "ok" "status"
                    tableColumn (fun k -> row.[k]) |> expectTable name
            | Error e -> failtest e
        }
        test "Model.solve: seed 001's eta_B at the strong-washout card, the same number as NumericModel.Solve; errors as Errors" {
            let spec = modelPath "seesaw-z3.mdl"
            let card = IO.Path.Combine(repoRoot, "samples", "trl", "strong-washout.card")
            match Model.solve spec card [] "trl" with
            | Ok outputs ->
                let direct = ModelCompilation.FromFile(spec).CreateNumericOrThrow(card).Solve("trl").Solution.Output "eta_B"
                Expect.equal (outputs |> List.find (fun (n, _) -> n = "eta_B") |> snd) direct "eta_B"
            | Error e -> failtest e
            Expect.isError (Model.solve spec card [] "no_such_system") "an unknown system"
        }
        test "Model.scan and Model.eval report a bad axis, a bad card and a failed fit as Errors" {
            Expect.isError (Model.scan conformal (cardPath "2") [] [ "vphi=1:2" ]) "malformed axis"
            Expect.isError (Model.scan conformal (cardPath "2") [] [ "w23=0:1:2" ]) "complex axis without re()/im()"
            Expect.isError (Model.eval conformal (cardPath "2") [ "M=(3.6, 4.0, 4.4)" ]) "a mass without its unit"
            // a unit slip: m_N1 = 1000 eV instead of GeV; the fitted texture cannot reproduce the data (modeldsl fit rejects it too)
            match Model.eval (modelPath "seesaw-z3.mdl") (IO.Path.Combine(repoRoot, "samples", "trl", "benchmark-C.card")) [ "mN = 1000 eV" ] with
            | Ok _ -> failtest "the failed fit must be reported"
            | Error e ->
                Expect.stringContains e "MDL0315" "the let that failed"
                Expect.stringContains e "does not reproduce the data" "why"
        }
        test "Model.eval: a kernel that is not finite is an Error naming the kernel (MDL0317)" {
            // mnu = 0: the Casas-Ibarra Yukawas vanish and ci_residual = 0/mnu[3] = 0/0, from finite inputs
            match Model.eval conformal (cardPath "5") [ "mnu=(0, 0, 0) eV" ] with
            | Ok _ -> failtest "NaN must not be a result"
            | Error e ->
                Expect.stringContains e "MDL0317" "id"
                Expect.stringContains e "'ci_residual'" "the kernel"
                Expect.stringContains e "the formula itself overflows or divides by zero" "every input is finite"
        }
        test "numeric model, three doors: CreateNumeric with diagnostics, TryCreateNumeric, CreateNumericOrThrow" {
            let c = ModelCompilation.FromFile conformal
            let bad = Text.SourceText.From("card \"x\" for conformal_bl\nM = (3.6, 4.0, 4.4)\n", "bad.card")
            let r = c.CreateNumeric(bad)
            Expect.isNull r.Model "no model"
            Expect.contains [ for d in r.Diagnostics -> d.Id ] "MDL0302" "a mass without its unit, as a diagnostic"
            Expect.isTrue (r.Diagnostics |> Seq.forall (fun d -> d.Source.Path = "bad.card")) "located in the card"
            let mutable model = Unchecked.defaultof<NumericModel>
            Expect.isFalse (c.TryCreateNumeric(bad, null, &model)) "Try: false"
            Expect.isTrue (c.TryCreateNumeric(cardPath "5", null, &model)) "Try: true"
            Expect.isNotNull model "and the model"
            Expect.throwsT<ModelCompilationException> (fun () -> c.CreateNumericOrThrow(bad) |> ignore) "OrThrow: throws"
            Expect.isNotNull (c.CreateNumericOrThrow(cardPath "5")) "OrThrow: the model"
            let failed = ModelCompilation.FromFile(modelPath "seesaw-z3.mdl").CreateNumeric(IO.Path.Combine(repoRoot, "samples", "trl", "benchmark-C.card"), [| "a=0 b=0 c=0" |])
            Expect.equal [ for d in failed.Diagnostics -> d.Id ] [ "MDL0315" ] "a library failure at the point is a diagnostic of the numeric model"
        }
        test "NumericModel.WithPoint shares the compiled kernels and equals a model made at that point" {
            let c = ModelCompilation.FromFile conformal
            let two = c.CreateNumericOrThrow(cardPath "2")
            let five = c.CreateNumericOrThrow(cardPath "5")
            let moved = two.WithPoint(five.Point).Model
            Expect.isTrue (obj.ReferenceEquals(moved.Kernels, two.Kernels)) "the same KernelSet"
            Expect.isTrue (obj.ReferenceEquals(five.Kernels, two.Kernels)) "compiled once per compilation"
            let a = moved.Evaluate().Values
            let b = five.Evaluate().Values
            Expect.sequenceEqual a b "same values at the same point"
            Expect.equal two.Point.Values.["vphi"].[0] Complex.Zero "the original model keeps its point (Scenario 2: no vphi)"
        }
        test "ParameterPoint and the numeric products expose nothing mutable" {
            for t in [ typeof<ParameterPoint>; typeof<NumericEvaluation>; typeof<KernelValue>; typeof<NumericModelResult> ] do
                for p in t.GetProperties(BindingFlags.Public ||| BindingFlags.Instance) do
                    let setter = p.SetMethod
                    if not (isNull setter) && setter.IsPublic then
                        // only init-only setters (the record's `with`), which cannot change an existing object
                        let initOnly = setter.ReturnParameter.GetRequiredCustomModifiers() |> Array.exists (fun m -> m.Name = "IsExternalInit")
                        Expect.isTrue initOnly $"{t.Name}.{p.Name} has a public setter"
                    // NumericModel: a class without setters whose let values are private
                    Expect.isTrue (p.PropertyType = typeof<NumericModel> || immutableType p.PropertyType) $"{t.Name}.{p.Name} : {p.PropertyType}"
            Expect.equal (typeof<ParameterPoint>.GetProperty("Values").PropertyType) typeof<ImmutableDictionary<string, ImmutableArray<Complex>>> "point values"
        }
        test "a bound model's lists are immutable in fact (not a List behind IReadOnlyList)" {
            let spec = ModelCompilation.FromFile(modelPath "seesaw-z3.mdl").Spec
            let lists (o: obj) =
                o.GetType().GetProperties(BindingFlags.Public ||| BindingFlags.Instance)
                |> Array.filter (fun p -> p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() = typedefof<Collections.Generic.IReadOnlyList<_>>)
                |> Array.map (fun p -> p.Name, p.GetValue o)
            let modelLists = lists spec
            Expect.isGreaterThanOrEqual modelLists.Length 10 "every list of ModelSpec is looked at"
            for name, value in Array.append modelLists (lists spec.Lets.[0]) do
                Expect.isTrue (value.GetType().Namespace = "System.Collections.Immutable") $"{name} is {value.GetType().Name}"
            let made = ModelSpec("m", null, spec.Source, Collections.Generic.List(spec.Groups), spec.Fields, spec.Parameters, spec.Terms, spec.Vevs, spec.Checks)
            Expect.isTrue (made.Groups.GetType().Namespace = "System.Collections.Immutable") "a List given to the constructor is copied"
        }
    ]
