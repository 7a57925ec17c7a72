using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using ModelDsl.Model;
using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Calculus;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Functions;

namespace ModelDsl.Kernels.Systems;

/// <summary>
/// An ODE system of a model compiled once (issue 10): the right-hand side f, its exact Jacobian df/dy and its derivative
/// df/dv with respect to the variable, all differentiated symbolically and lowered into staged programs whose first level
/// is the parameter point (so a fit, the CP asymmetries and every coupling are computed once per point, not per call) and
/// whose second level is the variable, the state and the tabulated integrals. A complex state component is two real
/// unknowns (real and imaginary part). Integrals are replaced by inputs that <see cref="SystemInstance"/> reads from
/// tables built once per point (<see cref="IntegralTable"/>); the derivative of f along the variable takes their
/// tabulated derivatives by the chain rule.
/// </summary>
public sealed class SystemProgram
{
    private readonly (string Name, int Index, bool Imaginary)[] _inputs;
    private readonly StagedLevels _point;
    private readonly StagedLevels _rhs;
    private readonly StagedLevels _full;
    private readonly StagedLevels _outputs;
    private readonly IntegralProgram[] _integrals;

    private SystemProgram(SystemSpec system, ImmutableArray<string> unknowns, (string, int, bool)[] inputs,
        StagedLevels point, StagedLevels rhs, StagedLevels full, StagedLevels outputs, IntegralProgram[] integrals)
    {
        System = system;
        Unknowns = unknowns;
        _inputs = inputs;
        _point = point;
        _rhs = rhs;
        _full = full;
        _outputs = outputs;
        _integrals = integrals;
    }

    /// <summary>The system as bound.</summary>
    public SystemSpec System { get; }

    /// <summary>The real unknowns: a real component's name, or <c>NAME.re</c> and <c>NAME.im</c> for a complex one.</summary>
    public ImmutableArray<string> Unknowns { get; }

    /// <summary>Number of real equations.</summary>
    public int Dimension => Unknowns.Length;

    /// <summary>Number of integrals the system tabulates per point.</summary>
    public int IntegralCount => _integrals.Length;

    /// <summary>Operations of one right-hand side call (the per-call level of f).</summary>
    public int CallOperations => _rhs.NodesPerLevel[^1];

    /// <summary>Operations per level of the right-hand side (per point, per call) and of f with its Jacobian, for reports and benchmarks.</summary>
    public string Cost => $"f: {string.Join(" + ", _rhs.NodesPerLevel)} operations (per point + per call); f, J, df/dz: {string.Join(" + ", _full.NodesPerLevel)}";

    internal StagedLevels PointValues => _point;

    /// <summary>The imaginary parts of the real states' right-hand sides (in the order of <see cref="RealEquations"/>).</summary>
    internal StagedLevels ImaginaryParts { get; private init; } = null!;

    /// <summary>The equations of real states.</summary>
    internal System.Collections.Immutable.ImmutableArray<int> RealEquations { get; private init; } = [];

    internal StagedLevels Rhs => _rhs;

    internal StagedLevels Full => _full;

    internal StagedLevels OutputValues => _outputs;

    internal IReadOnlyList<IntegralProgram> Integrals => _integrals;

    private readonly ConcurrentDictionary<string, Lazy<(IntegralTable? Table, string? Failure)>> _tables = new(StringComparer.Ordinal);

    /// <summary>
    /// The table of integral <paramref name="k"/> at a point: an integral that reads only parameters (not a fit) is tabulated
    /// once per value of those parameters, over the range widened to whole decades of the variable (log) so that the points of
    /// a scan over other parameters (a mass that moves the end of the range) share it; thread-safe.
    /// </summary>
    internal IntegralTable? Table(int k, double[] parameters, double start, double end, out string? failure)
    {
        var integral = _integrals[k];
        if (integral.Dependencies is not { } dependencies || !System.LogScale)
            return IntegralTable.Build(integral, parameters, start, end, System.LogScale, out failure);
        var (a, b) = (Math.Pow(10, Math.Floor(Math.Log10(start))), Math.Pow(10, Math.Ceiling(Math.Log10(end))));
        var key = string.Join(",", dependencies.Select(d => parameters[d].ToString("R", CultureInfo.InvariantCulture)).Prepend(string.Create(CultureInfo.InvariantCulture, $"{k}:{a:R}:{b:R}")));
        var (table, why) = _tables.GetOrAdd(key, _ => new Lazy<(IntegralTable?, string?)>(() =>
        {
            var built = IntegralTable.Build(integral, parameters, a, b, true, out var reason);
            return (built, reason);
        })).Value;
        failure = why;
        return table;
    }

