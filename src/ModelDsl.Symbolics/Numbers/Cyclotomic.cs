using System.Numerics;

namespace ModelDsl.Symbolics.Numbers;

/// <summary>
/// An exact element of the cyclotomic field Q(zeta) with zeta = exp(i pi/6), a primitive
/// 12th root of unity. The field contains Q(i) (i = zeta^3), Q(omega) with
/// omega = exp(2 pi i/3) = zeta^4, and sqrt(3) = zeta + zeta^-1, so the Z3 textures of
/// arXiv seed 001 (eq. 2.10) and Gaussian-rational couplings live here exactly:
/// 1 + omega + omega^2 == 0 holds as an equality of values.
/// Stored as rationals c0..c3 on the power basis 1, zeta, zeta^2, zeta^3, reduced with the
/// minimal polynomial Phi_12(x) = x^4 - x^2 + 1.
/// </summary>
public sealed class Cyclotomic : IEquatable<Cyclotomic>
{
    private readonly Rational[] _c;

    private Cyclotomic(Rational[] c) => _c = c;

    /// <summary>Creates c0 + c1 zeta + c2 zeta^2 + c3 zeta^3.</summary>
    public static Cyclotomic FromPowerBasis(Rational c0, Rational c1, Rational c2, Rational c3) => new([c0, c1, c2, c3]);

    /// <summary>
    /// Creates p + q omega + r i + s i omega, the basis the printers use.
    /// </summary>
    public static Cyclotomic FromOmegaBasis(Rational p, Rational q, Rational r, Rational s) =>
        // omega = zeta^2 - 1, i = zeta^3, i omega = zeta^7 = -zeta
        new([p - q, -s, q, r]);

    /// <summary>The rational number r.</summary>
    public static Cyclotomic FromRational(Rational r) => new([r, Rational.Zero, Rational.Zero, Rational.Zero]);

    /// <summary>a + b i.</summary>
    public static Cyclotomic Gaussian(Rational re, Rational im) => new([re, Rational.Zero, Rational.Zero, im]);

    /// <summary>0.</summary>
    public static readonly Cyclotomic Zero = FromRational(Rational.Zero);

    /// <summary>1.</summary>
    public static readonly Cyclotomic One = FromRational(Rational.One);

    /// <summary>-1.</summary>
    public static readonly Cyclotomic MinusOne = FromRational(Rational.MinusOne);

    /// <summary>The imaginary unit i = zeta^3.</summary>
    public static readonly Cyclotomic I = FromPowerBasis(0, 0, 0, 1);

    /// <summary>omega = exp(2 pi i/3) = zeta^4 = zeta^2 - 1.</summary>
    public static readonly Cyclotomic Omega = FromPowerBasis(-1, 0, 1, 0);

    /// <summary>zeta = exp(i pi/6), the generator of the field.</summary>
    public static readonly Cyclotomic Zeta = FromPowerBasis(0, 1, 0, 0);

    /// <summary>sqrt(3) = zeta + zeta^11.</summary>
    public static readonly Cyclotomic Sqrt3 = FromPowerBasis(0, 2, 0, -1);

    // zeta^m on the power basis, m = 0..11 (zeta^4 = zeta^2 - 1, zeta^6 = -1).
    private static readonly int[][] PowerTable =
    [
        [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1],
        [-1, 0, 1, 0], [0, -1, 0, 1], [-1, 0, 0, 0], [0, -1, 0, 0],
        [0, 0, -1, 0], [0, 0, 0, -1], [1, 0, -1, 0], [0, 1, 0, -1],
    ];

    /// <summary>The coefficient of zeta^k on the power basis (k = 0..3).</summary>
    public Rational this[int k] => _c[k];

    /// <summary>True when the value is rational (no zeta terms).</summary>
    public bool IsRational => _c[1].IsZero && _c[2].IsZero && _c[3].IsZero;

    /// <summary>True when the value is zero.</summary>
    public bool IsZero => IsRational && _c[0].IsZero;

    /// <summary>True when the value is one.</summary>
    public bool IsOne => IsRational && _c[0].IsOne;

    /// <summary>The rational value; throws when <see cref="IsRational"/> is false.</summary>
    public Rational AsRational => IsRational ? _c[0] : throw new InvalidOperationException($"{this} is not rational.");

