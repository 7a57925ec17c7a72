using ModelDsl.Model;
using ModelDsl.Physics.Trl;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Kernels.Builtins;

/// <summary>
/// <c>clfv_loop_functions(mass: ..., M_W: ...)</c>: the cLFV loop functions of seed 001 Appendix B (B.7)-(B.12) at
/// x = m_N_alpha^2/M_W^2, per heavy neutrino. They stay in C# (<see cref="LoopFunctions"/>) for their removable
/// singularities at x = 1, evaluated by Taylor series and divided differences; the spec combines them into the form
/// factors (B.1)-(B.6).
/// </summary>
public sealed class LoopFunctionsBuiltin : IBuiltin
{
    /// <inheritdoc/>
    public string Name => "clfv_loop_functions";

    /// <inheritdoc/>
    public string Description => "the loop functions of seed 001 (B.7)-(B.12) at x = m_N^2/M_W^2 (series at the removable singularity x = 1)";

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinParameter> Parameters { get; } =
    [
        new("mass", BuiltinType.Vector(3), "heavy-neutrino masses (GeV)"),
        new("M_W", BuiltinType.Real, "W mass (GeV)"),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<BuiltinField> Result { get; } =
    [
        BuiltinField.RealVector("G_gamma", 3, "G_gamma(x) (B.8)"),
        BuiltinField.RealVector("F_gamma", 3, "F_gamma(x) (B.7)"),
        BuiltinField.RealVector("F_Z", 3, "F_Z(x) (B.9)"),
        BuiltinField.RealVector("G_Z", 3, "G_Z(x, 0) (B.10)"),
        BuiltinField.RealVector("F_box", 3, "F_box(x, 0) (B.11); F_box(0, 0) = 4"),
        BuiltinField.RealVector("F_Xbox", 3, "F_Xbox(x, 0) (B.12); F_Xbox(0, 0) = -1"),
    ];

    /// <inheritdoc/>
    public BuiltinOutcome Evaluate(BuiltinArguments a)
    {
        var mw = a.Real("M_W");
        var x = a.RealVector("mass").Select(m => m * m / (mw * mw)).ToArray();
        if (x.Any(v => v < 0)) return BuiltinOutcome.Fail("x = m_N^2/M_W^2 must not be negative");
        // an overflowing spectrum gives x = inf: the functions are then NaN and so are the rates (reported as 'not finite')
        return BuiltinOutcome.Of(new BuiltinRecord(
        [
            BuiltinRecord.Vector("G_gamma", x.Select(LoopFunctions.GGamma).ToArray()),
            BuiltinRecord.Vector("F_gamma", x.Select(LoopFunctions.FGamma).ToArray()),
            BuiltinRecord.Vector("F_Z", x.Select(LoopFunctions.FZ).ToArray()),
            BuiltinRecord.Vector("G_Z", x.Select(v => LoopFunctions.GZ(v, 0)).ToArray()),
            BuiltinRecord.Vector("F_box", x.Select(v => LoopFunctions.FBox(v, 0)).ToArray()),
            BuiltinRecord.Vector("F_Xbox", x.Select(v => LoopFunctions.FXBox(v, 0)).ToArray()),
        ]));
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, ExprMatrix>? EvaluateSymbolic(SymbolicArguments arguments) => null;
}
