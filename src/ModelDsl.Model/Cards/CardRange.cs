using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// A scan range that a card declares (a ULYSSES parameter file's <c>key low high</c> line, ulysses/tools.py
/// <c>readConfig</c>; docs/ulysses.md), mapped onto a model parameter: <paramref name="Axis"/> is named as a scan axis is
/// (<c>m_lightest</c>, <c>M[1]</c>, <c>re(y1)</c>), <paramref name="Start"/> and <paramref name="Stop"/> are in the
/// parameter's units (GeV for masses), and <paramref name="Log"/> says the points are evenly spaced in log10 (a range on a
/// key that ULYSSES gives as a log10, such as M1, is evenly spaced in that key, as uls-scan's <c>np.linspace</c> over the
/// file's numbers is). <paramref name="Key"/>, <paramref name="Text"/> and <paramref name="Span"/> locate the line.
/// </summary>
public sealed record CardRange(string Axis, double Start, double Stop, bool Log, string Key, SourceText Text, TextSpan Span);
