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
