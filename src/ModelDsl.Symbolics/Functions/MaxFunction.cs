using System.Numerics;
using ModelDsl.Symbolics.Evaluation;

namespace ModelDsl.Symbolics.Functions;

/// <summary>max(a, b, ...) of real arguments (see <see cref="ExtremumFunction"/>).</summary>
public sealed class MaxFunction : ExtremumFunction
{
    /// <summary>The definition.</summary>
    public static readonly MaxFunction Instance = new();

    private MaxFunction() : base("max", 12, isMin: false) { }

    internal override Delegate RealForm { get; } = new Func<double, double, double>(Math.Max);

    internal override Delegate ComplexForm { get; } = new Func<Complex, Complex, Complex>(NumericFunctions.Max);
}
