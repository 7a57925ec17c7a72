using System.Numerics;

namespace ModelDsl.Physics.Trl;

/// <summary>
/// A solution of TRL (2.11) from <see cref="TextureFit"/> for the heavy <paramref name="Spectrum"/>. <paramref name="H0"/> is the texture (2.17) (first column as in (2.10)),
/// <paramref name="DeltaH"/> the perturbation and <paramref name="H"/> = h0 + delta_h. <paramref name="EffectiveTexture"/> is the
/// complex texture vector X that h carries along (1, w, w^2) (X = (a, b, c) - conj(nu)(nu . (a, b, c)), nu the massless flavour vector).
/// <paramref name="Ratio"/> = max|delta_h_{l alpha}| / max|h0_{l alpha}|; <paramref name="FrobeniusRatio"/> = |delta_h D^(1/2)|_F / |h0 D^(1/2)|_F
/// and <paramref name="FrobeniusBound"/> = |nu . (a, b, c)| / |(a, b, c)|, its proven lower bound. <paramref name="Residual"/> =
/// |m_nu(h) - m_target|_F / |m_target|_F with m_nu(h) recomputed from h (GeV), and <paramref name="Ordering"/> the ordering whose
/// light-neutrino parameters <see cref="Reconstructed"/> gives.
/// </summary>
public sealed record TextureFitResult(
    HeavySpectrum Spectrum, Complex[,] H0, Complex[,] DeltaH, Complex[,] H, Complex[] EffectiveTexture, double Ratio, double FrobeniusRatio, double FrobeniusBound,
    double Residual, Complex[,] Target, Complex[,] Fitted, MassOrdering Ordering)
{
    /// <summary>The light-neutrino parameters of the Takagi factorisation of <see cref="Fitted"/> (computed on each call: a scan does not need them).</summary>
    public LightNeutrinoParameters Reconstructed => PdgMixing.FromMassMatrix(Fitted, Ordering);
}
