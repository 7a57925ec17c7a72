using System.Collections.Immutable;

namespace ModelDsl.Plotting;

/// <summary>
/// Contour lines of a field over a <see cref="HeatmapChart"/>'s grid at one level: <paramref name="Field"/> row-major,
/// entry <c>i * Y.Length + j</c> at (X[i], Y[j]); non-finite entries are skipped. An overlay is drawn dashed.
/// </summary>
public sealed record HeatmapContour(ImmutableArray<double> Field, double Level, string Legend, bool Overlay);
