using System.Collections.Immutable;
using ModelDsl.Diagnostics;

namespace ModelDsl;

/// <summary>
/// Every kernel of a <see cref="NumericModel"/> at its point, in declaration order, and one MDL0317
/// diagnostic per kernel whose value is not finite (a caller that prints a value must say so).
/// </summary>
public sealed record NumericEvaluation(NumericModel Model, ImmutableArray<KernelValue> Values, ImmutableArray<Diagnostic> NonFinite)
{
    /// <summary>True when every kernel value is finite.</summary>
    public bool AllFinite => NonFinite.IsEmpty;

    /// <summary>The value of a kernel by name.</summary>
    public KernelValue this[string name] => Values.First(v => v.Name == name);
}
