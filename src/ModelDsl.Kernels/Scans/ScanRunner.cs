using System.Collections.Immutable;
using System.Numerics;
using ModelDsl.Model;

namespace ModelDsl.Kernels.Scans;

/// <summary>
/// Evaluates a model's kernels over the Cartesian product of grid axes (the last axis varies
/// fastest), in parallel chunks. The kernels are compiled for the axes (<see cref="ScanKernels"/>)
/// when every builtin has a symbolic form, otherwise each point goes through the
/// <see cref="KernelSet"/>. Points already in the store are skipped, so an interrupted scan rerun
/// with the same arguments resumes.
/// </summary>
public sealed class ScanRunner
{
    private readonly KernelSet _kernels;
    private readonly ParameterPoint _base;
    private readonly IReadOnlyList<GridAxis> _axes;
    private readonly Action<ImmutableDictionary<string, ImmutableArray<Complex>>.Builder, double>[] _setters;
    private readonly ScanKernels? _compiled;
    private readonly Systems.SystemProgram[] _systems;

    private ScanRunner(KernelSet kernels, ParameterPoint basePoint, IReadOnlyList<GridAxis> axes, Action<ImmutableDictionary<string, ImmutableArray<Complex>>.Builder, double>[] setters, ScanKernels? compiled, string? fallbackReason,
        Systems.SystemProgram[] systems)
    {
        _systems = systems;
        Columns = [.. kernels.Names, .. systems.SelectMany(p => p.System.Outputs.Select(o => o.Name))];
        _kernels = kernels;
        _base = basePoint;
        _axes = axes;
        _setters = setters;
        _compiled = compiled;
        FallbackReason = fallbackReason;
    }

    /// <summary>The stored values of a point after its axes: every kernel, then every output of each ODE system asked for (solved at each point).</summary>
    public ImmutableArray<string> Columns { get; }

    /// <summary>Options of the system solves (tolerances; no samples are kept).</summary>
    public Systems.SystemSolveOptions SolveOptions { get; init; } = new() { Samples = 0 };

    /// <summary>The same runner solving its systems with <paramref name="options"/> (e.g. a tolerance chosen for the accuracy a scan needs).</summary>
    public ScanRunner WithSolveOptions(Systems.SystemSolveOptions options) =>
        new(_kernels, _base, _axes, _setters, _compiled, FallbackReason, _systems) { SolveOptions = options };

    /// <summary>True when the kernels are compiled for the scan's axes (<see cref="ScanKernels"/>).</summary>
    public bool CompiledForAxes => _compiled is not null;

    /// <summary>Why the kernels could not be compiled for the axes (null when they were).</summary>
    public string? FallbackReason { get; }

    /// <summary>Number of grid points.</summary>
    public long Total => _axes.Aggregate(1L, (n, a) => n * a.Count);

    /// <summary>
    /// Checks the axis names against the model; null with a message when one is not a scannable parameter.
    /// </summary>
    public static ScanRunner? Create(KernelSet kernels, ParameterPoint basePoint, IReadOnlyList<GridAxis> axes, out string? problem) =>
        Create(kernels, basePoint, axes, [], out problem);

