using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelDsl.Numerics.Linear;

/// <summary>
/// In-place LU decomposition with partial pivoting of a small dense row-major matrix (Golub and Van Loan, Matrix Computations,
/// 4th ed., Algorithm 3.4.1), for the Rosenbrock iteration matrix of systems below about thirty equations.
/// The storage is preallocated: factoring and solving allocate nothing. The multipliers are also kept column by column
/// (a transposed copy of L), so that the forward substitution runs along contiguous memory (<see cref="VectorOps"/>);
/// the arithmetic is the plain loops' to the last bit.
/// </summary>
internal sealed class DenseLu
{
    private readonly int n;
    private readonly double[] lu;
    private readonly double[] lower; // lower[k * n + i] = L[i, k] for i > k: column k of the multipliers, contiguous
    private readonly int[] pivots;

    /// <summary>Work storage for an <paramref name="dimension"/> x <paramref name="dimension"/> matrix.</summary>
    public DenseLu(int dimension)
    {
        n = dimension;
        lu = new double[dimension * dimension];
        lower = new double[dimension * dimension];
        pivots = new int[dimension];
    }

    /// <summary>The matrix to fill before <see cref="Factor"/> (row-major).</summary>
    public Span<double> Matrix => lu;

    /// <summary>Factors <see cref="Matrix"/> in place; false when a pivot is zero or not finite (singular matrix).</summary>
    public bool Factor()
    {
        for (var k = 0; k < n; k++)
        {
            var p = k;
            var best = Math.Abs(lu[k * n + k]);
            for (var i = k + 1; i < n; i++)
            {
                var v = Math.Abs(lu[i * n + k]);
                if (v > best) { best = v; p = i; }
            }
            if (!(best > 0) || !double.IsFinite(best)) return false;
            pivots[k] = p;
            // the rows are exchanged from column k on: the multipliers of the earlier columns stay where Solve applies them,
            // interleaved with the exchanges (LINPACK's dgefa/dgesl). Exchanging them too (LAPACK's dgetrf) would need every
            // exchange applied to b before the forward substitution; done with the interleaved Solve, it returned wrong
            // solutions whenever a row was exchanged after the first column (docs/ulysses.md, the 2DME/3DME failure).
            if (p != k)
                for (var j = k; j < n; j++) (lu[k * n + j], lu[p * n + j]) = (lu[p * n + j], lu[k * n + j]);
            var inv = 1.0 / lu[k * n + k];
            var rowK = lu.AsSpan(k * n + k + 1, n - k - 1);
            for (var i = k + 1; i < n; i++)
            {
                var m = lu[i * n + k] * inv;
                lu[i * n + k] = m;
                lower[k * n + i] = m;
                if (m == 0) continue;
                VectorOps.AddScaled(lu.AsSpan(i * n + k + 1, n - k - 1), -m, rowK);
            }
        }
        return true;
    }

    /// <summary>Overwrites <paramref name="b"/> with the solution x of A x = b, A as factored by <see cref="Factor"/>.</summary>
    public void Solve(Span<double> b)
    {
        if (b.Length != n) throw new ArgumentException($"b has {b.Length} elements, the matrix {n} rows", nameof(b));
        for (var k = 0; k < n; k++)
        {
            var p = pivots[k];
            if (p != k) (b[k], b[p]) = (b[p], b[k]);
            var bk = b[k];
            if (bk != 0) VectorOps.AddScaled(b[(k + 1)..], -bk, lower.AsSpan(k * n + k + 1, n - k - 1));
        }
        ref var x = ref MemoryMarshal.GetReference(b);
        ref var a = ref MemoryMarshal.GetArrayDataReference(lu);
        for (var i = n - 1; i >= 0; i--)
        {
            ref var row = ref Unsafe.Add(ref a, i * n);
            var s = Unsafe.Add(ref x, i);
            for (var j = i + 1; j < n; j++) s -= Unsafe.Add(ref row, j) * Unsafe.Add(ref x, j);
            Unsafe.Add(ref x, i) = s / Unsafe.Add(ref row, i);
        }
    }
}
