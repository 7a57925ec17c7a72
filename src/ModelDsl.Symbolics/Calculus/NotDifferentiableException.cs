namespace ModelDsl.Symbolics.Calculus;

/// <summary>Thrown by <see cref="Differentiation.Differentiate"/> when a function on the way has no derivative (its reason in the message).</summary>
public sealed class NotDifferentiableException : InvalidOperationException
{
    /// <summary>An exception with the given message.</summary>
    public NotDifferentiableException(string message) : base(message) { }
}
