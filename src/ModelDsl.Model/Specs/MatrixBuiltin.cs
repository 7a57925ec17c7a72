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
    /// <summary>The builtins: PMNS, the complex orthogonal R, Casas-Ibarra Yukawas, the seesaw mass; the texture fit, heavy spectrum, resummed Yukawas, mixing and cLFV loop functions of seed 001.</summary>
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
        new("texture_fit", [.. Enumerable.Repeat(BuiltinArgument.Real, 13)], 3, 3,
            "texture_fit(a, b, c, mN, d21, d32, one_loop, sin2_12, sin2_23, sin2_13, delta, dm2_21, dm2_31): h = h0 + delta_h[l, alpha] "
            + "of the Z3 texture (seed 001 eqs. 2.10, 2.17) with delta_h solved from (2.11) so that the seesaw light mass (tree, or one-loop "
            + "(2.14) when one_loop > 0) equals U* m U^dagger (2.18) of the data (dm2 in eV^2, dm2_31 < 0: inverted ordering; lightest mass 0), "
            + "on the tri-resonant spectrum (4.11) of the fitted h"),
        new("heavy_spectrum", [BuiltinArgument.Matrix3, BuiltinArgument.Real, BuiltinArgument.Real, BuiltinArgument.Real], 3, 2,
            "heavy_spectrum(h, mN, d21, d32): rows alpha = 1..3, columns (m_N_alpha, m_N_alpha - m_N1) in GeV, with m_N2 - m_N1 = d21 Gamma_N1 "
            + "and m_N3 - m_N2 = d32 Gamma_N2, Gamma the tree widths m (h^dagger h)_aa/(8 pi) (seed 001 eq. 4.11); splittings kept exactly"),
        new("resummed_yukawa", [BuiltinArgument.Matrix3, .. Enumerable.Repeat(BuiltinArgument.Real, 5)], 3, 3,
            "resummed_yukawa(h, mN, d21, d32, three_mixing, conjugate): the resummed effective Yukawa couplings hbar[l, alpha] of seed 001 "
            + "eqs. (4.3)-(4.4) (their CP conjugates, h -> h*, when conjugate > 0; the bi-resonant R = 0 form when three_mixing <= 0), "
            + "on the heavy_spectrum of h"),
        new("light_heavy_mixing", [BuiltinArgument.Matrix3, BuiltinArgument.Real, BuiltinArgument.Real, BuiltinArgument.Real], 3, 3,
            "light_heavy_mixing(h, mN, d21, d32): B[l, alpha] = (v/sqrt2) h[l, alpha]/m_N_alpha, seed 001 eq. (2.5), v = 246 GeV"),
        new("clfv_loops", [BuiltinArgument.Matrix3, BuiltinArgument.Real, BuiltinArgument.Real, BuiltinArgument.Real], 5, 3,
            "clfv_loops(h, mN, d21, d32): per heavy neutrino alpha (columns), x = m_N_alpha^2/M_W^2, rows G_gamma(x), F_gamma(x), "
            + "F_Z(x) + 2 G_Z(x, 0), F_box(x, 0) - F_box(0, 0), F_Xbox(x, 0) - F_Xbox(0, 0): the loop functions of seed 001 (B.1)-(B.12), "
            + "with their removable singularities at x = 1 handled"),
    ];

    /// <summary>Looks a builtin up by name.</summary>
    public static MatrixBuiltin? Find(string name) => All.FirstOrDefault(b => b.Name == name);
}
