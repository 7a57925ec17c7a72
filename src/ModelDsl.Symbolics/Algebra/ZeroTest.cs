using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Algebra;

/// <summary>
/// Exact zero test for rational expressions over Q(zeta_12) (so over Q(i) and Q(omega)):
/// the expression is brought to numerator/denominator form, both expanded; it is zero
/// exactly when the canonical expanded numerator is the number 0. Complex symbols and
/// their conjugates are independent variables, which is exact for polynomials in z and
/// conj(z). Non-rational sub-expressions are treated as independent atoms, so the test
/// never answers "zero" falsely; it may answer "not zero" for identities between
/// transcendental atoms (e.g. exp(x) exp(-x) - 1).
/// </summary>
public static class ZeroTest
{
    /// <summary>Tests whether <paramref name="e"/> is identically zero.</summary>
    public static ZeroTestResult Test(Expr e)
    {
        var (n, d) = RationalForm.Together(e);
        return new ZeroTestResult(n.IsZero && !d.IsZero, n, d);
    }

    /// <summary>True when <paramref name="e"/> is identically zero.</summary>
    public static bool IsZero(Expr e) => Test(e).IsZero;

    /// <summary>True when <paramref name="a"/> - <paramref name="b"/> is identically zero.</summary>
    public static bool AreEqual(Expr a, Expr b) => IsZero(a - b);
}
