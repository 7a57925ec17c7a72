namespace ModelDsl.Symbolics.Compilation;

/// <summary>A compiled delegate, or the reasons it could not be compiled (never a silent null).</summary>
public sealed class CompileResult<TDelegate> where TDelegate : Delegate
{
    internal CompileResult(TDelegate? value, IReadOnlyList<CompileError> errors)
    {
        Value = errors.Count == 0 ? value : null;
        Errors = errors;
    }

    /// <summary>The delegate, or null when <see cref="Errors"/> is not empty.</summary>
    public TDelegate? Value { get; }

    /// <summary>Every node that could not be compiled, with the reason.</summary>
    public IReadOnlyList<CompileError> Errors { get; }

    /// <summary>True when compilation succeeded.</summary>
    public bool Success => Errors.Count == 0;

    /// <summary>The delegate, or an <see cref="InvalidOperationException"/> listing the errors.</summary>
    public TDelegate ValueOrThrow() =>
        Value ?? throw new InvalidOperationException("Cannot compile: " + string.Join("; ", Errors));
}
