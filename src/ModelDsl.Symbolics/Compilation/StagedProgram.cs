using ModelDsl.Symbolics.Evaluation;
using L = System.Linq.Expressions.Expression;
using LExpr = System.Linq.Expressions.Expression;
using ParameterExpression = System.Linq.Expressions.ParameterExpression;

namespace ModelDsl.Symbolics.Compilation;

/// <summary>The operations of a <see cref="StagedProgram"/> (all on doubles).</summary>
public enum StagedOp
{
    /// <summary>A constant, folded when the program is built.</summary>
    Const,
    /// <summary>An input that is fixed for a whole run of points (an outer scan axis).</summary>
    Outer,
    /// <summary>An input that changes from point to point (the innermost scan axis).</summary>
    Inner,
    /// <summary>a + b.</summary>
    Add,
    /// <summary>a - b.</summary>
    Sub,
    /// <summary>a * b.</summary>
    Mul,
    /// <summary>a / b.</summary>
    Div,
    /// <summary>-a.</summary>
    Neg,
    /// <summary>sqrt(a).</summary>
    Sqrt,
    /// <summary>The real cube root of a.</summary>
    Cbrt,
    /// <summary>exp(a).</summary>
    Exp,
    /// <summary>log(a).</summary>
    Log,
    /// <summary>sin(a).</summary>
    Sin,
    /// <summary>cos(a).</summary>
    Cos,
    /// <summary>sinh(a).</summary>
    Sinh,
    /// <summary>cosh(a).</summary>
    Cosh,
    /// <summary>atan(a).</summary>
    Atan,
    /// <summary>atan2(a, b) (a the y coordinate).</summary>
    Atan2,
    /// <summary>|a|.</summary>
    Abs,
    /// <summary>a^b, real.</summary>
    Pow,
    /// <summary>min(a, b).</summary>
    Min,
    /// <summary>max(a, b).</summary>
    Max,
    /// <summary>sign(a) in {-1, 0, 1}.</summary>
    Sign,
    /// <summary>Heaviside step with theta(0) = 1/2.</summary>
    Theta,
    /// <summary>b when a &gt; 0, otherwise c (both sides computed; no side effects).</summary>
    Select,
    /// <summary>|a + b i| as Complex.Abs computes it.</summary>
    Hypot,
    /// <summary>Re of 1/(a + b i), as Complex division computes it.</summary>
    ReciprocalRe,
    /// <summary>Im of 1/(a + b i), as Complex division computes it.</summary>
    ReciprocalIm,
    /// <summary>a * b, but 0 when b is 0 (even for infinite a).</summary>
    ScaleUnlessZero,
    /// <summary>f(a) for a real function f of a <see cref="Functions.FunctionDefinition"/> (see <see cref="StagedProgram.Apply"/>).</summary>
    Apply,
    /// <summary>A call of a numeric algorithm (<see cref="StagedProgram.Call"/>): its operands in a list, its outputs read by <see cref="CallOutput"/>.</summary>
    Call,
    /// <summary>Output number B of the call at node A, or part B (0 or 1) of the pair at node A.</summary>
    CallOutput,
    /// <summary>f(a) for a real function with two results (see <see cref="StagedProgram.ApplyPart"/>): a pair, read by <see cref="CallOutput"/>.</summary>
    ApplyPair,
    /// <summary>Input number B of input level A (<see cref="StagedProgram.WithLevels"/>).</summary>
    Input,
}

/// <summary>
/// A straight-line program over doubles whose values are staged by what they depend on:
/// constants (folded as the program is built), values that depend only on the outer inputs
/// (computed once per run of points), and values that depend on the inner input (computed per
/// point). Identical operations are shared (hash-consing), so every common subexpression is
/// computed once; only what the outputs need is emitted. This is the loop-invariant code motion
/// and common-subexpression elimination of an optimising compiler, done on the program before
/// System.Linq.Expressions sees it.
/// </summary>
public sealed class StagedProgram
{
    private readonly record struct Node(StagedOp Op, int A, int B, int C, double Value, int Level, bool NonNegative = false, bool Positive = false);

