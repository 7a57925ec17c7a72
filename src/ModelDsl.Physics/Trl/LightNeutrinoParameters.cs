namespace ModelDsl.Physics.Trl;

/// <summary>
/// Light-neutrino masses (GeV, PDG labels m1, m2, m3) and the PDG mixing parameters of (3.1): sin^2 of the three
/// angles and the Dirac phase delta in radians, in [0, 2 pi). Majorana phases are not included (TRL sets them to zero).
/// </summary>
public sealed record LightNeutrinoParameters(double[] Masses, double Sin2Theta12, double Sin2Theta23, double Sin2Theta13, double Delta);