    /// <summary>
    /// As <see cref="Create(KernelSet, ParameterPoint, IReadOnlyList{GridAxis}, out string?)"/>, also solving the named ODE systems at every
    /// point (their outputs are stored after the kernels); null with a message for an unknown system or one that cannot be compiled.
    /// </summary>
    public static ScanRunner? Create(KernelSet kernels, ParameterPoint basePoint, IReadOnlyList<GridAxis> axes, IReadOnlyList<string> systemNames, out string? problem)
    {
        problem = null;
        var setters = new List<Action<ImmutableDictionary<string, ImmutableArray<Complex>>.Builder, double>>();
        var values = basePoint.Values.ToBuilder();
        foreach (var axis in axes)
        {
            var setter = Setter(kernels.Spec, axis.Name, out problem);
            if (setter is null) return null;
            // the grid obeys the declared signs, as card values do (MDL0307)
            var p = kernels.Spec.Parameters.First(x => x.Name == ParseAxisName(axis.Name).Target);
            var low = Math.Min(axis.Start, axis.Stop);
            if (p.IsPositive && !(low > 0)) { problem = $"'{axis.Name}': '{p.Name}' is declared positive; the grid must stay above 0"; return null; }
            if (p.IsNonNegative && !(low >= 0)) { problem = $"'{axis.Name}': '{p.Name}' is declared nonnegative; the grid must not go below 0"; return null; }
            setters.Add(setter);
        }
        if (axes.Select(a => a.Name).Distinct().Count() != axes.Count) { problem = "an axis is given twice"; return null; }
        // a scanned parameter the card does not give starts from zero in its other components
        foreach (var p in kernels.Spec.Parameters)
            if (!values.ContainsKey(p.Name) && axes.Any(a => ParseAxisName(a.Name).Target == p.Name))
                values[p.Name] = ImmutableArray.Create(new Complex[Math.Max(1, p.Rows) * Math.Max(1, p.Columns)]);
        var point = basePoint with { Values = values.ToImmutable() };
        var targets = axes.Select(a => Target(kernels.Spec, a)).ToList();
        var compiled = ScanKernels.Create(kernels, point, targets, out var reason);
        var systems = new List<Systems.SystemProgram>();
        foreach (var name in systemNames.Distinct())
        {
            if (kernels.System(name, out var why) is not { } program) { problem = $"--system {name}: {why}"; return null; }
            systems.Add(program);
        }
        return new ScanRunner(kernels, point, axes, setters.ToArray(), compiled, reason, [.. systems]);
    }

    private static ScanAxisTarget Target(ModelSpec spec, GridAxis axis)
    {
        var (target, component, part, _) = ParseAxisName(axis.Name);
        var p = spec.Parameters.First(x => x.Name == target);
        return new ScanAxisTarget(p.ComponentName(component), p.IsComplex, part, Math.Min(axis.Start, axis.Stop), Math.Max(axis.Start, axis.Stop));
    }

    /// <summary>
    /// NAME, NAME[k], re(NAME) or im(NAME): the parameter, the 0-based component (int.MinValue when
    /// the index is malformed), the part (0 all, 1 real, 2 imaginary) and whether an index was written.
    /// </summary>
    private static (string Target, int Component, int Part, bool HasIndex) ParseAxisName(string name)
    {
        var part = 0;
        var target = name;
        if (name.StartsWith("re(", StringComparison.Ordinal) && name.EndsWith(')')) { part = 1; target = name[3..^1]; }
        else if (name.StartsWith("im(", StringComparison.Ordinal) && name.EndsWith(')')) { part = 2; target = name[3..^1]; }
        var bracket = target.IndexOf('[');
        if (bracket <= 0 || !target.EndsWith(']')) return (target, 0, part, false);
        var component = int.TryParse(target[(bracket + 1)..^1], out var k) ? k - 1 : int.MinValue;
        return (target[..bracket], component, part, true);
    }

    private static Action<ImmutableDictionary<string, ImmutableArray<Complex>>.Builder, double>? Setter(ModelSpec spec, string name, out string? problem)
    {
        problem = null;
        var (target, component, part, hasIndex) = ParseAxisName(name);
        if (component == int.MinValue) { problem = $"'{name}': a component is written NAME[k]"; return null; }
        var p = spec.Parameters.FirstOrDefault(x => x.Name == target);
        if (p is null)
        {
            problem = $"'{name}': the model has no parameter '{target}'" + (NameSuggestion.Nearest(target, spec.Parameters.Select(x => x.Name)) is { } s ? $" (did you mean '{s}'?)" : "");
            return null;
        }
        var size = Math.Max(1, p.Rows) * Math.Max(1, p.Columns);
        if (p.Rank > 0 && !hasIndex) { problem = $"'{name}' has {size} components: scan one, e.g. {target}[1]"; return null; }
        if (component < 0 || component >= size) { problem = $"'{name}': component out of range 1..{size}"; return null; }
        if (p.IsComplex && part == 0) { problem = $"'{name}' is complex: scan re({name}) or im({name})"; return null; }
        if (!p.IsComplex && part != 0) { problem = $"'{name}': '{target}' is real; scan it directly"; return null; }
        var k = component;
        return part switch
        {
            0 => (values, v) => values[target] = values[target].SetItem(k, v),
            1 => (values, v) => values[target] = values[target].SetItem(k, new Complex(v, values[target][k].Imaginary)),
            _ => (values, v) => values[target] = values[target].SetItem(k, new Complex(values[target][k].Real, v)),
        };
    }