    private readonly List<Node> _nodes = [];
    private readonly List<(Action<double[], double[]> Function, int[] Arguments, int OutputCount)> _calls = [];
    private readonly List<Func<double, double>> _functions = [];
    private readonly List<Func<double, (double, double)>> _pairs = [];
    private readonly Dictionary<(StagedOp, int, int, int, long), int> _index = [];

    /// <summary>Number of outer inputs.</summary>
    public int OuterCount { get; }

    /// <summary>
    /// Creates a program with the given outer inputs and one inner input, each with the range of
    /// values it takes (a scan axis from start to stop): an input that is never negative needs no
    /// complex branch in its real powers, and a test on an input that is always positive is decided
    /// here, once.
    /// </summary>
    public StagedProgram(IReadOnlyList<(double Low, double High)> outerRanges, (double Low, double High) innerRange)
        : this(outerRanges, [innerRange], 0)
    {
    }

    /// <summary>
    /// Creates a program with per-run (outer) inputs and per-point (inner) inputs, each with its range of values. With several
    /// inner inputs, point n reads inner input k at <c>inner[n * InnerCount + k]</c>; a program with every input inner and a
    /// count of 1 evaluates one point (the point-by-point schedule of the same program a scan runs).
    /// </summary>
    public static StagedProgram WithInputs(IReadOnlyList<(double Low, double High)> outerRanges, IReadOnlyList<(double Low, double High)> innerRanges) =>
        new(outerRanges, innerRanges, 0);

    /// <summary>
    /// Creates a program whose inputs come in levels, outermost first (e.g. per card, per parameter point, per right-hand-side
    /// call of an ODE): every value is computed at the innermost level it depends on, once per entry of that level
    /// (<see cref="CompileLevels"/>). Input k of level l (1-based) is <see cref="LevelInput"/>(l, k).
    /// </summary>
    public static StagedProgram WithLevels(IReadOnlyList<IReadOnlyList<(double Low, double High)>> levels)
    {
        var p = new StagedProgram([], [], 0);
        p._levelInputs = new int[levels.Count][];
        for (var l = 0; l < levels.Count; l++)
        {
            p._levelInputs[l] = new int[levels[l].Count];
            for (var k = 0; k < levels[l].Count; k++)
                p._levelInputs[l][k] = p.Add(new Node(StagedOp.Input, l + 1, k, -1, 0, l + 1, levels[l][k].Low >= 0, levels[l][k].Low > 0));
        }
        return p;
    }

    private int[][] _levelInputs = [];

    /// <summary>The value of input <paramref name="k"/> of level <paramref name="level"/> (1-based) of a <see cref="WithLevels"/> program.</summary>
    public int LevelInput(int level, int k) => _levelInputs[level - 1][k];

    private StagedProgram(IReadOnlyList<(double Low, double High)> outerRanges, IReadOnlyList<(double Low, double High)> innerRanges, int _)
    {
        OuterCount = outerRanges.Count;
        InnerCount = innerRanges.Count;
        for (var k = 0; k < OuterCount; k++)
            Add(new Node(StagedOp.Outer, k, -1, -1, 0, 1, outerRanges[k].Low >= 0, outerRanges[k].Low > 0));
        _inner = new int[InnerCount];
        for (var k = 0; k < InnerCount; k++)
            _inner[k] = Add(new Node(StagedOp.Inner, k, -1, -1, 0, 2, innerRanges[k].Low >= 0, innerRanges[k].Low > 0));
    }

    private readonly int[] _inner;

    /// <summary>Number of inner (per-point) inputs.</summary>
    public int InnerCount { get; }

    /// <summary>The value of outer input k.</summary>
    public int OuterInput(int k) => k;

