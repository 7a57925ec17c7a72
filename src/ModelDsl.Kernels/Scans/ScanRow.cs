namespace ModelDsl.Kernels.Scans;

/// <summary>One stored grid point: index, axis values then kernel values, status ("ok", "non-finite: NAMES" or "error: why").</summary>
public sealed record ScanRow(long Index, double[] Values, string Status);
