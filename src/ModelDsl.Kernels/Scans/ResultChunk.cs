namespace ModelDsl.Kernels.Scans;

/// <summary>
/// One chunk of a results file: the points <see cref="First"/> .. <see cref="First"/> + <see cref="Count"/> - 1 of the grid
/// (chunk <see cref="Id"/> = <see cref="First"/> / chunk size). <see cref="Values"/> is column-major: stored column j's value
/// at point n is <c>Values[j * Count + n]</c>. <see cref="Status"/> has one code per point (<see cref="ResultStore.Ok"/>,
/// <see cref="ResultStore.NonFinite"/>, <see cref="ResultStore.Error"/>); <see cref="Messages"/> holds the text of the
/// errors, by point offset within the chunk.
/// </summary>
public sealed record ResultChunk(long Id, long First, int Count, ReadOnlyMemory<double> Values, ReadOnlyMemory<byte> Status,
    IReadOnlyDictionary<int, string> Messages)
{
    /// <summary>True when both chunks hold the same points with bit-identical values, status codes and messages.</summary>
    public bool SameAs(ResultChunk other) =>
        Id == other.Id && First == other.First && Count == other.Count
        && System.Runtime.InteropServices.MemoryMarshal.AsBytes(Values.Span).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(other.Values.Span))
        && Status.Span.SequenceEqual(other.Status.Span)
        && Messages.Count == other.Messages.Count
        && Messages.All(m => other.Messages.TryGetValue(m.Key, out var t) && t == m.Value);
}
