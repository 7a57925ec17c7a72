using System.Numerics;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// <c>kernel NAME = expr</c> after binding: index sums unrolled and defines expanded, so the
/// expression is a plain scalar formula over scalar parameters, constants and array entries
/// (symbols such as <c>M[2]</c> or <c>Y[1,3]</c>), ready to compile.
/// </summary>
public sealed record KernelSpec(string Name, Expr Expression, TextSpan Span)
{
    /// <summary>The energy unit the kernel is printed in (<c>kernel mt = ... in eV</c>), or null; <see cref="Expression"/> is in GeV.</summary>
    public string? Unit { get; init; }

    /// <summary>
    /// The kernel's energy dimension d (its value is in GeV^d; 0: dimensionless), exact: inferred from <see cref="Expression"/>
    /// (mass parameters, constants with units, numbers), or 1 for a kernel declared with a unit; null when neither tells.
    /// </summary>
    public Symbolics.Numbers.Rational? Dimension { get; init; }
}
