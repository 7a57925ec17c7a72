using ModelDsl.Model;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Kernels;

/// <summary>
/// The <see cref="MatrixBuiltin"/>s as symbolic matrices, entry for entry the formulas of the
/// numeric implementations in <see cref="Physics.Neutrinos.NeutrinoMixing"/>. A scan compiled for
/// its axes folds them into the kernels, so that what does not vary over the grid (the PMNS
/// matrix, the parts of R that do not depend on a scanned angle) is computed once.
/// </summary>
public static class SymbolicBuiltins
{
    /// <summary>
    /// The builtin on symbolic arguments (an <see cref="Expr"/> per scalar, an <see cref="ExprMatrix"/>
    /// per vector (n x 1) or matrix); null when the builtin has no symbolic form.
    /// </summary>
    public static ExprMatrix? Evaluate(MatrixBuiltin builtin, IReadOnlyList<object> args) => builtin.Name switch
    {
        "pmns" => Pmns((Expr)args[0], (Expr)args[1], (Expr)args[2], (Expr)args[3], (Expr)args[4], (Expr)args[5]),
        "orthogonal_r" => Rotation(1, 2, (Expr)args[2]) * Rotation(0, 2, (Expr)args[1]) * Rotation(0, 1, (Expr)args[0]),
        "casas_ibarra" => CasasIbarra((ExprMatrix)args[0], (ExprMatrix)args[1], (ExprMatrix)args[2], (ExprMatrix)args[3], (Expr)args[4]),
        "seesaw_mass" => SeesawMass((ExprMatrix)args[0], (ExprMatrix)args[1], (Expr)args[2]),
        _ => null,
    };

    /// <summary>PMNS of <see cref="Physics.Neutrinos.NeutrinoMixing.Pmns"/>: PDG form, Majorana phases on the right.</summary>
    public static ExprMatrix Pmns(Expr s12, Expr s23, Expr s13, Expr delta, Expr alpha1, Expr alpha2)
    {
        Expr Cos(Expr s) => Expr.Sqrt(1 - s * s);
        Expr c12 = Cos(s12), c23 = Cos(s23), c13 = Cos(s13);
        var ed = Expr.Exp(Expr.I * delta);
        var u = ExprMatrix.FromRows(
            [c12 * c13, s12 * c13, s13 * Expr.Exp(-(Expr.I * delta))],
            [-(s12 * c23) - c12 * s23 * s13 * ed, c12 * c23 - s12 * s23 * s13 * ed, s23 * c13],
            [s12 * s23 - c12 * c23 * s13 * ed, -(c12 * s23) - s12 * c23 * s13 * ed, c23 * c13]);
        var half = Expr.Number(Rational.Half);
        return u * ExprMatrix.Diagonal(Expr.Exp(Expr.I * alpha1 * half), Expr.Exp(Expr.I * alpha2 * half), Expr.One);
    }

    private static ExprMatrix Rotation(int i, int j, Expr w) => ExprMatrix.Create(3, 3, (r, c) =>
        r == c ? (r == i || r == j ? Expr.Cos(w) : Expr.One)
        : r == i && c == j ? Expr.Sin(w)
        : r == j && c == i ? -Expr.Sin(w)
        : Expr.Zero);

    /// <summary>Casas-Ibarra (seed 000 eq. 4.2): Y = (U sqrt(mnu) R sqrt(M) sqrt2/v)^dagger.</summary>
    public static ExprMatrix CasasIbarra(ExprMatrix u, ExprMatrix mnu, ExprMatrix r, ExprMatrix m, Expr v)
    {
        var sqrtLight = ExprMatrix.Diagonal(Enumerable.Range(0, 3).Select(k => Expr.Sqrt(mnu[k, 0])).ToArray());
        var sqrtHeavy = ExprMatrix.Diagonal(Enumerable.Range(0, 3).Select(k => Expr.Sqrt(m[k, 0])).ToArray());
        var yDagger = Expr.Sqrt(2) / v * (u * sqrtLight * r * sqrtHeavy);
        return yDagger.ConjugateTranspose();
    }

    /// <summary>The seesaw light mass m_D M^-1 m_D^T with m_D = (v/sqrt2) Y^dagger.</summary>
    public static ExprMatrix SeesawMass(ExprMatrix y, ExprMatrix m, Expr v)
    {
        var mD = v / Expr.Sqrt(2) * y.ConjugateTranspose();
        var inverse = ExprMatrix.Diagonal(Enumerable.Range(0, 3).Select(k => 1 / m[k, 0]).ToArray());
        return mD * inverse * mD.Transpose();
    }
}
