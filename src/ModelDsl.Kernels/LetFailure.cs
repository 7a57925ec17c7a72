using ModelDsl.Diagnostics;
using ModelDsl.Model;

namespace ModelDsl.Kernels;

/// <summary>
/// A let whose builtin has no value at a parameter point, and the builtin's reason (e.g. a fit without a solution); with a
/// rejected value (<see cref="BuiltinOutcome.Rejected"/>) also that value and the arguments it was computed from, which a command
/// may show.
/// </summary>
public sealed record LetFailure(LetSpec Let, string Reason, BuiltinRecord? Rejected = null, BuiltinArguments? Arguments = null)
{
    /// <summary>MDL0315, located at the let.</summary>
    public Diagnostic ToDiagnostic(ModelSpec spec) =>
        new("MDL0315", DiagnosticSeverity.Error, $"{Let.Builtin.Name} cannot be evaluated at this card's point: {Reason}", spec.Source, Let.Span);
}
