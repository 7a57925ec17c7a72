using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// A Lagrangian term: its expression (fields as symbols, matrix entries as symbols such as
/// <c>YM[i,j]</c>), whether <c>+ h.c.</c> follows, and its monomials after expansion.
/// </summary>
public sealed record TermSpec(TermKind Kind, Expr Expression, bool PlusHermitianConjugate, IReadOnlyList<TermMonomial> Monomials, string Text, TextSpan Span);
