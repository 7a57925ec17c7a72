using System.Numerics;

namespace ModelDsl.Physics.Trl;

/// <summary>
/// Charged-lepton-flavour-violating rates of TRL (arXiv:2206.08352) Sec. 3 from the heavy-neutrino mixing B of (2.5):
/// the form factors (B.1)-(B.6) at second order in B, BR(mu -> e gamma) (3.4), BR(mu -> eee) (3.5) and the
/// mu -> e conversion rate (3.6)-(3.7), in the forms of Alonso-Dhen-Gavela-Hambye arXiv:1209.2679 (which follow
/// Ilakovac-Pilaftsis hep-ph/9403398); all [P/R] in trl-formulas.md section 2.1. Flavour index 0 = e, 1 = mu.
/// </summary>
public static class Clfv
{
    /// <summary>
    /// (B.1)-(B.6) [R, second-order reduction D]: with x_N = m_N^2/M_W^2 and c_N = B_{eN} B^*_{mu N},
    /// G_gamma = sum c_N G_gamma(x_N), F_gamma = sum c_N F_gamma(x_N), F_Z = sum c_N [F_Z(x_N) + 2 G_Z(x_N, 0)],
    /// F_box^{mu e u u} = sum c_N [F_box(x_N, 0) - F_box(0, 0)], F_box^{mu e d d} = sum c_N [F_Xbox(x_N, 0) - F_Xbox(0, 0)],
    /// F_box^{mu e e e} = -2 sum c_N [F_Xbox(x_N, 0) - F_Xbox(0, 0)].
    /// </summary>
    public static ClfvFormFactors FormFactors(Complex[,] mixing, double[] heavyMasses, TrlConstants k)
    {
        Complex g = 0, fg = 0, fz = 0, uu = 0, dd = 0;
        double box00 = LoopFunctions.FBox(0, 0), xbox00 = LoopFunctions.FXBox(0, 0);
        for (var n = 0; n < heavyMasses.Length; n++)
        {
            var x = heavyMasses[n] * heavyMasses[n] / (k.WMass * k.WMass);
            var cn = mixing[0, n] * Complex.Conjugate(mixing[1, n]);
            g += cn * LoopFunctions.GGamma(x);
            fg += cn * LoopFunctions.FGamma(x);
            fz += cn * (LoopFunctions.FZ(x) + 2 * LoopFunctions.GZ(x, 0));
            uu += cn * (LoopFunctions.FBox(x, 0) - box00);
            dd += cn * (LoopFunctions.FXBox(x, 0) - xbox00);
        }
        return new ClfvFormFactors(g, fg, fz, -2 * dd, uu, dd);
    }

    /// <summary>The form factors (B.1)-(B.6) of Yukawas h and a heavy spectrum, through the mixing (2.5).</summary>
    public static ClfvFormFactors FormFactors(Complex[,] h, HeavySpectrum s, TrlConstants k) =>
        FormFactors(LightHeavyMixing.Mixing(h, s.Masses, k), s.Masses, k);

    /// <summary>(3.4) [P/R]: BR(mu -> e gamma) = alpha_w^3 s_w^2/(256 pi^2) m_mu^5/(M_W^4 Gamma_mu) |G_gamma^{mu e}|^2.</summary>
    public static double BrMuEGamma(ClfvFormFactors f, TrlConstants k) =>
        Math.Pow(k.AlphaW, 3) * k.SinThetaW2 / (256 * Math.PI * Math.PI) * Math.Pow(k.MuonMass, 5) / (Math.Pow(k.WMass, 4) * k.MuonWidth)
        * f.GGamma.Magnitude * f.GGamma.Magnitude;

    /// <summary>
    /// (3.5) [P/R]: BR(mu -> eee) = alpha_w^4/(24576 pi^3) (m_mu^4/M_W^4)(m_mu/Gamma_mu) {2|F_box/2 + F_Z - 2 s_w^2 (F_Z - F_gamma)|^2
    /// + 4 s_w^4 |F_Z - F_gamma|^2 + 16 s_w^2 Re[(F_Z + F_box/2) G^*] - 48 s_w^4 Re[(F_Z - F_gamma) G^*]
    /// + 32 s_w^4 |G|^2 (ln(m_mu^2/m_e^2) - 11/4)}, F_box = F_box^{mu e e e}, G = G_gamma.
    /// </summary>
    public static double BrMuThreeE(ClfvFormFactors f, TrlConstants k)
    {
        var sw2 = k.SinThetaW2;
        var sw4 = sw2 * sw2;
        var zg = f.FZ - f.FGamma;
        var gc = Complex.Conjugate(f.GGamma);
        var brace = 2 * Square(f.FBoxEee / 2 + f.FZ - 2 * sw2 * zg)
            + 4 * sw4 * Square(zg)
            + 16 * sw2 * ((f.FZ + f.FBoxEee / 2) * gc).Real
            - 48 * sw4 * (zg * gc).Real
            + 32 * sw4 * Square(f.GGamma) * (Math.Log(k.MuonMass * k.MuonMass / (k.ElectronMass * k.ElectronMass)) - 11.0 / 4);
        return Math.Pow(k.AlphaW, 4) / (24576 * Math.Pow(Math.PI, 3)) * Math.Pow(k.MuonMass / k.WMass, 4) * (k.MuonMass / k.MuonWidth) * brace;
    }

    /// <summary>
    /// (3.7) [P/R]: F~_q = Q_q s_w^2 F_gamma + F_Z (I3_q/2 - Q_q s_w^2) + F_box^{mu e q q}/4 for q = u (Q = 2/3, I3 = 1/2)
    /// or d (Q = -1/3, I3 = -1/2); <paramref name="upType"/> selects u.
    /// </summary>
    public static Complex QuarkFormFactor(ClfvFormFactors f, bool upType, TrlConstants k)
    {
        double q = upType ? 2.0 / 3 : -1.0 / 3, i3 = upType ? 0.5 : -0.5;
        return q * k.SinThetaW2 * f.FGamma + f.FZ * (i3 / 2 - q * k.SinThetaW2) + (upType ? f.FBoxUu : f.FBoxDd) / 4;
    }

    /// <summary>
    /// (3.6) [P/R]: R(mu -> e, N) = 2 G_F^2 alpha_w^2 m_mu^5/((4 pi)^2 Gamma_capt) |4 V^(p)(2 F~_u + F~_d) + 4 V^(n)(F~_u + 2 F~_d)
    /// + s_w^2/(2e) G_gamma D|^2, e = sqrt(4 pi alpha_em), V and D in units of m_mu^(5/2), Gamma_capt of Table 1 turned into GeV with hbar.
    /// </summary>
    public static double ConversionRate(ClfvFormFactors f, Nucleus nucleus, TrlConstants k)
    {
        var fu = QuarkFormFactor(f, true, k);
        var fd = QuarkFormFactor(f, false, k);
        var e = Math.Sqrt(4 * Math.PI * k.AlphaEm);
        var amplitude = 4 * nucleus.Vp * (2 * fu + fd) + 4 * nucleus.Vn * (fu + 2 * fd) + k.SinThetaW2 / (2 * e) * f.GGamma * nucleus.D;
        var captureGeV = nucleus.CaptureRate * k.HbarGeVSeconds;
        return 2 * k.FermiConstant * k.FermiConstant * k.AlphaW * k.AlphaW * Math.Pow(k.MuonMass, 5) / (16 * Math.PI * Math.PI * captureGeV)
            * Square(amplitude);
    }

    private static double Square(Complex z) => z.Real * z.Real + z.Imaginary * z.Imaginary;
}
