namespace ModelDsl.Symbolics.Functions;

/// <summary>min(a, b, ...) of real arguments (see <see cref="ExtremumFunction"/>).</summary>
public sealed class MinFunction : ExtremumFunction
{
    /// <summary>The definition.</summary>
    public static readonly MinFunction Instance = new();

    private MinFunction() : base("min", 11, isMin: true) { }
}
