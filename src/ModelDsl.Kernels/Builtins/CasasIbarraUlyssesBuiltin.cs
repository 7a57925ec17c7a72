using System.Numerics;
using ModelDsl.Model;
using ModelDsl.Physics.Neutrinos;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Kernels.Builtins;

/// <summary>
/// <c>casas_ibarra_ulysses(m_lightest, M, dm2_sol, dm2_atm, inverted, t12, t13, t23, delta, a21, a31, z1, z2, z3, v, loop, m_H, m_Z)</c>:
/// the Casas-Ibarra Yukawa matrix in ULYSSES's convention (ulysses/ulsbase.py, <c>h_tree</c>, <c>U</c>, <c>R</c>,
/// <c>SqrtDm</c>; arXiv:2007.09150 eq. (2.3)): h[a,i] = (U sqrt(m) R^T sqrt(M))[a,i]/v with the lepton flavour first,
/// U the PDG PMNS matrix with the Majorana phases diag(1, e^{i a21/2}, e^{i a31/2}) on the right,
/// R = R23(z1) R13(z2) R12(z3) and the light masses from the lightest one and the two splittings
/// (normal: m2 = sqrt(m^2 + dm2_sol), m3 = sqrt(m^2 + dm2_atm); inverted: m1 = sqrt(m^2 + dm2_atm - dm2_sol),
/// m2 = sqrt(m^2 + dm2_atm), m3 = m). Angles in radians, masses in GeV, splittings in GeV^2; docs/ulysses.md.
/// With <c>loop</c> (ULYSSES's <c>h_loop</c>, <c>fMR</c>, <c>fMLoop</c>, ulsbase.py:341-379, 406-410) sqrt(M_i) is replaced by
/// sqrt(D_i), D_i = (1/M_i - l(M_i)/(32 pi^2 v^2))^-1, l(x) = x [ln(x^2/m_H^2)/(x^2/m_H^2 - 1) + 3 ln(x^2/m_Z^2)/(x^2/m_Z^2 - 1)]
/// (the Higgs and Z loops of the one-loop light-neutrino mass), so that v^2 h D^-1 h^T = U diag(m) U^T; a D_i that is not
/// positive and finite fails the call (ULYSSES takes its square root as NaN).
/// </summary>
public sealed class CasasIbarraUlyssesBuiltin : IBuiltin
{
    /// <inheritdoc/>
    public string Name => "casas_ibarra_ulysses";

