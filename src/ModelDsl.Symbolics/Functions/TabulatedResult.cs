namespace ModelDsl.Symbolics.Functions;

/// <summary>The outcome of <see cref="FunctionRegistry.Tabulated"/>: the function, or why the table was rejected.</summary>
public sealed class TabulatedResult
{
    internal TabulatedResult(TabulatedFunction? function, string? error)
    {
        Function = function;
        Error = error;
    }

    /// <summary>The function (null when the table was rejected).</summary>
    public TabulatedFunction? Function { get; }

    /// <summary>Why the table was rejected (null on success).</summary>
    public string? Error { get; }

    /// <summary>True when the function was made.</summary>
    public bool Succeeded => Function is not null;
}
