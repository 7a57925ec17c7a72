using System.Numerics;
using ModelDsl.Model;
using ModelDsl.Physics.Trl;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Kernels.Builtins;

/// <summary>
/// <c>texture_fit(h0: ..., mN: ..., d21: ..., d32: ..., ...)</c>: seed 001's texture breaking (2.11) solved for delta_h
/// (<see cref="TextureFit.FitTriResonant"/>, an algorithm: Takagi factorisation and a constrained minimum-norm
/// decomposition) on the tri-resonant spectrum (4.11), or with <c>fit: false</c> the unperturbed texture h0 on the
/// spectrum (4.11) of h0's own tree widths. The spectrum is computed here once and returned as fields (masses and the
/// splittings m_N_alpha - m_N1 carried exactly), so the spec's formulas read <c>F.h</c>, <c>F.mass</c>, <c>F.split</c>.
/// </summary>
public sealed class TextureFitBuiltin : IBuiltin
{
    /// <summary>The relative tolerance of the check that h0 is x (1, omega, omega^2) with real x (the rounding of omega is at the last digit).</summary>
    public const double TextureTolerance = 1e-12;

    /// <summary>
    /// The largest relative residual |m_nu(h) - U* m U^dagger|_F / |U* m U^dagger|_F that counts as reproducing the data; a fit
    /// above it (e.g. after a unit slip, mN = 1000 eV, where double precision cannot hold the light masses: residual 0.08) has no
    /// value. 1e-3 lies far below the percent-level errors of the oscillation data (3.2)-(3.3) and far above the rounding of the
    /// exact construction, which grows as 1e-16 (a/sigma)^2 and reaches 7e-6 for a = 0.02 at m_N1 = 100 GeV (Fig. 10(a)).
    /// </summary>
    public const double MaxResidual = 1e-3;

    /// <inheritdoc/>
    public string Name => "texture_fit";

