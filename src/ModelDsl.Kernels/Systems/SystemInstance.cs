using System.Collections.Immutable;
using ModelDsl.Model;
using ModelDsl.Numerics.Ode;

namespace ModelDsl.Kernels.Systems;

/// <summary>
/// A compiled system at one parameter point, as the solver sees it (<see cref="IOdeSystem"/>): the point's level is entered
/// once, the integrals are tabulated once, and every call evaluates only what depends on the variable and the state. With
/// a <c>log</c> variable the solver's time is u = ln v: dy/du = v f, J_u = v J, d(v f)/du = v f + v^2 df/dv.
/// Not thread-safe: one instance per solve.
/// </summary>
public sealed class SystemInstance : IOdeSystem
{
    private readonly SystemProgram _program;
    private readonly double[] _rhsState, _fullState, _outputState;
    private readonly double[] _inputs;
    private readonly double[] _f, _full;
    private readonly IntegralTable[] _tables;
    private readonly int _n;
    private readonly double[] _parameters;

    private SystemInstance(SystemProgram program, double[] parameters, IntegralTable[] tables, double start, double end,
        ImmutableArray<double> breakpoints, ImmutableArray<double> initial, ImmutableArray<double> tolerances, ImmutableArray<double> outputPoints)
    {
        _program = program;
        _parameters = parameters;
        _tables = tables;
        _n = program.Dimension;
        _inputs = new double[1 + _n + 2 * tables.Length];
        _f = new double[_n];
        _full = new double[_n + _n * _n + _n];
        _rhsState = program.Rhs.NewState();
        program.Rhs.Enter(_rhsState, 1, parameters);
        _fullState = program.Full.NewState();
        program.Full.Enter(_fullState, 1, parameters);
        _outputState = program.OutputValues.NewState();
        program.OutputValues.Enter(_outputState, 1, parameters);
        Start = start;
        End = end;
        Breakpoints = breakpoints;
        Initial = initial;
        AbsoluteTolerances = tolerances;
        OutputPoints = outputPoints;
    }

    /// <summary>The compiled system.</summary>
    public SystemProgram Program => _program;

    /// <summary>Start of the range (in v).</summary>
    public double Start { get; }

    /// <summary>End of the range (in v).</summary>
    public double End { get; }

    /// <summary>The breakpoints inside the range, ascending (in v).</summary>
    public ImmutableArray<double> Breakpoints { get; }

    /// <summary>Initial values of the real unknowns.</summary>
    public ImmutableArray<double> Initial { get; }

    /// <summary>Absolute tolerance per unknown (NaN: the caller's default).</summary>
    public ImmutableArray<double> AbsoluteTolerances { get; }

    /// <summary>Where each output is read (NaN: at the end).</summary>
    public ImmutableArray<double> OutputPoints { get; }

    /// <summary>The largest measured interpolation error of the integral tables (0 without integrals).</summary>
    public double IntegralTableError => _tables.Length == 0 ? 0 : _tables.Max(t => t.MeasuredError);

    /// <summary>True when the solver's time is ln v.</summary>
    public bool LogScale => _program.System.LogScale;

    /// <inheritdoc />
    public int Dimension => _n;

    /// <summary>The solver's time for a value of the variable.</summary>
    public double ToTime(double v) => LogScale ? Math.Log(v) : v;

    /// <summary>The variable at a solver time.</summary>
    public double ToVariable(double t) => LogScale ? Math.Exp(t) : t;

    /// <summary>
    /// The system at a point: null with the reason when the point's range, initial values or tolerances are not finite (a
    /// failed fit gives NaN), the range is empty (or not positive for a <c>log</c> variable), or an integral cannot be tabulated.
    /// </summary>
    public static SystemInstance? Create(SystemProgram program, ParameterPoint point, out string? failure) => Create(program, point, true, out failure);

