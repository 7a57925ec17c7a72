namespace ModelDsl.Model;

/// <summary>The derivations a spec may call in <c>let NAME = derivation(...)</c>: adding one is one file plus one line here.</summary>
public static class DerivationCatalogue
{
    /// <summary>Every derivation, in the order models/README.md lists them.</summary>
    public static IReadOnlyList<IDerivation> All { get; } =
    [
        new YukawaDerivation(),
        new DiracMassDerivation(),
        new MajoranaMassDerivation(),
        new LightMassDerivation(),
        new DecayWidthDerivation(),
        new ThermalMassDerivation(),
    ];

    /// <summary>The derivation of that name, or null.</summary>
    public static IDerivation? Find(string name) => All.FirstOrDefault(d => d.Name == name);
}
