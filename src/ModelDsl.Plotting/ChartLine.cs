namespace ModelDsl.Plotting;

/// <summary>A horizontal line across a <see cref="LineChart"/> at <paramref name="At"/> (plot coordinates): a labelled reference line (e.g. an experimental limit), or an unlabelled dashed level when <paramref name="Label"/> is null.</summary>
public sealed record ChartLine(string? Label, double At);
