namespace ModelDsl.Symbolics.Functions;

/// <summary>max(a, b, ...) of real arguments (see <see cref="ExtremumFunction"/>).</summary>
public sealed class MaxFunction : ExtremumFunction
{
    /// <summary>The definition.</summary>
    public static readonly MaxFunction Instance = new();

    private MaxFunction() : base("max", 12, isMin: false) { }
}