    /// <inheritdoc/>
    public string Description =>
        "Casas-Ibarra Yukawas in ULYSSES's convention h[a,i] = (U sqrt(m) R^T sqrt(M))/v, a flavour, i heavy (arXiv:2007.09150); radians, GeV";

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinParameter> Parameters { get; } =
    [
        new("m_lightest", BuiltinType.Real, "lightest light-neutrino mass (GeV)"),
        new("M", BuiltinType.Vector(3), "heavy Majorana masses (GeV)"),
        new("dm2_sol", BuiltinType.Real, "solar splitting m2^2 - m1^2 (GeV^2)"),
        new("dm2_atm", BuiltinType.Real, "atmospheric splitting: m3^2 - m1^2 (normal), m2^2 - m3^2 (inverted) (GeV^2)"),
        new("inverted", BuiltinType.Bool, "inverted ordering", 0),
        new("t12", BuiltinType.Real, "theta_12"),
        new("t13", BuiltinType.Real, "theta_13"),
        new("t23", BuiltinType.Real, "theta_23"),
        new("delta", BuiltinType.Real, "Dirac phase"),
        new("a21", BuiltinType.Real, "Majorana phase alpha_21", 0),
        new("a31", BuiltinType.Real, "Majorana phase alpha_31", 0),
        new("z1", BuiltinType.Complex, "complex angle of R23"),
        new("z2", BuiltinType.Complex, "complex angle of R13"),
        new("z3", BuiltinType.Complex, "complex angle of R12"),
        new("v", BuiltinType.Real, "Higgs vev in m_D = h v (GeV)", 174),
        new("loop", BuiltinType.Bool, "one-loop corrected Casas-Ibarra (ULYSSES's --loop)", 0),
        new("m_H", BuiltinType.Real, "Higgs mass in the loop function (GeV)", 125.35),
        new("m_Z", BuiltinType.Real, "Z mass in the loop function (GeV)", 91.1876),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinField> Result { get; } =
    [
        BuiltinField.ComplexMatrix("h", 3, 3, "h[a,i]: a lepton flavour, i heavy neutrino"),
        BuiltinField.RealVector("mnu", 3, "light masses m1, m2, m3 (GeV)"),
        BuiltinField.ComplexMatrix("U", 3, 3, "PMNS U[a,k] with ULYSSES's Majorana phases"),
        BuiltinField.ComplexMatrix("R", 3, 3, "R = R23(z1) R13(z2) R12(z3)"),
    ];

    /// <inheritdoc/>
    public BuiltinOutcome Evaluate(BuiltinArguments a)
    {
        var mnu = LightMasses(a.Real("m_lightest"), a.Real("dm2_sol"), a.Real("dm2_atm"), a.Bool("inverted"));
        if (mnu.Any(m => !(m >= 0)))
            return BuiltinOutcome.Fail($"the light masses ({string.Join(", ", mnu)} GeV) are not real: the splittings do not fit this ordering");
        var u = Pmns(a.Real("t12"), a.Real("t13"), a.Real("t23"), a.Real("delta"), a.Real("a21"), a.Real("a31"));
        var r = NeutrinoMixing.OrthogonalR(a.Complex("z3"), a.Complex("z2"), a.Complex("z1"));
        var heavy = a.RealVector("M");
        var v = a.Real("v");
        if (a.Bool("loop"))
        {
            if (!(a.Real("m_H") > 0 && a.Real("m_Z") > 0 && double.IsFinite(a.Real("m_H")) && double.IsFinite(a.Real("m_Z"))))
                return BuiltinOutcome.Fail($"the one-loop option needs positive masses m_H and m_Z (given {a.Real("m_H"):G6} and {a.Real("m_Z"):G6} GeV)");
            var corrected = LoopCorrectedMasses(heavy, v, a.Real("m_H"), a.Real("m_Z"));
            if (Array.FindIndex(corrected, d => !(d > 0 && double.IsFinite(d))) is var bad and >= 0)
                return BuiltinOutcome.Fail($"the one-loop corrected mass (1/M_{bad + 1} - l(M_{bad + 1})/(32 pi^2 v^2))^-1 = {corrected[bad]:G6} GeV " +
                    $"at M_{bad + 1} = {heavy[bad]:G6} GeV is not a positive mass: its square root (ULYSSES's fMR) is not real");
            heavy = corrected;
        }
        var h = new Complex[3, 3];
        for (var f = 0; f < 3; f++)
            for (var i = 0; i < 3; i++)
            {
                var s = Complex.Zero;
                for (var k = 0; k < 3; k++) s += u[f, k] * Math.Sqrt(mnu[k]) * r[i, k];
                h[f, i] = s * Math.Sqrt(heavy[i]) / v;
            }
        return BuiltinOutcome.Of(new BuiltinRecord([new("h", h), BuiltinRecord.Vector("mnu", mnu), new("U", u), new("R", r)]));
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, ExprMatrix>? EvaluateSymbolic(SymbolicArguments a) => null;

    /// <summary>
    /// D_i = (1/M_i - l(M_i)/(32 pi^2 v^2))^-1, the masses whose square roots replace sqrt(M_i) in ULYSSES's one-loop
    /// Casas-Ibarra (<c>fMR</c>, ulsbase.py:341-358), with <see cref="LoopFunction"/>.
    /// </summary>
    public static double[] LoopCorrectedMasses(double[] heavy, double v, double mH, double mZ) =>
        heavy.Select(m => 1 / (1 / m - LoopFunction(m, mH, mZ) / (32 * Math.PI * Math.PI * v * v))).ToArray();

    /// <summary>
    /// ULYSSES's <c>fMLoop</c> (ulsbase.py:373-379): l(x) = x [g(x^2/m_H^2) + 3 g(x^2/m_Z^2)] with g(r) = ln(r)/(r - 1), GeV;
    /// g(1) is its limit 1 (ULYSSES evaluates 0/0 there). The bracket is the seesaw's one-loop function of seed 001
    /// (<see cref="ModelDsl.Physics.Trl.LoopFunctions.SeesawOneLoop(double, double, double)"/>).
    /// </summary>
    public static double LoopFunction(double x, double mH, double mZ) => x * ModelDsl.Physics.Trl.LoopFunctions.SeesawOneLoop(x, mH, mZ);

    /// <summary>The light masses from the lightest one and the splittings, in ULYSSES's <c>SqrtDm</c> (squared).</summary>
    public static double[] LightMasses(double lightest, double dm2Sol, double dm2Atm, bool inverted)
    {
        var m2 = lightest * lightest;
        return inverted
            ? [Math.Sqrt(m2 + dm2Atm - dm2Sol), Math.Sqrt(m2 + dm2Atm), lightest]
            : [lightest, Math.Sqrt(m2 + dm2Sol), Math.Sqrt(m2 + dm2Atm)];
    }

    /// <summary>The PDG PMNS matrix (U_e3 = s13 e^{-i delta}) times diag(1, e^{i a21/2}, e^{i a31/2}): ULYSSES's <c>U</c>.</summary>
    public static Complex[,] Pmns(double t12, double t13, double t23, double delta, double a21, double a31)
    {
        // the project's PDG form with its own phases set to zero, then ULYSSES's phases on columns 2 and 3
        var u = NeutrinoMixing.Pmns(Math.Sin(t12), Math.Sin(t23), Math.Sin(t13), delta, 0, 0);
        for (var f = 0; f < 3; f++)
        {
            u[f, 1] *= Complex.FromPolarCoordinates(1, a21 / 2);
            u[f, 2] *= Complex.FromPolarCoordinates(1, a31 / 2);
        }
        return u;
    }
}
