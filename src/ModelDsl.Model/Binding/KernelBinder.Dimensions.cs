using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Model;

/// <summary>The energy (mass) dimension of a bound kernel, inferred from its expression.</summary>
internal sealed partial class KernelBinder
{
    /// <summary>
    /// The energy dimension of a kernel (natural units, GeV^d), exact, or null when it cannot be known. Known: numbers, pi,
    /// I and omega (0); <c>mass</c> parameters and constants written with a unit (1). Products add dimensions, rational powers
    /// multiply them; a sum, <c>min</c>, <c>max</c> and the two branches of <c>ifpos</c> need one dimension (the number 0 fits
    /// any); <c>abs re im conj</c> keep it; <c>sign</c>, <c>theta</c> and the condition of <c>ifpos</c> depend only on a sign
    /// (result 0, any argument); every other function (exp, log, trig, Bessel) is dimensionless of dimensionless arguments.
    /// Unknown: anything else, e.g. a let entry (a Yukawa), a constant without unit (M_Pl = 1.22e19 is a number in GeV that
    /// the spec does not mark), a parameter not declared <c>mass</c>, a tabulated function, mixed dimensions, and the number 0
    /// alone. Unknown is never guessed, so a unit printed from it is never wrong.
    /// </summary>
    private Rational? EnergyDimension(Expr e) => Dimension(e) is { } d && d != Any ? d : null;

    /// <summary>
    /// Counts the numbers bound in place of a quantity that may have a dimension: a table constant (<c>constants.M_Pl</c>,
    /// folded to its value), a texture entry, an earlier kernel holding one. A kernel bound while it grows has an unknown
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
            case SymbolExpr s when s.Name is "pi": return Rational.Zero;
            case SymbolExpr s when _energies.Contains(s.Name): return Rational.One;
            case SymbolExpr s:
                var bracket = s.Name.IndexOf('[');
                return owner.Parameters.TryGetValue(bracket < 0 ? s.Name : s.Name[..bracket], out var p) && p.IsMass ? Rational.One : null;
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
