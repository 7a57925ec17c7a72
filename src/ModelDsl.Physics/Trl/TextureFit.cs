using System.Numerics;

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
/// (Newton's method on the quartic cost, see Decompose). Two heavy-neutrino columns, the Newton ansatz one might try, cannot work even when x is aligned: the part of
/// delta_h orthogonal to x must then be a rank-2 combination of only two columns whose projection on gamma vanishes, which forces it to
/// rank one. The result is exact up to rounding: the residual of m_nu(h), recomputed from h, is about 1e-16 |h0|^2/|delta_h|^2.
/// </para>
/// </summary>
public static class TextureFit
{
    /// <summary>
    /// Fits delta_h for real a, b, c, a heavy spectrum and oscillation data (lightest mass zero), with tree or one-loop (2.14) light masses;
    /// throws <see cref="ArgumentException"/> when the lightest light mass is not zero (rank-3 data need a different construction), and <see cref="ArithmeticException"/> when the fitted light-mass matrix is not finite.
    /// </summary>
    public static TextureFitResult Fit(double a, double b, double c, HeavySpectrum spectrum, OscillationData data, bool oneLoop, TrlConstants k)
    {
        if (Target.TryOf(data, out var failure) is not { } target) throw new ArgumentException(failure, nameof(data));
        return TryFit(a, b, c, spectrum, target, oneLoop, k, out failure) ?? throw new ArithmeticException(failure);
    }

    /// <summary>What the fit needs of the data, computed once for the passes of <see cref="FitTriResonant"/>.</summary>
    private sealed record Target(OscillationData Data, Complex[,] Matrix, Complex[] Nu)
    {
        public static Target? TryOf(OscillationData data, out string? failure)
        {
            failure = null;
            var light = data.LightMasses();
            if (light.Min() > 1e-12 * light.Max())
            {
                failure = "the construction needs the lightest light-neutrino mass to be zero";
                return null;
            }
            var u = data.Pmns();
            var zeroColumn = Array.IndexOf(light, light.Min());
            return new Target(data, PdgMixing.MassMatrix(u, light), [u[0, zeroColumn], u[1, zeroColumn], u[2, zeroColumn]]);
        }
    }

