using System.Numerics;

namespace ModelDsl;

/// <summary>One kernel's value at a parameter point (complex; a kernel meant to be real has a zero imaginary part).</summary>
public sealed record KernelValue(string Name, Complex Value)
{
    /// <summary>The energy unit the spec declares for the kernel (<c>kernel mt = ... in eV</c>), or null; <see cref="Value"/> is in GeV.</summary>
    public string? Unit { get; init; }

    /// <summary>The value in <see cref="Unit"/> (the value itself without a unit).</summary>
    public Complex InUnit => Unit is null ? Value : Value / Model.CardBinder.Units[Unit];

    /// <summary>True when both parts are finite numbers (not NaN, not infinite).</summary>
    public bool IsFinite => double.IsFinite(Value.Real) && double.IsFinite(Value.Imaginary);
}
