namespace ModelDsl.Physics.Trl;

/// <summary>
/// One-loop functions of tri-resonant leptogenesis (TRL, arXiv:2206.08352): the Fukugita-Yanagida vertex
/// function of (4.2), the seesaw one-loop function f(m) of (2.13), and the cLFV functions of Appendix B
/// (B.7)-(B.12) (Ilakovac-Pilaftsis hep-ph/9403398; Alonso et al. arXiv:1209.2679), all [R] in trl-formulas.md.
/// x = m_N^2/M_W^2 for Appendix B. The removable singularities at x = 1 (and x = y) are evaluated by Taylor
/// series and Gauss-Legendre divided differences, so the values are smooth there to ~1e-13 relative.
/// </summary>
public static class LoopFunctions
{
    // Each Appendix-B function as [A(x) + B(x) ln x] / (1 - x)^n.
    private static readonly LogRational FGammaForm = new([0, -1, 11.0 / 12, 8.0 / 12, -7.0 / 12], [0, 0, -2, 10.0 / 6, -1.0 / 6], 4);
    private static readonly LogRational GGammaForm = new([0, 0.25, -1.5, 0.75, 0.5], [0, 0, 0, -1.5], 4);
    private static readonly LogRational FZForm = new([0, -2.5, 2.5], [0, 0, -2.5], 2);
    private static readonly LogRational PForm = new([1, -1], [0, 0, 1], 2);
    private static readonly LogRational QForm = new([1, -1], [0, 1], 2);
    private static readonly LogRational AForm = new([0], [0, 0, 1], 1); // x^2 ln x / (1 - x), for G_Z

    /// <summary>
    /// Fukugita-Yanagida function of (4.2), f(x) = sqrt(x) [1 - (1 + x) ln((1 + x)/x)], x = m_beta^2/m_alpha^2 [R]
    /// (PU03, hep-ph/0309342). f(1) = 1 - 2 ln 2. ln(1 + 1/x) is taken with an accurate log1p.
    /// </summary>
    public static double FukugitaYanagida(double x) => Math.Sqrt(x) * (1 - (1 + x) * Log1p(1 / x));

    /// <summary>
    /// The seesaw one-loop function of (2.13), f(m) = ln x_H/(x_H - 1) + 3 ln x_Z/(x_Z - 1), x_H = m^2/M_H^2,
    /// x_Z = m^2/M_Z^2 [R] (Pilaftsis Z. Phys. C55 (1992); trl-formulas.md section 1). The numeric twin of the
    /// symbolic ModelDsl.Checks.SeesawZeroMass.EffectiveInverseMass (which stays symbolic and is not referenced here).
    /// </summary>
    public static double SeesawOneLoop(double m, TrlConstants c) => SeesawOneLoop(m, c.HiggsMass, c.ZMass);

    /// <summary>As <see cref="SeesawOneLoop(double, TrlConstants)"/> with the Higgs and Z masses given (GeV).</summary>
    public static double SeesawOneLoop(double m, double higgsMass, double zMass) =>
        LogOverXMinusOne(m * m / (higgsMass * higgsMass)) + 3 * LogOverXMinusOne(m * m / (zMass * zMass));

    /// <summary>F_gamma(x) of (B.7) [R]: (7x^3 - x^2 - 12x)/(12(1-x)^3) - (x^4 - 10x^3 + 12x^2)/(6(1-x)^4) ln x. F_gamma(0) = 0, F_gamma -> -7/12 - ln(x)/6.</summary>
    public static double FGamma(double x) => FGammaForm.Value(x);

    /// <summary>G_gamma(x) of (B.8) [R]: -(2x^3 + 5x^2 - x)/(4(1-x)^3) - 3x^3/(2(1-x)^4) ln x. G_gamma(0) = 0, G_gamma(inf) = 1/2.</summary>
    public static double GGamma(double x) => GGammaForm.Value(x);

    /// <summary>F_Z(x) of (B.9) [R]: -5x/(2(1-x)) - 5x^2/(2(1-x)^2) ln x. F_Z(0) = 0, F_Z -> 5/2 - (5/2) ln x.</summary>
    public static double FZ(double x) => FZForm.Value(x);

    /// <summary>P(x) = 1/(1-x) + x^2 ln x/(1-x)^2 of Appendix B [R]; P(0) = 1.</summary>
    public static double P(double x) => PForm.Value(x);

    /// <summary>Q(x) = 1/(1-x) + x ln x/(1-x)^2 of Appendix B [R]; Q(0) = 1.</summary>
    public static double Q(double x) => QForm.Value(x);

    /// <summary>
    /// G_Z(x, y) of (B.10) [R]: -1/(2(x-y)) [x^2(1-y)/(1-x) ln x - y^2(1-x)/(1-y) ln y], evaluated as
    /// -(1/2)[(1 - y) a[x,y] + a(y)] with a(x) = x^2 ln x/(1-x) and a[x,y] its divided difference (smooth through x = y).
    /// G_Z(x, 0) = -x ln x/(2(1-x)).
    /// </summary>
    public static double GZ(double x, double y) => -0.5 * ((1 - y) * AForm.DividedDifference(x, y) + AForm.Value(y));

    /// <summary>
    /// F_box(x, y) of (B.11) [R]: {(4 + xy/4)[P(x) - P(y)] - 2xy[Q(x) - Q(y)]}/(x - y), evaluated with divided
    /// differences (smooth through x = y). F_box(0, 0) = 4, F_box(x, 0) = 4 Q(x).
    /// </summary>
    public static double FBox(double x, double y) =>
        (4 + x * y / 4) * PForm.DividedDifference(x, y) - (x * y == 0 ? 0 : 2 * x * y * QForm.DividedDifference(x, y));

    /// <summary>
    /// F_Xbox(x, y) of (B.12) [R]: -{(1 + xy/4)[P(x) - P(y)] - 2xy[Q(x) - Q(y)]}/(x - y). F_Xbox(0, 0) = -1,
    /// F_Xbox(x, 0) = -F_box(x, 0)/4.
    /// </summary>
    public static double FXBox(double x, double y) =>
        -((1 + x * y / 4) * PForm.DividedDifference(x, y) - (x * y == 0 ? 0 : 2 * x * y * QForm.DividedDifference(x, y)));

    /// <summary>ln(1 + u), accurate for small u (Goldberg's trick; .NET's LogP1 is Log(1 + u)).</summary>
    internal static double Log1p(double u)
    {
        var w = 1 + u;
        return w == 1 ? u : Math.Log(w) * u / (w - 1);
    }

    /// <summary>ln x/(x - 1), 1 at x = 1; accurate near 1 because x - 1 is exact there (Sterbenz) and ln is correctly rounded.</summary>
    private static double LogOverXMinusOne(double x) => x == 1 ? 1 : Math.Log(x) / (x - 1);
}
