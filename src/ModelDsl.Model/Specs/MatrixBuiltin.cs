using System.Numerics;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>The kind of a matrix builtin's argument.</summary>
public enum BuiltinArgument
{
    /// <summary>A real scalar expression.</summary>
    Real,
    /// <summary>A complex scalar expression.</summary>
    Complex,
    /// <summary>The name of a vector parameter of length 3.</summary>
    Vector3,
    /// <summary>The name of a 3x3 matrix (parameter or let).</summary>
    Matrix3,
}

/// <summary>
/// The signature of a library function usable in <c>let</c> (its implementation is in the
/// kernels stage): name, arguments, result shape, and the equation it implements.
/// </summary>
public sealed record MatrixBuiltin(string Name, IReadOnlyList<BuiltinArgument> Arguments, int Rows, int Columns, string Description)
{
    /// <summary>The builtins: PMNS, the complex orthogonal R, Casas-Ibarra Yukawas.</summary>
    public static IReadOnlyList<MatrixBuiltin> All { get; } =
    [
        new("pmns", [BuiltinArgument.Real, BuiltinArgument.Real, BuiltinArgument.Real, BuiltinArgument.Real, BuiltinArgument.Real, BuiltinArgument.Real], 3, 3,
            "pmns(s12, s23, s13, delta, alpha1, alpha2): PDG angles and delta, Majorana phases diag(e^{i alpha1/2}, e^{i alpha2/2}, 1) on the right"),
        new("orthogonal_r", [BuiltinArgument.Complex, BuiltinArgument.Complex, BuiltinArgument.Complex], 3, 3,
            "orthogonal_r(w12, w13, w23) = R23(w23) R13(w13) R12(w12), complex orthogonal"),
        new("casas_ibarra", [BuiltinArgument.Matrix3, BuiltinArgument.Vector3, BuiltinArgument.Matrix3, BuiltinArgument.Vector3, BuiltinArgument.Real], 3, 3,
            "casas_ibarra(U, mnu, R, M, v): Y[i,a] = (U sqrt(mnu) R sqrt(M) sqrt(2)/v)^dagger, seed 000 eq. (4.2); masses in GeV"),
        new("seesaw_mass", [BuiltinArgument.Matrix3, BuiltinArgument.Vector3, BuiltinArgument.Real], 3, 3,
            "seesaw_mass(Y, M, v) = m_D M^-1 m_D^T with m_D = (v/sqrt2) Y^dagger: the light-neutrino mass matrix (GeV) of Yukawas Y[i,a]"),
    ];

    /// <summary>Looks a builtin up by name.</summary>
    public static MatrixBuiltin? Find(string name) => All.FirstOrDefault(b => b.Name == name);
}
