using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using ModelDsl.Physics.Neutrinos;

namespace ModelDsl.Physics.Trl;

/// <summary>
/// The PMNS matrix in TRL's PDG form (3.1) (U_e3 = s13 e^{-i delta}, Majorana phases diag(1, e^{i alpha21/2}, e^{i alpha31/2})
/// on the right; not the seed-000 convention of <see cref="NeutrinoMixing.Pmns"/>), the mass matrix (2.18) and its
/// Takagi factorisation back to masses, angles and delta.
/// </summary>
public static class PdgMixing
{
    /// <summary>U of (3.1) [P/R] from sin^2 theta_12, sin^2 theta_23, sin^2 theta_13, delta and the Majorana phases (radians).</summary>
    public static Complex[,] Pmns(double sin2Theta12, double sin2Theta23, double sin2Theta13, double delta, double alpha21 = 0, double alpha31 = 0)
    {
        double s12 = Math.Sqrt(sin2Theta12), s23 = Math.Sqrt(sin2Theta23), s13 = Math.Sqrt(sin2Theta13);
        double c12 = Math.Sqrt(1 - sin2Theta12), c23 = Math.Sqrt(1 - sin2Theta23), c13 = Math.Sqrt(1 - sin2Theta13);
        var ed = Complex.FromPolarCoordinates(1, delta);
        var u = new Complex[3, 3]
        {
            { c12 * c13, s12 * c13, s13 / ed },
            { -s12 * c23 - c12 * s23 * s13 * ed, c12 * c23 - s12 * s23 * s13 * ed, s23 * c13 },
            { s12 * s23 - c12 * c23 * s13 * ed, -c12 * s23 - s12 * c23 * s13 * ed, c23 * c13 },
        };
        return ComplexMatrix3.Multiply(u, ComplexMatrix3.Diagonal(1, Complex.FromPolarCoordinates(1, alpha21 / 2), Complex.FromPolarCoordinates(1, alpha31 / 2)));
    }

    /// <summary>(2.18): m = U^* diag(masses) U^dagger, the complex symmetric light-neutrino mass matrix with U^T m U = diag(masses).</summary>
    public static Complex[,] MassMatrix(Complex[,] u, double[] masses)
    {
        var m = new Complex[3, 3];
        for (var l = 0; l < 3; l++)
            for (var k = 0; k < 3; k++)
                for (var i = 0; i < 3; i++)
                    m[l, k] += Complex.Conjugate(u[l, i]) * masses[i] * Complex.Conjugate(u[k, i]);
        return m;
    }

    /// <summary>
    /// Takagi factorisation of a complex symmetric 3x3 matrix: U unitary with U^T m U = diag(masses), masses &gt;= 0 ascending.
    /// Eigenvectors of the Hermitian m^dagger m = U diag(masses^2) U^dagger (MathNet EVD, after scaling m to unit size)
    /// are rephased by half the phase of v^T m v. Requires non-degenerate masses (a zero mass is fine: its column phase
    /// is then arbitrary); throws <see cref="ArithmeticException"/> when an entry is not finite.
    /// </summary>
    public static (double[] Masses, Complex[,] U) Takagi(Complex[,] m)
    {
        foreach (var z in m)
            if (!double.IsFinite(z.Real) || !double.IsFinite(z.Imaginary))
                throw new ArithmeticException("the light-neutrino mass matrix is not finite");
        var scale = 0.0;
        foreach (var z in m) scale = Math.Max(scale, z.Magnitude);
        if (scale == 0) return ([0, 0, 0], ComplexMatrix3.Diagonal(1, 1, 1));
        var ms = Matrix<Complex>.Build.Dense(3, 3, (i, j) => m[i, j] / scale);
        var evd = (ms.ConjugateTranspose() * ms).Evd(Symmetricity.Hermitian);
        var order = Enumerable.Range(0, 3).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        var u = new Complex[3, 3];
        var masses = new double[3];
        for (var j = 0; j < 3; j++)
        {
            var v = evd.EigenVectors.Column(order[j]);
            var d = (v.ToRowMatrix() * ms * v.ToColumnMatrix())[0, 0];
            var phase = Complex.FromPolarCoordinates(1, -d.Phase / 2);
            for (var i = 0; i < 3; i++) u[i, j] = v[i] * phase;
            masses[j] = d.Magnitude * scale;
        }
        return (masses, u);
    }

