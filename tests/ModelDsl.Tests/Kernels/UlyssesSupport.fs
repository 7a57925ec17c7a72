/// Helpers of the ULYSSES library-spec tests (UlyssesFlavouredTests, UlyssesResonantTests): a model that binds library
/// sets to a Yukawa matrix given directly, the shipped model on a shipped card, one checked solve, and eta_B from the CLI.
module ModelDsl.Tests.Kernels.UlyssesSupport

open System
open System.Globalization
open System.IO
open System.Numerics
open Expecto
open ModelDsl
open ModelDsl.Kernels.Systems
open ModelDsl.Tests.TestSupport

/// A model named <c>name</c> with the params `h[3,3]` (complex, h[a,i]) and `M[3]` (GeV) and then <c>body</c> (more params
/// and the uses); it sits (virtually) in models/, so its `use` paths are those of models/ulysses-typei.mdl.
let directModel name (body: string) =
    let text = $"model {name} \"ULYSSES's sets on a Yukawa matrix given directly\"\nparam h[3,3] : complex\nparam M[3] : real mass positive\n" + body
    let c = ModelCompilation.Create(text, Path.Combine(repoRoot, "models", $"{name}.mdl"))
    if c.HasErrors then failtestf "the direct model does not bind:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
    c

let private num (x: float) = x.ToString("R", CultureInfo.InvariantCulture)

/// The direct model at h (3x3, h[a,i]) and M (GeV) (its params `h` and `M`), with --set overrides.
let directPoint (model: ModelCompilation) name (h: Complex[,]) (masses: float[]) (sets: string list) =
    let entry (z: Complex) =
        let sign = if z.Imaginary >= 0.0 then "+" else ""
        $"{num z.Real}{sign}{num z.Imaginary}i"
    let hText = String.Join(", ", [ for a in 0 .. 2 do for i in 0 .. 2 -> entry h.[a, i] ])
    let card = $"card \"c\" for {name}\nh = ({hText})\nM = ({num masses.[0]}, {num masses.[1]}, {num masses.[2]}) GeV\n"
    let r = model.CreateNumeric(Text.SourceText.From(card, "direct.card"), List.toArray sets)
    match r.Model with
    | null -> failtestf "evaluation failed:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | m -> m

/// One solve, checked to succeed: the outputs by name.
let solve (m: NumericModel) system rtol =
    let r = m.Solve(system, SystemSolveOptions(RelativeTolerance = rtol))
    match r.Solution with
    | null -> failtestf "%s does not compile:\n%s" system (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | s ->
        Expect.isTrue s.Succeeded $"{system}: {s.Message}"
        s

/// A shipped card of models/ulysses-typei.mdl.
let shipped card =
    let r = ModelCompilation.FromFile(modelPath "ulysses-typei.mdl").CreateNumeric(Path.Combine(repoRoot, "samples", "ulysses", card), [||])
    match r.Model with
    | null -> failtestf "evaluation failed:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | m -> m

/// `modeldsl solve models/ulysses-typei.mdl --card samples/ulysses/CARD --system SYSTEM` exits 0 and prints a finite,
/// non-zero eta_B.
let cliSolvesCard card system =
    let r = runCli [ "solve"; "models/ulysses-typei.mdl"; "--card"; $"samples/ulysses/{card}"; "--system"; system ]
    Expect.equal r.ExitCode 0 r.Stderr
    let line = r.Stdout.Split('\n') |> Array.find (fun l -> l.TrimStart().StartsWith "eta_B ")
    let eta = Double.Parse(line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).[1], CultureInfo.InvariantCulture)
    Expect.isTrue (Double.IsFinite eta && eta <> 0.0) $"eta_B = {eta}"
