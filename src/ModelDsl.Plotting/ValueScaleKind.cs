namespace ModelDsl.Plotting;

/// <summary>How a <see cref="ValueScale"/> maps values to plot coordinates.</summary>
public enum ValueScaleKind
{
    /// <summary>The value itself.</summary>
    Linear,

    /// <summary>log10 of the value (positive values only).</summary>
    Log,

    /// <summary>The symmetric logarithm sign(v) log10(1 + |v|/linthresh): linear near 0, logarithmic far from it, odd.</summary>
    SymLog,
}
