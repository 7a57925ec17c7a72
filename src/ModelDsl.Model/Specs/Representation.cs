using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// An irreducible representation of SU(N) that ModelDsl knows: singlet, fundamental,
/// antifundamental and adjoint, with dimension, N-ality, Dynkin index T(r) (T(fund) = 1/2)
/// and cubic anomaly coefficient A(r) (A(fund) = 1).
/// </summary>
public sealed record Representation(string Label, int Dimension, int NAlity, Rational DynkinIndex, Rational CubicAnomaly)
{
    /// <summary>The singlet.</summary>
    public static Representation Singlet { get; } = new("1", 1, 0, Rational.Zero, Rational.Zero);

    /// <summary>The fundamental of SU(N).</summary>
    public static Representation Fundamental(int n) => new($"{n}", n, 1, Rational.Half, n == 2 ? Rational.Zero : Rational.One);

    /// <summary>The antifundamental of SU(N), N &gt;= 3.</summary>
    public static Representation Antifundamental(int n) => new($"{n}bar", n, n - 1, Rational.Half, Rational.MinusOne);

    /// <summary>The adjoint of SU(N).</summary>
    public static Representation Adjoint(int n) => new($"{n * n - 1}", n * n - 1, 0, Rational.FromInteger(n), Rational.Zero);
}
