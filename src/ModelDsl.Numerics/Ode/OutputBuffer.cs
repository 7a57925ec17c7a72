namespace ModelDsl.Numerics.Ode;

/// <summary>The growing record of accepted steps (amortised doubling, so no allocation in most steps).</summary>
internal sealed class OutputBuffer(int dimension, int denseRows)
{
    private double[] times = new double[64];
    private double[] states = new double[64 * dimension];
    private double[] dense = new double[64 * dimension * denseRows];
    private int count;

    public void Add(double t, ReadOnlySpan<double> y, double[]? denseStep)
    {
        if (count == times.Length)
        {
            Array.Resize(ref times, 2 * count);
            Array.Resize(ref states, 2 * count * dimension);
            Array.Resize(ref dense, 2 * count * dimension * denseRows);
        }
        times[count] = t;
        y.CopyTo(states.AsSpan(count * dimension));
        denseStep?.CopyTo(dense.AsSpan((count - 1) * dimension * denseRows));
        count++;
    }

    public OdeSolution ToSolution(OdeStatus status, string? message, int steps, int rejected, int evaluations, int jacobians,
        int decompositions) =>
        new(status, message, dimension, times[..count], states[..(count * dimension)],
            dense[..(Math.Max(0, count - 1) * dimension * denseRows)], denseRows, steps, rejected, evaluations, jacobians, decompositions);
}
