using System.Numerics;
using ModelDsl.Physics.Units;

namespace ModelDsl.Physics.Leptogenesis;

/// <summary>
/// ARS leptogenesis from sterile-neutrino oscillations, seed 000 (Khoze and Plascencia),
/// in the conventions of conformal-bl-notes.md. Y[i, a]: i sterile, a active flavour;
/// masses and temperatures in GeV. n_La/s is returned as the plain number (not in units of 2.5e-10).
/// </summary>
public static class ArsLeptogenesis
{
    /// <summary>
    /// Washout Gamma_a/H(T_EW) = (1/2) sum_i |Y_ia|^2 gamma_av T_EW / H(T_EW), eq. (4.3)
    /// (gamma_av = 5e-3 at T_EW).
    /// </summary>
    public static double Washout(Complex[,] y, int a, ArsConstants c)
    {
        var sum = 0.0;
        for (var i = 0; i < y.GetLength(0); i++) sum += y[i, a].Magnitude * y[i, a].Magnitude;
        return 0.5 * sum * c.GammaAvWashout * c.TEw / c.Hubble(c.TEw);
    }

    /// <summary>T_osc of a pair, eq. (3.10): (|M_i^2 - M_j^2| M* / (4 pi))^(1/3).</summary>
    public static double OscillationTemperature(double mi, double mj, ArsConstants c) =>
        Math.Cbrt(Math.Abs(mi * mi - mj * mj) * c.MStar / (4 * Math.PI));

    /// <summary>
    /// T_osc of a pair in the conformal model: (3.30), T30 = |M_i^2 - M_j^2| M* / (64 pi vphi^2),
    /// when T30 &gt; vphi (unbroken phase at oscillation); otherwise (3.10).
    /// </summary>
    public static double ConformalOscillationTemperature(double mi, double mj, double vphi, ArsConstants c)
    {
        var t30 = Math.Abs(mi * mi - mj * mj) * c.MStar / (64 * Math.PI * vphi * vphi);
        return t30 > vphi ? t30 : OscillationTemperature(mi, mj, c);
    }

    /// <summary>
    /// Im A_aij with A_aij = sum_c Y^dag_ai Y_ic Y^dag_cj Y_ja = conj(Y_ia) Y_ja (Y Y^dag)_ij,
    /// so that the bracket of (3.18)/(3.28), i (A - conj A), is -2 Im A.
    /// </summary>
    public static double ImA(Complex[,] y, int a, int i, int j)
    {
        var yyDagger = Complex.Zero;
        for (var c = 0; c < y.GetLength(1); c++) yyDagger += y[i, c] * Complex.Conjugate(y[j, c]);
        return (Complex.Conjugate(y[i, a]) * y[j, a] * yyDagger).Imaginary;
    }

    /// <summary>
    /// The DG asymmetry (3.18): n_La/s = 2 gamma_av^2 1.2e-4 sum_{i != j} Im A_aij sign(M_i^2 - M_j^2)
    /// (M_Pl^2 / |M_i^2 - M_j^2|)^(2/3), with gamma_av = 3e-3 and the non-reduced M_Pl.
    /// </summary>
    public static double AsymmetryDg(Complex[,] y, double[] masses, int a, ArsConstants c)
    {
        var sum = 0.0;
        for (var i = 0; i < masses.Length; i++)
            for (var j = 0; j < masses.Length; j++)
            {
                if (i == j) continue;
                var d = masses[i] * masses[i] - masses[j] * masses[j];
                sum += ImA(y, a, i, j) * Math.Sign(d) * Math.Pow(c.PlanckMass * c.PlanckMass / Math.Abs(d), 2.0 / 3.0);
            }
        return 2 * c.GammaAvSource * c.GammaAvSource * c.DgCoefficient * sum;
    }

    /// <summary>
    /// The integral I_ij of (3.29) (when T30 &gt; vphi, T_osc = T30 of (3.30)) or (3.31) (T_osc of
    /// (3.10)), with Delta|Y^M|^2_ij = (M_i^2 - M_j^2)/vphi^2 for Y^M = M/vphi.
    /// </summary>
    public static double ConformalIntegral(double mi, double mj, double vphi, ArsConstants c)
    {
        var deltaYm2 = (mi * mi - mj * mj) / (vphi * vphi);
        var t30 = Math.Abs(mi * mi - mj * mj) * c.MStar / (64 * Math.PI * vphi * vphi);
        var tail = Math.Atan(4 * vphi / c.TEw);
        if (t30 > vphi)
            return 16 / deltaYm2 * (c.PlanckMass / vphi) * (1 - vphi / t30 + 0.25 * tail - 0.25 * Math.Atan(4));
        var tosc = OscillationTemperature(mi, mj, c);
        return 4 / deltaYm2 * (c.PlanckMass / vphi) * (tail - Math.Atan(4 * vphi / tosc));
    }

    /// <summary>
    /// The conformal asymmetry (3.28): n_La/s = 2 gamma_av^2 7.3e-4 sum_{i != j} Im A_aij I_ij.
    /// </summary>
    public static double AsymmetryConformal(Complex[,] y, double[] masses, double vphi, int a, ArsConstants c)
    {
        var sum = 0.0;
        for (var i = 0; i < masses.Length; i++)
            for (var j = 0; j < masses.Length; j++)
                if (i != j) sum += ImA(y, a, i, j) * ConformalIntegral(masses[i], masses[j], vphi, c);
        return 2 * c.GammaAvSource * c.GammaAvSource * c.ConformalCoefficient * sum;
    }

    /// <summary>n_b / n_b^obs from (4.1): n_b/s = -(3/14) 0.35 n_Le/s, n_b^obs/s = 8.75e-11.</summary>
    public static double BaryonRatio(double nLe, ArsConstants c) => c.SphaleronFactor * nLe / c.ObservedBaryonAsymmetry;
}
