namespace ModelDsl.Numerics.Quadrature;

/// <summary>
/// An integral's estimate <paramref name="Value"/>, its error estimate <paramref name="Error"/> (sum over the final
/// subintervals of |K15 - G7|), the integrand evaluations used, and whether the error met the tolerance. A non-finite
/// integrand value gives NaN and <paramref name="Converged"/> false.
/// </summary>
public readonly record struct QuadratureResult(double Value, double Error, int Evaluations, bool Converged);
