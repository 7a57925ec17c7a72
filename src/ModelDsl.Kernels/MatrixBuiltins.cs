using System.Numerics;
using ModelDsl.Model;
using ModelDsl.Physics.Neutrinos;
using ModelDsl.Physics.Trl;

namespace ModelDsl.Kernels;

/// <summary>The implementations of the <see cref="MatrixBuiltin"/>s, from the physics library.</summary>
public static class MatrixBuiltins
{
    /// <summary>Evaluates a builtin on numeric arguments (scalars, vectors, 3x3 matrices).</summary>
    public static Complex[,] Evaluate(MatrixBuiltin builtin, IReadOnlyList<object> args) => builtin.Name switch
    {
        "pmns" => NeutrinoMixing.Pmns(Real(args[0]), Real(args[1]), Real(args[2]), Real(args[3]), Real(args[4]), Real(args[5])),
        "orthogonal_r" => NeutrinoMixing.OrthogonalR((Complex)args[0], (Complex)args[1], (Complex)args[2]),
        "casas_ibarra" => NeutrinoMixing.CasasIbarra((Complex[,])args[0], RealVector(args[1]), (Complex[,])args[2], RealVector(args[3]), Real(args[4])),
        "seesaw_mass" => NeutrinoMixing.SeesawMassMatrix((Complex[,])args[0], RealVector(args[1]), Real(args[2])),
        "texture_fit" => TextureFitOf(args).H,
        "heavy_spectrum" => HeavySpectrumTable(Spectrum(args)),
        "resummed_yukawa" => Real(args[5]) > 0
            ? ResonantAsymmetries.EffectiveYukawaConjugate((Complex[,])args[0], Spectrum(args), Real(args[4]) > 0)
            : ResonantAsymmetries.EffectiveYukawa((Complex[,])args[0], Spectrum(args), Real(args[4]) > 0),
        "light_heavy_mixing" => LightHeavyMixing.Mixing((Complex[,])args[0], Spectrum(args).Masses, TrlConstants.Default),
        "clfv_loops" => ClfvLoops(Spectrum(args), TrlConstants.Default),
        _ => throw new InvalidOperationException("No implementation for the builtin " + builtin.Name),
    };

    /// <summary>
    /// The fit behind <c>texture_fit(a, b, c, mN, d21, d32, one_loop, sin2_12, sin2_23, sin2_13, delta, dm2_21, dm2_31)</c>:
    /// seed 001 (2.11) on the tri-resonant spectrum of the fitted h; the ordering follows the sign of dm2_31.
    /// </summary>
    public static TextureFitResult TextureFitOf(IReadOnlyList<object> args)
    {
        var data = OscillationDataOf(args);
        double a = Real(args[0]), b = Real(args[1]), c = Real(args[2]), m = Real(args[3]);
        if (args.Take(13).Any(x => !double.IsFinite(Real(x)))) throw new ArgumentException("every argument must be a finite number");
        if (a == 0 && b == 0 && c == 0) throw new ArgumentException("a = b = c = 0: there is no texture to perturb");
        if (!(m > 0)) throw new ArgumentException("the heavy mass must be positive");
        if (!(data.Dm2_21 > 0) || data.Dm2_31 == 0) throw new ArgumentException("dm2_21 must be positive and dm2_31 non-zero");
        try
        {
            return TextureFit.FitTriResonant(a, b, c, m, data, OneLoopOf(args), TrlConstants.Default, Real(args[4]), Real(args[5]));
        }
        catch (MathNet.Numerics.Optimization.OptimizationException e)
        {
            throw new ArithmeticException("the fit did not converge: " + e.Message, e);
        }
        catch (ArithmeticException e)
        {
            // e.g. a spectrum whose splittings overflow: the fitted mass matrix is not finite
            throw new ArithmeticException("no finite fit at this point: " + e.Message, e);
        }
    }

    /// <summary>The oscillation data among the texture_fit arguments (7..12); the ordering follows the sign of dm2_31.</summary>
    public static OscillationData OscillationDataOf(IReadOnlyList<object> args)
    {
        var dm31 = Real(args[12]);
        return new OscillationData(dm31 > 0 ? MassOrdering.Normal : MassOrdering.Inverted, Real(args[11]), dm31,
            Real(args[7]), Real(args[8]), Real(args[9]), Real(args[10]));
    }

    /// <summary>Whether the texture_fit arguments ask for one-loop light masses (argument 6 &gt; 0).</summary>
    public static bool OneLoopOf(IReadOnlyList<object> args) => Real(args[6]) > 0;

    /// <summary>The tri-resonant spectrum (4.11) of builtin arguments (h, mN, d21, d32, ...).</summary>
    private static HeavySpectrum Spectrum(IReadOnlyList<object> args) =>
        ResonantAsymmetries.TriResonantSpectrum((Complex[,])args[0], Real(args[1]), Real(args[2]), Real(args[3]));

    private static Complex[,] HeavySpectrumTable(HeavySpectrum s)
    {
        var table = new Complex[3, 2];
        for (var alpha = 0; alpha < 3; alpha++)
        {
            table[alpha, 0] = s.Mass(alpha);
            table[alpha, 1] = s.Difference(alpha, 0);
        }
        return table;
    }

    private static Complex[,] ClfvLoops(HeavySpectrum s, TrlConstants k)
    {
        var loops = new Complex[5, 3];
        double box00 = LoopFunctions.FBox(0, 0), xbox00 = LoopFunctions.FXBox(0, 0);
        for (var n = 0; n < 3; n++)
        {
            var x = s.Mass(n) * s.Mass(n) / (k.WMass * k.WMass);
            loops[0, n] = LoopFunctions.GGamma(x);
            loops[1, n] = LoopFunctions.FGamma(x);
            loops[2, n] = LoopFunctions.FZ(x) + 2 * LoopFunctions.GZ(x, 0);
            loops[3, n] = LoopFunctions.FBox(x, 0) - box00;
            loops[4, n] = LoopFunctions.FXBox(x, 0) - xbox00;
        }
        return loops;
    }

    private static double Real(object o) => ((Complex)o).Real;

    private static double[] RealVector(object o) => ((Complex[])o).Select(c => c.Real).ToArray();
}
