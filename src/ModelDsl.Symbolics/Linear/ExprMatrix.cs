using System.Text;
using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Linear;

/// <summary>
/// An immutable small matrix of <see cref="Expr"/>: products, transpose, conjugate transpose,
/// and (for square sizes up to <see cref="MaxExactSize"/>) determinant by Laplace expansion
/// with memoised minors, adjugate and inverse. Entries stay canonical; <see cref="Simplify"/>
/// brings each to rational normal form.
/// </summary>
public sealed class ExprMatrix : IEquatable<ExprMatrix>
{
    /// <summary>Largest size for determinant, adjugate and inverse (6! = 720 terms at most).</summary>
    public const int MaxExactSize = 6;

    private readonly Expr[,] _a;

    private ExprMatrix(Expr[,] a) => _a = a;

    /// <summary>Number of rows.</summary>
    public int Rows => _a.GetLength(0);

    /// <summary>Number of columns.</summary>
    public int Columns => _a.GetLength(1);

    /// <summary>Entry (i, j), 0-based.</summary>
    public Expr this[int i, int j] => _a[i, j];

    /// <summary>Builds a rows x columns matrix from a function of (i, j).</summary>
    public static ExprMatrix Create(int rows, int columns, Func<int, int, Expr> entry)
    {
        var a = new Expr[rows, columns];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                a[i, j] = entry(i, j);
        return new ExprMatrix(a);
    }

    /// <summary>Builds a matrix from its rows (all of one length).</summary>
    public static ExprMatrix FromRows(params Expr[][] rows)
    {
        if (rows.Length == 0 || rows.Any(r => r.Length != rows[0].Length))
            throw new ArgumentException("Rows must be non-empty and of equal length.", nameof(rows));
        return Create(rows.Length, rows[0].Length, (i, j) => rows[i][j]);
    }

    /// <summary>The n x n identity.</summary>
    public static ExprMatrix Identity(int n) => Create(n, n, (i, j) => i == j ? Expr.One : Expr.Zero);

    /// <summary>The diagonal matrix with the given entries.</summary>
    public static ExprMatrix Diagonal(params Expr[] d) => Create(d.Length, d.Length, (i, j) => i == j ? d[i] : Expr.Zero);

    /// <summary>The rows x columns zero matrix.</summary>
    public static ExprMatrix Zero(int rows, int columns) => Create(rows, columns, (_, _) => Expr.Zero);

    /// <summary>Applies f to every entry.</summary>
    public ExprMatrix Map(Func<Expr, Expr> f) => Create(Rows, Columns, (i, j) => f(_a[i, j]));

    /// <summary>Entrywise rational normal form (<see cref="RationalForm.Simplify"/>).</summary>
    public ExprMatrix Simplify() => Map(RationalForm.Simplify);

    /// <summary>Entrywise expansion.</summary>
    public ExprMatrix Expand() => Map(Expansion.Expand);

    /// <summary>Transpose.</summary>
    public ExprMatrix Transpose() => Create(Columns, Rows, (i, j) => _a[j, i]);

    /// <summary>Entrywise complex conjugate.</summary>
    public ExprMatrix Conjugate() => Map(Expr.Conj);

    /// <summary>Conjugate transpose (dagger).</summary>
    public ExprMatrix ConjugateTranspose() => Create(Columns, Rows, (i, j) => Expr.Conj(_a[j, i]));

    /// <summary>Sum.</summary>
    public static ExprMatrix operator +(ExprMatrix a, ExprMatrix b)
    {
        SameShape(a, b);
        return Create(a.Rows, a.Columns, (i, j) => a[i, j] + b[i, j]);
    }

    /// <summary>Difference.</summary>
    public static ExprMatrix operator -(ExprMatrix a, ExprMatrix b)
    {
        SameShape(a, b);
        return Create(a.Rows, a.Columns, (i, j) => a[i, j] - b[i, j]);
    }

    /// <summary>Matrix product.</summary>
    public static ExprMatrix operator *(ExprMatrix a, ExprMatrix b)
    {
        if (a.Columns != b.Rows) throw new ArgumentException($"Cannot multiply {a.Rows}x{a.Columns} by {b.Rows}x{b.Columns}.");
        return Create(a.Rows, b.Columns, (i, j) => Expr.Add(Enumerable.Range(0, a.Columns).Select(k => a[i, k] * b[k, j])));
    }

