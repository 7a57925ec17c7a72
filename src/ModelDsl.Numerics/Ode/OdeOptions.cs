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
}
