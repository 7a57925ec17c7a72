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
    private readonly Dictionary<string, double> _consts;
    private readonly Dictionary<string, int> _letIndex;
    private readonly Dictionary<string, ParameterSpec> _parameters;
    private readonly Dictionary<string, TextureSpec> _textures;
    private readonly Dictionary<SymbolExpr, Func<Complex[,]?[], ParameterPoint, Complex>> _resolverOf;

    private KernelSet(ModelSpec spec, IReadOnlyList<SymbolExpr> inputs, Action<Complex[], Complex[]> compiled)
    {
        Spec = spec;
        Inputs = inputs;
        _compiled = compiled;
        // name lookups done once here, not per point
        _consts = spec.Consts.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);
        _letIndex = spec.Lets.Select((l, k) => (l.Name, k)).ToDictionary(x => x.Name, x => x.k, StringComparer.Ordinal);
        _parameters = spec.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _textures = spec.Textures.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _resolvers = inputs.Select(Resolver).ToArray();
        // every symbol a let argument or a texture entry reads, resolved once here and not per point
        _resolverOf = spec.Lets.SelectMany(l => l.Arguments).Where(a => a.Scalar is not null).SelectMany(a => a.Scalar!.Symbols())
            .Concat(spec.Textures.SelectMany(t => Entries(t).SelectMany(e => e.Symbols())))
            .Distinct().ToDictionary(s => s, Resolver);
        Names = spec.Kernels.Select(k => k.Name).ToList();
    }

    private static IEnumerable<Expr> Entries(TextureSpec t)
    {
        for (var i = 0; i < t.Matrix.Rows; i++)
            for (var j = 0; j < t.Matrix.Columns; j++)
                yield return t.Matrix[i, j];
    }

    /// <summary>The model.</summary>
    public ModelSpec Spec { get; }

    /// <summary>Kernel names, in declaration order.</summary>
    public IReadOnlyList<string> Names { get; }

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
    public Complex[] Evaluate(ParameterPoint point) => Evaluate(point, ComputeLets(point));

    /// <summary>Every kernel at a parameter point whose let matrices are already computed (<see cref="ComputeLets"/>).</summary>
    public Complex[] Evaluate(ParameterPoint point, Complex[,]?[] lets)
    {
        var output = new Complex[Spec.Kernels.Count];
        _compiled(InputValues(point, lets), output);
        return output;
    }

    /// <summary>
    /// The compiled delegate's input vector at a point, in the order of <see cref="Inputs"/> (a fresh array):
    /// what the kernels read, e.g. to name the input that makes a kernel not finite.
    /// </summary>
    public Complex[] InputValues(ParameterPoint point, Complex[,]?[] lets)
    {
        var input = new Complex[_resolvers.Length];
        for (var k = 0; k < input.Length; k++) input[k] = _resolvers[k](lets, point);
        return input;
    }

    /// <summary>
    /// The let matrices at a point, in declaration order; <paramref name="evaluate"/> replaces
    /// <see cref="MatrixBuiltins.Evaluate"/> (e.g. to keep the whole result of a fit, not only its matrix).
    /// </summary>
    public Complex[,]?[] ComputeLets(ParameterPoint point, Func<LetSpec, IReadOnlyList<object>, Complex[,]>? evaluate = null)
    {
        evaluate ??= (let, args) => MatrixBuiltins.Evaluate(let.Builtin, args);
        var lets = new Complex[,]?[Spec.Lets.Count];
        for (var l = 0; l < lets.Length; l++)
        {
            try
            {
                lets[l] = evaluate(Spec.Lets[l], LetArguments(l, lets, point));
            }
            catch (Exception e) when (e is ArgumentException or ArithmeticException)
            {
                throw new LetEvaluationException(Spec.Lets[l], e.Message, e);
            }
        }
        return lets;
    }

    /// <summary>
    /// The numeric arguments of let number <paramref name="l"/> (a complex scalar, vector or matrix each), given the
    /// earlier lets; e.g. what <c>modeldsl fit</c> hands to the texture fit.
    /// </summary>
    public IReadOnlyList<object> LetArguments(int l, Complex[,]?[] lets, ParameterPoint point) =>
        Spec.Lets[l].Arguments.Select(a => a.ArrayName is { } name
            ? ArrayValue(name, lets, point)
            : (object)Evaluator.Evaluate(a.Scalar!, s => _resolverOf[s](lets, point))).ToList();

    /// <summary>The value at a point of a constant, a scalar parameter or a component <c>NAME[i]</c> / <c>NAME[i,j]</c> (not a let entry).</summary>
    public Complex ScalarValue(SymbolExpr s, ParameterPoint point) => Resolver(s)([], point);

    private object ArrayValue(string name, Complex[,]?[] lets, ParameterPoint point)
    {
        if (_letIndex.TryGetValue(name, out var l)) return lets[l]!;
        if (_textures.TryGetValue(name, out var t))
        {
            // a texture's entries are expressions in parameters and earlier lets, evaluated here
            var matrix = new Complex[t.Matrix.Rows, t.Matrix.Columns];
            for (var i = 0; i < matrix.GetLength(0); i++)
                for (var j = 0; j < matrix.GetLength(1); j++)
                    matrix[i, j] = Evaluator.Evaluate(t.Matrix[i, j], s => _resolverOf[s](lets, point));
            return matrix;
        }
        var p = _parameters[name];
        var values = point.Values[name];
        if (p.Rank == 1) return values.ToArray();
        var m = new Complex[p.Rows, p.Columns];
        for (var i = 0; i < p.Rows; i++)
            for (var j = 0; j < p.Columns; j++)
                m[i, j] = values[i * p.Columns + j];
        return m;
    }

    private Func<Complex[,]?[], ParameterPoint, Complex> Resolver(SymbolExpr s)
    {
        var name = s.Name;
        var bracket = name.IndexOf('[');
        if (bracket < 0)
        {
            if (_consts.TryGetValue(name, out var c)) return (_, _) => c;
            return (_, point) => point.Values[name][0];
        }
        var array = name[..bracket];
        var indices = name[(bracket + 1)..^1].Split(',').Select(int.Parse).Select(i => i - 1).ToArray();
        if (_letIndex.TryGetValue(array, out var k)) return (lets, _) => lets[k]![indices[0], indices[1]];
        var p = _parameters[array];
        var flat = p.Rank == 1 ? indices[0] : indices[0] * p.Columns + indices[1];
        return (_, point) => point.Values[array][flat];
    }
}

/// <summary>A library function of a <c>let</c> that cannot be evaluated at a parameter point (e.g. a fit without a solution).</summary>
public sealed class LetEvaluationException(LetSpec let, string message, Exception inner) : Exception(message, inner)
{
    /// <summary>The let whose builtin failed.</summary>
    public LetSpec Let { get; } = let;
}
