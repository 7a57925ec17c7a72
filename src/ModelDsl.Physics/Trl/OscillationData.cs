using System.Numerics;

namespace ModelDsl.Physics.Trl;

/// <summary>
/// The oscillation best fit used by TRL (3.2)-(3.3): de Salas et al. arXiv:2006.11237 (TRL ref. [32]; values recalled,
/// [R] in trl-formulas.md), parsed from data/trl/nu_oscillation_desalas2020.dat (embedded). Mass-squared splittings in
/// eV^2 (Dm2_31 &lt; 0 for inverted ordering), delta in radians. TRL's choices: normal ordering, lightest mass zero,
/// Majorana phases zero.
/// </summary>
public sealed record OscillationData(MassOrdering Ordering, double Dm2_21, double Dm2_31, double Sin2Theta12, double Sin2Theta23, double Sin2Theta13, double Delta)
{
    /// <summary>The file's name in data/trl/.</summary>
    public const string FileName = "nu_oscillation_desalas2020.dat";

    /// <summary>
    /// Parses the rows of one ordering (columns ordering, parameter, best fit, errors, unit) from the file's text;
    /// delta is stored in the file as delta/pi.
    /// </summary>
    public static OscillationData Parse(string text, MassOrdering ordering)
    {
        var tag = ordering == MassOrdering.Normal ? "NO" : "IO";
        var values = TrlDataFiles.Rows(text).Where(c => c[0] == tag).ToDictionary(c => c[1], c => TrlDataFiles.Number(c[2]));
        double Get(string key) => values.TryGetValue(key, out var v) ? v : throw new FormatException($"{FileName}: no {tag} {key}");
        return new OscillationData(ordering, Get("dm2_21"), Get("dm2_31"), Get("sin2_theta12"), Get("sin2_theta23"), Get("sin2_theta13"),
            Get("delta_over_pi") * Math.PI);
    }

    /// <summary>The best fit of one ordering from the embedded data file.</summary>
    public static OscillationData Load(MassOrdering ordering) => Parse(TrlDataFiles.ReadText(FileName), ordering);

    /// <summary>TRL's choice: the normal-ordering best fit.</summary>
    public static OscillationData NormalOrdering => Load(MassOrdering.Normal);

    /// <summary>
    /// Light masses (m1, m2, m3) in eV with the lightest zero (TRL Sec. 3): NO m1 = 0, m2 = sqrt(Dm2_21), m3 = sqrt(Dm2_31);
    /// IO m3 = 0, m1 = sqrt(-Dm2_31), m2 = sqrt(m1^2 + Dm2_21).
    /// </summary>
    public double[] LightMassesEv()
    {
        if (Ordering == MassOrdering.Normal) return [0, Math.Sqrt(Dm2_21), Math.Sqrt(Dm2_31)];
        var m1 = Math.Sqrt(-Dm2_31);
        return [m1, Math.Sqrt(m1 * m1 + Dm2_21), 0];
    }

    /// <summary>The light masses of <see cref="LightMassesEv"/> in GeV.</summary>
    public double[] LightMasses() => LightMassesEv().Select(m => m * 1e-9).ToArray();

    /// <summary>The PMNS matrix (3.1) of these angles and delta, Majorana phases zero.</summary>
    public Complex[,] Pmns() => PdgMixing.Pmns(Sin2Theta12, Sin2Theta23, Sin2Theta13, Delta);

    /// <summary>
    /// The target light-neutrino mass matrix (2.18), m = U^* diag(m1, m2, m3) U^dagger in GeV (so U^T m U = diag, [P/R]),
    /// with U of (3.1) and zero Majorana phases.
    /// </summary>
    public Complex[,] TargetMassMatrix() => PdgMixing.MassMatrix(Pmns(), LightMasses());

    /// <summary>These data as light-neutrino parameters (masses in GeV), for comparison with a reconstruction.</summary>
    public LightNeutrinoParameters Parameters() => new(LightMasses(), Sin2Theta12, Sin2Theta23, Sin2Theta13, Delta);
}
