using System.Numerics;
using ModelDsl.Physics.Neutrinos;

namespace ModelDsl.Physics.Trl;

/// <summary>
/// Resonant CP asymmetries of tri-resonant leptogenesis, TRL (arXiv:2206.08352) Sec. 4.1, in the resummation of
/// Pilaftsis-Underwood (hep-ph/0309342, PU03). Yukawas h[l, alpha] (rows e, mu, tau; columns N1..N3), masses in GeV,
/// indices 0-based. Every mass difference is taken from the <see cref="HeavySpectrum"/> splittings (trl-formulas.md,
/// Corrections item 6). The asymmetry numerators are formed from the resummation corrections, not from |hbar|^2 - |hbar^c|^2
/// of nearly equal numbers, so far from resonance they keep full relative precision.
/// </summary>
public static class ResonantAsymmetries
{
    /// <summary>(4.1) [R]: A_{alpha beta}(h) = sum_l h_{l alpha} h^*_{l beta}/(16 pi) = (h^dagger h)^*_{alpha beta}/(16 pi).</summary>
    public static Complex[,] Absorptive(Complex[,] h)
    {
        var a = new Complex[3, 3];
        for (var alpha = 0; alpha < 3; alpha++)
            for (var beta = 0; beta < 3; beta++)
            {
                var s = Complex.Zero;
                for (var l = 0; l < 3; l++) s += h[l, alpha] * Complex.Conjugate(h[l, beta]);
                a[alpha, beta] = s / (16 * Math.PI);
            }
        return a;
    }

    /// <summary>
    /// (4.2) [R]: B_{l alpha}(h) = (1/16 pi) sum_k sum_{beta != alpha} h^*_{k alpha} h_{k beta} h_{l beta} f(m_beta^2/m_alpha^2),
    /// f the Fukugita-Yanagida function (<see cref="LoopFunctions.FukugitaYanagida"/>).
    /// </summary>
    public static Complex[,] Vertex(Complex[,] h, HeavySpectrum s)
    {
        var hh = HDaggerH(h);
        var b = new Complex[3, 3];
        for (var alpha = 0; alpha < 3; alpha++)
            for (var beta = 0; beta < 3; beta++)
            {
                if (beta == alpha) continue;
                var f = LoopFunctions.FukugitaYanagida(s.SquareRatio(beta, alpha));
                for (var l = 0; l < 3; l++) b[l, alpha] += hh[alpha, beta] * h[l, beta] * f / (16 * Math.PI);
            }
        return b;
    }

    /// <summary>
    /// hbar - h for the resummed effective Yukawa (4.3)-(4.4) [R, vertex sign fixed]:
    /// hbar_{l alpha} = h_{l alpha} - i B_{l alpha} - i sum_{beta,gamma} |eps_{alpha beta gamma}| h_{l beta} N/D with
    /// N = m_a(m_a A_ab + m_b A_ba) - i R_ag [m_a A_gb (m_a A_ag + m_g A_ga) + m_b A_bg (m_a A_ga + m_g A_ag)],
    /// D = m_a^2 - m_b^2 + 2i m_a^2 A_bb + 2i Im R_ag (m_a^2 |A_bg|^2 + m_b m_g Re(A_bg^2)),
    /// R_ag = m_a^2/(m_a^2 - m_g^2 + 2i m_a^2 A_gg); <paramref name="threeNeutrinoMixing"/> false sets R = 0 (bi-resonant).
    /// </summary>
    public static Complex[,] EffectiveYukawaCorrection(Complex[,] h, HeavySpectrum s, bool threeNeutrinoMixing)
    {
        var a = Absorptive(h);
        var b = Vertex(h, s);
        var d = new Complex[3, 3];
        var i = Complex.ImaginaryOne;
        for (var al = 0; al < 3; al++)
        {
            for (var l = 0; l < 3; l++) d[l, al] = -i * b[l, al];
            var ma = s.Mass(al);
            for (var be = 0; be < 3; be++)
            {
                if (be == al) continue;
                var ga = 3 - al - be;
                double mb = s.Mass(be), mg = s.Mass(ga);
                var num = ma * (ma * a[al, be] + mb * a[be, al]);
                var den = s.SquareDifference(al, be) + 2 * i * ma * ma * a[be, be];
                if (threeNeutrinoMixing)
                {
                    var r = ma * ma / (s.SquareDifference(al, ga) + 2 * i * ma * ma * a[ga, ga]);
                    num -= i * r * (ma * a[ga, be] * (ma * a[al, ga] + mg * a[ga, al]) + mb * a[be, ga] * (ma * a[ga, al] + mg * a[al, ga]));
                    var abg = a[be, ga];
                    den += 2 * i * r.Imaginary * (ma * ma * (abg.Real * abg.Real + abg.Imaginary * abg.Imaginary) + mb * mg * (abg * abg).Real);
                }
                var ratio = num / den;
                for (var l = 0; l < 3; l++) d[l, al] -= i * h[l, be] * ratio;
            }
        }
        return d;
    }

