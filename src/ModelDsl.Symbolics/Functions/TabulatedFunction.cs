using System.Globalization;
using System.Numerics;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// A function of one real variable given by a table: the not-a-knot cubic spline through (x_i, y_i)
/// (de Boor, A Practical Guide to Splines, ch. IV; the third derivative is continuous at x_1 and
/// x_{n-2}, so cubics are reproduced exactly), held constant outside [x_0, x_{n-1}]. The error for a
/// smooth function is O(h^4), that of the derivative O(h^3). Its derivative is another tabulated
/// function, the spline's derivative (a piecewise quadratic, 0 outside the table), named
/// <c>name_prime</c>. Made by <see cref="FunctionRegistry.Tabulated"/>; not in the registry's name table.
/// </summary>
public sealed class TabulatedFunction : FunctionDefinition
{
    private readonly double[] _x;
    private readonly double[][] _c; // per interval: value, first, second, third coefficient in powers of (x - x_i)
    private readonly double _left, _right;
    private TabulatedFunction? _derivative;

    private TabulatedFunction(string name, double[] x, double[][] c, double left, double right) : base(name)
    {
        _x = x;
        _c = c;
        _left = left;
        _right = right;
        RealForm = new Func<double, double>(Value);
        ComplexForm = new Func<Complex, Complex>(Value);
    }

    /// <summary>The abscissae of the table.</summary>
    public IReadOnlyList<double> Knots => _x;

    /// <inheritdoc />
    public override bool NeedsRealArguments => true;

    /// <inheritdoc />
    public override bool IsRealForRealArguments => true;

    internal override Delegate RealForm { get; }

    internal override Delegate ComplexForm { get; }

    /// <summary>The derivative of this function (0 outside the table).</summary>
    public TabulatedFunction DerivativeFunction =>
        // one instance for all threads: two derivative definitions would make equal derivatives unequal
        LazyInitializer.EnsureInitialized(ref _derivative, () => new TabulatedFunction(
            Name + "_prime", _x, _c.Select(p => new[] { p[1], 2 * p[2], 3 * p[3], 0.0 }).ToArray(), 0, 0));

