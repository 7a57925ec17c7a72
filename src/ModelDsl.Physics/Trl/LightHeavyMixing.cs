using System.Numerics;

namespace ModelDsl.Physics.Trl;

/// <summary>
/// Light-heavy mixing and the seesaw light-neutrino mass of TRL (arXiv:2206.08352) Sec. 2, with Yukawas h[l, alpha]
/// (rows flavours e, mu, tau; columns N1..N3), m_D = v h / sqrt2, masses in GeV.
/// </summary>
public static class LightHeavyMixing
{
    /// <summary>
    /// (2.5) [P/R]: B_{l alpha} = (v/sqrt2) h_{l alpha}/m_alpha, first order in m_D/m_M, charged-lepton Yukawas diagonal,
    /// no complex conjugation (the convention the form factors of <see cref="Clfv"/> use).
    /// </summary>
    public static Complex[,] Mixing(Complex[,] h, double[] masses, TrlConstants k)
    {
        var b = new Complex[3, 3];
        for (var l = 0; l < 3; l++)
            for (var alpha = 0; alpha < 3; alpha++)
                b[l, alpha] = k.HiggsVev / Math.Sqrt(2) * h[l, alpha] / masses[alpha];
        return b;
    }

    /// <summary>
    /// (2.14) [P; R for the form]: the effective inverse mass m~^-1 = 1/m - (alpha_w/(16 pi M_W^2)) m f(m), f of (2.13)
    /// (the relative sign is [R]: about a 2 % shift at m ~ 1 TeV); 1/m when <paramref name="oneLoop"/> is false.
    /// </summary>
    public static double EffectiveInverseMass(double m, TrlConstants k, bool oneLoop) =>
        oneLoop ? 1 / m - k.OneLoopCoefficient * m * LoopFunctions.SeesawOneLoop(m, k) : 1 / m;

    /// <summary>The three effective inverse masses (2.14) of a spectrum.</summary>
    public static double[] EffectiveInverseMasses(HeavySpectrum s, TrlConstants k, bool oneLoop) =>
        s.Masses.Select(m => EffectiveInverseMass(m, k, oneLoop)).ToArray();

    /// <summary>
    /// (2.6) [P] and its one-loop form (2.12)/(2.14): m_nu = -(v^2/2) h diag(m~^-1) h^T in GeV, complex symmetric.
    /// With <paramref name="oneLoop"/> false this is the tree seesaw -m_D m_M^-1 m_D^T.
    /// </summary>
    public static Complex[,] LightMassMatrix(Complex[,] h, HeavySpectrum s, TrlConstants k, bool oneLoop) =>
        LightMassMatrix(h, EffectiveInverseMasses(s, k, oneLoop), k);

    /// <summary>m_nu = -(v^2/2) h diag(d) h^T for given (effective) inverse masses d, GeV.</summary>
    public static Complex[,] LightMassMatrix(Complex[,] h, double[] inverseMasses, TrlConstants k)
    {
        var m = new Complex[3, 3];
        var factor = -k.HiggsVev * k.HiggsVev / 2;
        for (var l = 0; l < 3; l++)
            for (var j = 0; j < 3; j++)
            {
                var sum = Complex.Zero;
                for (var alpha = 0; alpha < 3; alpha++) sum += h[l, alpha] * inverseMasses[alpha] * h[j, alpha];
                m[l, j] = factor * sum;
            }
        return m;
    }
}
