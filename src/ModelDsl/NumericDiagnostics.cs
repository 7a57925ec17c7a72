using System.Globalization;
using System.Numerics;
using ModelDsl.Diagnostics;
using ModelDsl.Kernels;
using ModelDsl.Model;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Text;

namespace ModelDsl;

/// <summary>
/// The diagnostics of the numeric stage (MDL0313-MDL0317, table in models/README.md), one method per
/// kind, as <see cref="DiagnosticBag"/> has for the earlier stages. Kept beside the numeric model
/// because they name its products (kernels, lets, compile errors).
/// </summary>
public static class NumericDiagnostics
{
    /// <summary>MDL0313: the model declares no kernel.</summary>
    public static Diagnostic NoKernels(ModelSpec spec) =>
        new("MDL0313", DiagnosticSeverity.Error, $"The model '{spec.Name}' declares no kernel or system to evaluate.", spec.Source, new TextSpan(0, 0));

    /// <summary>MDL0273 at a system whose right-hand sides cannot be differentiated exactly or compiled.</summary>
    public static Diagnostic CannotCompileSystem(ModelSpec spec, SystemSpec system, string problem) =>
        new("MDL0273", DiagnosticSeverity.Error, $"The system '{system.Name}' cannot be compiled (its Jacobian is exact or nothing): {problem}", spec.Source, system.Span);

    /// <summary>MDL0314: a node of a kernel has no compiled form.</summary>
    public static Diagnostic CannotCompile(ModelSpec spec, CompileError error) =>
        new("MDL0314", DiagnosticSeverity.Error, $"A kernel cannot be compiled: {error}", spec.Source, new TextSpan(0, 0));

    /// <summary>
    /// MDL0317 at a kernel whose value is not finite: it names the first input of the kernel (in the order of
    /// <see cref="KernelSet.Inputs"/>) that is not finite, or says that the formula itself overflowed or divided
    /// by zero when every input is finite; <paramref name="others"/> are the kernels not finite for the same cause (one
    /// diagnostic per cause).
    /// </summary>
    public static Diagnostic NonFinite(ModelSpec spec, KernelSpec kernel, Complex value, (string Input, string Kind, Complex Value)? culprit,
        IReadOnlyList<string>? others = null) =>
        new("MDL0317", DiagnosticSeverity.Error,
            $"The kernel '{kernel.Name}' is not finite ({Text(value)}) at this card's point: " + (culprit is { } c
                ? $"its input '{c.Input}' ({c.Kind}) is {Text(c.Value)}."
                : "every input is finite, so the formula itself overflows or divides by zero.")
            + (others is { Count: > 0 } ? $" For the same reason {string.Join(", ", others)} {(others.Count == 1 ? "is" : "are")} not finite either." : ""),
            spec.Source, kernel.Span);

    /// <summary>A value as text: a real number alone, a complex one as re+imi; NaN and infinities by name.</summary>
    public static string Text(Complex z) =>
        z.Imaginary == 0 || (double.IsFinite(z.Real) && double.IsFinite(z.Imaginary) && Math.Abs(z.Imaginary) <= 1e-12 * Math.Abs(z.Real))
            ? G(z.Real)
            : $"{G(z.Real)}{(z.Imaginary < 0 ? "-" : "+")}{G(Math.Abs(z.Imaginary))}i";

    private static string G(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