    /// <summary>The axis values of a point index.</summary>
    public double[] AxisValues(long index)
    {
        var values = new double[_axes.Count];
        for (var a = _axes.Count - 1; a >= 0; a--)
        {
            values[a] = _axes[a].Value((int)(index % _axes[a].Count));
            index /= _axes[a].Count;
        }
        return values;
    }

    /// <summary>
    /// Evaluates points (ascending indices): through the axis-compiled kernels in runs that share
    /// the outer axes' values, or point by point when the kernels could not be compiled for the axes.
    /// </summary>
    public IReadOnlyList<ScanRow> Evaluate(IReadOnlyList<long> indices)
    {
        var rows = EvaluateKernels(indices);
        return _systems.Length == 0 ? rows : rows.Select(Solve).ToList();
    }

    /// <summary>A row with its systems' outputs appended, each system solved at the row's point (a failure is the row's status).</summary>
    private ScanRow Solve(ScanRow row)
    {
        var point = PointAt(row.Index);
        var values = new List<double>(row.Values);
        var status = row.Status;
        foreach (var compiled in _systems)
        {
            // the program for the point's switches (a grid over a bool or a table choice compiles one per value)
            var program = _kernels.System(compiled.System.Name, point, out var why) ?? compiled;
            var solution = why is null ? Systems.SystemSolver.Solve(program, point, SolveOptions)
                : Systems.SystemSolution.NotStarted(compiled.System.Name, [.. compiled.System.Outputs.Select(o => o.Name)], compiled.Unknowns, why);
            values.AddRange(solution.Outputs);
            if (!solution.Succeeded && !status.StartsWith("error", StringComparison.Ordinal)) status = $"error: system {compiled.System.Name}: {solution.Message}";
            else if (status == "ok" && solution.Outputs.Any(v => !double.IsFinite(v)))
                status = "non-finite: " + string.Join(" ", solution.OutputNames.Where((_, k) => !double.IsFinite(solution.Outputs[k])));
        }
        return new ScanRow(row.Index, [.. values], status);
    }

    /// <summary>The parameter point of a grid index.</summary>
    private ParameterPoint PointAt(long index)
    {
        var axisValues = AxisValues(index);
        var values = _base.Values.ToBuilder();
        for (var a = 0; a < _setters.Length; a++) _setters[a](values, axisValues[a]);
        return _base with { Values = values.ToImmutable() };
    }

    private IReadOnlyList<ScanRow> EvaluateKernels(IReadOnlyList<long> indices)
    {
        if (_compiled is null) return indices.Select(EvaluatePoint).ToList();
        var rows = new List<ScanRow>(indices.Count);
        var innerCount = _axes[^1].Count;
        var k = _compiled.KernelCount;
        var start = 0;
        while (start < indices.Count)
        {
            var end = start + 1;
            while (end < indices.Count && indices[end] / innerCount == indices[start] / innerCount) end++;
            var count = end - start;
            var axisValues = indices.Skip(start).Take(count).Select(AxisValues).ToList();
            var outer = axisValues[0][..^1];
            var inner = axisValues.Select(v => v[^1]).ToArray();
            var output = new double[count * k];
            _compiled.Evaluate(outer, inner, count, output);
            for (var n = 0; n < count; n++)
            {
                var values = output.AsSpan(n * k, k).ToArray();
                var row = new ScanRow(indices[start + n], axisValues[n].Concat(values).ToArray(), Status(values));
                // where a called builtin has no value (a failed fit) the compiled kernels are NaN: the point is evaluated again
                // point by point, which says why (only for kernels with such calls, and only at points that are not finite)
                if (row.Status != "ok" && _compiled.CallsBuiltins
                    && EvaluatePoint(indices[start + n]) is { } slow && slow.Status.StartsWith("error", StringComparison.Ordinal))
                    row = slow;
                rows.Add(row);
            }
            start = end;
        }
        return rows;
    }

