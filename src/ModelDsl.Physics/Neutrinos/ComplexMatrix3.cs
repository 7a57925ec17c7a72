using System.Numerics;

namespace ModelDsl.Physics.Neutrinos;

/// <summary>Small dense complex matrices (3x3 in practice) as Complex[,], with the few operations the neutrino sector needs.</summary>
public static class ComplexMatrix3
{
    /// <summary>Matrix product.</summary>
    public static Complex[,] Multiply(Complex[,] a, Complex[,] b)
    {
        int n = a.GetLength(0), m = b.GetLength(1), k = a.GetLength(1);
        var c = new Complex[n, m];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < m; j++)
            {
                var s = Complex.Zero;
                for (var l = 0; l < k; l++) s += a[i, l] * b[l, j];
                c[i, j] = s;
            }
        return c;
    }

    /// <summary>Product of several matrices, left to right.</summary>
    public static Complex[,] Multiply(params Complex[][,] ms) => ms.Aggregate(Multiply);

    /// <summary>Conjugate transpose.</summary>
    public static Complex[,] Dagger(Complex[,] a)
    {
        var c = new Complex[a.GetLength(1), a.GetLength(0)];
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
                c[j, i] = Complex.Conjugate(a[i, j]);
        return c;
    }

    /// <summary>Transpose.</summary>
    public static Complex[,] Transpose(Complex[,] a)
    {
        var c = new Complex[a.GetLength(1), a.GetLength(0)];
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
                c[j, i] = a[i, j];
        return c;
    }

    /// <summary>Diagonal matrix.</summary>
    public static Complex[,] Diagonal(params Complex[] d)
    {
        var c = new Complex[d.Length, d.Length];
        for (var i = 0; i < d.Length; i++) c[i, i] = d[i];
        return c;
    }

    /// <summary>Largest |a_ij - b_ij| relative to the largest |b_ij|.</summary>
    public static double RelativeDifference(Complex[,] a, Complex[,] b)
    {
        double diff = 0, scale = 0;
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
            {
                diff = Math.Max(diff, (a[i, j] - b[i, j]).Magnitude);
                scale = Math.Max(scale, b[i, j].Magnitude);
            }
        return diff / scale;
    }
}