    /// <summary>The value of the (first) inner input.</summary>
    public int InnerInput => _inner.Length > 0 ? _inner[0] : throw new InvalidOperationException("The program has no inner input.");

    /// <summary>The value of inner input k.</summary>
    public int InnerInputAt(int k) => _inner[k];

    /// <summary>True when the value is a constant; its value in <paramref name="value"/>.</summary>
    public bool IsConst(int id, out double value)
    {
        var n = _nodes[id];
        value = n.Value;
        return n.Op == StagedOp.Const;
    }

    /// <summary>True when the value is known never to be negative (or NaN from negative operands).</summary>
    public bool IsNonNegative(int id) => _nodes[id].NonNegative;

    /// <summary>True when the value is the constant <paramref name="c"/>.</summary>
    public bool IsConst(int id, double c) => IsConst(id, out var v) && v.Equals(c);

    /// <summary>The constant x.</summary>
    public int Const(double x) => Add(new Node(StagedOp.Const, -1, -1, -1, x, 0, x >= 0, x > 0));

    /// <summary>
    /// A call of a numeric algorithm with no symbolic form (e.g. a fit): <paramref name="function"/> reads the values of
    /// <paramref name="arguments"/> and writes <paramref name="outputCount"/> values. It is staged like any operation: evaluated
    /// here, once, when every argument is a constant; otherwise once per run of points when its arguments depend only on the
    /// outer inputs, and per point otherwise. Returns the nodes of its outputs. The function must be safe to call from several
    /// threads and should report a failure as NaN outputs (a compiled program has no other channel).
    /// </summary>
    public IReadOnlyList<int> Call(Action<double[], double[]> function, IReadOnlyList<int> arguments, int outputCount)
    {
        var args = arguments.ToArray();
        if (args.All(x => _nodes[x].Op == StagedOp.Const))
        {
            var output = new double[outputCount];
            function(args.Select(x => _nodes[x].Value).ToArray(), output);
            return output.Select(Const).ToArray();
        }
        _calls.Add((function, args, outputCount));
        var level = args.Length == 0 ? 0 : args.Max(x => _nodes[x].Level);
        // a call is never shared with another (its key carries its own index)
        var call = Add(new Node(StagedOp.Call, _calls.Count - 1, -1, -1, 0, level));
        return Enumerable.Range(0, outputCount).Select(k => Add(new Node(StagedOp.CallOutput, call, k, -1, 0, level))).ToArray();
    }

    /// <summary>An operation on one, two or three values; folded when every operand is a constant.</summary>
    public int Op(StagedOp op, int a, int b = -1, int c = -1)
    {
        var operands = new[] { a, b, c }.Where(x => x >= 0).ToArray();
        if (operands.All(x => _nodes[x].Op == StagedOp.Const))
            return Const(Fold(op, operands.Select(x => _nodes[x].Value).ToArray()));
        if (Simplify(op, a, b, c) is { } simplified) return simplified;
        // commutative operations share one form
        if (op is StagedOp.Add or StagedOp.Mul or StagedOp.Min or StagedOp.Max && a > b) (a, b) = (b, a);
        return Add(new Node(op, a, b, c, 0, operands.Max(x => _nodes[x].Level), NonNegative(op, a, b, c), Positive(op, a, b, c)));
    }

    /// <summary>f(a) for a real function of one variable (a function definition's real form); folded on a constant.</summary>
    public int Apply(Func<double, double> f, int a)
    {
        if (_nodes[a].Op == StagedOp.Const) return Const(f(_nodes[a].Value));
        var k = _functions.IndexOf(f);
        if (k < 0) { _functions.Add(f); k = _functions.Count - 1; }
        return Add(new Node(StagedOp.Apply, a, -1, -1, k, _nodes[a].Level));
    }