    /// <summary>Scalar multiple.</summary>
    public static ExprMatrix operator *(Expr s, ExprMatrix m) => m.Map(x => s * x);

    private static void SameShape(ExprMatrix a, ExprMatrix b)
    {
        if (a.Rows != b.Rows || a.Columns != b.Columns)
            throw new ArgumentException($"Shapes differ: {a.Rows}x{a.Columns} and {b.Rows}x{b.Columns}.");
    }

    private void RequireSquare()
    {
        if (Rows != Columns) throw new InvalidOperationException($"The matrix is {Rows}x{Columns}, not square.");
        if (Rows > MaxExactSize) throw new InvalidOperationException($"Exact determinants are limited to {MaxExactSize}x{MaxExactSize}.");
    }

    /// <summary>The determinant, expanded (Laplace expansion along rows, minors memoised by column set).</summary>
    public Expr Determinant()
    {
        RequireSquare();
        return Expansion.Expand(Minor(0, (1 << Columns) - 1, new Dictionary<int, Expr>()));
    }

    private Expr Minor(int row, int columnMask, Dictionary<int, Expr> memo)
    {
        if (row == Rows) return Expr.One;
        if (memo.TryGetValue(columnMask, out var known)) return known;
        var terms = new List<Expr>();
        var position = 0;
        for (var c = 0; c < Columns; c++)
        {
            if ((columnMask & (1 << c)) == 0) continue;
            var entry = _a[row, c];
            if (!entry.IsZero)
            {
                var sub = Minor(row + 1, columnMask & ~(1 << c), memo);
                var term = entry * sub;
                terms.Add(position % 2 == 0 ? term : -term);
            }
            position++;
        }
        var result = Expr.Add(terms);
        memo[columnMask] = result;
        return result;
    }

    /// <summary>The matrix with row i and column j removed.</summary>
    public ExprMatrix Without(int i, int j) =>
        Create(Rows - 1, Columns - 1, (r, c) => _a[r < i ? r : r + 1, c < j ? c : c + 1]);

    /// <summary>The adjugate (transpose of the cofactor matrix), so A adj(A) = det(A) 1.</summary>
    public ExprMatrix Adjugate()
    {
        RequireSquare();
        if (Rows == 1) return Identity(1);
        return Create(Rows, Columns, (i, j) =>
        {
            var minor = Without(j, i).Determinant();
            return (i + j) % 2 == 0 ? minor : -minor;
        });
    }

    /// <summary>The inverse adj(A)/det(A), entries simplified; null when det(A) is identically zero.</summary>
    public ExprMatrix? TryInverse()
    {
        var det = Determinant();
        if (ZeroTest.IsZero(det)) return null;
        var inv = Expr.Pow(det, Expr.MinusOne);
        return Adjugate().Map(x => RationalForm.Simplify(x * inv));
    }

    /// <summary>The inverse, or <see cref="InvalidOperationException"/> for a singular matrix.</summary>
    public ExprMatrix Inverse() => TryInverse() ?? throw new InvalidOperationException("The matrix is singular (its determinant is identically zero).");

    /// <summary>
    /// Exact zero test of every entry: the first non-vanishing entry (row-major) with its
    /// remainder as the witness, or a zero verdict.
    /// </summary>
    public MatrixZeroTestResult TestZero()
    {
        for (var i = 0; i < Rows; i++)
            for (var j = 0; j < Columns; j++)
            {
                var r = ZeroTest.Test(_a[i, j]);
                if (!r.IsZero) return new MatrixZeroTestResult(false, i, j, r.Witness);
            }
        return new MatrixZeroTestResult(true, -1, -1, Expr.Zero);
    }

    /// <inheritdoc />
    public bool Equals(ExprMatrix? other)
    {
        if (other is null || other.Rows != Rows || other.Columns != Columns) return false;
        for (var i = 0; i < Rows; i++)
            for (var j = 0; j < Columns; j++)
                if (_a[i, j] != other._a[i, j]) return false;
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExprMatrix m && Equals(m);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var x in _a) h.Add(x);
        return h.ToHashCode();
    }

    /// <summary>Rows as <c>[[a, b], [c, d]]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < Rows; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append('[').Append(string.Join(", ", Enumerable.Range(0, Columns).Select(j => _a[i, j]))).Append(']');
        }
        return sb.Append(']').ToString();
    }
}
