using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// A vector or matrix coupling written by name in a Lagrangian term (<c>-h0[l,al]*bar(L[l])*conj(H)*nuR[al]</c>): its name as the
/// term's symbols spell it (<c>h0</c>, <c>Y</c>, <c>F.h</c>), what it names, its shape, and the fields whose generations its row and
/// column indices run over, in the term's index order (rows: the field carrying the first index as written). Null fields: an
/// index fixed to a number, or one contracted with another coupling.
/// </summary>
public sealed record TermCoupling(string Name, CouplingKind Kind, int Rows, int Columns, FieldSpec? RowField, FieldSpec? ColumnField, TextSpan Span)
{
    /// <summary>The symbol of entry (i, j), 1-based, as the term's expanded coefficients and the kernels spell it: <c>h0[1,2]</c>, <c>F.h[1,2]</c>.</summary>
    public string EntrySymbol(int i, int j) => Columns == 0 ? $"{Name}[{i}]" : $"{Name}[{i},{j}]";

    /// <summary>The index order in words, e.g. <c>rows L, columns nuR</c>.</summary>
    public string OrderText => $"rows {RowField?.Name ?? "?"}" + (Columns == 0 ? "" : $", columns {ColumnField?.Name ?? "?"}");
}
