using System.Collections.Immutable;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// One argument of a builtin call, bound to its parameter: a scalar expression (real, complex, or a switch as 1/0 or a
/// bool parameter's symbol), or for vectors and matrices the array it names: a parameter, a texture, a plain-matrix let
/// (<see cref="Field"/> null), or a field of a record let (<c>F.h</c>: <see cref="ArrayName"/> F, <see cref="Field"/> h).
/// </summary>
public sealed record LetArgument(BuiltinParameter Parameter, Expr? Scalar, string? ArrayName, string? Field);

/// <summary><c>let NAME = builtin(param: value, ...)</c>: a record (or plain matrix) computed per parameter point by a library builtin.</summary>
public sealed record LetSpec(string Name, IBuiltin Builtin, IReadOnlyList<LetArgument> Arguments, TextSpan Span)
{
    private readonly ImmutableArray<LetArgument> _arguments = [.. Arguments];

    /// <summary>The arguments, bound to the builtin's parameters (an immutable copy).</summary>
    public IReadOnlyList<LetArgument> Arguments { get => _arguments; init => _arguments = [.. value]; }

    /// <summary>True when the result is one plain matrix, read as <c>NAME[i,j]</c>.</summary>
    public bool IsPlainMatrix => Builtin.Result is [{ Name: "" }];

    /// <summary>The result field of that name ("" for a plain matrix), or null.</summary>
    public BuiltinField? Field(string name) => Builtin.Result.FirstOrDefault(f => f.Name == name);

    /// <summary>
    /// The symbol name of an entry (1-based indices): <c>U[1,2]</c> for a plain matrix, <c>F.h[1,2]</c>, <c>F.mass[2]</c> or
    /// <c>F.residual</c> for a record's fields.
    /// </summary>
    public string EntrySymbol(string field, IReadOnlyList<int> indices) =>
        (field.Length == 0 ? Name : $"{Name}.{field}") + (indices.Count == 0 ? "" : $"[{string.Join(",", indices)}]");
}
