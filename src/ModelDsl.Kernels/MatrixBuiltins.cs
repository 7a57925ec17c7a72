using System.Numerics;
using ModelDsl.Model;
using ModelDsl.Physics.Neutrinos;

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
        _ => throw new InvalidOperationException("No implementation for the builtin " + builtin.Name),
    };

    private static double Real(object o) => ((Complex)o).Real;

    private static double[] RealVector(object o) => ((Complex[])o).Select(c => c.Real).ToArray();
}
