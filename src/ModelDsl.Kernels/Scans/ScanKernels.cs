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
        var parameters = spec.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);

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

        // the lets in order: a builtin with a symbolic form is substituted into the kernels (IBuiltin.EvaluateSymbolic);
        // one without (a fit) becomes a staged call whose outputs stand for its entries
        var lets = new Dictionary<string, IReadOnlyDictionary<string, ExprMatrix>>(StringComparer.Ordinal);
        var textures = spec.Textures.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var map = new Dictionary<Expr, Expr>();
        var letByName = spec.Lets.ToDictionary(l => l.Name, StringComparer.Ordinal);
        var callsBuiltins = false;
        foreach (var let in spec.Lets)
        {
            var args = let.Arguments.ToDictionary(a => a.Parameter.Name, a => a.ArrayName is { } name
                ? lets.TryGetValue(name, out var record) ? record[a.Field ?? ""]
                : textures.TryGetValue(name, out var t) ? t.Matrix.Map(x => Rewriting.Substitute(x, map))
                : letByName.TryGetValue(name, out var called) ? CallEntries(called, a.Field ?? "")
                : parameters[name].SymbolMatrix()
                : ExprMatrix.Create(1, 1, (_, _) => Rewriting.Substitute(a.Scalar!, map)), StringComparer.Ordinal);
            if (let.Builtin.EvaluateSymbolic(new SymbolicArguments(args)) is { } value)
            {
                lets[let.Name] = value;
                foreach (var field in let.Builtin.Result)
                    ForEachEntry(let, field, (symbol, i, j) =>
                    {
                        map[Expr.Complex(symbol)] = value[field.Name][i, j];
                        map[Expr.Real(symbol)] = value[field.Name][i, j];
                    });
                continue;
            }
            // arguments in parameter order, each entry as (re, im)
            var order = let.Arguments.Select(a => (a.Parameter.Name, Rows: args[a.Parameter.Name].Rows, Columns: args[a.Parameter.Name].Columns)).ToArray();
            var inputs = new List<int>();
            foreach (var (name, rows, columns) in order)
                for (var i = 0; i < rows; i++)
                    for (var j = 0; j < columns; j++)
                    {
                        var (re, im) = splitter.Lower(args[name][i, j]);
                        inputs.Add(re);
                        inputs.Add(im);
                    }
            if (splitter.Problem is not null) { reason = splitter.Problem; return null; }
            var outputCount = let.Builtin.Result.Sum(f => 2 * f.StoredRows * f.StoredColumns);
            var outputs = program.Call(NumericCall(let, order), inputs, outputCount);
            callsBuiltins = true;
            var next = 0;
            foreach (var field in let.Builtin.Result)
                ForEachEntry(let, field, (symbol, _, _) =>
                {
                    varying[symbol] = (outputs[next], outputs[next + 1]);
                    next += 2;
                });
        }
        var kernels = spec.Kernels.Select(k => Rewriting.Substitute(k.Expression, map)).ToList();
        var values = kernels.Select(k => splitter.Lower(k).Re).ToList();
        if (splitter.Problem is not null) { reason = splitter.Problem; return null; }
        return new ScanKernels(program.Compile(values), values.Count, callsBuiltins);
    }

    /// <summary>A field of a let evaluated by a staged call, as the symbols of its entries (which the splitter maps to the call's outputs).</summary>
    private static ExprMatrix CallEntries(LetSpec let, string field)
    {
        var f = let.Field(field)!;
        return ExprMatrix.Create(f.StoredRows, f.StoredColumns, (i, j) =>
        {
            var symbol = let.EntrySymbol(field, f.Rank switch { 0 => [], 1 => [i + 1], _ => [i + 1, j + 1] });
            return f.IsComplex ? Expr.Complex(symbol) : Expr.Real(symbol);
        });
    }

    private static void ForEachEntry(LetSpec let, BuiltinField field, Action<string, int, int> action)
    {
        for (var i = 0; i < field.StoredRows; i++)
            for (var j = 0; j < field.StoredColumns; j++)
                action(let.EntrySymbol(field.Name, field.Rank switch { 0 => [], 1 => [i + 1], _ => [i + 1, j + 1] }), i, j);
    }

    /// <summary>
    /// The builtin's numeric form as a staged call: the arguments' entries in, every field's entries out (re, im); a point where
    /// the builtin has no value (a failed or rejected fit) gives NaN, so every kernel that reads it is NaN there.
    /// </summary>
    private static Action<double[], double[]> NumericCall(LetSpec let, IReadOnlyList<(string Name, int Rows, int Columns)> order) => (input, output) =>
    {
        var values = new Dictionary<string, Complex[,]>(StringComparer.Ordinal);
        var k = 0;
        foreach (var (name, rows, columns) in order)
        {
            var m = new Complex[rows, columns];
            for (var i = 0; i < rows; i++)
                for (var j = 0; j < columns; j++, k += 2)
                    m[i, j] = new Complex(input[k], input[k + 1]);
            values[name] = m;
        }
        var outcome = let.Builtin.Evaluate(new BuiltinArguments(values));
        if (outcome.Value is not { } record || outcome.Failure is not null)
        {
            Array.Fill(output, double.NaN);
            return;
        }
        var next = 0;
        foreach (var field in let.Builtin.Result)
            for (var i = 0; i < field.StoredRows; i++)
                for (var j = 0; j < field.StoredColumns; j++, next += 2)
                {
                    var z = record.Entry(field.Name, i, j);
                    output[next] = z.Real;
                    output[next + 1] = z.Imaginary;
                }
    };

    private static (int Re, int Im) Constant(StagedProgram p, Complex z) => (p.Const(z.Real), p.Const(z.Imaginary));

    private static SymbolExpr Symbol(ScanAxisTarget a) => a.IsComplex ? Expr.Complex(a.Symbol) : Expr.Real(a.Symbol);
}
