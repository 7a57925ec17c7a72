using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Checks;

/// <summary>
/// The most general coupling matrix a term's symmetries allow (<see cref="TextureAllowed"/>): <see cref="General"/> has
/// the free entries as complex symbols <c>T[i,j]</c> and every other entry as their exact linear combination
/// (rationals and cyclotomic numbers); <see cref="Dimension"/> is the number of free entries (rows x columns when
/// nothing constrains the coupling); <see cref="Groups"/> names the groups that constrain it.
/// </summary>
public sealed record AllowedCoupling(ExprMatrix General, int Dimension, IReadOnlyList<string> Groups, string Operator);
