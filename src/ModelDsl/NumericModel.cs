using System.Collections.Immutable;
using System.Numerics;
using ModelDsl.Diagnostics;
using ModelDsl.Kernels;
using ModelDsl.Kernels.Systems;
using ModelDsl.Model;

namespace ModelDsl;

/// <summary>
/// A model ready to evaluate at one parameter point: the <see cref="ModelSpec"/>, the bound
/// <see cref="ParameterPoint"/>, the compiled <see cref="KernelSet"/> and the <c>let</c> values computed once
/// at the point (a library failure there, e.g. a fit without a solution, is an MDL0315 diagnostic of
/// <see cref="ModelCompilation.CreateNumeric(string, IReadOnlyList{string}?)"/>,
/// so every use of the model reports it). Immutable: <see cref="WithPoint"/> gives a model at another
/// point that shares the compiled kernels. Safe to share between threads.
/// </summary>
public sealed class NumericModel
{
    private readonly BuiltinRecord?[] _lets;

    private NumericModel(KernelSet kernels, ParameterPoint point, BuiltinRecord?[] lets)
    {
        Kernels = kernels;
        Point = point;
        _lets = lets;
    }

    /// <summary>The model.</summary>
    public ModelSpec Spec => Kernels.Spec;

    /// <summary>The parameter point (card values with the --set overrides, masses in GeV).</summary>
    public ParameterPoint Point { get; }

    /// <summary>The compiled kernels, shared by every model re-pointed from this one.</summary>
    public KernelSet Kernels { get; }

    /// <summary>Kernel names, in declaration order.</summary>
    public ImmutableArray<string> KernelNames => Kernels.Names;

    /// <summary>Computes the lets at <paramref name="point"/>; a builtin without a value there (e.g. a failed fit) is MDL0315 at the let.</summary>
    public static NumericModelResult Create(KernelSet kernels, ParameterPoint point) =>
        kernels.TryComputeLets(point, out var failure) is { } lets
            ? new NumericModelResult(new NumericModel(kernels, point, lets), [])
            : new NumericModelResult(null, [failure!.ToDiagnostic(kernels.Spec)], failure, point);

    /// <summary>The same compiled kernels at another point (its lets computed there); MDL0315 when a let fails there.</summary>
    public NumericModelResult WithPoint(ParameterPoint point) => Create(Kernels, point);

    /// <summary>
    /// Solves the system of that name at the point (issue 10): compiled on first use with its exact Jacobian, then solved by
    /// the Rosenbrock solver. The solution carries its own failure (a solver failure, a range that is not finite) as a value;
    /// a system that cannot be compiled is an MDL0273 diagnostic at its declaration.
    /// </summary>
    public SolveResult Solve(string system, SystemSolveOptions? options = null)
    {
        if (Kernels.System(system, Point, out var problem) is not { } program)
            return new SolveResult(null, Spec.Systems.FirstOrDefault(s => s.Name == system) is { } known
                ? [NumericDiagnostics.CannotCompileSystem(Spec, known, problem!)]
                : [new Diagnostic("MDL0274", DiagnosticSeverity.Error, $"The model '{Spec.Name}' has no system '{system}'" +
                    (Spec.Systems.Count == 0 ? "." : $" (systems: {string.Join(", ", Spec.Systems.Select(s => s.Name))})."), Spec.Source, new Text.TextSpan(0, 0))]);
        return new SolveResult(SystemSolver.Solve(program, Point, options), []);
    }

    /// <summary>The record of let number <paramref name="index"/> (in declaration order) at the point.</summary>
    public BuiltinRecord Let(int index) => _lets[index]!;

    /// <summary>The arguments let number <paramref name="index"/> was evaluated with at the point.</summary>
    public BuiltinArguments LetArguments(int index) => Kernels.LetArguments(index, _lets, Point);

    /// <summary>
    /// Every kernel at the point, and an MDL0317 diagnostic for each one that is not finite, naming its first
    /// input (in the order of <see cref="KernelSet.Inputs"/>) that is not finite.
    /// </summary>
    public NumericEvaluation Evaluate()
    {
        var values = Kernels.Evaluate(Point, _lets);
        // one diagnostic per cause: the kernels whose first non-finite input belongs to the same let (or is the same input)
        // are named in the diagnostic of the first of them
        var causes = new List<(string Cause, KernelSpec Kernel, Complex Value, (string Input, string Kind, Complex Value)? Culprit, List<string> Others)>();
        Complex[]? inputs = null;
        for (var j = 0; j < values.Length; j++)
        {
            if (double.IsFinite(values[j].Real) && double.IsFinite(values[j].Imaginary)) continue;
            inputs ??= Kernels.InputValues(Point, _lets);
            var kernel = Spec.Kernels[j];
            var reads = kernel.Expression.Symbols().ToHashSet();
            var k = Enumerable.Range(0, inputs.Length).FirstOrDefault(k => reads.Contains(Kernels.Inputs[k])
                && !(double.IsFinite(inputs[k].Real) && double.IsFinite(inputs[k].Imaginary)), -1);
            var cause = k < 0 ? "kernel " + kernel.Name : OwnerOf(Kernels.Inputs[k].Name);
            if (causes.FindIndex(c => c.Cause == cause) is var seen and >= 0) { causes[seen].Others.Add(kernel.Name); continue; }
            causes.Add((cause, kernel, values[j], k < 0 ? null : (Kernels.Inputs[k].Name, KindOf(Kernels.Inputs[k].Name), inputs[k]), []));
        }
        var nonFinite = causes.Select(c => NumericDiagnostics.NonFinite(Spec, c.Kernel, c.Value, c.Culprit, c.Others)).ToImmutableArray();
        return new NumericEvaluation(this, [.. KernelNames.Select((n, j) => new KernelValue(n, values[j]) { Unit = Spec.Kernels[j].Unit, UnitScale = Spec.Kernels[j].UnitScale, Dimension = Spec.Kernels[j].Dimension })], nonFinite);
    }

    /// <summary>The let an input belongs to (its entries share one cause), or the input itself.</summary>
    private string OwnerOf(string input) =>
        Spec.Lets.Any(l => l.Name == BaseName(input)) ? "let " + BaseName(input) : "input " + input;

    /// <summary>The declared name an input belongs to: <c>Y</c> of <c>Y[1,2]</c>, <c>F</c> of <c>F.h[1,2]</c>.</summary>
    private static string BaseName(string input)
    {
        var end = input.IndexOfAny(['[', '.']);
        return end < 0 ? input : input[..end];
    }

    private string KindOf(string input)
    {
        var name = BaseName(input);
        if (Spec.Lets.Any(l => l.Name == name)) return $"an entry of the let '{name}'";
        return Spec.Consts.Any(c => c.Name == name || c.Name == input) ? "a constant" : "a parameter";
    }
}
