using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>A partial derivative of a function: an expression in its arguments, or the reason there is none.</summary>
public sealed class DerivativeRule
{
    private DerivativeRule(Expr? value, string? reason)
    {
        Value = value;
        Reason = reason;
    }

    /// <summary>The derivative, or null when the function is not differentiable.</summary>
    public Expr? Value { get; }

    /// <summary>Why there is no derivative (null when there is one).</summary>
    public string? Reason { get; }

    /// <summary>True when there is a derivative.</summary>
    public bool IsDifferentiable => Value is not null;

    /// <summary>The derivative is <paramref name="value"/>.</summary>
    public static DerivativeRule Of(Expr value) => new(value, null);

    /// <summary>No derivative, for the given reason.</summary>
    public static DerivativeRule NotDifferentiable(string reason) => new(null, reason);
}
