using System.Collections.Immutable;

namespace ModelDsl.Numerics.Ode;

/// <summary>Step-size control and output options of the Rosenbrock solver.</summary>
public sealed record OdeOptions
{
    /// <summary>Relative tolerance of the local error.</summary>
    public double RelativeTolerance { get; init; } = 1e-8;

    /// <summary>Absolute tolerance, one per component, or a single value for all (empty: 1e-12 for all).</summary>
    public ImmutableArray<double> AbsoluteTolerance { get; init; } = [];

    /// <summary>First step size (0: chosen by the solver).</summary>
    public double InitialStep { get; init; }

    /// <summary>Largest step size (infinity: none).</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;

    /// <summary>Most steps (accepted and rejected) before the solve stops with <see cref="OdeStatus.TooManySteps"/>.</summary>
    public int MaxSteps { get; init; } = 100_000;

    /// <summary>
    /// Points inside the interval where the right-hand side is not smooth (a table's edge): the solver steps onto each one
    /// exactly and starts afresh behind it, never stepping across.
    /// </summary>
    public ImmutableArray<double> Breakpoints { get; init; } = [];

    /// <summary>The Rosenbrock method (default <see cref="RosenbrockTableau.Rodas5P"/>).</summary>
    public RosenbrockTableau Method { get; init; } = RosenbrockTableau.Rodas5P;

    /// <summary>
    /// Use Gustafsson's predictive step-size controller after accepted steps (Hairer and Wanner, Solving ODEs II, IV.8,
    /// eq. (8.21); as in RODAS with IWORK(1) = 1); false: the classical controller only.
    /// </summary>
    public bool PredictiveController { get; init; } = true;

    /// <summary>Safety factor of the step-size controller (HW IV.8: 0.9).</summary>
    public double Safety { get; init; } = 0.9;

    /// <summary>Smallest ratio new step / old step (HW RODAS: 0.2).</summary>
    public double MinFactor { get; init; } = 0.2;

    /// <summary>Largest ratio new step / old step (HW RODAS: 6).</summary>
    public double MaxFactor { get; init; } = 6.0;
}
