using ModelDsl.Diagnostics;

namespace ModelDsl;

/// <summary>Thrown by <see cref="ModelCompilation.CompileOrThrow"/>: the spec has errors.</summary>
public sealed class ModelCompilationException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(DiagnosticPrinter.FormatAll(diagnostics))
{
    /// <summary>The diagnostics.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