    /// <summary>
    /// Part <paramref name="part"/> (0 or 1) of f(a) for a real function with two results that share their work (K0 and K1 of
    /// one argument, <see cref="Functions.FunctionDefinition"/>'s pair form): f(a) is one node, so however many parts of it a
    /// program reads, f is called once per argument. Folded on a constant.
    /// </summary>
    public int ApplyPart(Func<double, (double, double)> f, int part, int a)
    {
        if (_nodes[a].Op == StagedOp.Const)
        {
            var (first, second) = f(_nodes[a].Value);
            return Const(part == 0 ? first : second);
        }
        var k = _pairs.IndexOf(f);
        if (k < 0) { _pairs.Add(f); k = _pairs.Count - 1; }
        var pair = Add(new Node(StagedOp.ApplyPair, a, -1, -1, k, _nodes[a].Level));
        return Add(new Node(StagedOp.CallOutput, pair, part, -1, 0, _nodes[a].Level));
    }

    /// <summary>
    /// Strict positivity that survives rounding: sums, roots and cosh of positive values stay positive, but a
    /// product, quotient, power or exponential of positive values may underflow to 0, so it is only non-negative.
    /// </summary>
    private bool Positive(StagedOp op, int a, int b, int c)
    {
        bool P(int x) => _nodes[x].Positive;
        return op switch
        {
            StagedOp.Cosh => true,
            StagedOp.Sqrt or StagedOp.Cbrt => P(a),
            StagedOp.Add => (P(a) && _nodes[b].NonNegative) || (P(b) && _nodes[a].NonNegative),
            StagedOp.Min => P(a) && P(b),
            StagedOp.Max => P(a) || P(b),
            StagedOp.Select => P(b) && P(c),
            _ => false,
        };
    }

    private bool NonNegative(StagedOp op, int a, int b, int c)
    {
        bool N(int x) => _nodes[x].NonNegative;
        return op switch
        {
            StagedOp.Sqrt or StagedOp.Exp or StagedOp.Abs or StagedOp.Cosh or StagedOp.Theta or StagedOp.Hypot => true,
            StagedOp.Cbrt => N(a),
            StagedOp.Mul => a == b || (N(a) && N(b)),
            StagedOp.Add or StagedOp.Div or StagedOp.Min => N(a) && N(b),
            StagedOp.Max => N(a) || N(b),
            StagedOp.Pow => N(a),
            StagedOp.Select => N(b) && N(c),
            _ => false,
        };
    }

    private int? Simplify(StagedOp op, int a, int b, int c)
    {
        switch (op)
        {
            case StagedOp.Add:
                if (IsConst(a, 0.0)) return b;
                if (IsConst(b, 0.0)) return a;
                break;
            case StagedOp.Sub:
                if (IsConst(b, 0.0)) return a;
                if (IsConst(a, 0.0)) return Op(StagedOp.Neg, b);
                break;
            case StagedOp.Mul:
                // x*0 is folded to 0, also where x overflows at run time (the interpreter would give NaN
                // there): exact zeros such as sqrt(m1) with m1 = 0 remove whole terms, which is where much
                // of the speed comes from. Documented in docs/benchmarks.md.
                if (IsConst(a, 0.0) || IsConst(b, 0.0)) return Const(0);
                if (IsConst(a, 1.0)) return b;
                if (IsConst(b, 1.0)) return a;
                if (IsConst(a, -1.0)) return Op(StagedOp.Neg, b);
                if (IsConst(b, -1.0)) return Op(StagedOp.Neg, a);
                break;
            case StagedOp.Div:
                if (IsConst(b, 1.0)) return a;
                if (IsConst(a, 0.0)) return Const(0);
                break;
            case StagedOp.Neg:
                if (_nodes[a].Op == StagedOp.Neg) return _nodes[a].A;
                break;
            case StagedOp.Select:
                if (b == c || _nodes[a].Positive) return b;
                if (_nodes[a].Op == StagedOp.Neg && _nodes[_nodes[a].A].NonNegative) return c;
                break;
            case StagedOp.Sign:
            case StagedOp.Theta:
                if (_nodes[a].Positive) return Const(1);
                break;
        }
        return null;
    }

