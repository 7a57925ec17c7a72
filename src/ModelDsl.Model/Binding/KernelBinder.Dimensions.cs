using System.Numerics;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Syntax;

namespace ModelDsl.Model;

/// <summary>The energy (mass) dimension of a bound kernel, inferred from its expression.</summary>
internal sealed partial class KernelBinder
{
    /// <summary>
    /// The energy dimension of a kernel (natural units, GeV^d), exact, or null when it cannot be known. Known: pi, I, omega and
    /// the small number literals (0); <c>mass</c> parameters and constants written with a unit (1). Products add dimensions,
    /// rational powers multiply them; a sum, <c>min</c>, <c>max</c> and the two branches of <c>ifpos</c> need one dimension (the
    /// number 0 fits any); <c>abs re im conj</c> keep it; <c>sign</c>, <c>theta</c> and the condition of <c>ifpos</c> depend
    /// only on a sign (result 0, any argument); every other function (exp, log, trig, Bessel) is dimensionless of
    /// dimensionless arguments. A number literal counts as dimensionless only when it is a small exact rational: after
    /// reduction |numerator| &lt;= 64 and denominator &lt;= 64 (<see cref="IsSmallRational"/>: 16, 3/14, 0.35 = 7/20), the
    /// counting numbers and simple fractions of formulas; any other literal (131.7, 174, 246, 1e13, 1e-3) is likely a
    /// quantity written in GeV as a bare number, so the kernel's dimension is unknown. Unknown: anything else, e.g. a let
    /// entry (a Yukawa), a constant without unit (M_Pl = 1.22e19 is a number in GeV that the spec does not mark), a parameter
    /// not declared <c>mass</c>, a tabulated function, mixed dimensions, the number 0 alone, and a kernel without a single
    /// symbol of known dimension (only numbers, pi and functions of them: <c>2*pi</c>, <c>16</c> may be a count or a mass;
    /// see <see cref="_quantities"/>).
    /// Unknown is never guessed, so a unit printed from it is never wrong.
    /// </summary>
    private Rational? EnergyDimension(Expr e) => Dimension(e) is { } d && d != Any ? d : null;

    /// <summary>
    /// Counts the names bound that hold a symbol of known dimension (a <c>mass</c> parameter or its entry, a constant with a
    /// unit, an earlier kernel or define holding one), before products fold them away (<c>mt/m_star</c> with
    /// <c>mt = 2*m_star</c> is bound as 2, yet is a ratio of masses). A kernel during whose binding none is counted is made of
    /// numbers only, and its dimension is unknown.
    /// </summary>
    private int _quantities;

    /// <summary>Counts <paramref name="bound"/> among <see cref="_quantities"/> when it holds a symbol of known dimension other than pi.</summary>
    private Expr NoteQuantity(Expr bound)
    {
        if (bound.Symbols().Any(s => s.Name != "pi" && SymbolDimension(s) is not null)) _quantities++;
        return bound;
    }

    /// <summary>
    /// True for a literal that counts as a pure number: an exact rational whose reduced numerator and denominator are at most
    /// 64 in size (the house bound on small integers, as for SU(N) labels and indices).
    /// </summary>
    private static bool IsSmallRational(Rational r) => BigInteger.Abs(r.Numerator) <= 64 && r.Denominator <= 64;

    /// <summary>Counts a number literal that may stand for a quantity (not <see cref="IsSmallRational"/>) among the opaque numbers.</summary>
    private void NoteLiteral(LiteralExpressionSyntax l)
    {
        if (l.Token.Value is { } v && !IsSmallRational(v)) _opaqueNumbers++;
    }

    /// <summary>
    /// Counts the numbers bound in place of a quantity that may have a dimension: a number literal that is not a small exact
    /// rational (<c>131.7</c>, <c>1e13</c>), a table constant (<c>constants.M_Pl</c>, folded to its value), a texture entry, an
    /// earlier kernel holding one. A kernel bound while it grows has an unknown
    /// dimension, since a number in it need not be dimensionless. (A used library's kernels keep the dimension inferred in
    /// the library, where its inputs are symbols with their declared <c>mass</c>.)
    /// </summary>
    private int _opaqueNumbers;

    /// <summary>The kernels whose expression holds such a number.</summary>
    private readonly HashSet<string> _opaqueKernels = new(StringComparer.Ordinal);

    /// <summary>The dimension of a sub-expression; <see cref="Any"/> for the number 0.</summary>
    private Rational? Dimension(Expr e)
    {
        switch (e)
        {
            case NumberExpr { Value.IsZero: true }: return Any;
            case NumberExpr: return Rational.Zero;
            case SymbolExpr s: return SymbolDimension(s);
            case SumExpr sum:
                return Same(sum.Terms);
            case ProductExpr product:
                var total = Rational.Zero;
                foreach (var f in product.Factors)
                    if (Dimension(f) is { } d && d != Any) total += d;
                    else return null;
                return total;
            case PowerExpr { Exponent: NumberExpr { Value.IsRational: true } n } pw:
                return Dimension(pw.Base) is { } b && b != Any ? b * n.Value.AsRational : null;
            case PowerExpr pw:
                return Dimension(pw.Base) == Rational.Zero && Dimension(pw.Exponent) == Rational.Zero ? Rational.Zero : null;
            case FunctionExpr f when f.Definition.Name is "abs" or "re" or "im" or "conj" or "min" or "max":
                return Same(f.Arguments);
            case FunctionExpr f when f.Definition.Name is "ifpos" && f.Arguments.Count == 3:
                return Same(f.Arguments.Skip(1));
            case FunctionExpr f when f.Definition.Name is "sign" or "theta":
                return Rational.Zero;
            case FunctionExpr f when f.Definition is Symbolics.Functions.TabulatedFunction:
                return null;
            case FunctionExpr f:
                return f.Arguments.All(a => Dimension(a) is { } d && (d == Rational.Zero || d == Any)) ? Rational.Zero : null;
            default: return null;
        }
    }

    /// <summary>A symbol's dimension: 0 for pi, 1 for a constant with a unit or a <c>mass</c> parameter (or its entry), else null.</summary>
    private Rational? SymbolDimension(SymbolExpr s)
    {
        if (s.Name is "pi") return Rational.Zero;
        if (_energies.Contains(s.Name)) return Rational.One;
        var bracket = s.Name.IndexOf('[');
        return owner.Parameters.TryGetValue(bracket < 0 ? s.Name : s.Name[..bracket], out var p) && p.IsMass ? Rational.One : null;
    }

    /// <summary>Stands for the number 0, which has every dimension (a sentinel no real dimension equals).</summary>
    private static readonly Rational Any = Rational.Create(-1000003, 7);

    /// <summary>The one dimension the operands share (the number 0 fits any); null when one is unknown or two differ.</summary>
    private Rational? Same(IEnumerable<Expr> operands)
    {
        Rational? shared = Any;
        foreach (var o in operands)
        {
            if (Dimension(o) is not { } d) return null;
            if (d == Any) continue;
            if (shared != Any && shared != d) return null;
            shared = d;
        }
        return shared;
    }
}
