namespace ModelDsl.Physics.Trl;

/// <summary>
/// Electroweak and muon constants for tri-resonant leptogenesis (TRL, arXiv:2206.08352) and its
/// cLFV rates (3.4)-(3.7). Energies in GeV. Every value is switchable (init) and its source is named;
/// TRL does not print which numbers it used ([U] in trl-formulas.md), so the defaults are PDG 2022
/// (R.L. Workman et al., PTEP 2022, 083C01). The experimental limits (3.8) and projected sensitivities
/// (3.9) are constants below.
/// </summary>
public sealed record TrlConstants
{
    /// <summary>Higgs vev v = 246 GeV, with m_D = v h / sqrt2 (trl-formulas.md section 0, [R]); used in (2.5)-(2.6).</summary>
    public double HiggsVev { get; init; } = 246;

    /// <summary>W mass M_W = 80.377 GeV (PDG 2022 world average); enters x_N = m_N^2/M_W^2 of Appendix B and (3.4)-(3.5).</summary>
    public double WMass { get; init; } = 80.377;

    /// <summary>Z mass M_Z = 91.1876 GeV (PDG 2022); enters f(m) of (2.13).</summary>
    public double ZMass { get; init; } = 91.1876;

    /// <summary>Higgs mass M_H = 125.25 GeV (PDG 2022); enters f(m) of (2.13).</summary>
    public double HiggsMass { get; init; } = 125.25;

    /// <summary>sin^2 theta_w = 0.23121, the MS-bar value at M_Z (PDG 2022); s_w^2 of (3.4)-(3.7).</summary>
    public double SinThetaW2 { get; init; } = 0.23121;

    /// <summary>Fine-structure constant alpha_em = 1/137.035999084 (Thomson limit, CODATA 2018 as in PDG 2022); e = sqrt(4 pi alpha_em) in (3.6).</summary>
    public double AlphaEm { get; init; } = 1 / 137.035999084;

    /// <summary>Fermi constant G_F = 1.1663788e-5 GeV^-2 (PDG 2022, from the muon lifetime); (3.6) and the G_F-scheme alpha_w.</summary>
    public double FermiConstant { get; init; } = 1.1663788e-5;

    /// <summary>Muon mass m_mu = 0.1056583755 GeV (PDG 2022).</summary>
    public double MuonMass { get; init; } = 0.1056583755;

    /// <summary>Electron mass m_e = 0.51099895e-3 GeV (PDG 2022); only in the log of (3.5).</summary>
    public double ElectronMass { get; init; } = 0.51099895e-3;

    /// <summary>hbar = 6.582119569e-25 GeV s (CODATA 2018, PDG 2022), to turn the capture rates of Table 1 (s^-1) into GeV.</summary>
    public double HbarGeVSeconds { get; init; } = 6.582119569e-25;

    /// <summary>Muon lifetime tau_mu = 2.1969811e-6 s (PDG 2022).</summary>
    public double MuonLifetime { get; init; } = 2.1969811e-6;

    /// <summary>
    /// Total muon width Gamma_mu of (3.4)-(3.5), by default hbar/tau_mu from the PDG lifetime (2.99598e-19 GeV).
    /// Set it to <see cref="MuonWidthFromFermi"/> for the tree-level G_F^2 m_mu^5/(192 pi^3), which differs by 0.6 %.
    /// </summary>
    public double MuonWidth { get; init; } = 6.582119569e-25 / 2.1969811e-6;

    /// <summary>Tree-level muon width G_F^2 m_mu^5 / (192 pi^3) (the value under which (3.4) equals (3 alpha_em/2pi)|G_gamma|^2, trl-formulas.md [D]).</summary>
    public double MuonWidthFromFermi => FermiConstant * FermiConstant * Math.Pow(MuonMass, 5) / (192 * Math.Pow(Math.PI, 3));

    /// <summary>
    /// alpha_w = g_w^2/(4 pi) in the G_F scheme, g_w^2 = 8 M_W^2 G_F / sqrt2, i.e. alpha_w = sqrt2 G_F M_W^2 / pi
    /// (= 0.03392 with the defaults). With it alpha_w/(16 pi M_W^2) = 1/(4 pi v_F)^2, v_F = (sqrt2 G_F)^(-1/2) = 246.22 GeV,
    /// the identity of trl-formulas.md section 0; used in (2.12), (3.4)-(3.6).
    /// </summary>
    public double AlphaW => Math.Sqrt(2) * FermiConstant * WMass * WMass / Math.PI;

    /// <summary>The coefficient alpha_w/(16 pi M_W^2) of the one-loop correction in (2.12) and (2.14), GeV^-2.</summary>
    public double OneLoopCoefficient => AlphaW / (16 * Math.PI * WMass * WMass);

    /// <summary>
    /// These constants with the tree-level relations imposed: alpha_em = alpha_w s_w^2 and Gamma_mu = G_F^2 m_mu^5/(192 pi^3).
    /// Under them (3.4) is exactly (3 alpha_em/2pi)|G_gamma|^2 and the dipole limit of (3.5)/(3.4) is exactly
    /// alpha_em/(3 pi)(ln(m_mu^2/m_e^2) - 11/4) (trl-formulas.md section 2.1, [D]); the PDG defaults break them at the per-cent level.
    /// </summary>
    public TrlConstants WithTreeLevelRelations() => this with { AlphaEm = AlphaW * SinThetaW2, MuonWidth = MuonWidthFromFermi };

    /// <summary>The PDG 2022 defaults above.</summary>
    public static TrlConstants Default { get; } = new();

    /// <summary>(3.8) current limit BR(mu -> e gamma) &lt; 4.2e-13 (MEG 2016, arXiv:1605.05081) [R].</summary>
    public const double BrMuEGammaLimit = 4.2e-13;

    /// <summary>(3.8) current limit BR(mu -> eee) &lt; 1.0e-12 (SINDRUM 1988, Nucl. Phys. B299 (1988) 1) [R].</summary>
    public const double BrMuThreeELimit = 1.0e-12;

    /// <summary>(3.8) current limit R(mu -> e, Au) &lt; 7e-13 (SINDRUM II 2006, Eur. Phys. J. C47 (2006) 337) [R].</summary>
    public const double ConversionGoldLimit = 7e-13;

    /// <summary>(3.9) projected sensitivity BR(mu -> e gamma) ~ 6e-14 (MEG II design) [R]; TRL's exact number is [U].</summary>
    public const double BrMuEGammaProjected = 6e-14;

    /// <summary>(3.9) projected sensitivity BR(mu -> eee) ~ 1e-16 (Mu3e phase II) [R]; TRL's exact number is [U].</summary>
    public const double BrMuThreeEProjected = 1e-16;

    /// <summary>(3.9) projected sensitivity R(mu -> e, Al) ~ 1e-17 (COMET, Mu2e) [R]; TRL's exact number is [U].</summary>
    public const double ConversionAluminiumProjected = 1e-17;

    /// <summary>(3.9) projected sensitivity R(mu -> e, Ti) ~ 1e-18 (PRISM) [R]; TRL's exact number is [U].</summary>
    public const double ConversionTitaniumProjected = 1e-18;
}