    private string Status(double[] values)
    {
        var bad = _kernels.Names.Where((_, j) => !double.IsFinite(values[j])).ToList();
        return bad.Count == 0 ? "ok" : "non-finite: " + string.Join(" ", bad);
    }

    /// <summary>Evaluates one point through the <see cref="KernelSet"/> (and solves its systems): axis values then the columns, and a status.</summary>
    public ScanRow Evaluate(long index) => Evaluate([index])[0];

    private ScanRow EvaluatePoint(long index)
    {
        var axisValues = AxisValues(index);
        var errorValues = axisValues.Concat(Enumerable.Repeat(double.NaN, _kernels.Names.Length)).ToArray();
        // a builtin without a value at the point is a failure value, not an exception
        if (_kernels.TryEvaluate(PointAt(index), out var failure) is not { } kernels)
            return new ScanRow(index, errorValues, "error: " + failure!.Reason);
        var result = kernels.Select(z => z.Real).ToArray();
        return new ScanRow(index, axisValues.Concat(result).ToArray(), Status(result));
    }

    /// <summary>
    /// Points per chunk of a results file, set by the grid and the path (never by the thread count): with kernels compiled for the
    /// axes, whole rows of the last axis grouped to about 32768 points; point by point, 1024 points; with ODE systems, 8 points
    /// (a solve takes milliseconds). A chunk is the unit of work, of a transaction, of a shard and of what survives a kill.
    /// </summary>
    public int ChunkPoints => _systems.Length > 0 ? 8 : _compiled is null ? 1024 : Math.Max(1, 32768 / _axes[^1].Count) * _axes[^1].Count;

    /// <summary>Each axis's values, in order (what a results file stores for its axes).</summary>
    public IReadOnlyList<(string Name, ImmutableArray<double> Values)> AxisTable =>
        [.. _axes.Select(a => (a.Name, ImmutableArray.CreateRange(Enumerable.Range(0, a.Count).Select(a.Value))))];

