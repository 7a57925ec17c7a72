using ModelDsl.Model;
using ModelDsl.Physics.Neutrinos;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Kernels.Builtins;

/// <summary>
/// <c>seesaw_mass(Y, M, v)</c> = m_D M^-1 m_D^T with m_D = (v/sqrt2) Y^dagger: the light-neutrino mass matrix (GeV) of
/// Yukawas Y[i,a] (<see cref="NeutrinoMixing.SeesawMassMatrix"/>).
/// </summary>
public sealed class SeesawMassBuiltin : IBuiltin
{
    /// <inheritdoc/>
    public string Name => "seesaw_mass";

    /// <inheritdoc/>
    public string Description => "the seesaw light-neutrino mass m_D M^-1 m_D^T, m_D = (v/sqrt2) Y^dagger (GeV)";

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinParameter> Parameters { get; } =
    [
        new("Y", BuiltinType.Matrix(3, 3), "Yukawas Y[i,a], i sterile, a active"),
        new("M", BuiltinType.Vector(3), "heavy Majorana masses"),
        new("v", BuiltinType.Real, "Higgs vev"),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinField> Result { get; } = [BuiltinField.ComplexMatrix("", 3, 3, "m_light[a,b]")];

    /// <inheritdoc/>
    public BuiltinOutcome Evaluate(BuiltinArguments a) =>
        BuiltinOutcome.Of(NeutrinoMixing.SeesawMassMatrix(a.Matrix("Y"), a.RealVector("M"), a.Real("v")));

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, ExprMatrix>? EvaluateSymbolic(SymbolicArguments a)
    {
        var m = a.Matrix("M");
        var mD = a.Scalar("v") / Expr.Sqrt(2) * a.Matrix("Y").ConjugateTranspose();
        var inverse = ExprMatrix.Diagonal(Enumerable.Range(0, 3).Select(k => 1 / m[k, 0]).ToArray());
        return new Dictionary<string, ExprMatrix> { [""] = mD * inverse * mD.Transpose() };
    }
}
