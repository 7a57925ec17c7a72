using System.Collections.Immutable;
using System.Numerics;

namespace ModelDsl.Model;

/// <summary>
/// Values for a model's parameters, from a card (and --set overrides): each parameter's
/// components in row-major order (one for a scalar), masses in GeV; the mass ordering.
/// Immutable in fact: the values are an <see cref="ImmutableDictionary{TKey, TValue}"/> of
/// <see cref="ImmutableArray{T}"/>, so a point can be shared between threads and scan points.
/// </summary>
public sealed record ParameterPoint
{
    /// <summary>A point from mutable arrays (copied here; later changes to them do not reach the point).</summary>
    public ParameterPoint(string title, IReadOnlyDictionary<string, Complex[]> values, string ordering)
        : this(title, values.ToImmutableDictionary(kv => kv.Key, kv => ImmutableArray.Create(kv.Value), StringComparer.Ordinal), ordering)
    {
    }

    /// <summary>A point from immutable values.</summary>
    public ParameterPoint(string title, ImmutableDictionary<string, ImmutableArray<Complex>> values, string ordering)
    {
        Title = title;
        Values = values.WithComparers(StringComparer.Ordinal);
        Ordering = ordering;
    }

    /// <summary>The card's title.</summary>
    public string Title { get; init; }

    /// <summary>Each parameter's components in row-major order (one for a scalar), masses in GeV.</summary>
    public ImmutableDictionary<string, ImmutableArray<Complex>> Values { get; init; }

    /// <summary>The light-neutrino mass ordering, <c>normal</c> or <c>inverted</c>.</summary>
    public string Ordering { get; init; }

    /// <summary>A copy with some values replaced.</summary>
    public ParameterPoint With(IReadOnlyDictionary<string, ImmutableArray<Complex>> overrides) =>
        this with { Values = Values.SetItems(overrides) };

    /// <summary>A copy with one parameter's components replaced.</summary>
    public ParameterPoint With(string name, ImmutableArray<Complex> values) => this with { Values = Values.SetItem(name, values) };
}
