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
    private IntegralProgram(StagedLevels levels, bool infinite, string text, int[]? dependencies)
    {
        Levels = levels;
        Infinite = infinite;
        Text = text;
        Dependencies = dependencies;
    }

    /// <summary>
    /// The first level's inputs the integral reads (indices), when it reads parameters only; null when it reads a let's entries
    /// (a fit), whose values are not inputs. Tables of equal dependencies and range are shared (<see cref="SystemProgram"/>).
    /// </summary>
    public int[]? Dependencies { get; }

    /// <summary>Outputs: lower limit, upper limit, the integrand's real and imaginary parts.</summary>
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
        var (bodyRe, bodyIm) = splitter.Lower(Symbolics.Algebra.Rewriting.Substitute(body, map));
        var outputs = new List<int> { Real(lo), infinite ? program.Const(double.NaN) : Real(hi), bodyRe, bodyIm };
        if ((splitter.Problem ?? missing.Value) is { } failed) { problem = failed; return null; }
        // the parameters it reads: a parameter's component symbols; a let entry (a name with '.') or any other symbol: none
        var symbols = integral.Symbols().Where(sym => !sym.Equals(x) && !sym.Equals(variable) && !consts.ContainsKey(sym.Name) && !sym.Equals(IntegralFunction.Infinity)).ToList();
        int[]? dependencies = null;
        var spec = kernels.Spec;
        string SymbolOf(int k) => spec.Parameters.First(q => q.Name == inputs[k].Name).ComponentName(inputs[k].Index);
        var names = symbols.Select(sym => sym.Name).ToHashSet(StringComparer.Ordinal);
        var matched = Enumerable.Range(0, inputs.Count).Where(k => names.Contains(SymbolOf(k))).ToArray();
        // shared only when every symbol it reads is a parameter input (a let's entry, plain or record, is not one)
        if (names.SetEquals(matched.Select(SymbolOf))) dependencies = matched;
        return new IntegralProgram(program.CompileLevels(outputs), infinite, integral.ToString(), dependencies);
    }
}
