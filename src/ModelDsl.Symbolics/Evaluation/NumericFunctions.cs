using System.Numerics;

namespace ModelDsl.Symbolics.Evaluation;

/// <summary>
/// The numeric meaning of every operation, shared by the interpreter (<see cref="Evaluator"/>)
/// and the compiled delegates (<see cref="Compilation.ExprCompiler"/>) so that both agree.
/// Functions of real arguments (sign, theta, min, max) use the real part of a complex value.
/// </summary>
public static class NumericFunctions
{
    /// <summary>x^n by repeated squaring (n may be negative).</summary>
    public static double PowInt(double x, long n)
    {
        if (n < 0) return 1 / PowInt(x, -n);
        double r = 1, b = x;
        while (n > 0)
        {
            if ((n & 1) == 1) r *= b;
            n >>= 1;
            if (n > 0) b *= b;
        }
        return r;
    }

    /// <summary>z^n by repeated squaring (n may be negative).</summary>
    public static Complex PowInt(Complex x, long n)
    {
        if (n < 0) return Complex.One / PowInt(x, -n);
        Complex r = Complex.One, b = x;
        while (n > 0)
        {
            if ((n & 1) == 1) r = Multiply(r, b);
            n >>= 1;
            if (n > 0) b = Multiply(b, b);
        }
        return r;
    }

    /// <summary>
    /// z with a signed-zero imaginary part made +0, so that on a branch cut (the negative
    /// real axis) every principal-value function takes the value from above, arg z = +pi,
    /// whatever sign of zero the arithmetic before produced.
    /// </summary>
    public static Complex OnCut(Complex z) => z.Imaginary == 0 ? new Complex(z.Real, 0.0) : z;

    /// <summary>
    /// exp(z); for real z the real exponential, so that overflow gives +inf (and 1/(1 + exp(x))
    /// its limit 0) instead of Complex.Exp's inf + NaN i.
    /// </summary>
    public static Complex Exp(Complex z) => z.Imaginary == 0 ? new Complex(Math.Exp(z.Real), 0) : Complex.Exp(z);

    /// <summary>
    /// a * b; when both are real (zero imaginary parts) the real product, so that an overflow gives inf
    /// and not Complex multiplication's inf + NaN i (inf * 0 in the cross terms).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Complex Multiply(Complex a, Complex b) =>
        a.Imaginary == 0 && b.Imaginary == 0 ? new Complex(a.Real * b.Real, 0) : a * b;

    /// <summary>|a + b i| as Complex.Abs computes it (scaled, no overflow of a^2 + b^2).</summary>
    public static double Hypot(double a, double b) => Complex.Abs(new Complex(a, b));

    /// <summary>Re of 1/(a + b i), divided as Complex division does (Smith's algorithm).</summary>
    public static double ReciprocalRe(double a, double b) => (Complex.One / new Complex(a, b)).Real;

    /// <summary>Im of 1/(a + b i), divided as Complex division does (Smith's algorithm).</summary>
    public static double ReciprocalIm(double a, double b) => (Complex.One / new Complex(a, b)).Imaginary;

    /// <summary>a * b, but exactly 0 when b is 0 (also for infinite a): the imaginary part of exp(a + 0i) is 0.</summary>
    public static double ScaleUnlessZero(double a, double b) => b == 0 ? 0 : a * b;

    /// <summary>Principal logarithm, arg in (-pi, pi].</summary>
    public static Complex Log(Complex z) => Complex.Log(OnCut(z));

    /// <summary>Principal square root, arg in (-pi/2, pi/2].</summary>
    public static Complex Sqrt(Complex z) => Complex.Sqrt(OnCut(z));

    /// <summary>Principal z^w: sqrt for w = 1/2, 0 for z = 0 and Re w &gt; 0, Math.Pow for real z &gt;= 0 and real w.</summary>
    public static Complex Pow(Complex z, Complex w)
    {
        z = OnCut(z);
        if (w.Imaginary == 0)
        {
            if (w.Real == 0.5) return Complex.Sqrt(z);
            if (z.Imaginary == 0 && z.Real >= 0) return Math.Pow(z.Real, w.Real);
        }
        if (z == Complex.Zero) return w.Real > 0 ? Complex.Zero : Complex.NaN;
        return Complex.Pow(z, w);
    }

    /// <summary>Real x^y: sqrt for y = 1/2, otherwise Math.Pow.</summary>
    public static double Pow(double x, double y) => y == 0.5 ? Math.Sqrt(x) : Math.Pow(x, y);

    /// <summary>sign(x) in {-1, 0, 1}; NaN for NaN (Math.Sign would throw).</summary>
    public static double Sign(double x) => x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : double.NaN;

    /// <summary>Heaviside step with theta(0) = 1/2; NaN for NaN.</summary>
    public static double Theta(double x) => x > 0 ? 1 : x < 0 ? 0 : x == 0 ? 0.5 : double.NaN;

    /// <summary>sign of the real part.</summary>
    public static Complex Sign(Complex x) => Sign(x.Real);

    /// <summary>Step of the real part.</summary>
    public static Complex Theta(Complex x) => Theta(x.Real);

    /// <summary>Minimum of the real parts.</summary>
    public static Complex Min(Complex a, Complex b) => Math.Min(a.Real, b.Real);

    /// <summary>Maximum of the real parts.</summary>
    public static Complex Max(Complex a, Complex b) => Math.Max(a.Real, b.Real);

    /// <summary>|z| as a complex number.</summary>
    public static Complex Abs(Complex z) => Complex.Abs(z);

    /// <summary>Re z as a complex number.</summary>
    public static Complex Re(Complex z) => z.Real;

    /// <summary>Im z as a complex number.</summary>
    public static Complex Im(Complex z) => z.Imaginary;

    /// <summary>atan of a real value stays real; a complex value uses the principal complex atan.</summary>
    public static Complex Atan(Complex z) => z.Imaginary == 0 ? Math.Atan(z.Real) : Complex.Atan(z);
}