    /// <summary>The spline's value at x (the end values outside the table; NaN for NaN).</summary>
    public double Value(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < _x[0]) return _left;
        if (x > _x[^1]) return _right;
        var i = Array.BinarySearch(_x, x);
        if (i < 0) i = ~i - 1;
        i = Math.Min(i, _x.Length - 2);
        var t = x - _x[i];
        var p = _c[i];
        return p[0] + t * (p[1] + t * (p[2] + t * p[3]));
    }

    /// <summary>The value at a real argument; NaN when the imaginary part is not 0.</summary>
    public Complex Value(Complex z) => z.Imaginary == 0 ? Value(z.Real) : double.NaN;

    /// <inheritdoc />
    public override Complex Evaluate(ReadOnlySpan<Complex> args) => Value(args[0]);

    /// <inheritdoc />
    public override DerivativeRule Derivative(IReadOnlyList<Expr> args, int k) => DerivativeRule.Of(Expr.Apply(DerivativeFunction, args[0]));

    /// <summary>
    /// The scan lowering: the spline of the real part, NaN when the imaginary part is not 0 at run time (as
    /// <see cref="Value(Complex)"/>), so <c>f(log(T))</c> of a real T compiles although log's imaginary part is atan2(0, T).
    /// </summary>
    internal override (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f)
    {
        var x = splitter.Lower(f.Argument);
        var p = splitter.Program;
        var value = p.Apply(Value, x.Re);
        return (splitter.IsZero(x.Im) ? value : p.Op(StagedOp.Select, p.Op(StagedOp.Abs, x.Im), p.Const(double.NaN), value), p.Const(0));
    }

    internal static TabulatedResult Create(string name, double[] x, double[] y)
    {
        string? Check()
        {
            if (string.IsNullOrEmpty(name) || !char.IsAsciiLetter(name[0]) || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                return $"'{name}' is not a function name (a letter, then letters, digits or '_')";
            if (FunctionRegistry.TryLookup(name, out _) || name == "sqrt") return $"'{name}' is the name of a built-in function";
            if (x is null || y is null) return "the table has no x or no y values";
            if (x.Length != y.Length) return $"the table has {x.Length} x values but {y.Length} y values";
            if (x.Length < 4) return $"a cubic spline needs at least 4 points, the table has {x.Length}";
            for (var i = 0; i < x.Length; i++)
            {
                if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
                    return string.Create(CultureInfo.InvariantCulture, $"point {i + 1} ({x[i]}, {y[i]}) is not finite");
                if (i > 0 && !(x[i] > x[i - 1]))
                    return string.Create(CultureInfo.InvariantCulture, $"x is not strictly increasing at point {i + 1} ({x[i - 1]} then {x[i]})");
            }
            return null;
        }
        var error = Check();
        if (error is not null) return new TabulatedResult(null, $"Tabulated function '{name}': {error}.");
        var knots = (double[])x.Clone();
        return new TabulatedResult(new TabulatedFunction(name, knots, NotAKnot(knots, y), y[0], y[^1]), null);
    }

    /// <summary>
    /// The coefficients of the not-a-knot spline: second derivatives M_i from the continuity equations
    /// h_{i-1} M_{i-1} + 2 (h_{i-1} + h_i) M_i + h_i M_{i+1} = 6 (delta_i - delta_{i-1}), with M_0 and
    /// M_{n-1} eliminated by the not-a-knot conditions, solved by the Thomas algorithm.
    /// </summary>
    private static double[][] NotAKnot(double[] x, double[] y)
    {
        var n = x.Length;
        var h = new double[n - 1];
        var delta = new double[n - 1];
        for (var i = 0; i < n - 1; i++)
        {
            h[i] = x[i + 1] - x[i];
            delta[i] = (y[i + 1] - y[i]) / h[i];
        }
        var m = n - 2; // unknowns M_1 .. M_{n-2}
        var sub = new double[m];
        var diag = new double[m];
        var sup = new double[m];
        var rhs = new double[m];
        for (var j = 0; j < m; j++)
        {
            var i = j + 1;
            sub[j] = h[i - 1];
            diag[j] = 2 * (h[i - 1] + h[i]);
            sup[j] = h[i];
            rhs[j] = 6 * (delta[i] - delta[i - 1]);
        }
        // M_0 = ((h0 + h1) M_1 - h0 M_2)/h1 and M_{n-1} = ((h_{n-2} + h_{n-3}) M_{n-2} - h_{n-2} M_{n-3})/h_{n-3}
        diag[0] += h[0] * (h[0] + h[1]) / h[1];
        sup[0] -= h[0] * h[0] / h[1];
        diag[m - 1] += h[n - 2] * (h[n - 2] + h[n - 3]) / h[n - 3];
        sub[m - 1] -= h[n - 2] * h[n - 2] / h[n - 3];
        for (var j = 1; j < m; j++)
        {
            var w = sub[j] / diag[j - 1];
            diag[j] -= w * sup[j - 1];
            rhs[j] -= w * rhs[j - 1];
        }
        var second = new double[n];
        second[m] = rhs[m - 1] / diag[m - 1];
        for (var j = m - 2; j >= 0; j--) second[j + 1] = (rhs[j] - sup[j] * second[j + 2]) / diag[j];
        second[0] = ((h[0] + h[1]) * second[1] - h[0] * second[2]) / h[1];
        second[n - 1] = ((h[n - 2] + h[n - 3]) * second[n - 2] - h[n - 2] * second[n - 3]) / h[n - 3];
        var c = new double[n - 1][];
        for (var i = 0; i < n - 1; i++)
            c[i] = [y[i], delta[i] - h[i] * (2 * second[i] + second[i + 1]) / 6, second[i] / 2, (second[i + 1] - second[i]) / (6 * h[i])];
        return c;
    }
}
