using System.Numerics;

namespace ModelDsl.Model;

/// <summary>
/// Values for a model's parameters, from a card (and --set overrides): each parameter's
/// components in row-major order (one for a scalar), masses in GeV; the mass ordering.
/// </summary>
public sealed record ParameterPoint(string Title, IReadOnlyDictionary<string, Complex[]> Values, string Ordering)
{
    /// <summary>A copy with some values replaced.</summary>
    public ParameterPoint With(IReadOnlyDictionary<string, Complex[]> overrides)
    {
        var values = new Dictionary<string, Complex[]>(Values, StringComparer.Ordinal);
        foreach (var (k, v) in overrides) values[k] = v;
        return this with { Values = values };
    }
}