    /// <summary>
    /// Masses (PDG labels), angles and delta of a light-neutrino mass matrix m = U^* diag(m) U^dagger (2.18): Takagi
    /// factorisation, columns ordered as (nu1, nu2, nu3) for the given ordering, then s13^2 = |U_e3|^2,
    /// s12^2 = |U_e2|^2/c13^2, s23^2 = |U_mu3|^2/c13^2 and delta from the rephasing invariant
    /// I = U_e2 U_mu3 U_e3^* U_mu2^* = s12 c13^2 s23 s13 (c12 c23 e^{i delta} - s12 s23 s13) of (3.1).
    /// </summary>
    public static LightNeutrinoParameters FromMassMatrix(Complex[,] m, MassOrdering ordering)
    {
        var (sorted, us) = Takagi(m);
        int[] columns = ordering == MassOrdering.Normal ? [0, 1, 2] : [1, 2, 0];
        var u = new Complex[3, 3];
        var masses = new double[3];
        for (var j = 0; j < 3; j++)
        {
            masses[j] = sorted[columns[j]];
            for (var i = 0; i < 3; i++) u[i, j] = us[i, columns[j]];
        }
        var s13sq = u[0, 2].Magnitude * u[0, 2].Magnitude;
        var c13sq = 1 - s13sq;
        var s12sq = u[0, 1].Magnitude * u[0, 1].Magnitude / c13sq;
        var s23sq = u[1, 2].Magnitude * u[1, 2].Magnitude / c13sq;
        double s12 = Math.Sqrt(s12sq), s23 = Math.Sqrt(s23sq), s13 = Math.Sqrt(s13sq), c12 = Math.Sqrt(1 - s12sq), c23 = Math.Sqrt(1 - s23sq);
        var invariant = u[0, 1] * u[1, 2] * Complex.Conjugate(u[0, 2]) * Complex.Conjugate(u[1, 1]);
        var eDelta = (invariant / (s12 * c13sq * s23 * s13) + s12 * s23 * s13) / (c12 * c23);
        var delta = eDelta.Phase;
        if (delta < 0) delta += 2 * Math.PI;
        return new LightNeutrinoParameters(masses, s12sq, s23sq, s13sq, delta);
    }

    /// <summary>
    /// The one physical Majorana phase of a mass matrix with a massless neutrino (radians in [0, 2pi)): for normal
    /// ordering (m1 = 0) alpha31 - alpha21 = arg(U_e3^2 / U_e2^2) + 2 delta, for inverted ordering (m3 = 0)
    /// alpha21 = arg(U_e2^2 / U_e1^2), with U the Takagi factor in PDG column order and the Majorana phases of (3.1).
    /// Both combinations are invariant under rephasing the charged leptons and under the sign of each column.
    /// </summary>
    public static double MajoranaPhase(Complex[,] m, MassOrdering ordering)
    {
        var (_, us) = Takagi(m);
        int[] columns = ordering == MassOrdering.Normal ? [0, 1, 2] : [1, 2, 0];
        Complex U(int j) => us[0, columns[j]];
        var phase = ordering == MassOrdering.Normal
            ? (U(2) * U(2) / (U(1) * U(1))).Phase + 2 * FromMassMatrix(m, ordering).Delta
            : (U(1) * U(1) / (U(0) * U(0))).Phase;
        phase %= 2 * Math.PI;
        return phase < 0 ? phase + 2 * Math.PI : phase;
    }
}
