using System.Text;
using ModelDsl.Checks;
using ModelDsl.Diagnostics;
using ModelDsl.Formatting;
using ModelDsl.Kernels.Builtins;
using ModelDsl.Model;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl;

/// <summary>
/// The one entry to the pipeline (as minsk's <c>Compilation</c>): text → <see cref="SyntaxTree"/>
/// → <see cref="ModelSpec"/> → <see cref="CheckReport"/>. Every stage's product and the
/// diagnostics of all stages are kept. Three doors: <see cref="Create(SourceText)"/> (result plus
/// diagnostics), <see cref="TryCompile"/>, <see cref="CompileOrThrow"/>.
/// </summary>
public sealed class ModelCompilation
{
    private ModelCompilation(SyntaxTree tree, BindResult bound)
    {
        SyntaxTree = tree;
        Bound = bound;
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
                _ => throw new InvalidOperationException("Unknown check " + request.Name),
            });
        return new CheckReport(outcomes);
    }

    /// <summary>The spec in canonical layout (only meaningful when there are no syntax errors).</summary>
    public string Format() => Formatter.Format(SyntaxTree);
}
