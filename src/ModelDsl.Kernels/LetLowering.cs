using System.Numerics;
using ModelDsl.Model;
using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Kernels;

/// <summary>
/// The lets of a model lowered into a staged program, in order: a builtin with a symbolic form
/// (<see cref="IBuiltin.EvaluateSymbolic"/>) is substituted into the expressions that use it (through <c>map</c>); one
/// without (a fit) becomes a staged call (<see cref="StagedProgram.Call"/>) whose outputs stand for its entries (through
/// <c>varying</c>). Shared by compiled scans and compiled ODE systems.
/// </summary>
internal static class LetLowering
{
    /// <summary>Lowers every let; false with the reason when an argument has no staged form.</summary>
    public static bool Lower(KernelSet kernelSet, StagedProgram program, ComplexSplitter splitter, Dictionary<string, (int Re, int Im)> varying,
        Dictionary<Expr, Expr> map, out bool callsBuiltins, out string? reason)
    {
        // the lets in order: a builtin with a symbolic form is substituted into the kernels (IBuiltin.EvaluateSymbolic);
        // one without (a fit) becomes a staged call whose outputs stand for its entries
        var spec = kernelSet.Spec;
        var parameters = spec.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var lets = new Dictionary<string, IReadOnlyDictionary<string, ExprMatrix>>(StringComparer.Ordinal);
        var textures = spec.Textures.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var letByName = spec.Lets.ToDictionary(l => l.Name, StringComparer.Ordinal);
        callsBuiltins = false;
        reason = null;
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
            if (splitter.Problem is not null) { reason = splitter.Problem; return false; }
            var outputCount = let.Builtin.Result.Sum(f => 2 * f.StoredRows * f.StoredColumns);
            var outputs = program.Call(NumericCall(let, order), inputs, outputCount);
            callsBuiltins = true;
            var next = 0;
            foreach (var field in let.Builtin.Result)
                ForEachEntry(let, field, (symbol, _, _) =>
                {
                    // a real field's imaginary part is zero by its declaration: functions of it stay real
                    varying[symbol] = (outputs[next], field.IsComplex ? outputs[next + 1] : program.Const(0));
                    next += 2;
                });
        }
        return true;
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

}
