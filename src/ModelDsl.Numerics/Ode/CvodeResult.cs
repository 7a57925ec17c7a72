using System.Collections.Immutable;

namespace ModelDsl.Numerics.Ode;

/// <summary>
/// The outcome of a <see cref="Cvode.Solve"/> call: CVODE's return flag with its name, the states reached at the requested
/// output times and CVODE's work counters (SUNDIALS 6.4.1 CVODE user guide, "Optional output functions").
/// A failure is a result, never an exception.
/// </summary>
public sealed record CvodeResult
{
    /// <summary>Flag of the binding itself (not CVODE's): <c>libsundials_cvode.so.6</c> could not be loaded.</summary>
    public const int LibraryMissing = -1000;

    /// <summary>
    /// CVODE's last return flag: 0 (CV_SUCCESS) or 1 (CV_TSTOP_RETURN) on success, negative on failure (e.g. -1
    /// CV_TOO_MUCH_WORK, -22 CV_ILL_INPUT), or <see cref="LibraryMissing"/>.
    /// </summary>
    public required int Flag { get; init; }

    /// <summary>CVODE's name for <see cref="Flag"/> (CVodeGetReturnFlagName), e.g. <c>CV_TOO_MUCH_WORK</c>.</summary>
    public required string FlagName { get; init; }

    /// <summary>The last error message CVODE reported through its error handler, or the binding's own reason; empty if none.</summary>
    public string Message { get; init; } = "";

    /// <summary>True when every output time was reached.</summary>
    public bool Succeeded => Flag >= 0;

    /// <summary>The time CVODE returned last (the end time on success).</summary>
    public double T { get; init; }

    /// <summary>The output times reached, in order: all requested ones on success, a prefix of them on failure.</summary>
    public ImmutableArray<double> Times { get; init; } = [];

    /// <summary>The state at each of <see cref="Times"/>.</summary>
    public ImmutableArray<ImmutableArray<double>> Values { get; init; } = [];

    /// <summary>Internal steps taken (CVodeGetNumSteps).</summary>
    public long Steps { get; init; }

    /// <summary>Right-hand-side evaluations (CVodeGetNumRhsEvals).</summary>
    public long RhsEvaluations { get; init; }

    /// <summary>Jacobian evaluations (CVodeGetNumJacEvals).</summary>
    public long JacobianEvaluations { get; init; }

    /// <summary>Local error test failures (CVodeGetNumErrTestFails).</summary>
    public long ErrorTestFailures { get; init; }
}
