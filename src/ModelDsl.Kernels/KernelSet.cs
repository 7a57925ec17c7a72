using System.Numerics;
using ModelDsl.Model;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Kernels;

/// <summary>
/// All kernels of a model compiled into one delegate over an explicit input vector (scalar
/// parameters, constants, and array entries such as <c>M[2]</c> or <c>Y[1,3]</c>). Evaluating at a
/// parameter point fills the inputs: card values, constants, and the <c>let</c> matrices computed
/// by the physics library. Compiled once, evaluated many times; safe to share between threads.
/// </summary>
public sealed class KernelSet
{
    private readonly Action<Complex[], Complex[]> _compiled;
    private readonly Func<Complex[,]?[], ParameterPoint, Complex>[] _resolvers;

    private KernelSet(ModelSpec spec, IReadOnlyList<SymbolExpr> inputs, Action<Complex[], Complex[]> compiled)
    {
        Spec = spec;
        Inputs = inputs;
        _compiled = compiled;
        _resolvers = inputs.Select(Resolver).ToArray();
    }

    /// <summary>The model.</summary>
    public ModelSpec Spec { get; }

    /// <summary>Kernel names, in declaration order.</summary>
    public IReadOnlyList<string> Names => Spec.Kernels.Select(k => k.Name).ToList();

    /// <summary>The compiled delegate's inputs, in order.</summary>
    public IReadOnlyList<SymbolExpr> Inputs { get; }

    /// <summary>Compiles every kernel of the model; the errors name each node that cannot be compiled.</summary>
    public static (KernelSet? Set, IReadOnlyList<CompileError> Errors) Compile(ModelSpec spec)
    {
        var inputs = spec.Kernels.SelectMany(k => k.Expression.Symbols()).Distinct().OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var result = ExprCompiler.CompileComplexVector(spec.Kernels.Select(k => k.Expression).ToList(), inputs);
        return result.Value is null ? (null, result.Errors) : (new KernelSet(spec, inputs, result.Value), []);
    }

    /// <summary>Every kernel at a parameter point (complex; kernels meant to be real have a zero imaginary part).</summary>
    public Complex[] Evaluate(ParameterPoint point)
    {
        var lets = ComputeLets(point);
        var input = new Complex[_resolvers.Length];
        for (var k = 0; k < input.Length; k++) input[k] = _resolvers[k](lets, point);
        var output = new Complex[Spec.Kernels.Count];
        _compiled(input, output);
        return output;
    }

    /// <summary>The let matrices at a point, in declaration order.</summary>
    public Complex[,]?[] ComputeLets(ParameterPoint point)
    {
        var lets = new Complex[,]?[Spec.Lets.Count];
        for (var l = 0; l < lets.Length; l++)
        {
            var let = Spec.Lets[l];
            var args = let.Arguments.Select(a => a.ArrayName is { } name
                ? ArrayValue(name, lets, point)
                : (object)Evaluator.Evaluate(a.Scalar!, s => ScalarValue(s.Name, point))).ToList();
            lets[l] = MatrixBuiltins.Evaluate(let.Builtin, args);
        }
        return lets;
    }

    private object ArrayValue(string name, Complex[,]?[] lets, ParameterPoint point)
    {
        for (var l = 0; l < Spec.Lets.Count; l++)
            if (Spec.Lets[l].Name == name) return lets[l]!;
        var p = Spec.Parameters.First(x => x.Name == name);
        var values = point.Values[name];
        if (p.Rank == 1) return values;
        var m = new Complex[p.Rows, p.Columns];
        for (var i = 0; i < p.Rows; i++)
            for (var j = 0; j < p.Columns; j++)
                m[i, j] = values[i * p.Columns + j];
        return m;
    }

    private Complex ScalarValue(string name, ParameterPoint point)
    {
        var c = Spec.Consts.FirstOrDefault(x => x.Name == name);
        if (c is not null) return c.Value;
        return point.Values.TryGetValue(name, out var v) ? v[0] : throw new InvalidOperationException($"No value for '{name}'.");
    }

    private Func<Complex[,]?[], ParameterPoint, Complex> Resolver(SymbolExpr s)
    {
        var name = s.Name;
        var bracket = name.IndexOf('[');
        if (bracket < 0)
        {
            var c = Spec.Consts.FirstOrDefault(x => x.Name == name);
            if (c is not null) return (_, _) => c.Value;
            return (_, point) => point.Values[name][0];
        }
        var array = name[..bracket];
        var indices = name[(bracket + 1)..^1].Split(',').Select(int.Parse).Select(i => i - 1).ToArray();
        var letIndex = Spec.Lets.Select((l, k) => (l, k)).FirstOrDefault(x => x.l.Name == array);
        if (letIndex.l is not null)
        {
            var k = letIndex.k;
            return (lets, _) => lets[k]![indices[0], indices[1]];
        }
        var p = Spec.Parameters.First(x => x.Name == array);
        var flat = p.Rank == 1 ? indices[0] : indices[0] * p.Columns + indices[1];
        return (_, point) => point.Values[array][flat];
    }
}