    /// <summary>As <see cref="Create(SystemProgram, ParameterPoint, out string?)"/>; <paramref name="shareTables"/> false builds every integral table afresh.</summary>
    public static SystemInstance? Create(SystemProgram program, ParameterPoint point, bool shareTables, out string? failure)
    {
        var parameters = program.ParameterInputs(point);
        var system = program.System;
        var values = new double[program.PointValues.OutputCount];
        var state = program.PointValues.NewState();
        program.PointValues.Enter(state, 1, parameters);
        program.PointValues.Evaluate(state, new double[1 + program.Dimension + 2 * program.IntegralCount], values);
        var (start, end) = (values[0], values[1]);
        var k = 2;
        var breakpoints = values.Skip(k).Take(system.Breakpoints.Length).ToArray();
        k += system.Breakpoints.Length;
        var initial = values.Skip(k).Take(program.Dimension).ToArray();
        k += program.Dimension;
        var atol = values.Skip(k).Take(program.Dimension).Select(x => x < 0 ? double.NaN : x).ToArray();
        k += program.Dimension;
        var at = values.Skip(k).Take(system.Outputs.Length).Select((x, i) => system.Outputs[i].At is null ? double.NaN : x).ToArray();
        if (!double.IsFinite(start) || !double.IsFinite(end))
        {
            failure = $"the range of {system.Variable} is not finite at this point ({start:G6} to {end:G6})";
            return null;
        }
        if (!(end > start) || (system.LogScale && !(start > 0)))
        {
            failure = system.LogScale
                ? $"the range {start:G6} to {end:G6} of {system.Variable} must be increasing and positive (it is stepped in ln {system.Variable})"
                : $"the range {start:G6} to {end:G6} of {system.Variable} must be increasing";
            return null;
        }
        if (initial.Any(x => !double.IsFinite(x)) || atol.Any(x => !double.IsNaN(x) && !(x > 0 && double.IsFinite(x))) || breakpoints.Any(x => !double.IsFinite(x)))
        {
            failure = "an initial value, absolute tolerance or breakpoint is not finite (or a tolerance not positive) at this point";
            return null;
        }
        var tables = new IntegralTable[program.IntegralCount];
        for (var i = 0; i < tables.Length; i++)
        {
            var table = shareTables ? program.Table(i, parameters, start, end, out failure)
                : IntegralTable.Build(program.Integrals[i], parameters, start, end, system.LogScale, out failure);
            if (table is null) return null;
            tables[i] = table;
        }
        failure = null;
        var instance = new SystemInstance(program, parameters, tables, start, end,
            [.. breakpoints.Where(b => b > start && b < end).Distinct().Order()], [.. initial], [.. atol], [.. at]);
        return instance.ComplexRightHandSide() is { } complex ? Fail(complex, out failure) : instance;
    }

    private static SystemInstance? Fail(string reason, out string? failure)
    {
        failure = reason;
        return null;
    }

    /// <summary>
    /// The equation of a real state whose right-hand side has an imaginary part, at the start, the middle or the end of the
    /// range with the initial values (the spec wrote a complex coupling where a real one was meant); null when none has.
    /// </summary>
    private string? ComplexRightHandSide()
    {
        var state = _program.ImaginaryParts.NewState();
        _program.ImaginaryParts.Enter(state, 1, _parameters);
        var im = new double[_program.RealEquations.Length];
        foreach (var v in new[] { Start, Math.Sqrt(Start * End), End })
        {
            if (!LogScale && v != Start && v != End) continue;
            Inputs(ToTime(v), Initial.AsSpan());
            _program.Rhs.Evaluate(_rhsState, _inputs, _f);
            _program.ImaginaryParts.Evaluate(state, _inputs, im);
            for (var k = 0; k < im.Length; k++)
            {
                var i = _program.RealEquations[k];
                if (Math.Abs(im[k]) > 1e-9 * Math.Abs(_f[i]) + 1e-300 && double.IsFinite(im[k]))
                    return $"the right-hand side of the real state {_program.Unknowns[i]} is complex at {_program.System.Variable} = {v:G6} " +
                           $"({_f[i]:G6} + {im[k]:G6} i): write re(...) where the real part is meant, or declare the state complex (the diagonal of a hermitian state is real)";
            }
        }
        return null;
    }

    private void Inputs(double t, ReadOnlySpan<double> y)
    {
        var v = ToVariable(t);
        _inputs[0] = v;
        y.CopyTo(_inputs.AsSpan(1, _n));
        var m = _tables.Length;
        var logV = LogScale ? t : m > 0 ? Math.Log(v) : 0; // a table in ln v reads it
        for (var k = 0; k < m; k++) _tables[k].Evaluate(v, logV, out _inputs[1 + _n + k], out _inputs[1 + _n + m + k]);
    }

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        Inputs(t, y);
        _program.Rhs.Evaluate(_rhsState, _inputs, _f);
        var scale = LogScale ? _inputs[0] : 1;
        for (var i = 0; i < _n; i++) dydt[i] = scale * _f[i];
    }

    /// <inheritdoc />
    public void Jacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian, Span<double> dfdt) =>
        EvaluateWithJacobian(t, y, [], jacobian, dfdt);

    /// <summary>f, df/dy and df/dt from one pass of the full program (which computes f for the time derivative anyway).</summary>
    public void EvaluateWithJacobian(double t, ReadOnlySpan<double> y, Span<double> dydt, Span<double> jacobian, Span<double> dfdt)
    {
        Inputs(t, y);
        _program.Full.Evaluate(_fullState, _inputs, _full);
        var v = _inputs[0];
        var scale = LogScale ? v : 1;
        for (var i = 0; i < dydt.Length; i++) dydt[i] = scale * _full[i];
        for (var k = 0; k < _n * _n; k++) jacobian[k] = scale * _full[_n + k];
        for (var i = 0; i < _n; i++)
            dfdt[i] = LogScale ? v * _full[i] + v * v * _full[_n + _n * _n + i] : _full[_n + _n * _n + i];
    }

    /// <summary>The outputs' expressions at (v, y) (every one of them; the caller picks each at its own point).</summary>
    public void Outputs(double v, ReadOnlySpan<double> y, double[] values)
    {
        Inputs(ToTime(v), y);
        _program.OutputValues.Evaluate(_outputState, _inputs, values);
    }
}
