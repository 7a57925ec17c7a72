using System.Numerics;

namespace ModelDsl.Physics.Neutrinos;

/// <summary>The PMNS matrix, the complex orthogonal R of Casas-Ibarra, and the seesaw relations (seed 000 Sec. 4).</summary>
public static class NeutrinoMixing
{
    /// <summary>
    /// PMNS in the PDG form for angles and delta (U_e3 = s13 e^{-i delta}), times the Majorana
    /// phases diag(e^{i alpha1/2}, e^{i alpha2/2}, 1) on the right: the convention that
    /// reproduces seed 000's Table 1 (the Drewes-Garbrecht one; conformal-bl-notes.md).
    /// </summary>
    public static Complex[,] Pmns(double s12, double s23, double s13, double delta, double alpha1, double alpha2)
    {
        double c12 = Math.Sqrt(1 - s12 * s12), c23 = Math.Sqrt(1 - s23 * s23), c13 = Math.Sqrt(1 - s13 * s13);
        var ed = Complex.FromPolarCoordinates(1, delta);
        var u = new Complex[3, 3]
        {
            { c12 * c13, s12 * c13, s13 / ed },
            { -s12 * c23 - c12 * s23 * s13 * ed, c12 * c23 - s12 * s23 * s13 * ed, s23 * c13 },
            { s12 * s23 - c12 * c23 * s13 * ed, -c12 * s23 - s12 * c23 * s13 * ed, c23 * c13 },
        };
        var p = ComplexMatrix3.Diagonal(Complex.FromPolarCoordinates(1, alpha1 / 2), Complex.FromPolarCoordinates(1, alpha2 / 2), 1);
        return ComplexMatrix3.Multiply(u, p);
    }

    /// <summary>
    /// R = R23(w23) R13(w13) R12(w12), complex orthogonal (R R^T = 1); each R_ij has cos w on
    /// its two diagonal entries, +sin w at [i,j] and -sin w at [j,i].
    /// </summary>
    public static Complex[,] OrthogonalR(Complex w12, Complex w13, Complex w23) =>
        ComplexMatrix3.Multiply(Rotation(1, 2, w23), Rotation(0, 2, w13), Rotation(0, 1, w12));

    private static Complex[,] Rotation(int i, int j, Complex w)
    {
        var r = ComplexMatrix3.Diagonal(1, 1, 1);
        r[i, i] = r[j, j] = Complex.Cos(w);
        r[i, j] = Complex.Sin(w);
        r[j, i] = -Complex.Sin(w);
        return r;
    }

    /// <summary>
    /// Casas-Ibarra (4.2): Y^dagger = U sqrt(m) R sqrt(M) sqrt(2)/v, returned as the Dirac Yukawa
    /// matrix Y[i, a] (i sterile, a active) = conjugate transpose of that. Masses in GeV.
    /// </summary>
    public static Complex[,] CasasIbarra(Complex[,] pmns, double[] lightMasses, Complex[,] r, double[] heavyMasses, double higgsVev)
    {
        var sqrtM = ComplexMatrix3.Diagonal(lightMasses.Select(m => (Complex)Math.Sqrt(m)).ToArray());
        var sqrtN = ComplexMatrix3.Diagonal(heavyMasses.Select(m => (Complex)Math.Sqrt(m)).ToArray());
        var yDagger = ComplexMatrix3.Multiply(pmns, sqrtM, r, sqrtN);
        var scale = Math.Sqrt(2) / higgsVev;
        for (var a = 0; a < 3; a++)
            for (var i = 0; i < 3; i++)
                yDagger[a, i] *= scale;
        return ComplexMatrix3.Dagger(yDagger);
    }

    /// <summary>
    /// The seesaw light-neutrino mass matrix m_D M^-1 m_D^T with m_D = (v/sqrt2) Y^dagger
    /// (active x sterile), in GeV. For Casas-Ibarra Yukawas it equals U m U^T.
    /// </summary>
    public static Complex[,] SeesawMassMatrix(Complex[,] yukawa, double[] heavyMasses, double higgsVev)
    {
        var mD = ComplexMatrix3.Dagger(yukawa);
        var scale = higgsVev / Math.Sqrt(2);
        for (var a = 0; a < mD.GetLength(0); a++)
            for (var i = 0; i < mD.GetLength(1); i++)
                mD[a, i] *= scale;
        var mInverse = ComplexMatrix3.Diagonal(heavyMasses.Select(m => (Complex)(1 / m)).ToArray());
        return ComplexMatrix3.Multiply(mD, mInverse, ComplexMatrix3.Transpose(mD));
    }
}
