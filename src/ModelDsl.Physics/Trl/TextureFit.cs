using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<System.Numerics.Complex>;
using RealVector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace ModelDsl.Physics.Trl;

/// <summary>
/// Solves TRL (2.11) (arXiv:2206.08352) for the perturbation delta_h that makes the seesaw light-neutrino mass of h = h0 + delta_h
/// equal the data, m_nu(h) = -(v^2/2) h D h^T = U^* diag(m) U^dagger of (2.18), D = diag of the tree or one-loop (2.14) inverse masses.
/// TRL's own ansatz is [U]; this one is exact and of (near-)minimal norm.
/// <para>
/// Texture: h0 is the column-rescaled (2.17), h0_{l alpha} = x_l w^(alpha-1) sqrt(d_1/d_alpha), x = (a, b, c), so h0 D h0^T = 0 exactly
/// for any spectrum and h D^(1/2) = sqrt(d_1) (x (x) gamma + z), gamma = (1, w, w^2). The plain (2.10) would leave an
/// O((Delta m/m) a^2 v^2/m) light mass for a non-degenerate spectrum.
/// </para>
/// <para>
/// Construction [D]: gamma, gammabar = (1, w^2, w) and e0 = (1, 1, 1)/sqrt3 are a basis of the heavy-neutrino index space with
/// gamma.gamma = gammabar.gammabar = gamma.e0 = gammabar.e0 = 0, gamma.gammabar = 3, e0.e0 = 1 (bilinear dot). Writing
/// h D^(1/2)/sqrt(d_1) = X (x) gamma + p (x) gammabar/3 + t (x) e0 (X, p, t flavour vectors) gives exactly
/// h D h^T / d_1 = X p^T + p X^T + t t^T. With the lightest light mass zero, T = -(2/v^2) m_target/d_1 has a null vector nu
/// (the massless state's PMNS column), and X p^T + p X^T + t t^T = T requires nu . X = 0 (T restricted to the plane X.n = 0 must have
/// rank one, and its determinant is proportional to (nu . X)^2). So the texture direction must move from x to a complex X with
/// nu . X = 0; the smallest move is X = x - conj(nu)(nu . x) (|nu| = 1), whence |delta_h D^(1/2)|_F / |h0 D^(1/2)|_F &gt;= |nu . x|/|x|.
/// This bound does not depend on the heavy mass or on the size of a, b, c: for a = b = c and the NO best fit it is 0.60, so no
/// perturbation with |delta_h| &lt;&lt; |h0| exists for that texture direction; it vanishes only for x real and orthogonal to nu
/// (x parallel to Re nu x Im nu), where |delta_h| ~ sqrt(m_nu m_N)/v. Given X, t is fixed on the plane X.n = 0 by T = t t^T there,
/// p by the remaining three equations, and the last free number theta = w.t (w.X = 1) is chosen to minimise |p|^2/3 + |t|^2
/// (Nelder-Mead). Two heavy-neutrino columns, the Newton ansatz one might try, cannot work even when x is aligned: the part of
/// delta_h orthogonal to x must then be a rank-2 combination of only two columns whose projection on gamma vanishes, which forces it to
/// rank one. The result is exact up to rounding: the residual of m_nu(h), recomputed from h, is about 1e-16 |h0|^2/|delta_h|^2.
/// </para>
/// </summary>
public static class TextureFit
{
    /// <summary>
    /// Fits delta_h for real a, b, c, a heavy spectrum and oscillation data (lightest mass zero), with tree or one-loop (2.14) light masses;
    /// throws <see cref="ArgumentException"/> when the lightest light mass is not zero (rank-3 data need a different construction).
    /// </summary>
    public static TextureFitResult Fit(double a, double b, double c, HeavySpectrum spectrum, OscillationData data, bool oneLoop, TrlConstants k)
    {
        var d = LightHeavyMixing.EffectiveInverseMasses(spectrum, k, oneLoop);
        var h0 = Z3Texture.Rescaled(a, b, c, d);
        var target = data.TargetMassMatrix();
        var light = data.LightMasses();
        if (light.Min() > 1e-12 * light.Max()) throw new ArgumentException("the construction needs the lightest light-neutrino mass to be zero", nameof(data));
        var u = data.Pmns();
        var zeroColumn = Array.IndexOf(light, light.Min());
        var nu = Vector.Build.Dense(3, l => u[l, zeroColumn]);

        var scale = -2 / (k.HiggsVev * k.HiggsVev * d[0]);
        var t = Matrix<Complex>.Build.Dense(3, 3, (l, j) => scale * target[l, j]);
        var x = Vector.Build.Dense([a, b, c]);
        var xTexture = x - nu.Conjugate() * nu.DotProduct(x); // DotProduct is bilinear (no conjugation)
        var (p, tv) = Decompose(t, xTexture);

        var omega = Z3Texture.Omega;
        Complex[] gamma = [1, omega, omega * omega], gammaBar = [1, omega * omega, omega];
        var e0 = 1 / Math.Sqrt(3);
        var deltaH = new Complex[3, 3];
        var h = new Complex[3, 3];
        double h0Max = 0, dMax = 0, dNorm = 0, h0Norm = 0;
        for (var l = 0; l < 3; l++)
            for (var al = 0; al < 3; al++)
            {
                var zPrime = (xTexture[l] - x[l]) * gamma[al] + p[l] * gammaBar[al] / 3 + tv[l] * e0; // column-scaled by sqrt(d_al/d_1)
                var columnScale = Math.Sqrt(d[0] / d[al]);
                deltaH[l, al] = zPrime * columnScale;
                h[l, al] = h0[l, al] + deltaH[l, al];
                h0Max = Math.Max(h0Max, h0[l, al].Magnitude);
                dMax = Math.Max(dMax, deltaH[l, al].Magnitude);
                dNorm += zPrime.Magnitude * zPrime.Magnitude;
                h0Norm += x[l].Magnitude * x[l].Magnitude;
            }
        var fitted = LightHeavyMixing.LightMassMatrix(h, d, k);
        return new TextureFitResult(spectrum, h0, deltaH, h, xTexture.ToArray(), dMax / h0Max, Math.Sqrt(dNorm / h0Norm),
            nu.DotProduct(x).Magnitude / x.L2Norm(), FrobeniusRelative(fitted, target), target, fitted,
            PdgMixing.FromMassMatrix(fitted, data.Ordering));
    }

