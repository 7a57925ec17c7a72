using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text;
using ModelDsl.Checks;
using ModelDsl.Diagnostics;
using ModelDsl.Formatting;
using ModelDsl.Kernels;
using ModelDsl.Kernels.Builtins;
using ModelDsl.Model;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl;

/// <summary>
/// The one entry to the pipeline (as minsk's <c>Compilation</c>): text → <see cref="SyntaxTree"/>
/// → <see cref="ModelSpec"/> → <see cref="CheckReport"/>, and with a card → <see cref="NumericModel"/>.
/// Every stage's product and the diagnostics of all stages are kept. Three doors for each fallible
/// stage: <see cref="Create(SourceText)"/> (result plus diagnostics), <see cref="TryCompile"/>,
/// <see cref="CompileOrThrow"/>; <see cref="CreateNumeric(SourceText, IReadOnlyList{string}?)"/>,
/// <see cref="TryCreateNumeric(SourceText, IReadOnlyList{string}?, out NumericModel?)"/>,
/// <see cref="CreateNumericOrThrow(SourceText, IReadOnlyList{string}?)"/>.
/// </summary>
public sealed class ModelCompilation
{
    private readonly Lazy<(KernelSet? Set, IReadOnlyList<Symbolics.Compilation.CompileError> Errors)> _kernels;

    private ModelCompilation(SyntaxTree tree, BindResult bound)
    {
        SyntaxTree = tree;
        Bound = bound;
        // compiled once per compilation, shared by every numeric model made from it
        _kernels = new(() => bound.Spec is { } spec ? KernelSet.Compile(spec) : (null, []));
    }

    /// <summary>The parsed text.</summary>
    public SyntaxTree SyntaxTree { get; }

    /// <summary>The binder's result.</summary>
    public BindResult Bound { get; }

    /// <summary>The model, or null when there are errors.</summary>
    public ModelSpec? Spec => Bound.Spec;

    /// <summary>Every diagnostic (syntax and binding), in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Bound.Diagnostics.OrderBy(d => d.Span.Start).ToArray();

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Spec is null;

    /// <summary>Parses and binds spec text; never throws.</summary>
    public static ModelCompilation Create(SourceText text)
    {
        var tree = SyntaxTree.Parse(text);
        return new ModelCompilation(tree, Binder.Bind(tree, StandardBuiltins.Catalogue));
    }

    /// <summary>Parses and binds spec text; <paramref name="path"/> is shown in diagnostics.</summary>
    public static ModelCompilation Create(string text, string path = "<text>") => Create(SourceText.From(text, path));

