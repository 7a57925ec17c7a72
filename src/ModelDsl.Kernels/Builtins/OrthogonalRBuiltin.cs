using ModelDsl.Model;
using ModelDsl.Physics.Neutrinos;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Kernels.Builtins;

/// <summary><c>orthogonal_r(w12, w13, w23)</c> = R23(w23) R13(w13) R12(w12), complex orthogonal (<see cref="NeutrinoMixing.OrthogonalR"/>).</summary>
public sealed class OrthogonalRBuiltin : IBuiltin
{
    /// <inheritdoc/>
    public string Name => "orthogonal_r";

    /// <inheritdoc/>
    public string Description => "the complex orthogonal R = R23(w23) R13(w13) R12(w12) of the Casas-Ibarra parametrisation";

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinParameter> Parameters { get; } =
    [
        new("w12", BuiltinType.Complex, "complex angle"),
        new("w13", BuiltinType.Complex, "complex angle"),
        new("w23", BuiltinType.Complex, "complex angle"),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinField> Result { get; } = [BuiltinField.ComplexMatrix("", 3, 3, "R, R R^T = 1")];

    /// <inheritdoc/>
    public BuiltinOutcome Evaluate(BuiltinArguments a) =>
        BuiltinOutcome.Of(NeutrinoMixing.OrthogonalR(a.Complex("w12"), a.Complex("w13"), a.Complex("w23")));

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, ExprMatrix>? EvaluateSymbolic(SymbolicArguments a) => new Dictionary<string, ExprMatrix>
    {
        [""] = Rotation(1, 2, a.Scalar("w23")) * Rotation(0, 2, a.Scalar("w13")) * Rotation(0, 1, a.Scalar("w12")),
    };

    private static ExprMatrix Rotation(int i, int j, Expr w) => ExprMatrix.Create(3, 3, (r, c) =>
        r == c ? (r == i || r == j ? Expr.Cos(w) : Expr.One)
        : r == i && c == j ? Expr.Sin(w)
        : r == j && c == i ? -Expr.Sin(w)
        : Expr.Zero);
}
