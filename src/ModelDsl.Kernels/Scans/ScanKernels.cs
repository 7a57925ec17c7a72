using System.Numerics;
using ModelDsl.Model;
using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Kernels.Scans;

/// <summary>One scan axis as the compiler sees it: the symbol it sets, which part (0 the value, 1 real, 2 imaginary), and the range of its values.</summary>
public sealed record ScanAxisTarget(string Symbol, bool IsComplex, int Part, double Low, double High);

/// <summary>
/// A model's kernels compiled for one scan: the <c>let</c> builtins folded in symbolically where they have a symbolic form
/// (<see cref="IBuiltin.EvaluateSymbolic"/>), and called as staged numeric algorithms where they do not (a fit,
/// <see cref="StagedProgram.Call"/>); everything that does not depend on a scanned symbol evaluated once at the card's point,
/// what depends only on the outer axes evaluated once per row, and the rest in real arithmetic per point, in one loop
/// (<see cref="StagedProgram"/>).
/// Values are the real parts of the kernels, as the scan stores them.
/// </summary>
public sealed class ScanKernels
{
    private readonly Action<double[], double[], int, double[]> _run;

    private ScanKernels(Action<double[], double[], int, double[]> run, int kernelCount, bool callsBuiltins)
    {
        _run = run;
        KernelCount = kernelCount;
        CallsBuiltins = callsBuiltins;
    }

    /// <summary>True when a builtin without a symbolic form runs inside the kernels (a staged call, NaN where it has no value).</summary>
    public bool CallsBuiltins { get; }

    /// <summary>Number of kernels (values per point).</summary>
    public int KernelCount { get; }

    /// <summary>
    /// Evaluates <paramref name="count"/> points that share the outer axis values
    /// <paramref name="outer"/> (every axis but the last) and take the last axis from
    /// <paramref name="inner"/>; point n's kernel j goes to <c>output[n * KernelCount + j]</c>.
    /// </summary>
    public void Evaluate(double[] outer, double[] inner, int count, double[] output) => _run(outer, inner, count, output);

    /// <summary>
    /// Compiles the kernels for the axes (the last one innermost) around <paramref name="point"/>;
    /// null with the reason when a node has no scan form (the caller then evaluates point by point with the
    /// <see cref="KernelSet"/>). A point where a called builtin has no value gives NaN kernels.
    /// </summary>
    public static ScanKernels? Create(KernelSet kernelSet, ParameterPoint point, IReadOnlyList<ScanAxisTarget> axes, out string? reason)
    {
        reason = null;
        var spec = kernelSet.Spec;

        // the axes: outer inputs, then the inner one; a complex symbol may have one part or both on axes
        var program = new StagedProgram(axes.Take(axes.Count - 1).Select(a => (a.Low, a.High)).ToList(), (axes[^1].Low, axes[^1].High));
        var varying = new Dictionary<string, (int Re, int Im)>(StringComparer.Ordinal);
        for (var k = 0; k < axes.Count; k++)
        {
            var a = axes[k];
            var input = k == axes.Count - 1 ? program.InnerInput : program.OuterInput(k);
            var current = varying.TryGetValue(a.Symbol, out var c) ? c : Constant(program, kernelSet.ScalarValue(Symbol(a), point));
            varying[a.Symbol] = a.Part == 2 ? (current.Re, input) : (input, a.IsComplex ? current.Im : program.Const(0));
        }
        var splitter = new ComplexSplitter(program,
            s => varying.TryGetValue(s.Name, out var v) ? v : null,
            s => kernelSet.ScalarValue(s, point));

        var map = new Dictionary<Expr, Expr>();
        if (!LetLowering.Lower(kernelSet, program, splitter, varying, map, out var callsBuiltins, out reason)) return null;
        var kernels = spec.Kernels.Select(k => Rewriting.Substitute(k.Expression, map)).ToList();
        var values = kernels.Select(k => splitter.Lower(k).Re).ToList();
        if (splitter.Problem is not null) { reason = splitter.Problem; return null; }
        return new ScanKernels(program.Compile(values), values.Count, callsBuiltins);
    }

    private static (int Re, int Im) Constant(StagedProgram p, Complex z) => (p.Const(z.Real), p.Const(z.Imaginary));

    private static SymbolExpr Symbol(ScanAxisTarget a) => a.IsComplex ? Expr.Complex(a.Symbol) : Expr.Real(a.Symbol);
}