    /// <summary>True when the value is real (equal to its complex conjugate).</summary>
    public bool IsReal => Equals(Conjugate());

    /// <summary>True when the value is a rational integer.</summary>
    public bool IsInteger => IsRational && _c[0].IsInteger;

    /// <summary>The coordinates (p, q, r, s) in x = p + q omega + r i + s i omega.</summary>
    public (Rational P, Rational Q, Rational R, Rational S) OmegaBasis => (_c[0] + _c[2], _c[2], _c[3], -_c[1]);

    /// <summary>The Galois automorphism zeta -> zeta^k, k in {1, 5, 7, 11}.</summary>
    public Cyclotomic Galois(int k)
    {
        var r = new Rational[] { 0, 0, 0, 0 };
        for (var j = 0; j < 4; j++)
        {
            if (_c[j].IsZero) continue;
            var row = PowerTable[(j * k) % 12];
            for (var m = 0; m < 4; m++)
                if (row[m] != 0) r[m] += row[m] * _c[j];
        }
        return new Cyclotomic(r);
    }

    /// <summary>Complex conjugation (zeta -> zeta^11).</summary>
    public Cyclotomic Conjugate() => IsRational ? this : Galois(11);

    /// <summary>The field norm: the product of the four Galois conjugates, a rational number.</summary>
    public Rational Norm() => (this * Galois(5) * Galois(7) * Galois(11)).AsRational;

    /// <summary>1/x; throws <see cref="DivideByZeroException"/> for zero.</summary>
    public Cyclotomic Reciprocal()
    {
        if (IsZero) throw new DivideByZeroException("Reciprocal of exact zero.");
        if (IsRational) return FromRational(_c[0].Reciprocal());
        var others = Galois(5) * Galois(7) * Galois(11);
        var norm = (this * others).AsRational;
        return others * FromRational(norm.Reciprocal());
    }

    /// <summary>x^n for any integer n, by repeated squaring.</summary>
    public Cyclotomic Pow(int n)
    {
        if (n < 0) return Reciprocal().Pow(-n);
        if (IsRational) return FromRational(_c[0].Pow(n));
        var result = One;
        var b = this;
        while (n > 0)
        {
            if ((n & 1) == 1) result *= b;
            b *= b;
            n >>= 1;
        }
        return result;
    }

    /// <summary>The real part (x + conj x)/2, exact.</summary>
    public Cyclotomic RealPart() => (this + Conjugate()) * FromRational(Rational.Half);

    /// <summary>The imaginary part (x - conj x)/(2i), exact.</summary>
    public Cyclotomic ImaginaryPart() => (this - Conjugate()) * FromRational(Rational.Half) * I.Reciprocal();

    /// <summary>
    /// The numeric value (on request only: checks stay exact), correctly rounded up to a few
    /// ulp even when large basis coefficients nearly cancel: with zeta^k = cos(k pi/6) + i sin(k pi/6),
    /// Re = (c0 + c2/2) + (c1/2) sqrt3 and Im = (c1/2 + c3) + (c2/2) sqrt3, each of the form
    /// A + B sqrt3 with A, B exact; see <see cref="RationalPlusSqrt3"/>.
    /// </summary>
    public Complex ToComplex()
    {
        if (IsRational) return new Complex(_c[0].ToDouble(), 0);
        var re = RationalPlusSqrt3(_c[0] + _c[2] * Rational.Half, _c[1] * Rational.Half);
        var im = RationalPlusSqrt3(_c[1] * Rational.Half + _c[3], _c[2] * Rational.Half);
        return new Complex(re, im);
    }

    /// <summary>
    /// A + B sqrt(3) in double without cancellation: when A and B have opposite signs it is
    /// evaluated as (A^2 - 3 B^2)/(A - B sqrt 3), whose numerator is exact and whose
    /// denominator adds terms of one sign.
    /// </summary>
    public static double RationalPlusSqrt3(Rational a, Rational b)
    {
        var sqrt3 = Math.Sqrt(3);
        if (b.IsZero) return a.ToDouble();
        if (a.Sign * b.Sign >= 0) return a.ToDouble() + b.ToDouble() * sqrt3;
        var numerator = a * a - 3 * (b * b);
        return numerator.ToDouble() / (a.ToDouble() - b.ToDouble() * sqrt3);
    }

