using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Parsing;

/// <summary>The product of <see cref="Infix.Parse"/>: the expression when there were no errors, and every error found.</summary>
public sealed class InfixParseResult
{
    internal InfixParseResult(Expr? value, IReadOnlyList<InfixError> errors)
    {
        Value = errors.Count == 0 ? value : null;
        Errors = errors;
    }

    /// <summary>The parsed expression, or null when <see cref="Errors"/> is not empty.</summary>
    public Expr? Value { get; }

    /// <summary>All errors, in source order.</summary>
    public IReadOnlyList<InfixError> Errors { get; }

    /// <summary>True when there were no errors.</summary>
    public bool Success => Errors.Count == 0;
}
