using System.Numerics;

namespace ModelDsl;

/// <summary>One kernel's value at a parameter point (complex; a kernel meant to be real has a zero imaginary part).</summary>
public sealed record KernelValue(string Name, Complex Value)
{
    /// <summary>True when both parts are finite numbers (not NaN, not infinite).</summary>
    public bool IsFinite => double.IsFinite(Value.Real) && double.IsFinite(Value.Imaginary);
}
