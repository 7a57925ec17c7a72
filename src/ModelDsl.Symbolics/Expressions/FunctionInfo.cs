using ModelDsl.Symbolics.Functions;

namespace ModelDsl.Symbolics.Expressions;

/// <summary>Name and arity look-ups of the binder and parser, answered by <see cref="FunctionRegistry"/>.</summary>
public static class FunctionInfo
{
    /// <summary>The name used in infix text, e.g. <c>theta</c>.</summary>
    public static string Name(FunctionDefinition definition) => definition.Name;

    /// <summary>All infix names, including <c>sqrt</c> (which builds a power 1/2).</summary>
    public static IEnumerable<string> Names => FunctionRegistry.Names;

    /// <summary>Looks up a function by its infix name (<c>sqrt</c> is not a function: it is a power).</summary>
    public static bool TryLookup(string name, out FunctionDefinition definition) => FunctionRegistry.TryLookup(name, out definition);

    /// <summary>Minimum number of arguments.</summary>
    public static int MinArity(FunctionDefinition definition) => definition.MinArity;

    /// <summary>Maximum number of arguments.</summary>
    public static int MaxArity(FunctionDefinition definition) => definition.MaxArity;
}
