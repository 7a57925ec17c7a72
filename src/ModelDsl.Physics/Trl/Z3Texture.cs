using System.Numerics;

namespace ModelDsl.Physics.Trl;

/// <summary>
/// The Z3-symmetric Yukawa texture of TRL (arXiv:2206.08352): rows are lepton flavours (e, mu, tau), columns N1..N3,
/// omega = exp(2 pi i/3), a, b, c real.
/// </summary>
public static class Z3Texture
{
    /// <summary>omega = exp(2 pi i/3), the generator of Z3 in (2.10).</summary>
    public static Complex Omega { get; } = Complex.FromPolarCoordinates(1, 2 * Math.PI / 3);

    /// <summary>
    /// (2.10) [P]: h0 = ((a, a w, a w^2), (b, b w, b w^2), (c, c w, c w^2)). h0 h0^T = 0 (2.9) and
    /// (h0^dagger h0)_{alpha beta} = (a^2 + b^2 + c^2) w^(beta - alpha) [D], so the three tree widths are equal.
    /// </summary>
    public static Complex[,] Texture(double a, double b, double c) => Rescaled(a, b, c, [1, 1, 1]);

    /// <summary>
    /// (2.15)-(2.17) [P]: the column-rescaled texture h_{l alpha} = x_l w^(alpha-1) sqrt(d_1/d_alpha), x = (a, b, c),
    /// d_alpha = the effective inverse masses of (2.14). Then h diag(d) h^T = d_1 x x^T (1 + w^2 + w^4) = 0 exactly
    /// for any spectrum (2.16); column N1 equals that of (2.10), so a, b, c stay dimensionless (TRL's (2.17) a is
    /// ours divided by sqrt(m~_1)). Equal inverse masses give (2.10).
    /// </summary>
    public static Complex[,] Rescaled(double a, double b, double c, double[] inverseMasses)
    {
        double[] x = [a, b, c];
        var h = new Complex[3, 3];
        for (var alpha = 0; alpha < 3; alpha++)
        {
            var ratio = inverseMasses[0] / inverseMasses[alpha];
            if (!(ratio > 0)) throw new ArgumentException("the effective inverse masses must have one sign", nameof(inverseMasses));
            var column = Complex.Pow(Omega, alpha) * Math.Sqrt(ratio);
            for (var l = 0; l < 3; l++) h[l, alpha] = x[l] * column;
        }
        return h;
    }

    /// <summary>The rescaled texture (2.17) for a heavy spectrum, with the tree (1/m) or one-loop (2.14) inverse masses.</summary>
    public static Complex[,] ForSpectrum(double a, double b, double c, HeavySpectrum spectrum, TrlConstants k, bool oneLoop) =>
        Rescaled(a, b, c, LightHeavyMixing.EffectiveInverseMasses(spectrum, k, oneLoop));
}