    private int Add(Node n)
    {
        var key = (n.Op, n.A, n.B, n.C, BitConverter.DoubleToInt64Bits(n.Value));
        if (_index.TryGetValue(key, out var id)) return id;
        _nodes.Add(n);
        _index[key] = _nodes.Count - 1;
        return _nodes.Count - 1;
    }

    private static double Fold(StagedOp op, double[] x) => op switch
    {
        StagedOp.Add => x[0] + x[1],
        StagedOp.Sub => x[0] - x[1],
        StagedOp.Mul => x[0] * x[1],
        StagedOp.Div => x[0] / x[1],
        StagedOp.Neg => -x[0],
        StagedOp.Sqrt => Math.Sqrt(x[0]),
        StagedOp.Cbrt => Math.Cbrt(x[0]),
        StagedOp.Exp => Math.Exp(x[0]),
        StagedOp.Log => Math.Log(x[0]),
        StagedOp.Sin => Math.Sin(x[0]),
        StagedOp.Cos => Math.Cos(x[0]),
        StagedOp.Sinh => Math.Sinh(x[0]),
        StagedOp.Cosh => Math.Cosh(x[0]),
        StagedOp.Atan => Math.Atan(x[0]),
        StagedOp.Atan2 => Math.Atan2(x[0], x[1]),
        StagedOp.Abs => Math.Abs(x[0]),
        StagedOp.Pow => NumericFunctions.Pow(x[0], x[1]),
        StagedOp.Min => Math.Min(x[0], x[1]),
        StagedOp.Max => Math.Max(x[0], x[1]),
        StagedOp.Sign => NumericFunctions.Sign(x[0]),
        StagedOp.Theta => NumericFunctions.Theta(x[0]),
        StagedOp.Select => x[0] > 0 ? x[1] : x[2],
        StagedOp.Hypot => NumericFunctions.Hypot(x[0], x[1]),
        StagedOp.ReciprocalRe => NumericFunctions.ReciprocalRe(x[0], x[1]),
        StagedOp.ReciprocalIm => NumericFunctions.ReciprocalIm(x[0], x[1]),
        StagedOp.ScaleUnlessZero => NumericFunctions.ScaleUnlessZero(x[0], x[1]),
        _ => throw new InvalidOperationException("Cannot fold " + op),
    };

