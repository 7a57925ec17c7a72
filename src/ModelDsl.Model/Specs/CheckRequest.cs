using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>A check the spec asks for, with its optional argument.</summary>
public sealed record CheckRequest(string Name, string? Argument, TextSpan Span);
