namespace ModelDsl.Symbolics.Algebra;

/// <summary>Thrown by <see cref="Expansion.Expand"/> when a result would exceed <see cref="Expansion.MaxTerms"/> terms (the size in the message).</summary>
public sealed class ExpressionTooLargeException : InvalidOperationException
{
    /// <summary>An exception with the given message.</summary>
    public ExpressionTooLargeException(string message) : base(message) { }
}
