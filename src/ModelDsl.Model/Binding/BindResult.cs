using ModelDsl.Diagnostics;

namespace ModelDsl.Model;

/// <summary>The product of binding: the model when there were no errors, and every diagnostic.</summary>
public sealed record BindResult(ModelSpec? Spec, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when binding produced a model without errors.</summary>
    public bool Success => Spec is not null;
}
