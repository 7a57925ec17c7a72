namespace ModelDsl.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be used.</summary>
    Error,
    /// <summary>The input is usable but probably not what was meant.</summary>
    Warning,
}