    /// <inheritdoc/>
    public string Description =>
        "h = h0 + delta_h with delta_h solved from seed 001 (2.11) so that the seesaw light mass (tree, or one-loop (2.14)) equals "
        + "U* m U^dagger (2.18) of the data (lightest mass 0; dm2_31 < 0: inverted ordering), h0 = x (1, omega, omega^2) column-rescaled "
        + "as in (2.17), on the tri-resonant spectrum (4.11) of the fitted h; with fit: false, h = h0 on the spectrum (4.11) of h0";

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinParameter> Parameters { get; } =
    [
        new("h0", BuiltinType.Matrix(3, 3), "the Z3 texture (2.10), x_l omega^(alpha-1) with real x"),
        new("mN", BuiltinType.Real, "m_N1 in GeV"),
        new("d21", BuiltinType.Real, "(m_N2 - m_N1)/Gamma_N1 (4.11)"),
        new("d32", BuiltinType.Real, "(m_N3 - m_N2)/Gamma_N2 (4.11)"),
        new("fit", BuiltinType.Bool, "false: no fit, h = h0", 1),
        new("one_loop", BuiltinType.Bool, "fit the one-loop light masses (2.12)-(2.14)", 0),
        new("v", BuiltinType.Real, "Higgs vev (GeV), m_D = v h/sqrt2"),
        new("M_W", BuiltinType.Real, "W mass (GeV), one-loop (2.12)"),
        new("M_Z", BuiltinType.Real, "Z mass (GeV), f(m) of (2.13)"),
        new("M_H", BuiltinType.Real, "Higgs mass (GeV), f(m) of (2.13)"),
        new("alpha_w", BuiltinType.Real, "the weak coupling alpha_w of the one-loop correction (2.12)"),
        new("sin2_12", BuiltinType.Real, "data (3.2)"),
        new("sin2_23", BuiltinType.Real, "data (3.2)"),
        new("sin2_13", BuiltinType.Real, "data (3.2)"),
        new("delta_cp", BuiltinType.Real, "data (3.2)"),
        new("dm2_21", BuiltinType.Real, "data (3.3), eV^2"),
        new("dm2_31", BuiltinType.Real, "data (3.3), eV^2; < 0 selects inverted ordering"),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinField> Result { get; } =
    [
        BuiltinField.ComplexMatrix("h", 3, 3, "the Yukawas h[l, alpha] (fitted, or h0)"),
        BuiltinField.ComplexMatrix("h0", 3, 3, "the texture the fit perturbs (2.17)"),
        BuiltinField.ComplexMatrix("delta_h", 3, 3, "the perturbation (zero without fit)"),
        BuiltinField.RealVector("mass", 3, "m_N_alpha (GeV), spectrum (4.11)"),
        BuiltinField.RealVector("split", 3, "m_N_alpha - m_N1 (GeV), carried exactly"),
        BuiltinField.RealVector("width", 3, "tree widths m (h^dagger h)_aa/(8 pi) that set the spectrum"),
        BuiltinField.RealScalar("residual", "|m_nu(h) - U* m U^dagger|_F / |U* m U^dagger|_F (NaN without fit)"),
        BuiltinField.RealScalar("ratio", "max|delta_h| / max|h0|"),
        BuiltinField.RealScalar("frobenius_ratio", "|delta_h D^(1/2)|_F / |h0 D^(1/2)|_F"),
        BuiltinField.RealScalar("frobenius_bound", "|nu . x| / |x|, the proven lower bound of frobenius_ratio"),
        BuiltinField.ComplexMatrix("m_nu", 3, 3, "the light-neutrino mass matrix of the fitted h (GeV), tree or one-loop (zero without fit)"),
    ];

    /// <inheritdoc/>
    public BuiltinOutcome Evaluate(BuiltinArguments a)
    {
        if (!a.AllFinite)
            return BuiltinOutcome.Fail("every argument must be a finite number");
        var h0 = a.Matrix("h0");
        if (TextureVector(h0, out var problem) is not { } x) return BuiltinOutcome.Fail(problem!);
        var m = a.Real("mN");
        if (!(m > 0)) return BuiltinOutcome.Fail("the heavy mass must be positive");
        if (!a.Bool("fit")) return Unperturbed(h0, m, a.Real("d21"), a.Real("d32"));
        var dm31 = a.Real("dm2_31");
        var data = new OscillationData(dm31 > 0 ? MassOrdering.Normal : MassOrdering.Inverted, a.Real("dm2_21"), dm31,
            a.Real("sin2_12"), a.Real("sin2_23"), a.Real("sin2_13"), a.Real("delta_cp"));
        if (!(data.Dm2_21 > 0) || data.Dm2_31 == 0) return BuiltinOutcome.Fail("dm2_21 must be positive and dm2_31 non-zero");
        // e.g. a spectrum whose splittings overflow: no finite fit (a value, not an exception)
        if (TextureFit.TryFitTriResonant(x[0], x[1], x[2], m, data, a.Bool("one_loop"), Constants(a), a.Real("d21"), a.Real("d32"), out var failure)
            is not { } fit)
            return BuiltinOutcome.Fail("no finite fit at this point: " + failure);
        // the light parameters of m_nu(h) (a Takagi factorisation) are left to whoever shows them: a scan does not need them
        var record = Record(fit.H, fit.H0, fit.DeltaH, fit.Spectrum,
            [BuiltinRecord.Scalar("residual", fit.Residual), BuiltinRecord.Scalar("ratio", fit.Ratio),
             BuiltinRecord.Scalar("frobenius_ratio", fit.FrobeniusRatio), BuiltinRecord.Scalar("frobenius_bound", fit.FrobeniusBound),
             new("m_nu", fit.Fitted)]);
        return fit.Residual <= MaxResidual ? BuiltinOutcome.Of(record)
            : BuiltinOutcome.Rejected(record, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the fitted texture does not reproduce the data (residual {fit.Residual:G6} > {MaxResidual:G6} against the oscillation data): double precision cannot hold the light masses in Yukawas this large (docs/trl.md)"));
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, ExprMatrix>? EvaluateSymbolic(SymbolicArguments arguments) => null;

    /// <summary>
    /// x with h0[l, alpha] = x_l omega^(alpha-1), x real, to <see cref="TextureTolerance"/> relative to max|x|; null (with the reason) otherwise.
    /// </summary>
    public static double[]? TextureVector(Complex[,] h0, out string? problem)
    {
        problem = null;
        var scale = h0.Cast<Complex>().Max(z => z.Magnitude);
        if (scale == 0)
        {
            problem = "h0 = 0 (a = b = c = 0): there is no texture to perturb";
            return null;
        }
        var x = new double[3];
        for (var l = 0; l < 3; l++)
        {
            x[l] = h0[l, 0].Real;
            for (var al = 0; al < 3; al++)
                if ((h0[l, al] - x[l] * Complex.Pow(Z3Texture.Omega, al)).Magnitude > TextureTolerance * scale)
                {
                    problem = $"h0 is not of the form x_l omega^(alpha-1) with real x (seed 001 eq. 2.10): entry [{l + 1},{al + 1}] differs by "
                        + $"{(h0[l, al] - x[l] * Complex.Pow(Z3Texture.Omega, al)).Magnitude / scale:G3} relative (tolerance {TextureTolerance:G1})";
                    return null;
                }
        }
        return x;
    }

    private static BuiltinOutcome Unperturbed(Complex[,] h0, double m, double d21, double d32)
    {
        var s = ResonantAsymmetries.TriResonantSpectrum(h0, m, d21, d32);
        if (!double.IsFinite(s.Mass(2))) return BuiltinOutcome.Fail("the spectrum is not finite");
        return BuiltinOutcome.Of(Record(h0, h0, new Complex[3, 3], s,
            [BuiltinRecord.Scalar("residual", double.NaN), BuiltinRecord.Scalar("ratio", 0), BuiltinRecord.Scalar("frobenius_ratio", 0),
             BuiltinRecord.Scalar("frobenius_bound", double.NaN), new("m_nu", new Complex[3, 3])]));
    }

    private static BuiltinRecord Record(Complex[,] h, Complex[,] h0, Complex[,] deltaH, HeavySpectrum s, IEnumerable<KeyValuePair<string, Complex[,]>> rest) =>
        new([new("h", h), new("h0", h0), new("delta_h", deltaH),
             BuiltinRecord.Vector("mass", s.Masses),
             BuiltinRecord.Vector("split", [0.0, s.Difference(1, 0), s.Difference(2, 0)]),
             BuiltinRecord.Vector("width", ResonantAsymmetries.TreeWidths(h, s)),
             .. rest]);

    /// <summary>The constants the fit reads, all from the arguments; the cLFV ones are not used by it (NaN).</summary>
    private static TrlConstants Constants(BuiltinArguments a) => new()
    {
        HiggsVev = a.Real("v"), WMass = a.Real("M_W"), ZMass = a.Real("M_Z"), HiggsMass = a.Real("M_H"), AlphaW = a.Real("alpha_w"),
        FermiConstant = double.NaN, SinThetaW2 = double.NaN, AlphaEm = double.NaN, MuonMass = double.NaN, ElectronMass = double.NaN, HbarGeVSeconds = double.NaN,
        MuonLifetime = double.NaN, MuonWidth = double.NaN,
    };
}