    /// <summary>
    /// Evaluates every chunk (of the store's chunk size, normally <see cref="ChunkPoints"/>) of shard <paramref name="shardIndex"/> of <paramref name="shardCount"/> (chunk c belongs to shard
    /// c mod N) not yet in the store, on <paramref name="threads"/> threads (0: every core), committing each chunk; the store keeps
    /// the columns <paramref name="columns"/> (indices into <see cref="Columns"/>, in the store's order). Only the set of stored
    /// chunk ids is held, never a list of pending points. A chunk's values depend on its points only, so the results are
    /// bit-for-bit the same for any thread count and any sequence of interruptions and resumes.
    /// Returns (points computed now, points of the share already stored, points computed now without a value: a builtin failed there).
    /// </summary>
    public (long Computed, long Skipped, long Failed) Run(ResultStore store, IReadOnlyList<int> columns, int threads = 0, int shardIndex = 0, int shardCount = 1,
        IProgress<long>? progress = null, CancellationToken cancel = default)
    {
        if (store.Total != Total || store.Kernels.Count != columns.Count)
            throw new ArgumentException("the results file was made for another grid or column selection", nameof(store));
        var stored = store.StoredChunks();
        var size = store.ChunkSize;
        var chunkCount = (Total + size - 1) / size;
        long PointsOf(long c) => Math.Min(size, Total - c * size);
        long skipped = 0;
        foreach (var c in stored)
            if (c % shardCount == shardIndex) skipped += PointsOf(c);
        IEnumerable<long> Pending()
        {
            for (long c = shardIndex; c < chunkCount; c += shardCount)
                if (!stored.Contains(c)) yield return c;
        }
        long done = skipped, computed = 0, failed = 0;
        progress?.Report(done);
        var selection = columns.ToArray();
        var gate = new object();
        var options = new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(Pending(), System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering), options,
            () => new ChunkBuffers(this, selection.Length, size),
            (c, _, buffers) =>
            {
                var count = (int)PointsOf(c);
                var errors = EvaluateChunk(c * size, count, selection, buffers);
                store.Write(new ResultChunk(c, c * size, count, buffers.Values.AsMemory(0, selection.Length * count), buffers.Status.AsMemory(0, count), buffers.Messages));
                lock (gate)
                {
                    computed += count;
                    failed += errors;
                    done += count;
                    progress?.Report(done);
                }
                return buffers;
            },
            _ => { });
        return (computed, skipped, failed);
    }

    /// <summary>A worker's reusable arrays: nothing is allocated per point on the compiled path.</summary>
    private sealed class ChunkBuffers(ScanRunner runner, int columns, int size)
    {
        public double[] Values { get; } = new double[columns * size];
        public byte[] Status { get; } = new byte[size];
        public Dictionary<int, string> Messages { get; } = [];
        public double[] Outer { get; } = new double[runner._axes.Count - 1];
        public double[] Inner { get; } = new double[runner._axes[^1].Count];
        public double[] Output { get; } = new double[runner._compiled is null ? 0 : runner._axes[^1].Count * runner._compiled.KernelCount];
    }

    /// <summary>
    /// Evaluates the points <paramref name="first"/> .. + <paramref name="count"/> - 1 into the buffers, column-major (stride
    /// <paramref name="count"/>), with a status code per point; returns how many have no value (errors).
    /// </summary>
    private int EvaluateChunk(long first, int count, int[] columns, ChunkBuffers b)
    {
        b.Messages.Clear();
        var values = b.Values;
        if (_compiled is null || _systems.Length > 0)
        {
            var indices = new long[count];
            for (var n = 0; n < count; n++) indices[n] = first + n;
            var rows = Evaluate(indices);
            for (var n = 0; n < count; n++)
            {
                for (var j = 0; j < columns.Length; j++) values[j * count + n] = rows[n].Values[_axes.Count + columns[j]];
                if (rows[n].Status.StartsWith("error", StringComparison.Ordinal)) b.Messages[n] = rows[n].Status;
            }
        }
        else
        {
            var innerCount = _axes[^1].Count;
            var k = _compiled.KernelCount;
            for (var n0 = 0; n0 < count;)
            {
                var index = first + n0;
                var column = (int)(index % innerCount);
                var run = (int)Math.Min(count - n0, innerCount - column);
                var rest = index / innerCount;
                for (var a = _axes.Count - 2; a >= 0; a--)
                {
                    b.Outer[a] = _axes[a].Value((int)(rest % _axes[a].Count));
                    rest /= _axes[a].Count;
                }
                for (var n = 0; n < run; n++) b.Inner[n] = _axes[^1].Value(column + n);
                _compiled.Evaluate(b.Outer, b.Inner, run, b.Output);
                for (var j = 0; j < columns.Length; j++)
                {
                    var (dst, kernel) = (j * count + n0, columns[j]);
                    for (var n = 0; n < run; n++) values[dst + n] = b.Output[n * k + kernel];
                }
                n0 += run;
            }
        }
        var errors = 0;
        Array.Clear(b.Status, 0, count);
        for (var j = 0; j < columns.Length; j++)
            for (var n = 0; n < count; n++)
                if (!double.IsFinite(values[j * count + n])) b.Status[n] = ResultStore.NonFinite;
        for (var n = 0; n < count; n++)
        {
            var code = b.Status[n];
            // where a called builtin has no value (a failed fit) the compiled kernels are NaN: the point is evaluated again
            // point by point, which says why (only for kernels with such calls, and only at points that are not finite)
            if (code != ResultStore.Ok && _compiled is { CallsBuiltins: true } && _systems.Length == 0
                && EvaluatePoint(first + n) is { } slow && slow.Status.StartsWith("error", StringComparison.Ordinal))
            {
                for (var j = 0; j < columns.Length; j++) values[j * count + n] = slow.Values[_axes.Count + columns[j]];
                b.Messages[n] = slow.Status;
            }
            if (b.Messages.ContainsKey(n)) { code = ResultStore.Error; errors++; }
            b.Status[n] = code;
        }
        return errors;
    }
}
