namespace ModelDsl.Physics.Units;

/// <summary>
/// The constants and conventions of ARS leptogenesis in seed 000 (Khoze and Plascencia), as
/// fixed by reproducing its Table 1 (shared/reference/conformal-bl-notes.md), for this independent library (the spec
/// models/conformal-bl.mdl states its own values as constants; the tests give these theirs). Energies in GeV.
/// </summary>
public sealed record ArsConstants
{
    /// <summary>Non-reduced Planck mass M_Pl = 1.22e19 GeV (used in (3.18) and in I_ij of (3.29)/(3.31)).</summary>
    public required double PlanckMass { get; init; }

    /// <summary>Effective relativistic degrees of freedom g* = 106.75 (SM at T above the EW scale).</summary>
    public required double GStar { get; init; }

    /// <summary>Sphaleron freeze-out temperature T_EW = 140 GeV (Sec. 3.1).</summary>
    public required double TEw { get; init; }

    /// <summary>gamma_av at T_EW, 5e-3 (Sec. 3.1), used in the washout (4.3).</summary>
    public required double GammaAvWashout { get; init; }

    /// <summary>gamma_av at the oscillation temperature, 3e-3 (Sec. 3.1), used in (3.18) and (3.28).</summary>
    public required double GammaAvSource { get; init; }

    /// <summary>Coefficient of the DG asymmetry (3.18): 1.2e-4 as printed (integrating (3.16) exactly gives 1.2175e-4).</summary>
    public required double DgCoefficient { get; init; }

    /// <summary>Coefficient of the conformal asymmetry (3.28): 7.3e-4.</summary>
    public required double ConformalCoefficient { get; init; }

    /// <summary>Higgs vev v = 246 GeV in the Casas-Ibarra formula (4.2).</summary>
    public required double HiggsVev { get; init; }

    /// <summary>Observed n_b/s = 8.75e-11 (Sec. 4).</summary>
    public required double ObservedBaryonAsymmetry { get; init; }

    /// <summary>Sphaleron conversion n_b/s = -(3/14) 0.35 n_Le/s (4.1).</summary>
    public required double SphaleronFactor { get; init; }

    /// <summary>
    /// M* = M_Pl / (sqrt(g*) sqrt(4 pi^3/45)) of (3.4): 7.11e17 GeV with the defaults (the text
    /// rounds it to 1e18; the tables follow the unrounded value).
    /// </summary>
    public double MStar => PlanckMass / (Math.Sqrt(GStar) * Math.Sqrt(4 * Math.Pow(Math.PI, 3) / 45));

    /// <summary>Hubble rate H(T) = T^2 / M* (3.4).</summary>
    public double Hubble(double temperature) => temperature * temperature / MStar;
}
