using ModelDsl.Diagnostics;

namespace ModelDsl;

/// <summary>Thrown by <see cref="ModelCompilation.CompileOrThrow"/> and <see cref="ModelCompilation.CreateNumericOrThrow(string, IReadOnlyList{string}?)"/>: the spec or card has errors.</summary>
public sealed class ModelCompilationException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(DiagnosticPrinter.FormatAll(diagnostics))
{
    /// <summary>The diagnostics.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
