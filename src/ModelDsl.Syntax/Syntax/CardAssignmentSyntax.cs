using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>
/// <c>NAME = value [UNIT]</c> where value is an expression or a list <c>(a, b, c)</c>; the unit
/// (GeV, MeV, meV, ...) applies to every component.
/// </summary>
public sealed record CardAssignmentSyntax(TextSpan Span, SyntaxToken Name, IReadOnlyList<ExpressionSyntax> Values, bool IsList, SyntaxToken? Unit) : SyntaxNode(Span);
