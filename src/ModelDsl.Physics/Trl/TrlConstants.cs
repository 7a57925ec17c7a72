namespace ModelDsl.Physics.Trl;

/// <summary>
/// Electroweak and muon constants for tri-resonant leptogenesis (TRL, arXiv:2206.08352) and its
/// cLFV rates (3.4)-(3.7). Energies in GeV. There are no defaults here: the values come from the model spec's
/// constants (models/seesaw-z3.mdl, PDG 2022), passed to the builtins as named arguments, or from a test that
/// builds its own set; TRL does not print which numbers it used ([U] in trl-formulas.md).
/// </summary>
public sealed record TrlConstants
{
    /// <summary>Higgs vev v (GeV), with m_D = v h / sqrt2 (trl-formulas.md section 0, [R]); used in (2.5)-(2.6).</summary>
    public required double HiggsVev { get; init; }

    /// <summary>W mass M_W (GeV); enters x_N = m_N^2/M_W^2 of Appendix B and (3.4)-(3.5).</summary>
    public required double WMass { get; init; }

    /// <summary>Z mass M_Z (GeV); enters f(m) of (2.13).</summary>
    public required double ZMass { get; init; }

    /// <summary>Higgs mass M_H (GeV); enters f(m) of (2.13).</summary>
    public required double HiggsMass { get; init; }

    /// <summary>sin^2 theta_w (MS-bar at M_Z); s_w^2 of (3.4)-(3.7).</summary>
    public required double SinThetaW2 { get; init; }

    /// <summary>Fine-structure constant alpha_em (Thomson limit); e = sqrt(4 pi alpha_em) in (3.6).</summary>
    public required double AlphaEm { get; init; }

    /// <summary>Fermi constant G_F (GeV^-2); (3.6) and the G_F-scheme alpha_w.</summary>
    public required double FermiConstant { get; init; }

    /// <summary>Muon mass m_mu (GeV).</summary>
    public required double MuonMass { get; init; }

    /// <summary>Electron mass m_e (GeV); only in the log of (3.5).</summary>
    public required double ElectronMass { get; init; }

    /// <summary>hbar in GeV s, to turn the capture rates of Table 1 (s^-1) into GeV.</summary>
    public required double HbarGeVSeconds { get; init; }

    /// <summary>Muon lifetime tau_mu (s).</summary>
    public required double MuonLifetime { get; init; }

    /// <summary>
    /// Total muon width Gamma_mu of (3.4)-(3.5), e.g. hbar/tau_mu.
    /// Set it to <see cref="MuonWidthFromFermi"/> for the tree-level G_F^2 m_mu^5/(192 pi^3), which differs by 0.6 %.
    /// </summary>
    public required double MuonWidth { get; init; }

    /// <summary>Tree-level muon width G_F^2 m_mu^5 / (192 pi^3) (the value under which (3.4) equals (3 alpha_em/2pi)|G_gamma|^2, trl-formulas.md [D]).</summary>
    public double MuonWidthFromFermi => FermiConstant * FermiConstant * Math.Pow(MuonMass, 5) / (192 * Math.Pow(Math.PI, 3));

    /// <summary>
    /// alpha_w = g_w^2/(4 pi), used in (2.12), (3.4)-(3.6). The spec states it (in the G_F scheme, alpha_w = sqrt2 G_F M_W^2/pi,
    /// so that alpha_w/(16 pi M_W^2) = 1/(4 pi v_F)^2, the identity of trl-formulas.md section 0) and passes it on.
    /// </summary>
    public required double AlphaW { get; init; }

    /// <summary>The coefficient alpha_w/(16 pi M_W^2) of the one-loop correction in (2.12) and (2.14), GeV^-2.</summary>
    public double OneLoopCoefficient => AlphaW / (16 * Math.PI * WMass * WMass);

    /// <summary>
    /// These constants with the tree-level relations imposed: alpha_em = alpha_w s_w^2 and Gamma_mu = G_F^2 m_mu^5/(192 pi^3).
    /// Under them (3.4) is exactly (3 alpha_em/2pi)|G_gamma|^2 and the dipole limit of (3.5)/(3.4) is exactly
    /// alpha_em/(3 pi)(ln(m_mu^2/m_e^2) - 11/4) (trl-formulas.md section 2.1, [D]); the PDG defaults break them at the per-cent level.
    /// </summary>
    public TrlConstants WithTreeLevelRelations() => this with { AlphaEm = AlphaW * SinThetaW2, MuonWidth = MuonWidthFromFermi };
}
