namespace ModelDsl.Physics.Trl;

/// <summary>
/// The CP asymmetries of TRL (arXiv:2206.08352): <paramref name="Flavoured"/>[alpha, l] = epsilon_{alpha l} of (4.6),
/// <paramref name="PerNeutrino"/>[alpha] = epsilon_{N alpha} of (4.7), and <paramref name="Total"/> = sum_alpha epsilon_{N alpha}
/// (the epsilon_N of TRL Fig. 1). Indices are 0-based (alpha = 0 is N1, l = 0 is e).
/// </summary>
public sealed record CpAsymmetries(double[,] Flavoured, double[] PerNeutrino, double Total);
