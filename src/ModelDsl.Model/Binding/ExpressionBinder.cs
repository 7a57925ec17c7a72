using ModelDsl.Diagnostics;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// The expression dispatch that the term binder (<see cref="Binder"/>) and the kernel binder share: literals,
/// unary and binary operators and parentheses follow <see cref="ExpressionRules"/>; names, indexed entries,
/// calls and record fields (<c>R.field</c>) go to the binder's own rules, which see its scope
/// <typeparamref name="TContext"/>. The binder-over-syntax-kinds switch follows terrajobst/minsk
/// <c>Binder.BindExpression</c>. Delegates rather than a base class, because <see cref="Binder"/> is public
/// and this type is not. The optional <c>literal</c> sees each number literal as it is bound (the kernel binder reads
/// off which may stand for a quantity with a unit).
/// </summary>
/// <typeparam name="TContext">What the binder's rules need to know at a node (term scope, kernel index values).</typeparam>
internal sealed class ExpressionBinder<TContext>(
    SourceText text,
    DiagnosticBag diagnostics,
    Func<SyntaxToken, TContext, Expr> bindName,
    Func<IndexExpressionSyntax, TContext, Expr> bindIndexed,
    Func<CallExpressionSyntax, TContext, Expr> bindCall,
    Func<MemberAccessExpressionSyntax, TContext, Expr> bindMember,
    string namedArgumentHint,
    Action<LiteralExpressionSyntax>? literal = null)
{
    /// <summary>
    /// Binds <paramref name="e"/> in <paramref name="context"/>. A division by an exact zero (or a zero to a negative power) is
    /// reported by <see cref="ExpressionRules.Binary"/> before the smart constructors see it, so binding throws nothing.
    /// </summary>
    public Expr Bind(ExpressionSyntax e, TContext context) => BindCore(e, context);

    private Expr BindCore(ExpressionSyntax e, TContext context)
    {
        switch (e)
        {
            case LiteralExpressionSyntax l:
                literal?.Invoke(l);
                return ExpressionRules.Literal(l, text, diagnostics);
            case NameExpressionSyntax n:
                return bindName(n.Name, context);
            case IndexExpressionSyntax i:
                return bindIndexed(i, context);
            case CallExpressionSyntax c:
                return bindCall(c, context);
            case UnaryExpressionSyntax u:
                return ExpressionRules.Unary(u, Bind(u.Operand, context));
            case BinaryExpressionSyntax { Operator.Kind: SyntaxKind.NotEquals } b:
                diagnostics.ReportMisplacedCondition(text, b.Span); // the operands are not bound: their messages would follow from it
                return ExpressionRules.Error;
            case BinaryExpressionSyntax b:
                return ExpressionRules.Binary(b, Bind(b.Left, context), Bind(b.Right, context), text, diagnostics);
            case ParenthesizedExpressionSyntax p:
                return Bind(p.Expression, context);
            case MemberAccessExpressionSyntax m:
                return bindMember(m, context);
            case NamedArgumentSyntax a:
                diagnostics.ReportNamedArgument(text, a.Span, namedArgumentHint);
                return Expr.Zero;
            default:
                return ExpressionRules.Error; // ErrorExpressionSyntax: already reported by the parser
        }
    }
}
