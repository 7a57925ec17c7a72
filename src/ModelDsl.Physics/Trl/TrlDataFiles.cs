using System.Globalization;
using System.Reflection;

namespace ModelDsl.Physics.Trl;

/// <summary>
/// Reads the TRL data tables of the repository's data/trl/ folder, embedded in this assembly as
/// ModelDsl.Physics.Trl.&lt;file name&gt;: '#' lines are comments, the rest whitespace-separated columns.
/// </summary>
internal static class TrlDataFiles
{
    /// <summary>The text of an embedded data file (copied from data/trl/).</summary>
    public static string ReadText(string fileName)
    {
        var name = "ModelDsl.Physics.Trl." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The non-comment lines, split into columns.</summary>
    public static IEnumerable<string[]> Rows(string text) =>
        text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A number in invariant culture.</summary>
    public static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