    private static TextureFitResult? TryFit(double a, double b, double c, HeavySpectrum spectrum, Target data, bool oneLoop, TrlConstants k,
        out string? failure)
    {
        failure = null;
        if (!double.IsFinite(spectrum.Mass(2)))
        {
            failure = "the heavy spectrum is not finite";
            return null;
        }
        var d = LightHeavyMixing.EffectiveInverseMasses(spectrum, k, oneLoop);
        if (!(d[0] / d[1] > 0 && d[0] / d[2] > 0))
        {
            failure = "the effective inverse heavy masses (2.14) do not have one sign at this spectrum";
            return null;
        }
        var h0 = Z3Texture.Rescaled(a, b, c, d);
        var target = data.Matrix;
        var nu = data.Nu;

        var scale = -2 / (k.HiggsVev * k.HiggsVev * d[0]);
        var t = new Complex[3, 3];
        for (var l = 0; l < 3; l++)
            for (var j = 0; j < 3; j++) t[l, j] = scale * target[l, j];
        double[] x = [a, b, c];
        var nuDotX = nu[0] * a + nu[1] * b + nu[2] * c; // the bilinear dot (no conjugation)
        var xTexture = new Complex[3];
        for (var l = 0; l < 3; l++) xTexture[l] = x[l] - Complex.Conjugate(nu[l]) * nuDotX;
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
                h0Norm += x[l] * x[l];
            }
        var fitted = LightHeavyMixing.LightMassMatrix(h, d, k);
        foreach (var z in fitted)
            if (!double.IsFinite(z.Real) || !double.IsFinite(z.Imaginary))
            {
                failure = "the light-neutrino mass matrix is not finite";
                return null;
            }
        return new TextureFitResult(spectrum, h0, deltaH, h, xTexture, dMax / h0Max, Math.Sqrt(dNorm / h0Norm),
            nuDotX.Magnitude / Math.Sqrt(a * a + b * b + c * c), FrobeniusRelative(fitted, target), target, fitted,
            data.Data.Ordering);
    }

    /// <summary>
    /// The fit on a tri-resonant spectrum (4.11) set by the tree widths of the fitted h itself (not of h0: for a = b = c the fitted
    /// texture vector X has |X|^2 = 0.64 |x|^2, so h0's widths would put the spectrum off resonance): start from h0's widths, then
    /// refit on the spectrum of the fitted h until the spectrum is stable (three passes; the widths depend on the spectrum only through
    /// the O(Gamma/m) column rescaling).
    /// </summary>
    public static TextureFitResult FitTriResonant(double a, double b, double c, double m1, OscillationData data, bool oneLoop, TrlConstants k,
        double split21InWidths, double split32InWidths) =>
        TryFitTriResonant(a, b, c, m1, data, oneLoop, k, split21InWidths, split32InWidths, out var failure) ?? throw new ArithmeticException(failure);

    /// <summary>
    /// <see cref="FitTriResonant"/> without exceptions: null with the reason where the construction has no result (data whose lightest
    /// mass is not zero, inverse masses of both signs, a spectrum or fit that is not finite).
    /// </summary>
    public static TextureFitResult? TryFitTriResonant(double a, double b, double c, double m1, OscillationData data, bool oneLoop, TrlConstants k,
        double split21InWidths, double split32InWidths, out string? failure)
    {
        if (Target.TryOf(data, out failure) is not { } target) return null;
        var spectrum = ResonantAsymmetries.TriResonantSpectrum(Z3Texture.Texture(a, b, c), m1, split21InWidths, split32InWidths);
        var fit = TryFit(a, b, c, spectrum, target, oneLoop, k, out failure);
        for (var pass = 0; pass < 3 && fit is not null; pass++)
        {
            var next = ResonantAsymmetries.TriResonantSpectrum(fit.H, m1, split21InWidths, split32InWidths);
            if (next == spectrum) break; // a fixed point: a further pass would repeat this one exactly
            spectrum = next;
            fit = TryFit(a, b, c, spectrum, target, oneLoop, k, out failure);
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
    /// <para>
    /// With the basis matrix inverted once, t = t0 + theta t1 and p = p0 + theta p1 + theta^2 p2, so the cost C(theta) is a real quartic in
    /// (Re theta, Im theta). Its minimum is found by Newton's method on the Wirtinger gradient g = dC/d(conj theta) =
    /// &lt;p', p&gt;/3 + &lt;t1, t&gt; (&lt;a, b&gt; = sum conj(a_i) b_i), whose derivatives are A = dg/dtheta = |p'|^2/3 + |t1|^2 (real) and
    /// B = dg/d(conj theta) = &lt;2 p2, p&gt;/3; a Newton step solves A d + B conj(d) = -g. Where the Hessian is not positive
    /// (A &lt;= |B|) the step is the descent direction -g/A; every step is halved until the cost does not rise. Started from theta = 0 and
    /// from the minimum of the quadratic part (p2 dropped), the lower of the two minima is kept.
    /// </para>
    /// </summary>
    internal static (Complex[] P, Complex[] T) Decompose(Complex[,] tMatrix, Complex[] xTexture)
    {
        // n_i = X_i e_j - X_j e_i about the largest component i
        var pivot = 0;
        for (var l = 1; l < 3; l++)
            if (xTexture[l].Magnitude > xTexture[pivot].Magnitude) pivot = l;
        int j1 = (pivot + 1) % 3, j2 = (pivot + 2) % 3;
        var n1 = new Complex[3];
        var n2 = new Complex[3];
        n1[j1] = xTexture[pivot];
        n1[pivot] = -xTexture[j1];
        n2[j2] = xTexture[pivot];
        n2[pivot] = -xTexture[j2];
        var norm2 = 0.0;
        for (var l = 0; l < 3; l++) norm2 += xTexture[l].Real * xTexture[l].Real + xTexture[l].Imaginary * xTexture[l].Imaginary;
        var w = new Complex[3];
        for (var l = 0; l < 3; l++) w[l] = Complex.Conjugate(xTexture[l]) / norm2;
        Complex Form(Complex[] left, Complex[] right)
        {
            var sum = Complex.Zero;
            for (var a = 0; a < 3; a++)
                for (var b = 0; b < 3; b++)
                    sum += left[a] * tMatrix[a, b] * right[b];
            return sum;
        }
        Complex k11 = Form(n1, n1), k12 = Form(n1, n2), k22 = Form(n2, n2);
        Complex tau1, tau2;
        if (k11.Magnitude >= k22.Magnitude) { tau1 = Complex.Sqrt(k11); tau2 = k12 / tau1; }
        else { tau2 = Complex.Sqrt(k22); tau1 = k12 / tau2; }
        Complex k1w = Form(n1, w), k2w = Form(n2, w), kww = Form(w, w);

        var inverse = Inverse3([n1, n2, w]);
        Complex[] Solve(Complex r0, Complex r1, Complex r2)
        {
            var v = new Complex[3];
            for (var i = 0; i < 3; i++) v[i] = inverse[i, 0] * r0 + inverse[i, 1] * r1 + inverse[i, 2] * r2;
            return v;
        }
        Complex[] t0 = Solve(tau1, tau2, 0), t1 = Solve(0, 0, 1);
        Complex[] p0 = Solve(k1w, k2w, kww / 2), p1 = Solve(-tau1, -tau2, 0), p2 = Solve(0, 0, -0.5);

        double Cost(Complex theta)
        {
            double c = 0;
            for (var i = 0; i < 3; i++)
            {
                var p = p0[i] + theta * (p1[i] + theta * p2[i]);
                var t = t0[i] + theta * t1[i];
                c += (p.Real * p.Real + p.Imaginary * p.Imaginary) / 3 + t.Real * t.Real + t.Imaginary * t.Imaginary;
            }
            return c;
        }
        Complex Minimise(Complex theta)
        {
            var cost = Cost(theta);
            for (var iteration = 0; iteration < 100; iteration++)
            {
                Complex g = 0, b = 0;
                double a = 0;
                for (var i = 0; i < 3; i++)
                {
                    var p = p0[i] + theta * (p1[i] + theta * p2[i]);
                    var dp = p1[i] + 2 * theta * p2[i];
                    var t = t0[i] + theta * t1[i];
                    g += Complex.Conjugate(dp) * p / 3 + Complex.Conjugate(t1[i]) * t;
                    a += (dp.Real * dp.Real + dp.Imaginary * dp.Imaginary) / 3 + t1[i].Real * t1[i].Real + t1[i].Imaginary * t1[i].Imaginary;
                    b += 2 * Complex.Conjugate(p2[i]) * p / 3;
                }
                var det = a * a - (b.Real * b.Real + b.Imaginary * b.Imaginary);
                var step = det > 1e-12 * a * a ? (-g * a + b * Complex.Conjugate(g)) / det : -g / a;
                var next = theta + step;
                var nextCost = Cost(next);
                for (var halving = 0; halving < 60 && nextCost > cost; halving++)
                {
                    step /= 2;
                    next = theta + step;
                    nextCost = Cost(next);
                }
                if (nextCost > cost) break;
                var converged = step.Magnitude <= 1e-15 * (1 + theta.Magnitude);
                theta = next;
                cost = nextCost;
                if (converged) break;
            }
            return theta;
        }

        // the minimum of the quadratic part: p2 dropped, C is a positive quadratic form in theta
        Complex num = 0;
        double den = 0;
        for (var i = 0; i < 3; i++)
        {
            num += Complex.Conjugate(p1[i]) * p0[i] / 3 + Complex.Conjugate(t1[i]) * t0[i];
            den += (p1[i].Real * p1[i].Real + p1[i].Imaginary * p1[i].Imaginary) / 3 + t1[i].Real * t1[i].Real + t1[i].Imaginary * t1[i].Imaginary;
        }
        var fromZero = Minimise(0);
        var fromQuadratic = Minimise(-num / den);
        var best = Cost(fromQuadratic) < Cost(fromZero) ? fromQuadratic : fromZero;
        Complex[] pBest = new Complex[3], tBest = new Complex[3];
        for (var i = 0; i < 3; i++)
        {
            pBest[i] = p0[i] + best * (p1[i] + best * p2[i]);
            tBest[i] = t0[i] + best * t1[i];
        }
        return (pBest, tBest);
    }

    /// <summary>The inverse of the 3x3 complex matrix with the given rows, by its adjugate (cofactors over the determinant).</summary>
    private static Complex[,] Inverse3(Complex[][] m)
    {
        var inverse = new Complex[3, 3];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
            {
                // cofactor C_ji, transposed into the adjugate
                int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1 = (i + 2) % 3;
                inverse[i, j] = m[r0][c0] * m[r1][c1] - m[r0][c1] * m[r1][c0];
            }
        var det = m[0][0] * inverse[0, 0] + m[0][1] * inverse[1, 0] + m[0][2] * inverse[2, 0];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                inverse[i, j] /= det;
        return inverse;
    }
}
