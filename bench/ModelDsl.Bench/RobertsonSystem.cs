using ModelDsl.Numerics.Ode;

namespace ModelDsl.Bench;

/// <summary>
/// Robertson's chemical kinetics (Hairer and Wanner, Solving ODEs II, 2nd ed., IV.1, eq. (1.4)) with its exact Jacobian,
/// and the reference solution at t = 1e11 of the Test Set for IVP Solvers (Mazzia and Magherini, problem ROBER).
/// </summary>
internal sealed class RobertsonSystem : IOdeSystem
{
    /// <summary>End of the test set's interval, where its reference solution is given.</summary>
    public const double End = 1e11;

    /// <summary>y(0).</summary>
    public static ReadOnlySpan<double> Initial => [1.0, 0.0, 0.0];

    /// <summary>Absolute tolerances far below every component (y2 falls to 8e-14), so the relative tolerance governs.</summary>
    public static ReadOnlySpan<double> AbsoluteTolerance => [1e-20, 1e-24, 1e-20];

    /// <summary>y(1e11), ROBER reference (computed there with RADAU5 at tight tolerance).</summary>
    public static ReadOnlySpan<double> Reference => [0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050];

    /// <inheritdoc />
    public int Dimension => 3;

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
        dydt[2] = 3e7 * y[1] * y[1];
        dydt[1] = -dydt[0] - dydt[2];
    }

    /// <inheritdoc />
    public void Jacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian, Span<double> dfdt)
    {
        ReadOnlySpan<double> first = [-0.04, 1e4 * y[2], 1e4 * y[1]], third = [0.0, 6e7 * y[1], 0.0];
        for (int j = 0; j < 3; j++)
        {
            jacobian[j] = first[j];
            jacobian[6 + j] = third[j];
            jacobian[3 + j] = -first[j] - third[j];
        }
        dfdt.Clear();
    }

    /// <summary>Largest relative error of <paramref name="y"/> against <see cref="Reference"/> over the components.</summary>
    public static double RelativeError(IReadOnlyList<double> y)
    {
        double worst = 0;
        for (int i = 0; i < 3; i++) worst = Math.Max(worst, Math.Abs(y[i] - Reference[i]) / Math.Abs(Reference[i]));
        return worst;
    }
}
