using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Model;

/// <summary>
/// A library function usable in <c>let NAME = builtin(param: value, ...)</c>: its name, the equation it implements, its
/// named and typed parameters, its named result fields, a numeric form and optionally a symbolic one. One implementation
/// per file (ModelDsl.Kernels.Builtins), registered in one <see cref="IBuiltinCatalogue"/> that the binder, the kernels,
/// the scan compiler and the commands read.
/// </summary>
public interface IBuiltin
{
    /// <summary>The name used in specs.</summary>
    string Name { get; }

    /// <summary>What it computes, citing the equation.</summary>
    string Description { get; }

    /// <summary>The parameters, in the order a positional call gives them.</summary>
    IReadOnlyList<BuiltinParameter> Parameters { get; }

    /// <summary>The result's fields (one field named "" for a plain matrix).</summary>
    IReadOnlyList<BuiltinField> Result { get; }

    /// <summary>The value at a point, or the reason it has none there (never throws for a user's input).</summary>
    BuiltinOutcome Evaluate(BuiltinArguments arguments);

    /// <summary>The result as symbolic matrices per field (scalars 1x1, vectors n x 1), or null when there is no symbolic form.</summary>
    IReadOnlyDictionary<string, ExprMatrix>? EvaluateSymbolic(SymbolicArguments arguments);
}
