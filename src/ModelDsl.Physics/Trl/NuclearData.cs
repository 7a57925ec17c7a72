namespace ModelDsl.Physics.Trl;

/// <summary>
/// TRL Table 1 (arXiv:2206.08352; [V] for the numbers as printed, V and D from Kitano-Koike-Okada hep-ph/0203110),
/// parsed from data/trl/mue_conversion_nuclear_data.dat (embedded). Capture rates are stored in s^-1; for Al the
/// measured capture rate is used, not TRL's misprinted one (trl-formulas.md section 2.1).
/// </summary>
public static class NuclearData
{
    /// <summary>The file's name in data/trl/.</summary>
    public const string FileName = "mue_conversion_nuclear_data.dat";

    private static readonly Lazy<IReadOnlyList<Nucleus>> Rows = new(() => Parse(TrlDataFiles.ReadText(FileName)));

    /// <summary>
    /// Parses the table: columns nucleus, Z, A, V^(p), V^(n), D, Gamma_capt [1e6 s^-1], Gamma_capt as printed in TRL [1e6 s^-1].
    /// </summary>
    public static IReadOnlyList<Nucleus> Parse(string text) =>
        TrlDataFiles.Rows(text)
            .Select(c => new Nucleus(c[0], int.Parse(c[1]), int.Parse(c[2]), TrlDataFiles.Number(c[3]), TrlDataFiles.Number(c[4]),
                TrlDataFiles.Number(c[5]), TrlDataFiles.Number(c[6]) * 1e6, TrlDataFiles.Number(c[7]) * 1e6))
            .ToList();

    /// <summary>All rows of Table 1 (Al, Ti, Au).</summary>
    public static IReadOnlyList<Nucleus> All => Rows.Value;

    /// <summary>Aluminium (COMET, Mu2e).</summary>
    public static Nucleus Aluminium => Get("Al");

    /// <summary>Titanium (PRISM).</summary>
    public static Nucleus Titanium => Get("Ti");

    /// <summary>Gold (SINDRUM II).</summary>
    public static Nucleus Gold => Get("Au");

    /// <summary>The row of a nucleus by its symbol (Al, Ti, Au).</summary>
    public static Nucleus Get(string name) =>
        All.FirstOrDefault(n => n.Name == name) ?? throw new ArgumentException($"no nucleus {name} in {FileName}", nameof(name));
}
