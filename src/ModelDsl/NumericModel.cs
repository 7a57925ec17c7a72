using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using ModelDsl.Diagnostics;
using ModelDsl.Kernels;
using ModelDsl.Model;

namespace ModelDsl;

/// <summary>
/// A model ready to evaluate at one parameter point: the <see cref="ModelSpec"/>, the bound
/// <see cref="ParameterPoint"/>, the compiled <see cref="KernelSet"/> and the <c>let</c> values computed once
/// at the point (a library failure there, e.g. a fit without a solution, is an MDL0315 diagnostic of
/// <see cref="ModelCompilation.CreateNumeric(string, IReadOnlyList{string}?, Func{LetSpec, IReadOnlyList{object}, Complex[,]}?)"/>,
/// so every use of the model reports it). Immutable: <see cref="WithPoint"/> gives a model at another
/// point that shares the compiled kernels. Safe to share between threads.
/// </summary>
public sealed class NumericModel
{
    /// <summary>
    /// The largest relative residual |m_nu(h) - U* m U^dagger| / |U* m U^dagger| of a <c>texture_fit</c>
    /// (seed 001 eq. 2.11) that counts as reproducing the oscillation data.
    /// </summary>
    public const double MaxFitResidual = 1e-6;

    private readonly Complex[,]?[] _lets;
    private readonly Func<LetSpec, IReadOnlyList<object>, Complex[,]> _letEvaluator;

    private NumericModel(KernelSet kernels, ParameterPoint point, Complex[,]?[] lets, Func<LetSpec, IReadOnlyList<object>, Complex[,]> letEvaluator)
    {
        Kernels = kernels;
        Point = point;
        _lets = lets;
        _letEvaluator = letEvaluator;
        KernelNames = [.. kernels.Names];
    }

    /// <summary>The model.</summary>
    public ModelSpec Spec => Kernels.Spec;

    /// <summary>The parameter point (card values with the --set overrides, masses in GeV).</summary>
    public ParameterPoint Point { get; }

    /// <summary>The compiled kernels, shared by every model re-pointed from this one.</summary>
    public KernelSet Kernels { get; }

    /// <summary>Kernel names, in declaration order.</summary>
    public ImmutableArray<string> KernelNames { get; }

    /// <summary>
    /// Computes the lets at <paramref name="point"/>; a library failure there is MDL0315 at the let.
    /// <paramref name="letEvaluator"/> replaces <see cref="EvaluateLet"/> (e.g. to keep a fit's whole result).
    /// </summary>
    public static NumericModelResult Create(KernelSet kernels, ParameterPoint point, Func<LetSpec, IReadOnlyList<object>, Complex[,]>? letEvaluator = null)
    {
        letEvaluator ??= EvaluateLet;
        try
        {
            return new NumericModelResult(new NumericModel(kernels, point, kernels.ComputeLets(point, letEvaluator), letEvaluator), []);
        }
        catch (LetEvaluationException e)
        {
            return new NumericModelResult(null, [NumericDiagnostics.LetFailed(kernels.Spec, e)]);
        }
    }

    /// <summary>The same compiled kernels at another point (its lets computed there); MDL0315 when a let fails there.</summary>
    public NumericModelResult WithPoint(ParameterPoint point) => Create(Kernels, point, _letEvaluator);

    /// <summary>
    /// Every kernel at the point, and an MDL0317 diagnostic for each one that is not finite, naming its first
    /// input (in the order of <see cref="KernelSet.Inputs"/>) that is not finite.
    /// </summary>
    public NumericEvaluation Evaluate()
    {
        var values = Kernels.Evaluate(Point, _lets);
        var nonFinite = ImmutableArray.CreateBuilder<Diagnostic>();
        Complex[]? inputs = null;
        for (var j = 0; j < values.Length; j++)
        {
            if (double.IsFinite(values[j].Real) && double.IsFinite(values[j].Imaginary)) continue;
            inputs ??= Kernels.InputValues(Point, _lets);
            var kernel = Spec.Kernels[j];
            var reads = kernel.Expression.Symbols().ToHashSet();
            var k = Enumerable.Range(0, inputs.Length).FirstOrDefault(k => reads.Contains(Kernels.Inputs[k])
                && !(double.IsFinite(inputs[k].Real) && double.IsFinite(inputs[k].Imaginary)), -1);
            nonFinite.Add(NumericDiagnostics.NonFinite(Spec, kernel, values[j], k < 0 ? null : (Kernels.Inputs[k].Name, KindOf(Kernels.Inputs[k].Name), inputs[k])));
        }
        return new NumericEvaluation(this, [.. KernelNames.Select((n, j) => new KernelValue(n, values[j]))], nonFinite.ToImmutable());
    }

    private string KindOf(string input)
    {
        var bracket = input.IndexOf('[');
        var name = bracket < 0 ? input : input[..bracket];
        if (Spec.Lets.Any(l => l.Name == name)) return $"an entry of the let '{name}'";
        return Spec.Consts.Any(c => c.Name == name) ? "a constant" : "a parameter";
    }

    /// <summary>
    /// The default evaluation of a let: <see cref="MatrixBuiltins.Evaluate"/>, except that a <c>texture_fit</c>
    /// whose fitted texture does not reproduce the oscillation data (residual above <see cref="MaxFitResidual"/>,
    /// as <c>modeldsl fit</c> requires) is a failure at the point (an <see cref="ArithmeticException"/>, so MDL0315).
    /// </summary>
    public static Complex[,] EvaluateLet(LetSpec let, IReadOnlyList<object> args)
    {
        if (let.Builtin.Name != "texture_fit") return MatrixBuiltins.Evaluate(let.Builtin, args);
        var fit = MatrixBuiltins.TextureFitOf(args);
        if (!(fit.Residual <= MaxFitResidual))
            throw new ArithmeticException(string.Create(CultureInfo.InvariantCulture,
                $"the fitted texture does not reproduce the oscillation data (residual {fit.Residual:G6} > {MaxFitResidual:G6}): double precision cannot hold the light masses in Yukawas this large (docs/trl.md)"));
        return fit.H;
    }
}
