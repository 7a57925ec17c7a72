namespace ModelDsl.Symbolics.Functions;

/// <summary>Re z = (z + conj z)/2 (see <see cref="ComplexPartFunction"/>); the identity on real values.</summary>
public sealed class ReFunction : ComplexPartFunction
{
    /// <summary>The definition.</summary>
    public static readonly ReFunction Instance = new();

    private ReFunction() : base("re", 4, imaginary: false) { }
}
