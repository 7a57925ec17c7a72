namespace ModelDsl.Physics.Trl;

/// <summary>
/// The heavy-neutrino spectrum of TRL (arXiv:2206.08352) as m_N1 (GeV) plus the splittings m_N2 - m_N1 and m_N3 - m_N2,
/// carried explicitly (trl-formulas.md, Corrections item 6): for Gamma/m below ~1e-15 the absolute masses are equal
/// doubles, so every m_alpha - m_beta and m_alpha^2 - m_beta^2 = (m_alpha - m_beta)(m_alpha + m_beta) is computed from
/// the splittings. Splittings may be zero or negative (Fig. 1 scans m_N3 through m_N1 and m_N2). Indices are 0-based.
/// </summary>
public sealed record HeavySpectrum(double M1, double Split21, double Split32)
{
    /// <summary>Exactly degenerate masses m.</summary>
    public static HeavySpectrum Degenerate(double m) => new(m, 0, 0);

    /// <summary>From three masses (the splittings are then only as accurate as the differences of the doubles).</summary>
    public static HeavySpectrum FromMasses(double m1, double m2, double m3) => new(m1, m2 - m1, m3 - m2);

    /// <summary>m_N(alpha+1) in GeV.</summary>
    public double Mass(int alpha) => alpha switch
    {
        0 => M1,
        1 => M1 + Split21,
        2 => M1 + Split21 + Split32,
        _ => throw new ArgumentOutOfRangeException(nameof(alpha)),
    };

    /// <summary>The three masses in GeV.</summary>
    public double[] Masses => [Mass(0), Mass(1), Mass(2)];

    /// <summary>m_alpha - m_beta from the splittings.</summary>
    public double Difference(int alpha, int beta) => Offset(alpha) - Offset(beta);

    /// <summary>m_alpha^2 - m_beta^2 = (m_alpha - m_beta)(m_alpha + m_beta), the difference from the splittings.</summary>
    public double SquareDifference(int alpha, int beta) => Difference(alpha, beta) * (Mass(alpha) + Mass(beta));

    /// <summary>m_beta^2/m_alpha^2 = 1 + (m_beta^2 - m_alpha^2)/m_alpha^2, accurate for nearly equal masses.</summary>
    public double SquareRatio(int beta, int alpha) => 1 + SquareDifference(beta, alpha) / (Mass(alpha) * Mass(alpha));

    private double Offset(int alpha) => alpha switch
    {
        0 => 0,
        1 => Split21,
        2 => Split21 + Split32,
        _ => throw new ArgumentOutOfRangeException(nameof(alpha)),
    };
}
