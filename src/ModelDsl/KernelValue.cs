using System.Numerics;

namespace ModelDsl;

/// <summary>One kernel's value at a parameter point (complex; a kernel meant to be real has a zero imaginary part).</summary>
public sealed record KernelValue(string Name, Complex Value)
{
    /// <summary>The unit the spec declares for the kernel (<c>kernel mt = ... in eV</c>, <c>in GeV^2</c>, <c>in 1</c>), or null; <see cref="Value"/> is in GeV^d.</summary>
    public string? Unit { get; init; }

    /// <summary>The kernel's energy dimension d (<see cref="Value"/> is in GeV^d), or null when it is not known; see <see cref="Model.KernelSpec.Dimension"/>.</summary>
    public Symbolics.Numbers.Rational? Dimension { get; init; }

    /// <summary>
    /// The unit <see cref="InUnit"/> is in, for a person: the declared <see cref="Unit"/>, else <c>1</c> (dimensionless),
    /// <c>GeV</c>, <c>GeV^2</c>, <c>GeV^-1</c>, <c>GeV^(1/2)</c> from <see cref="Dimension"/>; null when it is not known.
    /// </summary>
    public string? UnitText => Unit ?? Dimension switch
    {
        null => null,
        { IsZero: true } => "1",
        { IsOne: true } => "GeV",
        { IsInteger: true } d => $"GeV^{d}",
        var d => $"GeV^({d})",
    };

    /// <summary>The value in <see cref="Unit"/> (the value itself without a unit).</summary>
    public Complex InUnit => Value / UnitScale;

    /// <summary>GeV^d per <see cref="Unit"/> (<see cref="Model.KernelSpec.UnitScale"/>); 1 without a unit.</summary>
    public double UnitScale { get; init; } = 1;

    /// <summary>True when both parts are finite numbers (not NaN, not infinite).</summary>
    public bool IsFinite => double.IsFinite(Value.Real) && double.IsFinite(Value.Imaginary);
}