    /// <summary>(4.3) [R]: the resummed effective Yukawa hbar of N_alpha -> L_l Phi.</summary>
    public static Complex[,] EffectiveYukawa(Complex[,] h, HeavySpectrum s, bool threeNeutrinoMixing) =>
        Add(h, EffectiveYukawaCorrection(h, s, threeNeutrinoMixing));

    /// <summary>(4.3) with h -> h^* [P]: the CP-conjugate effective Yukawa hbar^c of N_alpha -> L^C_l Phi^dagger.</summary>
    public static Complex[,] EffectiveYukawaConjugate(Complex[,] h, HeavySpectrum s, bool threeNeutrinoMixing) =>
        EffectiveYukawa(Conjugate(h), s, threeNeutrinoMixing);

    /// <summary>(4.5) [P/R]: Gamma(N_alpha -> L_l Phi) = m_alpha |hbar_{l alpha}|^2/(16 pi) (pass hbar^c for the conjugate channel).</summary>
    public static double PartialWidth(Complex[,] effectiveYukawa, HeavySpectrum s, int l, int alpha) =>
        s.Mass(alpha) * Norm2(effectiveYukawa[l, alpha]) / (16 * Math.PI);

    /// <summary>Tree-level total width Gamma_N_alpha = m_alpha (h^dagger h)_{alpha alpha}/(8 pi) [R] (both CP channels, both doublet components).</summary>
    public static double TreeWidth(Complex[,] h, double mass, int alpha)
    {
        var s = 0.0;
        for (var l = 0; l < 3; l++) s += Norm2(h[l, alpha]);
        return mass * s / (8 * Math.PI);
    }

    /// <summary>The three tree-level widths of a spectrum.</summary>
    public static double[] TreeWidths(Complex[,] h, HeavySpectrum s) => [TreeWidth(h, s.Mass(0), 0), TreeWidth(h, s.Mass(1), 1), TreeWidth(h, s.Mass(2), 2)];

    /// <summary>
    /// (4.6)-(4.7) [P]: epsilon_{alpha l} = (|hbar_{l alpha}|^2 - |hbar^c_{l alpha}|^2)/sum_k(|hbar_{k alpha}|^2 + |hbar^c_{k alpha}|^2),
    /// epsilon_{N alpha} = sum_l epsilon_{alpha l}, and their sum epsilon_N. With hbar = h + d, hbar^c = h^* + d^c the numerator is
    /// evaluated as 2 Re(h^* d - h d^c) + |d|^2 - |d^c|^2.
    /// </summary>
    public static CpAsymmetries Asymmetries(Complex[,] h, HeavySpectrum s, bool threeNeutrinoMixing)
    {
        var hc = Conjugate(h);
        var d = EffectiveYukawaCorrection(h, s, threeNeutrinoMixing);
        var dc = EffectiveYukawaCorrection(hc, s, threeNeutrinoMixing);
        var flavoured = new double[3, 3];
        var perNeutrino = new double[3];
        for (var al = 0; al < 3; al++)
        {
            var total = 0.0;
            for (var l = 0; l < 3; l++) total += Norm2(h[l, al] + d[l, al]) + Norm2(hc[l, al] + dc[l, al]);
            for (var l = 0; l < 3; l++)
            {
                var numerator = 2 * (Complex.Conjugate(h[l, al]) * d[l, al] - h[l, al] * dc[l, al]).Real + Norm2(d[l, al]) - Norm2(dc[l, al]);
                flavoured[al, l] = numerator / total;
                perNeutrino[al] += flavoured[al, l];
            }
        }
        return new CpAsymmetries(flavoured, perNeutrino, perNeutrino.Sum());
    }

