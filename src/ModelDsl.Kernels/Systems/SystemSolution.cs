using System.Collections.Immutable;
using ModelDsl.Numerics.Ode;

namespace ModelDsl.Kernels.Systems;

/// <summary>
/// The result of solving a system at one point: how the solve ended, every output (NaN when it could not be read, with
/// the reason in <see cref="Message"/>), the evolution (unknowns and outputs' expressions) sampled on a grid of the
/// variable, and the solver's work.
/// A failure is a value, never an exception.
/// </summary>
public sealed record SystemSolution(
    string System, OdeStatus Status, string? Message,
    ImmutableArray<string> OutputNames, ImmutableArray<double> Outputs,
    ImmutableArray<string> Unknowns, ImmutableArray<double> Samples, ImmutableArray<double> SampleStates, ImmutableArray<double> SampleOutputs,
    int Steps, int RejectedSteps, int Evaluations, int JacobianEvaluations, double IntegralTableError)
{
    /// <summary>True when the solve reached the end of the range.</summary>
    public bool Succeeded => Status == OdeStatus.Success && Message is null;

    /// <summary>The output of that name (NaN when absent or not computed).</summary>
    public double Output(string name) => OutputNames.IndexOf(name) is var k and >= 0 ? Outputs[k] : double.NaN;

    /// <summary>Unknown <paramref name="j"/> at sample <paramref name="i"/>.</summary>
    public double State(int i, int j) => SampleStates[i * Unknowns.Length + j];

    /// <summary>The expression of output <paramref name="k"/> at sample <paramref name="i"/> (an output is also a curve along the variable).</summary>
    public double OutputAt(int i, int k) => SampleOutputs[i * OutputNames.Length + k];

    /// <summary>The sampled columns by name: every unknown, then every output's expression.</summary>
    public double Column(int i, string name) =>
        Unknowns.IndexOf(name) is var j and >= 0 ? State(i, j) : OutputNames.IndexOf(name) is var k and >= 0 ? OutputAt(i, k) : double.NaN;

    /// <summary>A solution that did not start (the point has no finite range, a table failed, ...).</summary>
    public static SystemSolution NotStarted(string system, ImmutableArray<string> outputs, ImmutableArray<string> unknowns, string reason) =>
        new(system, OdeStatus.NonFinite, reason, outputs, [.. outputs.Select(_ => double.NaN)], unknowns, [], [], [], 0, 0, 0, 0, 0);
}
