namespace ModelDsl.Numerics.Ode;

/// <summary>
/// A first-order system y' = f(t, y) of <see cref="Dimension"/> real equations with its exact Jacobian, as a Rosenbrock method
/// needs it (Hairer and Wanner, Solving ODEs II, IV.7): the matrix df/dy and, for a non-autonomous system, df/dt.
/// </summary>
public interface IOdeSystem
{
    /// <summary>Number of equations.</summary>
    int Dimension { get; }

    /// <summary>Writes f(t, y) into <paramref name="dydt"/>.</summary>
    void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt);

    /// <summary>Writes df/dy row-major (<c>jacobian[i * n + j]</c> = df_i/dy_j) and df/dt into <paramref name="dfdt"/>.</summary>
    void Jacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian, Span<double> dfdt);

    /// <summary>
    /// f, df/dy and df/dt at one point, as a Rosenbrock step starts (by default <see cref="Evaluate"/>, then
    /// <see cref="Jacobian"/>; a system whose Jacobian pass computes f anyway overrides it and saves one evaluation per step).
    /// </summary>
    void EvaluateWithJacobian(double t, ReadOnlySpan<double> y, Span<double> dydt, Span<double> jacobian, Span<double> dfdt)
    {
        Evaluate(t, y, dydt);
        Jacobian(t, y, jacobian, dfdt);
    }
}
