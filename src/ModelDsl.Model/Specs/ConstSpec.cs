using System.Numerics;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// <c>const NAME = expr</c>: a numeric constant (evaluated once, in double precision), recorded with
/// every result; kernels refer to it as a real symbol. <c>pi</c> is always defined.
/// </summary>
public sealed record ConstSpec(string Name, double Value, string Text, TextSpan Span);
