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
    /// <summary>
    /// The unit the kernel is printed in (<c>kernel mt = ... in eV</c>, <c>in GeV^2</c>, <c>in 1</c>), or null; <see cref="Expression"/>
    /// is in GeV^<see cref="Dimension"/>.
    /// </summary>
    public string? Unit { get; init; }

    /// <summary>GeV^<see cref="Dimension"/> per <see cref="Unit"/> (1e-9 for eV, 1e-18 for eV^2, 1 for 1); 1 without a unit.</summary>
    public double UnitScale { get; init; } = 1;

    /// <summary>
    /// The kernel's energy dimension d (its value is in GeV^d; 0: dimensionless), exact: inferred from <see cref="Expression"/>
    /// (mass parameters, constants with units, numbers), or 1 for a kernel declared with a unit; null when neither tells.
    /// </summary>
    public Symbolics.Numbers.Rational? Dimension { get; init; }
}
