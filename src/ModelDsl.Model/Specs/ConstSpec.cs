using System.Numerics;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// <c>const NAME = expr</c>: a numeric constant (evaluated once, in double precision), recorded with
/// every result; kernels refer to it as a real symbol. <c>pi</c> is always defined.
/// </summary>
public sealed record ConstSpec(string Name, double Value, string Text, TextSpan Span)
{
    /// <summary>The energy unit the spec wrote the value in (<c>const m_star = 1.08e-3 eV</c>), or null; <see cref="Value"/> is in GeV.</summary>
    public string? Unit { get; init; }
}
