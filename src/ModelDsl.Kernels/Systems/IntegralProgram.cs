using System.Runtime.CompilerServices;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Functions;

namespace ModelDsl.Kernels.Systems;

/// <summary>
/// One integral of a system compiled for quadrature: a staged program with levels (parameter point, variable, integration
/// variable) whose outputs are the lower limit, the upper limit (NaN for +infinity) and the integrand.
/// </summary>
internal sealed class IntegralProgram
{
    private IntegralProgram(StagedLevels levels, bool infinite, string text)
    {
        Levels = levels;
        Infinite = infinite;
        Text = text;
    }

    /// <summary>Outputs: lower limit, upper limit, integrand.</summary>
    public StagedLevels Levels { get; }

    /// <summary>True when the upper limit is +infinity.</summary>
    public bool Infinite { get; }

    /// <summary>The integral as written (for messages).</summary>
    public string Text { get; }

    public static IntegralProgram? Create(KernelSet kernels, FunctionExpr integral, SymbolExpr variable,
        IReadOnlyList<(string Name, int Index, bool Imaginary)> inputs, IReadOnlyList<(double, double)> parameterRanges,
        IReadOnlyDictionary<string, double> consts, out string? problem)
    {
        var (x, lo, hi, body) = IntegralFunction.Parts(integral);
        var infinite = hi.Equals(IntegralFunction.Infinity);
        // x runs from lo up: when lo is never negative (sign analysis of a probe program), neither is x, and sqrt(x), log(x) stay real
        var probe = StagedProgram.WithLevels([parameterRanges, [(double.NegativeInfinity, double.PositiveInfinity)]]);
        var nonNegative = SystemProgram.Splitter(kernels, probe, inputs, new Dictionary<string, int>(StringComparer.Ordinal) { [variable.Name] = probe.LevelInput(2, 0) },
            consts, out var probeSplitter, out var probeMap, out _, out _, out _) && probe.IsNonNegative(probeSplitter.Lower(Symbolics.Algebra.Rewriting.Substitute(lo, probeMap)).Re);
        var xRange = nonNegative ? (0.0, double.PositiveInfinity) : (double.NegativeInfinity, double.PositiveInfinity);
        var program = StagedProgram.WithLevels([parameterRanges, [(double.NegativeInfinity, double.PositiveInfinity)], [xRange]]);
        var inner = new Dictionary<string, int>(StringComparer.Ordinal) { [variable.Name] = program.LevelInput(2, 0), [x.Name] = program.LevelInput(3, 0) };
        if (!SystemProgram.Splitter(kernels, program, inputs, inner, consts, out var splitter, out var map, out StrongBox<string?> missing, out _, out problem)) return null;
        int Real(Expr e) => splitter.Lower(Symbolics.Algebra.Rewriting.Substitute(e, map)).Re;
        var outputs = new List<int> { Real(lo), infinite ? program.Const(double.NaN) : Real(hi), Real(body) };
        if ((splitter.Problem ?? missing.Value) is { } failed) { problem = failed; return null; }
        return new IntegralProgram(program.CompileLevels(outputs), infinite, integral.ToString());
    }
}
