namespace ModelDsl.Numerics.Approximation;

/// <summary>Sums of Chebyshev series.</summary>
public static class Chebyshev
{
    /// <summary>
    /// sum_k a_k T_k(x) and sum_k b_k T_k(x), k = 0 .. <paramref name="terms"/> - 1, of two series stored from
    /// <paramref name="offset"/> in <paramref name="a"/> and <paramref name="b"/>, by Clenshaw's recurrence
    /// (b_k = 2 x b_{k+1} - b_{k+2} + a_k, sum = x b_1 - b_2 + a_0; Trefethen, Approximation Theory and Approximation
    /// Practice, ch. 3), both in one loop: the two recurrences are independent, so the pair costs about what one does.
    /// </summary>
    public static (double A, double B) Sum2(double[] a, double[] b, int offset, int terms, double x)
    {
        double a1 = 0, a2 = 0, b1 = 0, b2 = 0;
        for (var k = offset + terms - 1; k > offset; k--)
        {
            var ta = 2 * x * a1 - a2 + a[k];
            a2 = a1;
            a1 = ta;
            var tb = 2 * x * b1 - b2 + b[k];
            b2 = b1;
            b1 = tb;
        }
        return (x * a1 - a2 + a[offset], x * b1 - b2 + b[offset]);
    }
}