    /// <summary>
    /// Compiles the outputs to <c>(outer, inner, count, output) =&gt; ...</c>: the values that depend
    /// only on <c>outer</c> are computed once, then for n in 0..count-1 the point with inner inputs
    /// <c>inner[n * InnerCount + k]</c> writes output j to <c>output[n * K + j]</c>. No allocation per point.
    /// </summary>
    public Action<double[], double[], int, double[]> Compile(IReadOnlyList<int> outputs)
    {
        if (_levelInputs.Length > 0) throw new InvalidOperationException("A program made WithLevels is compiled with CompileLevels.");
        var live = Live(outputs);
        var outer = L.Parameter(typeof(double[]), "outer");
        var inner = L.Parameter(typeof(double[]), "inner");
        var count = L.Parameter(typeof(int), "count");
        var output = L.Parameter(typeof(double[]), "output");
        var point = L.Variable(typeof(int), "n");
        var values = new LExpr?[_nodes.Count];
        var locals = new List<ParameterExpression>();
        var buffers = new List<LExpr>();
        var once = new List<LExpr>();
        var perPoint = new List<LExpr>();
        // nodes are created after their operands, so index order is a valid evaluation order
        for (var id = 0; id < _nodes.Count; id++)
        {
            if (!live[id]) continue;
            var n = _nodes[id];
            if (n.Op == StagedOp.Const) { values[id] = L.Constant(n.Value); continue; }
            var target = n.Level == 2 ? perPoint : once;
            if (n.Op == StagedOp.Call)
            {
                // argument and result buffers made once per invocation of the delegate (per run of points), so threads share none
                values[id] = LowerCall(id, values, locals, buffers, target);
                continue;
            }
            if (n.Op == StagedOp.ApplyPair)
            {
                values[id] = LowerPair(n, values, locals, target);
                continue;
            }
            var value = LowerValue(n, values, n.Op switch
            {
                StagedOp.Outer => L.ArrayIndex(outer, L.Constant(n.A)),
                StagedOp.Inner => InnerCount == 1 ? L.ArrayIndex(inner, point)
                    : L.ArrayIndex(inner, L.Add(L.Multiply(point, L.Constant(InnerCount)), L.Constant(n.A))),
                _ => null,
            });
            var local = L.Variable(typeof(double), "v" + id);
            locals.Add(local);
            target.Add(L.Assign(local, value));
            values[id] = local;
        }
        var k = outputs.Count;
        var row = L.Variable(typeof(int), "row");
        for (var j = 0; j < k; j++)
            perPoint.Add(L.Assign(L.ArrayAccess(output, L.Add(row, L.Constant(j))), values[outputs[j]]!));
        var exit = L.Label("exit");
        var loop = L.Loop(
            L.IfThenElse(L.LessThan(point, count),
                L.Block(perPoint.Append(L.Assign(point, L.Increment(point))).Append(L.AddAssign(row, L.Constant(k)))),
                L.Break(exit)),
            exit);
        var body = L.Block(typeof(void), locals.Append(point).Append(row),
            buffers.Concat(once).Append(L.Assign(point, L.Constant(0))).Append(L.Assign(row, L.Constant(0))).Append(loop));
        return L.Lambda<Action<double[], double[], int, double[]>>(body, outer, inner, count, output).Compile();
    }

