using ModelDsl.Model;
using ModelDsl.Physics.Neutrinos;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Kernels.Builtins;

/// <summary>
/// <c>casas_ibarra(U, mnu, R, M, v)</c>: Y[i,a] = (U sqrt(mnu) R sqrt(M) sqrt2/v)^dagger, seed 000 eq. (4.2)
/// (<see cref="NeutrinoMixing.CasasIbarra"/>); masses in GeV.
/// </summary>
public sealed class CasasIbarraBuiltin : IBuiltin
{
    /// <inheritdoc/>
    public string Name => "casas_ibarra";

    /// <inheritdoc/>
    public string Description => "Casas-Ibarra Yukawas Y[i,a] = (U sqrt(mnu) R sqrt(M) sqrt2/v)^dagger, i sterile, a active (seed 000 eq. 4.2); GeV";

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinParameter> Parameters { get; } =
    [
        new("U", BuiltinType.Matrix(3, 3), "PMNS matrix"),
        new("mnu", BuiltinType.Vector(3), "light-neutrino masses"),
        new("R", BuiltinType.Matrix(3, 3), "complex orthogonal matrix"),
        new("M", BuiltinType.Vector(3), "heavy Majorana masses"),
        new("v", BuiltinType.Real, "Higgs vev"),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinField> Result { get; } = [BuiltinField.ComplexMatrix("", 3, 3, "Y[i,a]") with { RowsFollow = "M" }];

    /// <inheritdoc/>
    public BuiltinOutcome Evaluate(BuiltinArguments a) =>
        BuiltinOutcome.Of(NeutrinoMixing.CasasIbarra(a.Matrix("U"), a.RealVector("mnu"), a.Matrix("R"), a.RealVector("M"), a.Real("v")));

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, ExprMatrix>? EvaluateSymbolic(SymbolicArguments a)
    {
        var mnu = a.Matrix("mnu");
        var m = a.Matrix("M");
        var sqrtLight = ExprMatrix.Diagonal(Enumerable.Range(0, 3).Select(k => Expr.Sqrt(mnu[k, 0])).ToArray());
        var sqrtHeavy = ExprMatrix.Diagonal(Enumerable.Range(0, 3).Select(k => Expr.Sqrt(m[k, 0])).ToArray());
        var yDagger = Expr.Sqrt(2) / a.Scalar("v") * (a.Matrix("U") * sqrtLight * a.Matrix("R") * sqrtHeavy);
        return new Dictionary<string, ExprMatrix> { [""] = yDagger.ConjugateTranspose() };
    }
}