    /// <summary>
    /// The fit on a tri-resonant spectrum (4.11) set by the tree widths of the fitted h itself (not of h0: for a = b = c the fitted
    /// texture vector X has |X|^2 = 0.64 |x|^2, so h0's widths would put the spectrum off resonance): start from h0's widths, then
    /// refit on the spectrum of the fitted h until the spectrum is stable (three passes; the widths depend on the spectrum only through
    /// the O(Gamma/m) column rescaling).
    /// </summary>
    public static TextureFitResult FitTriResonant(double a, double b, double c, double m1, OscillationData data, bool oneLoop, TrlConstants k,
        double split21InWidths, double split32InWidths)
    {
        var spectrum = ResonantAsymmetries.TriResonantSpectrum(Z3Texture.Texture(a, b, c), m1, split21InWidths, split32InWidths);
        var fit = Fit(a, b, c, spectrum, data, oneLoop, k);
        for (var pass = 0; pass < 3; pass++)
        {
            spectrum = ResonantAsymmetries.TriResonantSpectrum(fit.H, m1, split21InWidths, split32InWidths);
            fit = Fit(a, b, c, spectrum, data, oneLoop, k);
        }
        return fit;
    }

    /// <summary>|x - y|_F / |y|_F.</summary>
    public static double FrobeniusRelative(Complex[,] x, Complex[,] y)
    {
        double diff = 0, norm = 0;
        for (var l = 0; l < x.GetLength(0); l++)
            for (var j = 0; j < x.GetLength(1); j++)
            {
                diff += (x[l, j] - y[l, j]).Magnitude * (x[l, j] - y[l, j]).Magnitude;
                norm += y[l, j].Magnitude * y[l, j].Magnitude;
            }
        return Math.Sqrt(diff / norm);
    }

    /// <summary>
    /// p and t with X p^T + p X^T + t t^T = T for a symmetric T and nu . X = 0: in the basis (n1, n2, w) with n_i.X = 0 and
    /// w = conj(X)/|X|^2 (w.X = 1), n_i.t = tau_i with tau tau^T = (n_i^T T n_j), n_i.p = n_i^T T w - tau_i theta,
    /// w.p = (w^T T w - theta^2)/2, theta = w.t chosen to minimise |p|^2/3 + |t|^2.
    /// </summary>
    private static (Vector P, Vector T) Decompose(Matrix<Complex> tMatrix, Vector xTexture)
    {
        // n_i = X_i e_j - X_j e_i about the largest component i (MathNet's Kernel() is not the bilinear null space).
        var pivot = xTexture.AbsoluteMaximumIndex();
        int j1 = (pivot + 1) % 3, j2 = (pivot + 2) % 3;
        var n1 = Vector.Build.Dense(3);
        var n2 = Vector.Build.Dense(3);
        n1[j1] = xTexture[pivot];
        n1[pivot] = -xTexture[j1];
        n2[j2] = xTexture[pivot];
        n2[pivot] = -xTexture[j2];
        var w = xTexture.Conjugate() / xTexture.DotProduct(xTexture.Conjugate());
        Complex Form(Vector left, Vector right) => left.DotProduct(tMatrix * right);
        Complex k11 = Form(n1, n1), k12 = Form(n1, n2), k22 = Form(n2, n2);
        Complex tau1, tau2;
        if (k11.Magnitude >= k22.Magnitude) { tau1 = Complex.Sqrt(k11); tau2 = k12 / tau1; }
        else { tau2 = Complex.Sqrt(k22); tau1 = k12 / tau2; }
        var basis = Matrix<Complex>.Build.DenseOfRowVectors(n1, n2, w);
        var lu = basis.LU();
        Complex k1w = Form(n1, w), k2w = Form(n2, w), kww = Form(w, w);
        (Vector, Vector) Build(Complex theta) =>
            (lu.Solve(Vector.Build.Dense([k1w - tau1 * theta, k2w - tau2 * theta, (kww - theta * theta) / 2])),
             lu.Solve(Vector.Build.Dense([tau1, tau2, theta])));
        double Cost(RealVector v)
        {
            var (p, t) = Build(new Complex(v[0], v[1]));
            return p.ConjugateDotProduct(p).Real / 3 + t.ConjugateDotProduct(t).Real;
        }
        var best = NelderMeadSimplex.Minimum(ObjectiveFunction.Value(Cost), RealVector.Build.Dense(2), 1e-14, 2000);
        return Build(new Complex(best.MinimizingPoint[0], best.MinimizingPoint[1]));
    }
}
