using System.Globalization;
using System.Numerics;

namespace ModelDsl.Symbolics.Numbers;

/// <summary>
/// An exact rational number p/q on <see cref="BigInteger"/>, always normalised
/// (gcd(p, q) = 1, q &gt; 0). The constructor is private: every value goes through
/// <see cref="Create(BigInteger, BigInteger)"/>, which keeps the invariant
/// (as F#'s BigRational in mathnet-numerics hides its case constructors).
/// </summary>
public sealed class Rational : IEquatable<Rational>, IComparable<Rational>
{
    /// <summary>The numerator p (carries the sign).</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator q, always positive.</summary>
    public BigInteger Denominator { get; }

    private Rational(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>0.</summary>
    public static readonly Rational Zero = new(BigInteger.Zero, BigInteger.One);

    /// <summary>1.</summary>
    public static readonly Rational One = new(BigInteger.One, BigInteger.One);

    /// <summary>-1.</summary>
    public static readonly Rational MinusOne = new(BigInteger.MinusOne, BigInteger.One);

    /// <summary>1/2.</summary>
    public static readonly Rational Half = new(BigInteger.One, 2);

    /// <summary>Creates p/q in lowest terms. Throws <see cref="DivideByZeroException"/> when q = 0.</summary>
    public static Rational Create(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("Rational with zero denominator.");
        if (numerator.IsZero) return Zero;
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne) { numerator /= g; denominator /= g; }
        return new Rational(numerator, denominator);
    }

    /// <summary>The integer n as a rational.</summary>
    public static Rational FromInteger(BigInteger n) => n.IsZero ? Zero : new Rational(n, BigInteger.One);

    /// <summary>True when the value is zero.</summary>
    public bool IsZero => Numerator.IsZero;

    /// <summary>True when the value is one.</summary>
    public bool IsOne => Numerator.IsOne && Denominator.IsOne;

    /// <summary>True when the denominator is one.</summary>
    public bool IsInteger => Denominator.IsOne;

    /// <summary>-1, 0 or +1.</summary>
    public int Sign => Numerator.Sign;

    /// <summary>The absolute value.</summary>
    public Rational Abs() => Sign < 0 ? -this : this;

    /// <summary>1/x. Throws <see cref="DivideByZeroException"/> for zero.</summary>
    public Rational Reciprocal() => Create(Denominator, Numerator);

    /// <summary>x^n for any integer n (exact; negative n inverts).</summary>
    public Rational Pow(int n)
    {
        if (n == 0) return One;
        if (n < 0) return Reciprocal().Pow(-n);
        return new Rational(BigInteger.Pow(Numerator, n), BigInteger.Pow(Denominator, n));
    }

    /// <summary>
    /// The exact n-th root when it is rational (and real: an even root of a negative
    /// number has none); otherwise <c>null</c>.
    /// </summary>
    public Rational? TryRoot(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n));
        if (n == 1) return this;
        if (Sign < 0 && n % 2 == 0) return null;
        var p = IntegerRoot(BigInteger.Abs(Numerator), n);
        var q = IntegerRoot(Denominator, n);
        if (p is null || q is null) return null;
        return Create(Sign < 0 ? -p.Value : p.Value, q.Value);
    }

    private static BigInteger? IntegerRoot(BigInteger a, int n)
    {
        if (a.IsZero || a.IsOne) return a;
        // Newton's iteration on integers, started above the root.
        var x = BigInteger.One << (int)((a.GetBitLength() + n - 1) / n + 1);
        while (true)
        {
            var y = ((n - 1) * x + a / BigInteger.Pow(x, n - 1)) / n;
            if (y >= x) break;
            x = y;
        }
        return BigInteger.Pow(x, n) == a ? x : null;
    }

    /// <summary>The nearest double (correct to a few ulp for huge numerators/denominators).</summary>
    public double ToDouble()
    {
        if (Denominator.IsOne) return (double)Numerator;
        var nb = Numerator.GetBitLength();
        var db = Denominator.GetBitLength();
        if (nb < 1000 && db < 1000) return (double)Numerator / (double)Denominator;
        var shift = (int)(nb - db) - 60;
        var scaled = shift >= 0 ? Numerator / (Denominator << shift) : (Numerator << -shift) / Denominator;
        return (double)scaled * Math.Pow(2, shift);
    }

    /// <summary>
    /// Parses an exact decimal literal such as <c>12</c>, <c>-3/4</c>, <c>1.25</c> or <c>6.02e23</c>.
    /// Returns <c>null</c> when the text is not such a literal, or when it is longer than
    /// <see cref="MaxLiteralLength"/> characters or its exponent exceeds <see cref="MaxExponent"/>
    /// in size (so that a literal such as 1e999999999 cannot exhaust memory).
    /// </summary>
    public static Rational? TryParse(string text)
    {
        text = text.Trim();
        if (text.Length == 0 || text.Length > MaxLiteralLength) return null;
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            var p = TryParse(text[..slash]);
            var q = TryParse(text[(slash + 1)..]);
            return p is null || q is null || q.IsZero ? null : p / q;
        }
        var exponent = 0;
        var e = text.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || Math.Abs(exponent) > MaxExponent) return null;
            text = text[..e];
        }
        var negative = text.StartsWith('-');
        if (negative || text.StartsWith('+')) text = text[1..];
        var dot = text.IndexOf('.');
        var digits = dot < 0 ? text : text.Remove(dot, 1);
        if (dot >= 0) exponent -= text.Length - dot - 1;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return null;
        var n = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        if (negative) n = -n;
        var r = FromInteger(n);
        return exponent >= 0 ? r * FromInteger(BigInteger.Pow(10, exponent)) : r / FromInteger(BigInteger.Pow(10, -exponent));
    }

    /// <summary>Longest literal <see cref="TryParse"/> accepts.</summary>
    public const int MaxLiteralLength = 1000;

    /// <summary>Largest decimal exponent <see cref="TryParse"/> accepts.</summary>
    public const int MaxExponent = 4000;

    /// <summary>Sum.</summary>
    public static Rational operator +(Rational a, Rational b) =>
        a.Denominator == b.Denominator
            ? Create(a.Numerator + b.Numerator, a.Denominator)
            : Create(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    /// <summary>Difference.</summary>
    public static Rational operator -(Rational a, Rational b) => a + (-b);

    /// <summary>Negation.</summary>
    public static Rational operator -(Rational a) => a.IsZero ? a : new Rational(-a.Numerator, a.Denominator);

    /// <summary>Product.</summary>
    public static Rational operator *(Rational a, Rational b) =>
        Create(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    /// <summary>Quotient; throws <see cref="DivideByZeroException"/> when b = 0.</summary>
    public static Rational operator /(Rational a, Rational b) =>
        Create(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    /// <summary>Exact conversion from an integer.</summary>
    public static implicit operator Rational(int n) => FromInteger(n);

    /// <summary>Exact conversion from a big integer.</summary>
    public static implicit operator Rational(BigInteger n) => FromInteger(n);

    /// <summary>Ordering.</summary>
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    /// <summary>Ordering.</summary>
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    /// <summary>Value equality.</summary>
    public static bool operator ==(Rational? a, Rational? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Rational? a, Rational? b) => !(a == b);

    /// <inheritdoc />
    public bool Equals(Rational? other) =>
        other is not null && Numerator == other.Numerator && Denominator == other.Denominator;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <inheritdoc />
    public int CompareTo(Rational? other)
    {
        if (other is null) return 1;
        return (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
    }

    /// <summary>"p" or "p/q".</summary>
    public override string ToString() =>
        Denominator.IsOne
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : Numerator.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);
}
