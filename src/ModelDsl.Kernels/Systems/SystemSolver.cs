using System.Collections.Immutable;
using ModelDsl.Model;
using ModelDsl.Numerics.Ode;

namespace ModelDsl.Kernels.Systems;

/// <summary>Options of a system solve: the method and tolerances, and how densely the evolution is sampled.</summary>
public sealed record SystemSolveOptions
{
    /// <summary>The Rosenbrock method (Rodas5P by default).</summary>
    public RosenbrockTableau Method { get; init; } = RosenbrockTableau.Rodas5P;

    /// <summary>Relative tolerance.</summary>
    public double RelativeTolerance { get; init; } = 1e-8;

    /// <summary>Absolute tolerance of the unknowns whose state declares none.</summary>
    public double AbsoluteTolerance { get; init; } = 1e-12;

    /// <summary>
    /// When set, the absolute tolerance of every unknown, the states' own <c>atol</c> included: one value for all, as ULYSSES and
    /// scipy's odeint take it (ULYSSES v2.0.2 runs most of its equation sets at odeint's defaults, rtol = atol = 1.49012e-8;
    /// docs/ulysses.md, "ULYSSES's own tolerances").
    /// </summary>
    public double? AbsoluteToleranceForAll { get; init; }

    /// <summary>Samples of the evolution, equally spaced in the solver's time (0: none).</summary>
    public int Samples { get; init; } = 200;

    /// <summary>Most steps.</summary>
    public int MaxSteps { get; init; } = 200_000;
}

/// <summary>Solves a compiled system at a parameter point with the Rosenbrock solver (<see cref="Rosenbrock.Solve"/>) and reads its outputs.</summary>
public static class SystemSolver
{
    /// <summary>The solution at <paramref name="point"/>; a failure (no range, a table, the solver) is reported in the result.</summary>
    public static SystemSolution Solve(SystemProgram program, ParameterPoint point, SystemSolveOptions? options = null)
    {
        options ??= new SystemSolveOptions();
        var system = program.System;
        var names = system.Outputs.Select(o => o.Name).ToImmutableArray();
        if (options.AbsoluteToleranceForAll is { } all && !(all > 0 && double.IsFinite(all)))
            return SystemSolution.NotStarted(system.Name, names, program.Unknowns, $"the absolute tolerance for every unknown must be positive and finite, not {all}");
        if (SystemInstance.Create(program, point, out var failure) is not { } instance)
            return SystemSolution.NotStarted(system.Name, names, program.Unknowns, failure!);
        var atol = instance.AbsoluteTolerances.Select(a => options.AbsoluteToleranceForAll ?? (double.IsNaN(a) ? options.AbsoluteTolerance : a)).ToImmutableArray();
        var (t0, t1) = (instance.ToTime(instance.Start), instance.ToTime(instance.End));
        var ode = new OdeOptions
        {
            Method = options.Method,
            RelativeTolerance = options.RelativeTolerance,
            AbsoluteTolerance = atol,
            MaxSteps = options.MaxSteps,
            Breakpoints = [.. instance.Breakpoints.Select(instance.ToTime)],
        };
        var solution = Rosenbrock.Solve(instance, t0, t1, instance.Initial.AsSpan(), ode);
        var n = program.Dimension;
        var reached = solution.T;
        var message = solution.Status == OdeStatus.Success ? null : $"{solution.Status} at {system.Variable} = {instance.ToVariable(reached):G6}: {solution.Message}";

        // the outputs, each at its point (dense output) or at the end
        var outputs = new double[names.Length];
        var values = new double[names.Length];
        var y = new double[n];
        for (var k = 0; k < names.Length; k++)
        {
            var at = instance.OutputPoints[k];
            var t = double.IsNaN(at) ? t1 : instance.ToTime(at);
            if (double.IsNaN(t) || t < t0 - 1e-12 * Math.Abs(t0) || t > reached + 1e-12 * Math.Abs(reached))
            {
                outputs[k] = double.NaN;
                message ??= $"the output {names[k]} is read at {system.Variable} = {at:G6}, outside the range solved ({instance.Start:G6} to {instance.ToVariable(reached):G6})";
                continue;
            }
            solution.Interpolate(Math.Clamp(t, t0, reached), y);
            instance.Outputs(instance.ToVariable(Math.Clamp(t, t0, reached)), y, values);
            outputs[k] = values[k];
        }

        // the evolution on an even grid of the solver's time
        var samples = new List<double>();
        var states = new List<double>();
        var sampledOutputs = new List<double>();
        for (var i = 0; i < options.Samples; i++)
        {
            var t = Math.Min(reached, t0 + (reached - t0) * i / Math.Max(1, options.Samples - 1));
            solution.Interpolate(t, y);
            samples.Add(instance.ToVariable(t));
            states.AddRange(y);
            instance.Outputs(instance.ToVariable(t), y, values);
            sampledOutputs.AddRange(values);
        }
        return new SystemSolution(system.Name, solution.Status, message, names, [.. outputs], program.Unknowns, [.. samples], [.. states], [.. sampledOutputs],
            solution.Steps, solution.RejectedSteps, solution.Evaluations, solution.JacobianEvaluations, instance.IntegralTableError);
    }
}