    /// <summary>The parameter values of a point in the order of the first level's inputs.</summary>
    internal double[] ParameterInputs(ParameterPoint point)
    {
        var values = new double[_inputs.Length];
        for (var k = 0; k < values.Length; k++)
        {
            var (name, index, imaginary) = _inputs[k];
            // a parameter without a value at the point (an implicit coupling no formula reads) is NaN: a system that reads it
            // has no finite range, initial value or right-hand side there, which the solve reports
            if (!point.Values.TryGetValue(name, out var given) || index >= given.Length) { values[k] = double.NaN; continue; }
            values[k] = imaginary ? given[index].Imaginary : given[index].Real;
        }
        return values;
    }

    /// <summary>
    /// Compiles <paramref name="system"/> of the kernel set's model; null with the reason when a right-hand side cannot be
    /// differentiated exactly or lowered (the caller reports it at the system, MDL0273).
    /// </summary>
    public static SystemProgram? Create(KernelSet kernels, SystemSpec system, out string? problem) =>
        Create(kernels, system, new Dictionary<string, double>(StringComparer.Ordinal), out problem);

    /// <summary>
    /// The switches of a point: the values of its <c>bool</c> and table-choice parameters. A program compiled for them
    /// (<see cref="Create(KernelSet, SystemSpec, IReadOnlyDictionary{string, double}, out string?)"/>) folds them as constants:
    /// a switched-off collision term is gone, and a g*(T) choice reads one table instead of selecting among all.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Switches(ModelSpec spec, ParameterPoint point) =>
        spec.Parameters.Where(p => p.Rank == 0 && (p.IsBool || p.TableChoices is not null) && point.Values.ContainsKey(p.Name))
            .ToDictionary(p => p.Name, p => point.Values[p.Name][0].Real, StringComparer.Ordinal);

    /// <summary>As <see cref="Create(KernelSet, SystemSpec, out string?)"/>, with the <paramref name="switches"/> folded as constants.</summary>
    public static SystemProgram? Create(KernelSet kernels, SystemSpec system, IReadOnlyDictionary<string, double> switches, out string? problem)
    {
        problem = null;
        var spec = kernels.Spec;
        var consts = spec.Consts.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);
        foreach (var (name, value) in switches) consts[name] = value;

        // the real unknowns; a complex component z becomes z.re + I z.im
        var unknowns = new List<SymbolExpr>();
        var substitution = new Dictionary<Expr, Expr>();
        foreach (var c in system.Components)
        {
            if (c.IsReal) { unknowns.Add(c); continue; }
            var re = Expr.Real(c.Name + ".re");
            var im = Expr.Real(c.Name + ".im");
            unknowns.Add(re);
            unknowns.Add(im);
            substitution[c] = re + Expr.I * im;
        }
        var equations = new List<Expr>();
        var realEquation = new List<bool>();
        for (var k = 0; k < system.Components.Length; k++)
        {
            realEquation.AddRange(system.Components[k].IsReal ? [true] : [false, false]);
            var rhs = substitution.Count == 0 ? system.Derivatives[k] : Rewriting.Substitute(system.Derivatives[k], substitution);
            if (system.Components[k].IsReal) equations.Add(rhs);
            else { equations.Add(Expr.Re(rhs)); equations.Add(Expr.Im(rhs)); }
        }
        var outputExprs = system.Outputs.Select(o => substitution.Count == 0 ? o.Expression : Rewriting.Substitute(o.Expression, substitution)).ToList();

        // the switches are numbers from here on, before anything is hoisted: a test on a switch (an ifpos that picks the g*
        // table, a term times a bool) is decided now, and what it switches off is never compiled
        var folded = switches.Where(s => s.Value == Math.Round(s.Value) && Math.Abs(s.Value) < 1e9)
            .ToDictionary(s => (Expr)Expr.Real(s.Key), s => (Expr)Expr.Number(ModelDsl.Symbolics.Numbers.Rational.FromInteger(new BigInteger(s.Value))));
        if (folded.Count > 0)
        {
            equations = equations.Select(e => Rewriting.Substitute(e, folded)).ToList();
            outputExprs = outputExprs.Select(e => Rewriting.Substitute(e, folded)).ToList();
        }

