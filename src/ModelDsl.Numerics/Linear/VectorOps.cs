using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ModelDsl.Numerics.Linear;

/// <summary>
/// The element-wise loops of the Rosenbrock step and the LU solves (BLAS level 1 axpy, Lawson et al., ACM TOMS 5 (1979)
/// 308), four lanes at a time where the hardware has them. Each element is computed with the same two roundings as the
/// plain loop <c>y[i] = y[i] + a * x[i]</c> (a product, then a sum; never a fused multiply-add), so the results are the
/// plain loop's to the last bit.
/// </summary>
internal static class VectorOps
{
    /// <summary>
    /// y[i] = y[i] + a x[i] for i &lt; y.Length (x at least as long as y). With -a it is y[i] - a x[i] to the last bit
    /// (IEEE 754 defines u - v as u + (-v), and negation is exact).
    /// </summary>
    public static void AddScaled(Span<double> y, double a, ReadOnlySpan<double> x)
    {
        var n = y.Length;
        if (x.Length < n) ThrowShorter(nameof(x), x.Length, n);
        ref var yr = ref MemoryMarshal.GetReference(y);
        ref var xr = ref MemoryMarshal.GetReference(x);
        nuint i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            var av = Vector256.Create(a);
            for (; (int)i <= n - 4; i += 4)
                Vector256.Add(Vector256.LoadUnsafe(ref yr, i), Vector256.Multiply(av, Vector256.LoadUnsafe(ref xr, i))).StoreUnsafe(ref yr, i);
        }
        for (; (int)i < n; i++) Unsafe.Add(ref yr, i) += a * Unsafe.Add(ref xr, i);
    }

    /// <summary>
    /// The argument error of a span shorter than the other one, out of line: an inlined string interpolation would make every
    /// caller zero its buffers on each call.
    /// </summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowShorter(string name, int length, int needed) =>
        throw new ArgumentException($"{name} has {length} elements, {needed} are needed", name);
}
