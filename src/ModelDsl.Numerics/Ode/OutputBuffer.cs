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

    /// <summary>
    /// The solution over the recorded steps. It takes the state and dense-output arrays as they are (the solution reads only
    /// the first <c>count</c> steps of them, and the buffer is not used afterwards): two copies of up to a few hundred
    /// kilobytes per solve fewer, which a scan over 10^4 points would otherwise allocate and collect.
    /// </summary>
    public OdeSolution ToSolution(OdeStatus status, string? message, int steps, int rejected, int evaluations, int jacobians,
        int decompositions) =>
        new(status, message, dimension, times[..count], states, dense, denseRows, steps, rejected, evaluations, jacobians, decompositions);
}