    /// <summary>
    /// (4.8) [R]: Delta_CP = Im Tr[(h^dagger h) m_M^dagger m_M m_M^dagger (h^dagger h)^T m_M] for a general complex Majorana mass matrix
    /// (Pilaftsis 1997; Branco-Lavoura-Rebelo; Yu-Zhou arXiv:2009.12347). Its overall sign follows this trace ordering.
    /// </summary>
    public static double CpInvariantTrace(Complex[,] h, Complex[,] majoranaMass)
    {
        var hh = HDaggerH(h);
        var md = ComplexMatrix3.Dagger(majoranaMass);
        var product = ComplexMatrix3.Multiply(hh, md, majoranaMass, md, ComplexMatrix3.Transpose(hh), majoranaMass);
        return (product[0, 0] + product[1, 1] + product[2, 2]).Imaginary;
    }

    /// <summary>
    /// (4.9) [D]: for a real diagonal spectrum, Delta_CP = sum_{alpha &lt; beta} m_alpha m_beta (m_beta^2 - m_alpha^2) Im[(h^dagger h)_{alpha beta}^2],
    /// the mass-squared differences from the splittings.
    /// </summary>
    public static double CpInvariant(Complex[,] h, HeavySpectrum s)
    {
        var hh = HDaggerH(h);
        var sum = 0.0;
        for (var al = 0; al < 3; al++)
            for (var be = al + 1; be < 3; be++)
                sum += s.Mass(al) * s.Mass(be) * s.SquareDifference(be, al) * (hh[al, be] * hh[al, be]).Imaginary;
        return sum;
    }

    /// <summary>
    /// (4.10) [D]: for the pure texture (2.10), (h0^dagger h0)_{alpha beta} = S w^(beta-alpha) with S = a^2 + b^2 + c^2, so
    /// Delta_CP = (sqrt3/2) S^2 [-m1 m2 (m2^2 - m1^2) + m1 m3 (m3^2 - m1^2) - m2 m3 (m3^2 - m2^2)]; zero for degenerate masses.
    /// </summary>
    public static double CpInvariantZ3(double sumOfSquares, HeavySpectrum s)
    {
        double m1 = s.Mass(0), m2 = s.Mass(1), m3 = s.Mass(2);
        return Math.Sqrt(3) / 2 * sumOfSquares * sumOfSquares
            * (-m1 * m2 * s.SquareDifference(1, 0) + m1 * m3 * s.SquareDifference(2, 0) - m2 * m3 * s.SquareDifference(2, 1));
    }

    /// <summary>
    /// The tri-resonant spectrum (4.11) [R, tree widths per Corrections item 2]: m_N2 - m_N1 = k21 Gamma_N1 and m_N3 - m_N2 = k32 Gamma_N2
    /// with Gamma_N_alpha = m_alpha (h^dagger h)_{alpha alpha}/(8 pi) (Gamma_N2 at m_N2); TRL's point is k21 = k32 = 1/2.
    /// </summary>
    public static HeavySpectrum TriResonantSpectrum(Complex[,] h, double m1, double split21InWidths, double split32InWidths)
    {
        var d21 = split21InWidths * TreeWidth(h, m1, 0);
        var d32 = split32InWidths * TreeWidth(h, m1 + d21, 1);
        return new HeavySpectrum(m1, d21, d32);
    }

    /// <summary>h^dagger h.</summary>
    public static Complex[,] HDaggerH(Complex[,] h)
    {
        var hh = new Complex[3, 3];
        for (var al = 0; al < 3; al++)
            for (var be = 0; be < 3; be++)
                for (var l = 0; l < 3; l++)
                    hh[al, be] += Complex.Conjugate(h[l, al]) * h[l, be];
        return hh;
    }

    private static double Norm2(Complex z) => z.Real * z.Real + z.Imaginary * z.Imaginary;

    private static Complex[,] Conjugate(Complex[,] h)
    {
        var c = new Complex[3, 3];
        for (var l = 0; l < 3; l++)
            for (var al = 0; al < 3; al++) c[l, al] = Complex.Conjugate(h[l, al]);
        return c;
    }

    private static Complex[,] Add(Complex[,] x, Complex[,] y)
    {
        var z = new Complex[3, 3];
        for (var l = 0; l < 3; l++)
            for (var al = 0; al < 3; al++) z[l, al] = x[l, al] + y[l, al];
        return z;
    }
}
