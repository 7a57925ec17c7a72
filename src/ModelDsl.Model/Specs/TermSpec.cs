using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// A Lagrangian term: its expression (fields as symbols, matrix entries as symbols such as
/// <c>YM[i,j]</c>), whether <c>+ h.c.</c> follows, and its monomials after expansion.
/// </summary>
public sealed record TermSpec(TermKind Kind, Expr Expression, bool PlusHermitianConjugate, IReadOnlyList<TermMonomial> Monomials, string Text, TextSpan Span)
{
    private readonly System.Collections.Immutable.ImmutableArray<TermCoupling> _couplings = [];

    /// <summary>
    /// The vector and matrix couplings the term names (parameters, textures, lets), each with the fields its indices run over,
    /// in the term's index order; a name used twice in one term is listed once (its first use).
    /// </summary>
    public IReadOnlyList<TermCoupling> Couplings { get => _couplings; init => _couplings = [.. value]; }
}