    /// <summary>Sum.</summary>
    public static Cyclotomic operator +(Cyclotomic a, Cyclotomic b) =>
        new([a._c[0] + b._c[0], a._c[1] + b._c[1], a._c[2] + b._c[2], a._c[3] + b._c[3]]);

    /// <summary>Negation.</summary>
    public static Cyclotomic operator -(Cyclotomic a) => new([-a._c[0], -a._c[1], -a._c[2], -a._c[3]]);

    /// <summary>Difference.</summary>
    public static Cyclotomic operator -(Cyclotomic a, Cyclotomic b) => a + (-b);

    /// <summary>Product, reduced modulo Phi_12.</summary>
    public static Cyclotomic operator *(Cyclotomic a, Cyclotomic b)
    {
        if (a.IsRational && b.IsRational) return FromRational(a._c[0] * b._c[0]);
        var r = new Rational[] { 0, 0, 0, 0 };
        for (var i = 0; i < 4; i++)
        {
            if (a._c[i].IsZero) continue;
            for (var j = 0; j < 4; j++)
            {
                if (b._c[j].IsZero) continue;
                var p = a._c[i] * b._c[j];
                var row = PowerTable[i + j];
                for (var m = 0; m < 4; m++)
                    if (row[m] != 0) r[m] += row[m] * p;
            }
        }
        return new Cyclotomic(r);
    }

    /// <summary>Quotient; throws <see cref="DivideByZeroException"/> when b = 0.</summary>
    public static Cyclotomic operator /(Cyclotomic a, Cyclotomic b) => a * b.Reciprocal();

    /// <summary>Exact conversion from a rational.</summary>
    public static implicit operator Cyclotomic(Rational r) => FromRational(r);

    /// <summary>Exact conversion from an integer.</summary>
    public static implicit operator Cyclotomic(int n) => FromRational(n);

    /// <inheritdoc />
    public bool Equals(Cyclotomic? other) =>
        other is not null && _c[0] == other._c[0] && _c[1] == other._c[1] && _c[2] == other._c[2] && _c[3] == other._c[3];

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Cyclotomic c && Equals(c);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_c[0], _c[1], _c[2], _c[3]);

    /// <summary>Value equality.</summary>
    public static bool operator ==(Cyclotomic? a, Cyclotomic? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Cyclotomic? a, Cyclotomic? b) => !(a == b);

    /// <summary>
    /// The terms shown by every printer: (coefficient, unit) with unit "", "omega", "omega^2",
    /// "I" or "I*omega" (the basis 1, omega, I, I*omega, except that a rational multiple of
    /// omega^2 = -1 - omega is shown as such).
    /// </summary>
    public IReadOnlyList<(Rational Coefficient, string Unit)> DisplayTerms()
    {
        var (p, q, r, s) = OmegaBasis;
        if (!p.IsZero && p == q && r.IsZero && s.IsZero) return [(-p, "omega^2")];
        var terms = new List<(Rational, string)>();
        if (!p.IsZero) terms.Add((p, ""));
        if (!q.IsZero) terms.Add((q, "omega"));
        if (!r.IsZero) terms.Add((r, "I"));
        if (!s.IsZero) terms.Add((s, "I*omega"));
        return terms;
    }

    /// <summary>
    /// Infix text of <see cref="DisplayTerms"/>, e.g. <c>1 + 2*omega - 3/2*I</c> or <c>omega^2</c>;
    /// the infix parser reads it back to the same value.
    /// </summary>
    public override string ToString()
    {
        var parts = DisplayTerms();
        if (parts.Count == 0) return "0";
        var sb = new System.Text.StringBuilder();
        for (var k = 0; k < parts.Count; k++)
        {
            var (c, unit) = parts[k];
            var mag = c.Abs();
            if (k == 0) { if (c.Sign < 0) sb.Append('-'); }
            else sb.Append(c.Sign < 0 ? " - " : " + ");
            if (unit.Length == 0) sb.Append(mag);
            else if (mag.IsOne) sb.Append(unit);
            else sb.Append(mag).Append('*').Append(unit);
        }
        return sb.ToString();
    }
}
