namespace ModelDsl.Symbolics.Functions;

/// <summary>Im z = (z - conj z)/(2i) (see <see cref="ComplexPartFunction"/>); 0 on real values.</summary>
public sealed class ImFunction : ComplexPartFunction
{
    /// <summary>The definition.</summary>
    public static readonly ImFunction Instance = new();

    private ImFunction() : base("im", 5, imaginary: true) { }
}