    /// <summary>
    /// Reads a spec file (invalid UTF-8 bytes become U+FFFD and are reported where they stand)
    /// and compiles it. File-system errors are returned as MDL0000 diagnostics, not thrown.
    /// </summary>
    public static ModelCompilation FromFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var source = SourceText.From("", path);
            var diagnostic = new Diagnostic("MDL0000", DiagnosticSeverity.Error, $"Cannot read the file: {e.Message}", source, new TextSpan(0, 0));
            var tree = SyntaxTree.Parse(source);
            return new ModelCompilation(tree, new BindResult(null, [diagnostic]));
        }
        return Create(SourceText.From(text, path));
    }

    /// <summary>The model or false.</summary>
    public static bool TryCompile(string text, out ModelSpec? spec)
    {
        spec = Create(text).Spec;
        return spec is not null;
    }

    /// <summary>The model, or a <see cref="ModelCompilationException"/> carrying the formatted diagnostics.</summary>
    public static ModelSpec CompileOrThrow(string text, string path = "<text>")
    {
        var c = Create(text, path);
        return c.Spec ?? throw new ModelCompilationException(c.Diagnostics);
    }

    /// <summary>
    /// Runs the checks the spec asks for (all known checks when it asks for none).
    /// Throws <see cref="InvalidOperationException"/> when the spec has errors.
    /// </summary>
    public CheckReport RunChecks()
    {
        var spec = Spec ?? throw new InvalidOperationException("The spec has errors; see Diagnostics.");
        var requests = spec.Checks.Count == 0
            ? [new CheckRequest(AnomalyCheck.Name, [], default), new CheckRequest(InvarianceCheck.Name, [], default)]
            : spec.Checks.DistinctBy(c => (c.Name, string.Join(",", c.Arguments))).ToList();
        var outcomes = new List<CheckOutcome>();
        foreach (var request in requests)
            outcomes.AddRange(request.Name switch
            {
                AnomalyCheck.Name => AnomalyCheck.Run(spec),
                InvarianceCheck.Name => InvarianceCheck.Run(spec),
                ColemanWeinberg.Name => [ColemanWeinberg.Check(spec, request)],
                SeesawZeroMass.Name => [SeesawZeroMass.Check(spec, request)],
                TextureAllowed.Name => [TextureAllowed.Check(spec, request)],
                _ => throw new InvalidOperationException("Unknown check " + request.Name),
            });
        return new CheckReport(outcomes);
    }

    /// <summary>
    /// The numeric model of the spec at a card (a file; read errors are MDL0000) with <c>--set</c> overrides
    /// (<c>NAME=VALUE</c> texts): the card is bound, the kernels compiled (once per compilation) and the lets
    /// computed at the point. The card is a ModelDsl card or a ULYSSES parameter file (<see cref="CardFormat"/> decides).
    /// Diagnostics of every stage come back; the model is null when any is an error. Never throws.
    /// </summary>
    public NumericModelResult CreateNumeric(string cardPath, IReadOnlyList<string>? sets = null) => CreateNumeric(cardPath, sets, scan: false);

    /// <summary>
    /// As <see cref="CreateNumeric(string, IReadOnlyList{string}?)"/> for a scan: the scan ranges the card declares (a ULYSSES
    /// file's <c>key low high</c> lines, read as uls-scan reads them) come back as <see cref="NumericModelResult.CardRanges"/>,
    /// the model at their low ends, instead of being MDL0329.
    /// </summary>
    public NumericModelResult CreateNumericForScan(string cardPath, IReadOnlyList<string>? sets = null) => CreateNumeric(cardPath, sets, scan: true);

    /// <summary>The numeric model at a card given as text; see <see cref="CreateNumeric(string, IReadOnlyList{string}?)"/>.</summary>
    public NumericModelResult CreateNumeric(SourceText card, IReadOnlyList<string>? sets = null) => CreateNumeric(card, sets, scan: false);

    /// <summary>
    /// MDL0000 at the card when it is not a file that exists (missing, or a folder); null otherwise. The CLI checks it before
    /// a command runs (a usage error, exit 2); <see cref="CreateNumeric(string, IReadOnlyList{string}?)"/> reports it too.
    /// </summary>
    public static Diagnostic? MissingCard(string cardPath) =>
        File.Exists(cardPath) ? null
        : CannotRead(cardPath, Directory.Exists(cardPath) ? "it is a folder, not a file." : "there is no such file.");

    private NumericModelResult CreateNumeric(string cardPath, IReadOnlyList<string>? sets, bool scan)
    {
        if (MissingCard(cardPath) is { } missing) return new NumericModelResult(null, [missing]);
        string text;
        try
        {
            text = File.ReadAllText(cardPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new NumericModelResult(null, [CannotRead(cardPath, e.Message)]);
        }
        return CreateNumeric(SourceText.From(text, cardPath), sets, scan);
    }

    private static Diagnostic CannotRead(string cardPath, string why) =>
        new("MDL0000", DiagnosticSeverity.Error, $"Cannot read the card: {why}", SourceText.From("", cardPath), new TextSpan(0, 0));

    private NumericModelResult CreateNumeric(SourceText card, IReadOnlyList<string>? sets, bool scan)
    {
        if (Spec is not { } spec) return new NumericModelResult(null, [.. Diagnostics]);
        if (spec.Kernels.Count == 0 && spec.Systems.Count == 0) return new NumericModelResult(null, [NumericDiagnostics.NoKernels(spec)]);
        var overrides = (sets ?? []).Select(s => CardTree.Parse(SourceText.From(s, "--set"), requireHeader: false)).ToList();
        var (point, ranges, cardDiagnostics) = CardFormat.Bind(spec, card, overrides, scan);
        var warnings = Diagnostics; // the spec's warnings (it has no errors here), printed by eval, scan, solve and fit too
        if (point is null) return new NumericModelResult(null, [.. warnings, .. cardDiagnostics]);
        var (kernels, errors) = _kernels.Value;
        if (kernels is null) return new NumericModelResult(null, [.. warnings, .. errors.Select(e => NumericDiagnostics.CannotCompile(spec, e))]);
        var created = NumericModel.Create(kernels, point);
        return created with { Diagnostics = [.. warnings, .. cardDiagnostics, .. created.Diagnostics], CardRanges = [.. ranges] };
    }

    /// <summary>The numeric model at a card file, or false (the diagnostics are dropped; use CreateNumeric to see them).</summary>
    public bool TryCreateNumeric(string cardPath, IReadOnlyList<string>? sets, [NotNullWhen(true)] out NumericModel? model)
    {
        model = CreateNumeric(cardPath, sets).Model;
        return model is not null;
    }

    /// <summary>The numeric model at a card given as text, or false.</summary>
    public bool TryCreateNumeric(SourceText card, IReadOnlyList<string>? sets, [NotNullWhen(true)] out NumericModel? model)
    {
        model = CreateNumeric(card, sets).Model;
        return model is not null;
    }

    /// <summary>The numeric model at a card file, or a <see cref="ModelCompilationException"/> carrying the formatted diagnostics.</summary>
    public NumericModel CreateNumericOrThrow(string cardPath, IReadOnlyList<string>? sets = null) => OrThrow(CreateNumeric(cardPath, sets));

    /// <summary>The numeric model at a card given as text, or a <see cref="ModelCompilationException"/>.</summary>
    public NumericModel CreateNumericOrThrow(SourceText card, IReadOnlyList<string>? sets = null) => OrThrow(CreateNumeric(card, sets));

    private static NumericModel OrThrow(NumericModelResult r) => r.Model ?? throw new ModelCompilationException(r.Diagnostics);

    /// <summary>The spec in canonical layout (only meaningful when there are no syntax errors).</summary>
    public string Format() => Formatter.Format(SyntaxTree);
}