        // integrals become inputs I_k (values) and I'_k (derivatives along the variable)
        var integralNodes = new List<FunctionExpr>();
        var integralSymbols = new Dictionary<Expr, Expr>();
        Expr Extract(Expr e) => Rewriting.MapBottomUp(e, x =>
        {
            if (x is not FunctionExpr { Definition: IntegralFunction } f) return x;
            // integrals equal up to the name of their variable (a define expanded twice) share one table
            var key = Rewriting.Substitute(f, IntegralFunction.Parts(f).X, BoundVariable);
            if (integralSymbols.TryGetValue(key, out var s)) return s;
            integralNodes.Add(f);
            return integralSymbols[key] = Expr.Real($"integral#{integralNodes.Count}");
        });
        equations = equations.Select(Extract).ToList();
        outputExprs = outputExprs.Select(Extract).ToList();
        if (integralNodes.Any(f => f.Arguments.Skip(1).Any(a => a.Symbols().Any(s => s.Name.StartsWith("integral#", StringComparison.Ordinal)))))
        {
            problem = "an integral inside another integral";
            return null;
        }
        var integralValues = integralNodes.Select((_, k) => (Expr)Expr.Real($"integral#{k + 1}")).ToList();
        var integralSlopes = integralNodes.Select((_, k) => (Expr)Expr.Real($"integral'#{k + 1}")).ToList();

        // every largest sub-expression that depends on neither the variable, the unknowns nor the integrals (couplings, CP
        // asymmetries, widths: per-point values) stands in as one symbol, so the derivatives are taken of a small skeleton
        var inner = new HashSet<SymbolExpr>(unknowns.Append(system.Variable).Concat(integralValues.Concat(integralSlopes).Cast<SymbolExpr>()));
        var hoisting = new Hoisting(inner);
        equations = equations.Select(hoisting.Hoist).ToList();
        outputExprs = outputExprs.Select(hoisting.Hoist).ToList();

        // the exact Jacobian and df/dv (through the integrals by the chain rule)
        var n = unknowns.Count;
        var jacobian = new Expr[n * n];
        var dfdv = new Expr[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
                if (!Differentiate(equations[i], unknowns[j], out jacobian[i * n + j], out problem)) return null;
            if (!Differentiate(equations[i], system.Variable, out var explicitPart, out problem)) return null;
            var terms = new List<Expr> { explicitPart };
            for (var k = 0; k < integralValues.Count; k++)
            {
                if (!Differentiate(equations[i], integralValues[k], out var dk, out problem)) return null;
                if (!dk.IsZero) terms.Add(dk * integralSlopes[k]);
            }
            dfdv[i] = Expr.Add(terms);
        }

        // level 1: every scalar component of every parameter (real, or real and imaginary part)
        var inputs = new List<(string Name, int Index, bool Imaginary)>();
        foreach (var p in spec.Parameters)
        {
            var count = p.Rank == 0 ? 1 : p.Rows * Math.Max(1, p.Columns);
            for (var k = 0; k < count; k++)
            {
                inputs.Add((p.Name, k, false));
                if (p.IsComplex) inputs.Add((p.Name, k, true));
            }
        }
        var level2 = new List<(double, double)> { system.LogScale ? (double.Epsilon, double.PositiveInfinity) : (double.NegativeInfinity, double.PositiveInfinity) };
        level2.AddRange(Enumerable.Repeat((double.NegativeInfinity, double.PositiveInfinity), n + 2 * integralValues.Count));
        var parameterRanges = inputs.Select(i => spec.Parameters.First(p => p.Name == i.Name).IsPositive && !i.Imaginary
            ? (double.Epsilon, double.PositiveInfinity) : (double.NegativeInfinity, double.PositiveInfinity)).ToList();

        var program = StagedProgram.WithLevels([parameterRanges, level2]);
        var level2Symbols = new Dictionary<string, int>(StringComparer.Ordinal) { [system.Variable.Name] = program.LevelInput(2, 0) };
        for (var j = 0; j < n; j++) level2Symbols[unknowns[j].Name] = program.LevelInput(2, 1 + j);
        for (var k = 0; k < integralValues.Count; k++)
        {
            level2Symbols[((SymbolExpr)integralValues[k]).Name] = program.LevelInput(2, 1 + n + k);
            level2Symbols[((SymbolExpr)integralSlopes[k]).Name] = program.LevelInput(2, 1 + n + integralValues.Count + k);
        }
        if (!Splitter(kernels, program, inputs, level2Symbols, consts, out var splitter, out var map, out var missing, out _, out problem,
                hoisting.Hoisted)) return null;
        int Real(Expr e) => splitter.Lower(Rewriting.Substitute(e, map)).Re;
        var f = equations.Select(Real).ToList();
        // the imaginary parts of the real states' right-hand sides: zero unless the spec made a mistake (checked per point)
        var imaginary = new List<int>();
        for (var i = 0; i < equations.Count; i++)
            if (realEquation[i]) imaginary.Add(splitter.Lower(Rewriting.Substitute(equations[i], map)).Im);
        var full = f.Concat(jacobian.Select(Real)).Concat(dfdv.Select(Real)).ToList();
        var outs = outputExprs.Select(Real).ToList();

