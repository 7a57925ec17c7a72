using System.Numerics;
using ModelDsl.Model;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Kernels;

/// <summary>
/// All kernels of a model compiled into one delegate over an explicit input vector (scalar
/// parameters, constants, and array entries such as <c>M[2]</c> or <c>Y[1,3]</c>). Evaluating at a
/// parameter point fills the inputs: card values, constants, and the <c>let</c> records computed
/// by the builtins (<see cref="IBuiltin"/>). Compiled once, evaluated many times; safe to share between threads.
/// </summary>
public sealed class KernelSet
{
    private readonly Action<Complex[], Complex[]> _compiled;
    private readonly Func<BuiltinRecord?[], ParameterPoint, Complex>[] _resolvers;
    private readonly Dictionary<string, double> _consts;
    private readonly Dictionary<string, int> _letIndex;
    private readonly Dictionary<string, ParameterSpec> _parameters;
    private readonly Dictionary<string, TextureSpec> _textures;
    private readonly Dictionary<SymbolExpr, Func<BuiltinRecord?[], ParameterPoint, Complex>> _resolverOf;

    private KernelSet(ModelSpec spec, IReadOnlyList<SymbolExpr> inputs, Action<Complex[], Complex[]> compiled)
    {
        Spec = spec;
        Inputs = [.. inputs];
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
        Names = [.. spec.Kernels.Select(k => k.Name)];
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
    public System.Collections.Immutable.ImmutableArray<string> Names { get; }

    /// <summary>True when the kernels went through the scan's lowering (<see cref="StagedProgram"/>), scheduled per point.</summary>
    public bool IsStaged { get; private init; }

    /// <summary>Why the kernels were not staged (a node the scan's lowering cannot take), or null.</summary>
    public string? StagingProblem { get; private init; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(Systems.SystemProgram? Program, string? Problem)>> _systems = new(StringComparer.Ordinal);

    /// <summary>
    /// The model's system of that name compiled (once per kernel set, on first use; thread-safe): null with the reason when a
    /// right-hand side cannot be differentiated exactly or lowered, or the model has no such system.
    /// </summary>
    public Systems.SystemProgram? System(string name, out string? problem) => System(name, new Dictionary<string, double>(), out problem);

    /// <summary>
    /// The system compiled for the switches of <paramref name="point"/> (its bool and table-choice values folded as constants;
    /// <see cref="Systems.SystemProgram.Switches"/>), once per set of switch values.
    /// </summary>
    public Systems.SystemProgram? System(string name, ParameterPoint point, out string? problem) =>
        System(name, Systems.SystemProgram.Switches(Spec, point), out problem);

    private Systems.SystemProgram? System(string name, IReadOnlyDictionary<string, double> switches, out string? problem)
    {
        var key = name + "\u0000" + string.Join(",", switches.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:R}"));
        var (program, why) = _systems.GetOrAdd(key, _ => new Lazy<(Systems.SystemProgram?, string?)>(() =>
        {
            if (Spec.Systems.FirstOrDefault(s => s.Name == name) is not { } system) return (null, $"the model has no system '{name}'");
            var compiled = Systems.SystemProgram.Create(this, system, switches, out var reason);
            return (compiled, reason);
        })).Value;
        problem = why;
        return program;
    }

    /// <summary>The compiled delegate's inputs, in order.</summary>
    public System.Collections.Immutable.ImmutableArray<SymbolExpr> Inputs { get; }

    /// <summary>
    /// Compiles every kernel of the model; the errors name each node that cannot be compiled. The kernels are lowered as a scan
    /// lowers them (<see cref="ComplexSplitter"/> into a <see cref="StagedProgram"/>), with every input a per-point input: the
    /// point-by-point schedule of the same lowering. Only a node that lowering cannot take goes through the complex LINQ
    /// compiler instead (<see cref="ExprCompiler.CompileComplexVector"/>).
    /// </summary>
    public static (KernelSet? Set, IReadOnlyList<CompileError> Errors) Compile(ModelSpec spec)
    {
        var inputs = spec.Kernels.SelectMany(k => k.Expression.Symbols()).Distinct().OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (PointSchedule(spec, inputs, out var problem) is { } staged) return (new KernelSet(spec, inputs, staged) { IsStaged = true }, []);
        var result = ExprCompiler.CompileComplexVector(spec.Kernels.Select(k => k.Expression).ToList(), inputs);
        return result.Value is null ? (null, result.Errors) : (new KernelSet(spec, inputs, result.Value) { StagingProblem = problem }, []);
    }

    /// <summary>
    /// The kernels as one staged program whose inputs (the real and imaginary part of each input symbol) are all per point,
    /// each with the range its declaration promises (a positive or nonnegative parameter, as a card enforces), as a scan axis
    /// has its grid's range.
    /// </summary>
    private static Action<Complex[], Complex[]>? PointSchedule(ModelSpec spec, IReadOnlyList<SymbolExpr> inputs, out string? problem)
    {
        var kernels = spec.Kernels;
        var parameters = spec.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        (double, double) Range(SymbolExpr s)
        {
            var bracket = s.Name.IndexOf('[');
            var name = bracket < 0 ? s.Name : s.Name[..bracket];
            return parameters.TryGetValue(name, out var p) && p.IsPositive ? (double.Epsilon, double.PositiveInfinity)
                : parameters.TryGetValue(name, out var q) && q.IsNonNegative ? (0, double.PositiveInfinity)
                : (double.NegativeInfinity, double.PositiveInfinity);
        }
        var program = StagedProgram.WithInputs([], inputs.SelectMany(s => new[] { Range(s), (double.NegativeInfinity, double.PositiveInfinity) }).ToList());
        var index = inputs.Select((s, k) => (s, k)).ToDictionary(x => x.s, x => x.k);
        // the spec's constants are constants of the program (folded), as in a scan
        var consts = spec.Consts.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);
        var splitter = new ComplexSplitter(program,
            s => consts.ContainsKey(s.Name) ? null
                : index.TryGetValue(s, out var k) ? (program.InnerInputAt(2 * k), s.IsReal ? program.Const(0) : program.InnerInputAt(2 * k + 1)) : null,
            s => consts.TryGetValue(s.Name, out var c) ? c : double.NaN);
        var outputs = new List<int>();
        foreach (var kernel in kernels)
        {
            var (re, im) = splitter.Lower(kernel.Expression);
            outputs.Add(re);
            outputs.Add(im);
        }
        problem = splitter.Problem;
        if (problem is not null) return null;
        var run = program.Compile(outputs);
        var count = inputs.Count;
        return (input, output) =>
        {
            var parts = new double[2 * count];
            for (var k = 0; k < count; k++)
            {
                parts[2 * k] = input[k].Real;
                parts[2 * k + 1] = input[k].Imaginary;
            }
            var values = new double[outputs.Count];
            run([], parts, 1, values);
            for (var j = 0; j < output.Length; j++) output[j] = new Complex(values[2 * j], values[2 * j + 1]);
        };
    }

    /// <summary>Every kernel at a parameter point whose let records are already computed (<see cref="TryComputeLets"/>).</summary>
    public Complex[] Evaluate(ParameterPoint point, BuiltinRecord?[] lets)
    {
        var output = new Complex[Spec.Kernels.Count];
        _compiled(InputValues(point, lets), output);
        return output;
    }

    /// <summary>
    /// The compiled delegate's input vector at a point, in the order of <see cref="Inputs"/> (a fresh array):
    /// what the kernels read, e.g. to name the input that makes a kernel not finite.
    /// </summary>
    public Complex[] InputValues(ParameterPoint point, BuiltinRecord?[] lets)
    {
        var input = new Complex[_resolvers.Length];
        for (var k = 0; k < input.Length; k++) input[k] = _resolvers[k](lets, point);
        return input;
    }

    /// <summary>The let records at a point, or null and the first let whose builtin has no value there.</summary>
    public BuiltinRecord?[]? TryComputeLets(ParameterPoint point, out LetFailure? failure)
    {
        failure = null;
        var lets = new BuiltinRecord?[Spec.Lets.Count];
        for (var l = 0; l < lets.Length; l++)
        {
            var arguments = LetArguments(l, lets, point);
            var outcome = Spec.Lets[l].Builtin.Evaluate(arguments);
            if (outcome.Value is null || outcome.Failure is not null)
            {
                failure = new LetFailure(Spec.Lets[l], outcome.Failure ?? "no value", outcome.Value, arguments);
                return null;
            }
            lets[l] = outcome.Value;
        }
        return lets;
    }

    /// <summary>
    /// Every kernel at a parameter point (complex; kernels meant to be real have a zero imaginary part), or null and the
    /// let whose builtin has no value there (reported as MDL0315). No exception: a failure is a value.
    /// </summary>
    public Complex[]? TryEvaluate(ParameterPoint point, out LetFailure? failure) =>
        TryComputeLets(point, out failure) is { } lets ? Evaluate(point, lets) : null;

    /// <summary>
    /// The numeric arguments of let number <paramref name="l"/> by parameter name, given the earlier lets; e.g. the data
    /// <c>modeldsl fit</c> compares the fit with.
    /// </summary>
    public BuiltinArguments LetArguments(int l, BuiltinRecord?[] lets, ParameterPoint point) =>
        new(Spec.Lets[l].Arguments.ToDictionary(a => a.Parameter.Name, a => a.ArrayName is { } name
            ? ArrayValue(name, a.Field, lets, point)
            : new[,] { { Evaluator.Evaluate(a.Scalar!, s => _resolverOf[s](lets, point)) } }, StringComparer.Ordinal));

    /// <summary>The value at a point of a constant, a scalar parameter or a component <c>NAME[i]</c> / <c>NAME[i,j]</c> (not a let entry).</summary>
    public Complex ScalarValue(SymbolExpr s, ParameterPoint point) => Resolver(s)([], point);

    private Complex[,] ArrayValue(string name, string? field, BuiltinRecord?[] lets, ParameterPoint point)
    {
        if (_letIndex.TryGetValue(name, out var l)) return lets[l]!.Array(field ?? "");
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
        var m = new Complex[p.Rows, Math.Max(1, p.Columns)];
        for (var i = 0; i < p.Rows; i++)
            for (var j = 0; j < m.GetLength(1); j++)
                m[i, j] = values[i * m.GetLength(1) + j];
        return m;
    }

    private Func<BuiltinRecord?[], ParameterPoint, Complex> Resolver(SymbolExpr s)
    {
        var name = s.Name;
        var bracket = name.IndexOf('[');
        var head = bracket < 0 ? name : name[..bracket];
        var indices = bracket < 0 ? [] : name[(bracket + 1)..^1].Split(',').Select(int.Parse).Select(i => i - 1).ToArray();
        int i0 = indices.Length > 0 ? indices[0] : 0, j0 = indices.Length > 1 ? indices[1] : 0;
        var dot = head.IndexOf('.');
        // a library's constant (hier.m_star) has a dot too, but no let of its head
        if (bracket < 0 && _consts.TryGetValue(name, out var constant)) return (_, _) => constant;
        if (dot >= 0)
        {
            // a record field R.field, R.field[i] or R.field[i,j]
            var k = _letIndex[head[..dot]];
            var field = head[(dot + 1)..];
            return (lets, _) => lets[k]!.Entry(field, i0, j0);
        }
        if (bracket < 0)
        {
            if (_consts.TryGetValue(name, out var c)) return (_, _) => c;
            return (_, point) => point.Values[name][0];
        }
        if (_letIndex.TryGetValue(head, out var plain)) return (lets, _) => lets[plain]!.Entry("", i0, j0);
        var p = _parameters[head];
        var flat = p.Rank == 1 ? i0 : i0 * p.Columns + j0;
        return (_, point) => point.Values[head][flat];
    }
}
