using ModelDsl.Symbolics.Functions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Symbolics.Printing;

namespace ModelDsl.Symbolics.Expressions;

/// <summary>
/// An immutable symbolic expression kept in canonical form by its smart constructors
/// (<see cref="Add(Expr[])"/>, <see cref="Multiply(Expr[])"/>, <see cref="Pow(Expr, Expr)"/>, <see cref="Apply"/>):
/// sums and products are flattened, sorted by a total order and have like terms/bases
/// collected, exact numbers (in Q(zeta_12), see <see cref="Cyclotomic"/>) are folded.
/// Structural equality is therefore algebraic equality for expanded polynomials
/// (as in mathnet-symbolics <c>Expression.fs</c>); heavier rewrites (expansion,
/// rational normal form) are explicit calls.
/// </summary>
public abstract class Expr : IEquatable<Expr>, IComparable<Expr>, IComparable
{
    private protected Expr(int hash) => Hash = hash;

    private protected int Hash { get; }

    /// <summary>0.</summary>
    public static readonly Expr Zero = new NumberExpr(Cyclotomic.Zero);

    /// <summary>1.</summary>
    public static readonly Expr One = new NumberExpr(Cyclotomic.One);

    /// <summary>-1.</summary>
    public static readonly Expr MinusOne = new NumberExpr(Cyclotomic.MinusOne);

    /// <summary>The imaginary unit.</summary>
    public static readonly Expr I = new NumberExpr(Cyclotomic.I);

    /// <summary>omega = exp(2 pi i/3), the Z3 generator of seed 001 eq. (2.10).</summary>
    public static readonly Expr Omega = new NumberExpr(Cyclotomic.Omega);

    /// <summary>An exact number.</summary>
    public static Expr Number(Cyclotomic value) =>
        value.IsZero ? Zero : value.IsOne ? One : new NumberExpr(value);

    /// <summary>An exact rational number.</summary>
    public static Expr Number(Rational value) => Number(Cyclotomic.FromRational(value));

    /// <summary>An integer.</summary>
    public static Expr Number(int value) => Number(Cyclotomic.FromRational(value));

    /// <summary>The rational p/q.</summary>
    public static Expr Fraction(int p, int q) => Number(Rational.Create(p, q));

    /// <summary>A real symbol (conj(x) = x).</summary>
    public static SymbolExpr Real(string name) => new(name, isReal: true);

    /// <summary>A complex symbol (conj(z) is independent of z for differentiation).</summary>
    public static SymbolExpr Complex(string name) => new(name, isReal: false);

    /// <summary>Canonical sum.</summary>
    public static Expr Add(params Expr[] terms) => Canonical.Add(terms);

    /// <summary>Canonical sum.</summary>
    public static Expr Add(IEnumerable<Expr> terms) => Canonical.Add(terms);

    /// <summary>Canonical product.</summary>
    public static Expr Multiply(params Expr[] factors) => Canonical.Multiply(factors);

    /// <summary>Canonical product.</summary>
    public static Expr Multiply(IEnumerable<Expr> factors) => Canonical.Multiply(factors);

    /// <summary>Canonical power b^e (integer powers of products distribute; exact numbers fold).</summary>
    public static Expr Pow(Expr b, Expr e) => Canonical.Pow(b, e);

    /// <summary>b^n.</summary>
    public static Expr Pow(Expr b, int n) => Canonical.Pow(b, Number(n));

    /// <summary>A function applied canonically (e.g. exp(0) = 1, conj pushed through sums); throws <see cref="ArgumentException"/> for a wrong number of arguments.</summary>
    public static Expr Apply(FunctionDefinition function, params Expr[] args) => Canonical.Apply(function, args);

    /// <summary>sqrt(x) = x^(1/2) (principal branch).</summary>
    public static Expr Sqrt(Expr x) => Pow(x, Number(Rational.Half));

    /// <summary>exp(x).</summary>
    public static Expr Exp(Expr x) => Apply(ExpFunction.Instance, x);

    /// <summary>log(x).</summary>
    public static Expr Log(Expr x) => Apply(LogFunction.Instance, x);

    /// <summary>|x|.</summary>
    public static Expr Abs(Expr x) => Apply(AbsFunction.Instance, x);

    /// <summary>Complex conjugate, pushed through sums, products and integer powers.</summary>
    public static Expr Conj(Expr x) => Apply(ConjFunction.Instance, x);