    /// <summary>Which nodes the outputs need.</summary>
    private bool[] Live(IReadOnlyList<int> outputs)
    {
        var live = new bool[_nodes.Count];
        var stack = new Stack<int>(outputs);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (live[id]) continue;
            live[id] = true;
            var n = _nodes[id];
            if (n.Op == StagedOp.Call) { foreach (var x in _calls[n.A].Arguments) stack.Push(x); continue; }
            if (n.Op == StagedOp.CallOutput) { stack.Push(n.A); continue; }
            foreach (var x in new[] { n.A, n.B, n.C })
                if (x >= 0 && n.Op is not (StagedOp.Outer or StagedOp.Inner or StagedOp.Input)) stack.Push(x);
        }
        return live;
    }

    /// <summary>
    /// Compiles the outputs level by level (the schedule of an ODE right-hand side, or of one point): entering level l with its
    /// inputs computes every value that depends on levels 1..l and on nothing deeper, once, into a state array; the last level
    /// computes the rest and writes the outputs. Levels: those of <see cref="WithLevels"/>, or 1 = outer and 2 = inner inputs.
    /// </summary>
    public StagedLevels CompileLevels(IReadOnlyList<int> outputs)
    {
        var live = Live(outputs);
        var depth = Math.Max(_levelInputs.Length, InnerCount > 0 ? 2 : OuterCount > 0 ? 1 : 0);
        depth = Math.Max(depth, 1);
        var enter = new Action<double[], double[]>[depth - 1];
        Action<double[], double[], double[]>? last = null;
        for (var level = 1; level <= depth; level++)
        {
            var state = L.Parameter(typeof(double[]), "state");
            var inputs = L.Parameter(typeof(double[]), "inputs");
            var output = L.Parameter(typeof(double[]), "output");
            var values = new LExpr?[_nodes.Count];
            var locals = new List<ParameterExpression>();
            var body = new List<LExpr>();
            for (var id = 0; id < _nodes.Count; id++)
            {
                if (!live[id]) continue;
                var n = _nodes[id];
                if (n.Op == StagedOp.Const) { values[id] = L.Constant(n.Value); continue; }
                // the inputs of Compile's two-level programs: outer = level 1, inner = level 2
                var nodeLevel = Math.Max(n.Level, 1);
                if (nodeLevel < level)
                {
                    if (n.Op is not (StagedOp.Call or StagedOp.ApplyPair)) values[id] = L.ArrayIndex(state, L.Constant(id));
                    continue;
                }
                if (nodeLevel > level) continue;
                if (n.Op == StagedOp.Call)
                {
                    values[id] = LowerCall(id, values, locals, body, body);
                    continue;
                }
                if (n.Op == StagedOp.ApplyPair)
                {
                    values[id] = LowerPair(n, values, locals, body);
                    continue;
                }
                var value = LowerValue(n, values, n.Op switch
                {
                    StagedOp.Outer or StagedOp.Inner => L.ArrayIndex(inputs, L.Constant(n.A)),
                    StagedOp.Input => L.ArrayIndex(inputs, L.Constant(n.B)),
                    _ => null,
                });
                var local = L.Variable(typeof(double), "v" + id);
                locals.Add(local);
                body.Add(L.Assign(local, value));
                if (level < depth) body.Add(L.Assign(L.ArrayAccess(state, L.Constant(id)), local));
                values[id] = local;
            }
            if (level < depth)
            {
                enter[level - 1] = L.Lambda<Action<double[], double[]>>(L.Block(typeof(void), locals, body.Append(L.Empty())), state, inputs).Compile();
                continue;
            }
            for (var j = 0; j < outputs.Count; j++)
                body.Add(L.Assign(L.ArrayAccess(output, L.Constant(j)), values[outputs[j]]!));
            last = L.Lambda<Action<double[], double[], double[]>>(L.Block(typeof(void), locals, body.Append(L.Empty())), state, inputs, output).Compile();
        }
        var perLevel = new int[depth];
        for (var id = 0; id < _nodes.Count; id++)
            if (live[id] && _nodes[id].Op != StagedOp.Const) perLevel[Math.Max(_nodes[id].Level, 1) - 1]++;
        return new StagedLevels(_nodes.Count, enter, last!, outputs.Count) { NodesPerLevel = [.. perLevel] };
    }

    /// <summary>
    /// A call node: its argument and result buffers (allocated by <paramref name="buffers"/>' statements), the arguments copied in
    /// and the call (in <paramref name="target"/>); the result buffer, which its outputs read.
    /// </summary>
    private ParameterExpression LowerCall(int id, LExpr?[] values, List<ParameterExpression> locals, List<LExpr> buffers, List<LExpr> target)
    {
        var (function, arguments, outputCount) = _calls[_nodes[id].A];
        var input = L.Variable(typeof(double[]), "in" + id);
        var result = L.Variable(typeof(double[]), "out" + id);
        locals.Add(input);
        locals.Add(result);
        buffers.Add(L.Assign(input, L.NewArrayBounds(typeof(double), L.Constant(arguments.Length))));
        buffers.Add(L.Assign(result, L.NewArrayBounds(typeof(double), L.Constant(outputCount))));
        for (var a = 0; a < arguments.Length; a++) target.Add(L.Assign(L.ArrayAccess(input, L.Constant(a)), values[arguments[a]]!));
        target.Add(L.Invoke(L.Constant(function), input, result));
        return result;
    }

    /// <summary>A pair node: a local holding f(a) (its parts are read as CallOutput nodes, stored like any value).</summary>
    private ParameterExpression LowerPair(Node n, LExpr?[] values, List<ParameterExpression> locals, List<LExpr> target)
    {
        var local = L.Variable(typeof(ValueTuple<double, double>), "p" + n.A);
        locals.Add(local);
        target.Add(L.Assign(local, Functions.FunctionDefinition.Call(_pairs[(int)n.Value], values[n.A]!)));
        return local;
    }

    /// <summary>The value of a node that is not a constant or a call: <paramref name="input"/> for an input node, otherwise its operation.</summary>
    private LExpr LowerValue(Node n, LExpr?[] values, LExpr? input) => input ?? n.Op switch
    {
        StagedOp.CallOutput => _nodes[n.A].Op == StagedOp.ApplyPair
            ? L.Field(values[n.A]!, n.B == 0 ? "Item1" : "Item2")
            : L.ArrayIndex(values[n.A]!, L.Constant(n.B)),
        StagedOp.Apply => Functions.FunctionDefinition.Call(_functions[(int)n.Value], values[n.A]!),
        _ => Lower(n, values),
    };

    private static LExpr Lower(Node n, LExpr?[] v)
    {
        LExpr A() => v[n.A]!;
        LExpr B() => v[n.B]!;
        return n.Op switch
        {
            StagedOp.Add => L.Add(A(), B()),
            StagedOp.Sub => L.Subtract(A(), B()),
            StagedOp.Mul => L.Multiply(A(), B()),
            StagedOp.Div => L.Divide(A(), B()),
            StagedOp.Neg => L.Negate(A()),
            StagedOp.Sqrt => MathCall(nameof(Math.Sqrt), A()),
            StagedOp.Cbrt => MathCall(nameof(Math.Cbrt), A()),
            StagedOp.Exp => MathCall(nameof(Math.Exp), A()),
            StagedOp.Log => MathCall(nameof(Math.Log), A()),
            StagedOp.Sin => MathCall(nameof(Math.Sin), A()),
            StagedOp.Cos => MathCall(nameof(Math.Cos), A()),
            StagedOp.Sinh => MathCall(nameof(Math.Sinh), A()),
            StagedOp.Cosh => MathCall(nameof(Math.Cosh), A()),
            StagedOp.Atan => MathCall(nameof(Math.Atan), A()),
            StagedOp.Atan2 => MathCall(nameof(Math.Atan2), A(), B()),
            StagedOp.Abs => MathCall(nameof(Math.Abs), A()),
            StagedOp.Pow => L.Call(typeof(NumericFunctions).GetMethod(nameof(NumericFunctions.Pow), [typeof(double), typeof(double)])!, A(), B()),
            StagedOp.Min => MathCall(nameof(Math.Min), A(), B()),
            StagedOp.Max => MathCall(nameof(Math.Max), A(), B()),
            StagedOp.Sign => L.Call(typeof(NumericFunctions).GetMethod(nameof(NumericFunctions.Sign), [typeof(double)])!, A()),
            StagedOp.Theta => L.Call(typeof(NumericFunctions).GetMethod(nameof(NumericFunctions.Theta), [typeof(double)])!, A()),
            StagedOp.Select => L.Condition(L.GreaterThan(A(), L.Constant(0.0)), B(), v[n.C]!),
            StagedOp.Hypot => Helper(nameof(NumericFunctions.Hypot), A(), B()),
            StagedOp.ReciprocalRe => Helper(nameof(NumericFunctions.ReciprocalRe), A(), B()),
            StagedOp.ReciprocalIm => Helper(nameof(NumericFunctions.ReciprocalIm), A(), B()),
            StagedOp.ScaleUnlessZero => Helper(nameof(NumericFunctions.ScaleUnlessZero), A(), B()),
            _ => throw new InvalidOperationException("Cannot lower " + n.Op),
        };
    }

    private static LExpr Helper(string name, params LExpr[] args) =>
        L.Call(typeof(NumericFunctions).GetMethod(name, args.Select(_ => typeof(double)).ToArray())!, args);

    private static LExpr MathCall(string name, params LExpr[] args) =>
        L.Call(typeof(Math).GetMethod(name, args.Select(_ => typeof(double)).ToArray())!, args);
}
