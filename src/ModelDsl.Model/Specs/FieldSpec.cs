using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// A declared field: kind, chirality (fermions), generations, real or complex (scalars),
/// its SU(N) representations, U(1) charges (exact rationals or polynomials in real parameters)
/// and Z(N) charges (integers mod N). Groups not named give the singlet and charge 0.
/// </summary>
public sealed record FieldSpec(
    string Name, FieldKind Kind, Chirality? Chirality, int Generations, bool IsComplex,
    IReadOnlyDictionary<string, Representation> Representations, IReadOnlyDictionary<string, Expr> Charges, TextSpan Span)
{
    /// <summary>The representation under a non-abelian group (singlet when not given).</summary>
    public Representation RepresentationUnder(GroupSpec g) => Representations.GetValueOrDefault(g.Name, Representation.Singlet);

    /// <summary>The charge under an abelian or cyclic group (0 when not given).</summary>
    public Expr ChargeUnder(GroupSpec g) => Charges.GetValueOrDefault(g.Name, Expr.Zero);
}