    /// <summary>Real part.</summary>
    public static Expr Re(Expr x) => Apply(ReFunction.Instance, x);

    /// <summary>Imaginary part.</summary>
    public static Expr Im(Expr x) => Apply(ImFunction.Instance, x);

    /// <summary>sin(x).</summary>
    public static Expr Sin(Expr x) => Apply(SinFunction.Instance, x);

    /// <summary>cos(x).</summary>
    public static Expr Cos(Expr x) => Apply(CosFunction.Instance, x);

    /// <summary>atan(x).</summary>
    public static Expr Atan(Expr x) => Apply(AtanFunction.Instance, x);

    /// <summary>sign(x).</summary>
    public static Expr Sign(Expr x) => Apply(SignFunction.Instance, x);

    /// <summary>Heaviside step theta(x), theta(0) = 1/2.</summary>
    public static Expr Theta(Expr x) => Apply(ThetaFunction.Instance, x);

    /// <summary>min(a, b, ...).</summary>
    public static Expr Min(params Expr[] args) => Apply(MinFunction.Instance, args);

    /// <summary>max(a, b, ...).</summary>
    public static Expr Max(params Expr[] args) => Apply(MaxFunction.Instance, args);

    /// <summary>True when the value is real for all values of the real symbols it contains (a sufficient test).</summary>
    public bool IsRealValued => RealAnalysis.IsReal(this);

    /// <summary>True for the exact number 0.</summary>
    public bool IsZero => this is NumberExpr n && n.Value.IsZero;

    /// <summary>True for the exact number 1.</summary>
    public bool IsOne => this is NumberExpr n && n.Value.IsOne;

    /// <summary>The symbols that occur in the expression (a complex symbol counts once, with or without conj).</summary>
    public IReadOnlyCollection<SymbolExpr> Symbols()
    {
        var set = new SortedSet<SymbolExpr>();
        var seen = new HashSet<Expr>(ReferenceEqualityComparer.Instance); // a shared sub-expression is walked once
        void Walk(Expr e)
        {
            if (e is SymbolExpr s) set.Add(s);
            if (e.Children.Count == 0 || !seen.Add(e)) return;
            foreach (var c in e.Children) Walk(c);
        }
        Walk(this);
        return set;
    }

    /// <summary>The direct sub-expressions.</summary>
    public abstract IReadOnlyList<Expr> Children { get; }

    /// <summary>Sum.</summary>
    public static Expr operator +(Expr a, Expr b) => Add(a, b);

    /// <summary>Difference.</summary>
    public static Expr operator -(Expr a, Expr b) => Add(a, Multiply(MinusOne, b));

    /// <summary>Negation.</summary>
    public static Expr operator -(Expr a) => Multiply(MinusOne, a);

    /// <summary>Product.</summary>
    public static Expr operator *(Expr a, Expr b) => Multiply(a, b);

    /// <summary>Quotient a * b^-1; throws <see cref="DivideByZeroException"/> when b is exactly 0.</summary>
    public static Expr operator /(Expr a, Expr b) => Multiply(a, Pow(b, MinusOne));

    /// <summary>Exact integer.</summary>
    public static implicit operator Expr(int n) => Number(n);

    /// <summary>Exact rational.</summary>
    public static implicit operator Expr(Rational r) => Number(r);

    /// <summary>Exact cyclotomic number.</summary>
    public static implicit operator Expr(Cyclotomic c) => Number(c);

    /// <summary>Structural (= canonical) equality.</summary>
    public static bool operator ==(Expr? a, Expr? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Structural inequality.</summary>
    public static bool operator !=(Expr? a, Expr? b) => !(a == b);

    /// <inheritdoc />
    public bool Equals(Expr? other) =>
        other is not null && (ReferenceEquals(this, other) || (Hash == other.Hash && ExprOrder.Compare(this, other) == 0));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Expr e && Equals(e);

    /// <inheritdoc />
    public override int GetHashCode() => Hash;

    /// <summary>The canonical total order used to sort sums and products.</summary>
    public int CompareTo(Expr? other) => other is null ? 1 : ExprOrder.Compare(this, other);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj is Expr e ? CompareTo(e) : throw new ArgumentException("Not an Expr.", nameof(obj));

    /// <summary>Infix text that <see cref="Parsing.Infix.Parse"/> reads back to an equal expression.</summary>
    public override string ToString() => InfixPrinter.Print(this);
}
