using System.Numerics;

namespace ModelDsl.Physics.Trl;

/// <summary>
/// The mu-e form factors of TRL Appendix B (arXiv:2206.08352): G_gamma (B.1), F_gamma (B.2), F_Z (B.3), and the box
/// form factors F_box^{mu e e e} (B.6), F_box^{mu e u u} (B.4), F_box^{mu e d d} (B.5). Constructed directly, they are
/// the test hook of the rate formulas (e.g. a dipole-only set).
/// </summary>
public sealed record ClfvFormFactors(Complex GGamma, Complex FGamma, Complex FZ, Complex FBoxEee, Complex FBoxUu, Complex FBoxDd)
{
    /// <summary>Only the dipole G_gamma non-zero (the dipole-dominated limit of (3.5)).</summary>
    public static ClfvFormFactors DipoleOnly(Complex gGamma) => new(gGamma, 0, 0, 0, 0, 0);
}