        // the per-point values: range, breakpoints, initial values, tolerances, output points
        var point = new List<Expr> { system.Start, system.End };
        point.AddRange(system.Breakpoints);
        // per component: a complex one is two real unknowns (a Hermitian state's diagonal is real)
        foreach (var st in system.States)
            for (var c = 0; c < st.Components.Length; c++)
                point.AddRange(st.Components[c].IsReal ? [st.Initial[c]] : [Expr.Re(st.Initial[c]), Expr.Im(st.Initial[c])]);
        foreach (var st in system.States)
            foreach (var c in st.Components)
                point.AddRange(Enumerable.Repeat(st.AbsoluteTolerance ?? Expr.Number(-1), c.IsReal ? 1 : 2));
        point.AddRange(system.Outputs.Select(o => o.At ?? Expr.Number(-1)));
        var pointValues = point.Select(Real).ToList();
        if ((splitter.Problem ?? missing.Value) is { } failed) { problem = failed; return null; }

        var integrals = new IntegralProgram[integralNodes.Count];
        for (var k = 0; k < integrals.Length; k++)
        {
            integrals[k] = IntegralProgram.Create(kernels, integralNodes[k], system.Variable, inputs, parameterRanges, consts, out problem)!;
            if (integrals[k] is null) return null;
        }
        return new SystemProgram(system, [.. unknowns.Select(u => u.Name)], [.. inputs],
            program.CompileLevels(pointValues), program.CompileLevels(f), program.CompileLevels(full), program.CompileLevels(outs), integrals)
        {
            ImaginaryParts = program.CompileLevels(imaginary),
            RealEquations = [.. Enumerable.Range(0, realEquation.Count).Where(i => realEquation[i])],
        };
    }

    /// <summary>The variable every integral is written in for comparison (alpha-equivalence).</summary>
    private static readonly SymbolExpr BoundVariable = Expr.Real("integral#x");

    private static bool Differentiate(Expr e, Expr v, out Expr derivative, out string? problem)
    {
        try
        {
            if (!Differentiation.TryDifferentiate(e, v, out derivative, out problem))
            {
                problem = $"d/d{v} of a right-hand side: {problem}";
                return false;
            }
            return true;
        }
        catch (ExpressionTooLargeException ex)
        {
            derivative = Expr.Zero;
            problem = ex.Message;
            return false;
        }
    }

    /// <summary>
    /// The splitter of a program whose level 1 is the parameter point and whose inner symbols are <paramref name="inner"/>:
    /// parameters are level-1 inputs, constants are numbers, the lets are lowered (<see cref="LetLowering"/>).
    /// </summary>
    internal static bool Splitter(KernelSet kernels, StagedProgram program, IReadOnlyList<(string Name, int Index, bool Imaginary)> inputs,
        IReadOnlyDictionary<string, int> inner, IReadOnlyDictionary<string, double> consts,
        out ComplexSplitter splitter, out Dictionary<Expr, Expr> map, out StrongBox<string?> missing, out bool callsBuiltins, out string? problem,
        IReadOnlyList<(SymbolExpr Symbol, Expr Value)>? hoisted = null)
    {
        var spec = kernels.Spec;
        var varying = new Dictionary<string, (int Re, int Im)>(StringComparer.Ordinal);
        for (var k = 0; k < inputs.Count; k++)
        {
            var (name, index, imaginary) = inputs[k];
            var p = spec.Parameters.First(x => x.Name == name);
            var symbol = p.ComponentName(index);
            var id = program.LevelInput(1, k);
            if (consts.ContainsKey(symbol)) continue; // a switch folded as a constant
            varying[symbol] = imaginary ? (varying[symbol].Re, id) : (id, p.IsComplex ? -1 : program.Const(0));
        }
        foreach (var (name, id) in inner) varying[name] = (id, program.Const(0));
        var box = missing = new StrongBox<string?>();
        splitter = new ComplexSplitter(program, s => varying.TryGetValue(s.Name, out var v) ? v : null,
            s => consts.TryGetValue(s.Name, out var c) ? c : s.Equals(IntegralFunction.Infinity) ? double.PositiveInfinity : Missing(s));
        Complex Missing(SymbolExpr s)
        {
            box.Value ??= $"'{s.Name}' has no value in the compiled system";
            return double.NaN;
        }
        map = new Dictionary<Expr, Expr>();
        if (!LetLowering.Lower(kernels, program, splitter, varying, map, out callsBuiltins, out problem)) return false;
        // the hoisted per-point values, each lowered once; the skeletons read them by name
        foreach (var (symbol, value) in hoisted ?? [])
            varying[symbol.Name] = splitter.Lower(Rewriting.Substitute(value, map));
        problem = splitter.Problem;
        return problem is null;
    }
}
