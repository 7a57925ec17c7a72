namespace ModelDsl.Model;

/// <summary>A catalogue from a list of builtins (names unique).</summary>
public sealed class BuiltinCatalogue : IBuiltinCatalogue
{
    private readonly Dictionary<string, IBuiltin> _byName;

    /// <summary>A catalogue of <paramref name="builtins"/>.</summary>
    public BuiltinCatalogue(IEnumerable<IBuiltin> builtins)
    {
        All = builtins.ToArray();
        _byName = All.ToDictionary(b => b.Name, StringComparer.Ordinal);
    }

    /// <summary>No builtins (a model with lets then gets MDL0232 for each).</summary>
    public static BuiltinCatalogue Empty { get; } = new([]);

    /// <inheritdoc/>
    public IReadOnlyList<IBuiltin> All { get; }

    /// <inheritdoc/>
    public IBuiltin? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The signature as a call with named arguments, e.g. <c>pmns(s12: real, ...)</c>.</summary>
    public static string Signature(IBuiltin b) =>
        $"{b.Name}({string.Join(", ", b.Parameters.Select(p => $"{p.Name}: {p.Type}" + (p.IsOptional ? " = " + DefaultText(p) : "")))})";

    private static string DefaultText(BuiltinParameter p) =>
        p.Type.Kind == BuiltinValueKind.Bool ? (p.Default!.Value.Real != 0 ? "true" : "false")
        : p.Default!.Value.Real.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
