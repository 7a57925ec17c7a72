namespace ModelDsl.Numerics.Ode;

/// <summary>How a solve ended: a failure is a result, never an exception.</summary>
public enum OdeStatus
{
    /// <summary>Reached the end of the interval.</summary>
    Success,
    /// <summary>The step size fell below the resolution of t.</summary>
    StepSizeUnderflow,
    /// <summary>f, its Jacobian or the solution was NaN or infinite.</summary>
    NonFinite,
    /// <summary><see cref="OdeOptions.MaxSteps"/> were taken.</summary>
    TooManySteps,
    /// <summary>The iteration matrix I - h gamma J was singular.</summary>
    SingularMatrix,
}

/// <summary>
/// The result of <see cref="Rosenbrock.Solve"/>: how the solve ended, the accepted steps with their states, counters in the
/// manner of CVODE's statistics, and a dense output over [t0, <see cref="T"/>]. Immutable once returned.
/// </summary>
public sealed class OdeSolution
{
    private readonly double[] states;
    private readonly double[] dense;
    private readonly int denseRows;

    internal OdeSolution(OdeStatus status, string? message, int dimension, double[] times, double[] states, double[] dense,
        int denseRows, int steps, int rejectedSteps, int evaluations, int jacobianEvaluations, int decompositions)
    {
        Status = status;
        Message = message;
        Dimension = dimension;
        Times = [.. times];
        this.states = states;
        this.dense = dense;
        this.denseRows = denseRows;
        Steps = steps;
        RejectedSteps = rejectedSteps;
        Evaluations = evaluations;
        JacobianEvaluations = jacobianEvaluations;
        Decompositions = decompositions;
    }

    /// <summary><see cref="OdeStatus.Success"/>, or why the solve stopped at <see cref="T"/>.</summary>
    public OdeStatus Status { get; }

    /// <summary>What went wrong, for a failure; null on success.</summary>
    public string? Message { get; }

    /// <summary>Number of equations.</summary>
    public int Dimension { get; }

    /// <summary>The times of the accepted steps, from t0 to <see cref="T"/>.</summary>
    public System.Collections.Immutable.ImmutableArray<double> Times { get; }

    /// <summary>The last time reached (t1 on success).</summary>
    public double T => Times[^1];

    /// <summary>The state at <see cref="T"/>.</summary>
    public ReadOnlySpan<double> Final => State(Times.Length - 1);

    /// <summary>Accepted steps.</summary>
    public int Steps { get; }

    /// <summary>Rejected steps (error test failures, non-finite stages and singular matrices).</summary>
    public int RejectedSteps { get; }

    /// <summary>Calls of <see cref="IOdeSystem.Evaluate"/>.</summary>
    public int Evaluations { get; }

    /// <summary>Calls of <see cref="IOdeSystem.Jacobian"/>.</summary>
    public int JacobianEvaluations { get; }

    /// <summary>LU decompositions of the iteration matrix.</summary>
    public int Decompositions { get; }

    /// <summary>The state at <c>Times[index]</c>.</summary>
    public ReadOnlySpan<double> State(int index) =>
        (uint)index < (uint)Times.Length ? states.AsSpan(index * Dimension, Dimension)
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Times.Length} states recorded");

    /// <summary>
    /// Writes the solution at <paramref name="t"/> in [t0, <see cref="T"/>] into <paramref name="y"/>, with the method's
    /// dense-output formula in the step that contains t (see <see cref="RosenbrockTableau"/>); for a method without one
    /// (<see cref="RosenbrockTableau.DenseOutputRows"/> = 0) with the cubic Hermite polynomial through the states and
    /// derivatives at both ends of the step (HW Solving ODEs I, II.6).
    /// </summary>
    public void Interpolate(double t, Span<double> y)
    {
        var n = Dimension;
        if (!(t >= Times[0] && t <= T)) throw new ArgumentOutOfRangeException(nameof(t), t, $"outside [{Times[0]}, {T}]");
        if (y.Length != n) throw new ArgumentException($"needs {n} components", nameof(y));
        var k = Times.AsSpan().BinarySearch(t);
        if (k >= 0)
        {
            State(k).CopyTo(y);
            return;
        }
        k = ~k - 1;
        var h = Times[k + 1] - Times[k];
        var theta = (t - Times[k]) / h;
        var y0 = State(k);
        var y1 = State(k + 1);
        var d = dense.AsSpan(k * denseRows * n, denseRows * n);
        for (var i = 0; i < n; i++)
        {
            var acc = 0.0;
            for (var r = denseRows - 1; r >= 0; r--) acc = d[r * n + i] + theta * acc;
            y[i] = (1 - theta) * y0[i] + theta * (y1[i] + (1 - theta) * acc);
        }
    }
}
