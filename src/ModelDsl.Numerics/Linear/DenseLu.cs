using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelDsl.Numerics.Linear;

/// <summary>
/// In-place LU decomposition with partial pivoting of a small dense row-major matrix, P A = L U (Golub and Van Loan, Matrix
/// Computations, 4th ed., Algorithm 3.4.1; LAPACK's dgetf2 and dgetrs), for the Rosenbrock iteration matrix of systems
/// below about thirty equations. The storage is preallocated: factoring and solving allocate nothing. Each solve is two
/// triangular substitutions along the rows of L and U, summed from the far end of each row so that the term of the
/// unknown found last comes last: the chain of dependent operations per row is one product and one difference (a solve is
/// latency bound at the Rosenbrock solver's sizes, eight of them per step), and U's diagonal is applied as its reciprocal.
/// </summary>
internal sealed class DenseLu
{
    private readonly int n;
    private readonly double[] lu;
    private readonly double[] inverseDiagonal; // 1/U[k, k]: the back substitution multiplies (a division's latency is 3-4 products')
    private readonly int[] pivots;

    /// <summary>Work storage for an <paramref name="dimension"/> x <paramref name="dimension"/> matrix.</summary>
    public DenseLu(int dimension)
    {
        n = dimension;
        lu = new double[dimension * dimension];
        inverseDiagonal = new double[dimension];
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
            // whole rows are exchanged, the multipliers of the earlier columns with them (LAPACK's dgetf2), so that L ends
            // up in the order of P A and Solve applies every exchange to b before the forward substitution (dgetrs). The
            // two conventions must not be mixed: exchanging whole rows but applying the exchanges interleaved with the
            // substitution (LINPACK's dgesl) returned wrong solutions whenever a row was exchanged after the first column
            // (docs/ulysses.md, the 2DME/3DME failure).
            if (p != k)
                for (var j = 0; j < n; j++) (lu[k * n + j], lu[p * n + j]) = (lu[p * n + j], lu[k * n + j]);
            var inv = 1.0 / lu[k * n + k];
            inverseDiagonal[k] = inv;
            var rowK = lu.AsSpan(k * n + k + 1, n - k - 1);
            for (var i = k + 1; i < n; i++)
            {
                var m = lu[i * n + k] * inv;
                lu[i * n + k] = m;
                if (m != 0) VectorOps.AddScaled(lu.AsSpan(i * n + k + 1, n - k - 1), -m, rowK);
            }
        }
        return true;
    }

    /// <summary>Overwrites <paramref name="b"/> with the solution x of A x = b, A as factored by <see cref="Factor"/>.</summary>
    public void Solve(Span<double> b)
    {
        if (b.Length != n) VectorOps.ThrowShorter(nameof(b), b.Length, n);
        for (var k = 0; k < n; k++)
        {
            var p = pivots[k];
            if (p != k) (b[k], b[p]) = (b[p], b[k]);
        }
        ref var x = ref MemoryMarshal.GetReference(b);
        ref var a = ref MemoryMarshal.GetArrayDataReference(lu);
        // L y = P b, L unit lower triangular
        for (var i = 1; i < n; i++)
        {
            ref var row = ref Unsafe.Add(ref a, i * n);
            var s = Unsafe.Add(ref x, i);
            for (var j = i - 1; j >= 0; j--) s -= Unsafe.Add(ref row, j) * Unsafe.Add(ref x, j);
            Unsafe.Add(ref x, i) = s;
        }
        // U x = y
        for (var i = n - 1; i >= 0; i--)
        {
            ref var row = ref Unsafe.Add(ref a, i * n);
            var s = Unsafe.Add(ref x, i);
            for (var j = n - 1; j > i; j--) s -= Unsafe.Add(ref row, j) * Unsafe.Add(ref x, j);
            Unsafe.Add(ref x, i) = s * inverseDiagonal[i];
        }
    }
}
