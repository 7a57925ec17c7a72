using System.Reflection;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// The built-in functions by name. Every non-abstract <see cref="FunctionDefinition"/> of this
/// assembly with a public static <c>Instance</c> field is registered, so a new function is one
/// file in <c>Functions/</c>. Tabulated functions are made at run time by <see cref="Tabulated"/>
/// and are not registered (their names belong to the spec that supplies the table).
/// </summary>
public static class FunctionRegistry
{
    private static readonly Dictionary<string, FunctionDefinition> ByName = Discover();

    private static Dictionary<string, FunctionDefinition> Discover()
    {
        var found = new Dictionary<string, FunctionDefinition>(StringComparer.Ordinal);
        foreach (var t in typeof(FunctionDefinition).Assembly.GetTypes())
        {
            if (t.IsAbstract || !t.IsSubclassOf(typeof(FunctionDefinition))) continue;
            if (t.GetField("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is FunctionDefinition d)
                found.Add(d.Name, d);
        }
        return found;
    }

    /// <summary>All registered definitions, ordered by name.</summary>
    public static IReadOnlyList<FunctionDefinition> All { get; } = ByName.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();

    /// <summary>All infix names, including <c>sqrt</c> (which builds a power 1/2, not a function node).</summary>
    public static IEnumerable<string> Names => ByName.Keys.Append("sqrt");

    /// <summary>Looks up a function by its infix name (<c>sqrt</c> is not a function: it is a power).</summary>
    public static bool TryLookup(string name, out FunctionDefinition definition) =>
        ByName.TryGetValue(name, out definition!);

    /// <summary>The function of that name; throws <see cref="KeyNotFoundException"/> for an unknown name.</summary>
    public static FunctionDefinition Get(string name) =>
        TryLookup(name, out var d) ? d : throw new KeyNotFoundException($"No function named '{name}'.");

    /// <summary>
    /// A function of one real variable given by a table (x_i, y_i), x strictly increasing, at least
    /// 4 points, all finite: the not-a-knot cubic spline through the points, held constant outside
    /// the table. Its derivative is another function (the spline's derivative, 0 outside). Bad data
    /// gives a result with an error message, not an exception.
    /// </summary>
    public static TabulatedResult Tabulated(string name, double[] x, double[] y) => TabulatedFunction.Create(name, x, y);
}
