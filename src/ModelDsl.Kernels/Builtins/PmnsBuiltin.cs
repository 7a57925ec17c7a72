using ModelDsl.Model;
using ModelDsl.Physics.Neutrinos;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Kernels.Builtins;

/// <summary>
/// <c>pmns(s12, s23, s13, delta, alpha1, alpha2)</c>: the PMNS matrix in the PDG form, Majorana phases
/// diag(e^{i alpha1/2}, e^{i alpha2/2}, 1) on the right (<see cref="NeutrinoMixing.Pmns"/>); symbolic form entry for entry the same.
/// </summary>
public sealed class PmnsBuiltin : IBuiltin
{
    /// <inheritdoc/>
    public string Name => "pmns";

    /// <inheritdoc/>
    public string Description => "the PMNS matrix (PDG form; s_ij = sin theta_ij), Majorana phases diag(e^{i alpha1/2}, e^{i alpha2/2}, 1) on the right";

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinParameter> Parameters { get; } =
    [
        new("s12", BuiltinType.Real, "sin theta_12"),
        new("s23", BuiltinType.Real, "sin theta_23"),
        new("s13", BuiltinType.Real, "sin theta_13"),
        new("delta", BuiltinType.Real, "Dirac phase"),
        new("alpha1", BuiltinType.Real, "Majorana phase", 0),
        new("alpha2", BuiltinType.Real, "Majorana phase", 0),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinField> Result { get; } = [BuiltinField.ComplexMatrix("", 3, 3, "U[a,k]: flavour a, mass k")];

    /// <inheritdoc/>
    public BuiltinOutcome Evaluate(BuiltinArguments a) =>
        BuiltinOutcome.Of(NeutrinoMixing.Pmns(a.Real("s12"), a.Real("s23"), a.Real("s13"), a.Real("delta"), a.Real("alpha1"), a.Real("alpha2")));

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, ExprMatrix>? EvaluateSymbolic(SymbolicArguments a) => new Dictionary<string, ExprMatrix>
    {
        [""] = Pmns(a.Scalar("s12"), a.Scalar("s23"), a.Scalar("s13"), a.Scalar("delta"), a.Scalar("alpha1"), a.Scalar("alpha2")),
    };

    /// <summary>PMNS of <see cref="NeutrinoMixing.Pmns"/> in symbols: PDG form, Majorana phases on the right.</summary>
    public static ExprMatrix Pmns(Expr s12, Expr s23, Expr s13, Expr delta, Expr alpha1, Expr alpha2)
    {
        Expr Cos(Expr s) => Expr.Sqrt(1 - s * s);
        Expr c12 = Cos(s12), c23 = Cos(s23), c13 = Cos(s13);
        var ed = Expr.Exp(Expr.I * delta);
        var u = ExprMatrix.FromRows(
            [c12 * c13, s12 * c13, s13 * Expr.Exp(-(Expr.I * delta))],
            [-(s12 * c23) - c12 * s23 * s13 * ed, c12 * c23 - s12 * s23 * s13 * ed, s23 * c13],
            [s12 * s23 - c12 * c23 * s13 * ed, -(c12 * s23) - s12 * c23 * s13 * ed, c23 * c13]);
        var half = Expr.Number(Rational.Half);
        return u * ExprMatrix.Diagonal(Expr.Exp(Expr.I * alpha1 * half), Expr.Exp(Expr.I * alpha2 * half), Expr.One);
    }
}
