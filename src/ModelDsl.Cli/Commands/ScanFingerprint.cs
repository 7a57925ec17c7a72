using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ModelDsl.Kernels.Scans;
using ModelDsl.Model;

namespace ModelDsl.Cli.Commands;

/// <summary>
/// What makes two scans the same scan (resume, <c>modeldsl merge</c>): the tool version, the model (its file's text and the bound
/// spec with every include and library), its data files (each table's spline names carry a hash of the file's contents), the card
/// file, the <c>--set</c> overrides, every constant's value, the grid, the stored kernels, the systems solved and their tolerance.
/// Each part is kept in the results file's meta table as <c>fp:NAME</c>, so a merge can say in what two files differ; a shard's
/// K/N is not a part.
/// </summary>
public static class ScanFingerprint
{
    /// <summary>The prefix of the parts' keys in the meta table.</summary>
    public const string MetaPrefix = "fp:";

    /// <summary>The tool version: the CLI assembly's informational version (with the commit it was built from, when known).</summary>
    public static string ToolVersion =>
        typeof(ScanFingerprint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The named parts of a scan's fingerprint, in a fixed order.</summary>
    public static IReadOnlyList<(string Name, string Value)> Parts(string specPath, ModelSpec spec, string cardPath, IReadOnlyList<string> sets,
        IReadOnlyList<GridAxis> axes, IReadOnlyList<string> kernels, IReadOnlyList<string> systems, double rtol) =>
    [
        ("tool version", ToolVersion),
        ("model", Sha(File.ReadAllText(specPath) + "\u0000" + spec.Describe())),
        ("data files", string.Join("; ", spec.Tables.Select(t => $"{t.Name}={t.Path} "
            + string.Join(" ", t.LogLogSplines.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.Name))
            + string.Join(" ", t.Constants.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"))))),
        ("card", Sha(File.ReadAllText(cardPath))),
        ("set overrides", string.Join("\u001f", sets)),
        ("constants", string.Join(", ", spec.Consts.Select(c => $"{c.Name}={c.Value.ToString("R", CultureInfo.InvariantCulture)}"))),
        ("grid", string.Join(" ", axes)),
        ("kernels", string.Join(",", kernels)),
        ("systems", systems.Count == 0 ? "" : string.Join(",", systems) + $" rtol {rtol.ToString("R", CultureInfo.InvariantCulture)}"),
    ];

    /// <summary>The fingerprint: SHA-256 of the parts.</summary>
    public static string Hash(IEnumerable<(string Name, string Value)> parts) =>
        Sha(string.Join("\u0000", parts.Select(p => p.Name + "=" + p.Value)));

    /// <summary>The parts recorded in a results file's meta table, in key order.</summary>
    public static IReadOnlyList<(string Name, string Value)> Recorded(IReadOnlyDictionary<string, string> meta) =>
        [.. meta.Where(m => m.Key.StartsWith(MetaPrefix, StringComparison.Ordinal)).OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => (m.Key[MetaPrefix.Length..], m.Value))];

    private static string Sha(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
