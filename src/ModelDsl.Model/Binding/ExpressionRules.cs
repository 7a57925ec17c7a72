using ModelDsl.Diagnostics;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// The parts of expression binding that terms, charges and kernels share: literals, the arithmetic
/// operators (with division by exact zero reported) and the built-in functions (arity checked,
/// unknown names with a suggestion).
/// </summary>
internal static class ExpressionRules
{
    /// <summary>An exact number, imaginary for <c>2.5i</c>; a representation label is reported.</summary>
    public static Expr Literal(LiteralExpressionSyntax l, SourceText text, DiagnosticBag diagnostics)
    {
        if (l.Token.IsBar)
        {
            diagnostics.ReportBadRepresentation(text, l.Span, "an expression", "a number (a representation label belongs after an SU(N) group name)");
            return Expr.Zero;
        }
        var number = Expr.Number(l.Token.Value ?? Rational.Zero);
        return l.Token.IsImaginary ? number * Expr.I : number;
    }

    /// <summary>-x or +x.</summary>
    public static Expr Unary(UnaryExpressionSyntax u, Expr operand) => u.Operator.Kind == SyntaxKind.Minus ? -operand : operand;

    /// <summary>a + b, a - b, a * b, a / b (b = 0 reported), a ^ b (0 to a negative power reported).</summary>
    public static Expr Binary(BinaryExpressionSyntax b, Expr left, Expr right, SourceText text, DiagnosticBag diagnostics)
    {
        switch (b.Operator.Kind)
        {
            case SyntaxKind.Plus: return left + right;
            case SyntaxKind.Minus: return left - right;
            case SyntaxKind.Star: return left * right;
            case SyntaxKind.Slash:
                if (right.IsZero) { diagnostics.ReportDivisionByZero(text, b.Right.Span); return Expr.Zero; }
                return left / right;
            default:
                if (left.IsZero && right is NumberExpr { Value.IsRational: true } n && n.Value.AsRational.Sign < 0)
                {
                    diagnostics.ReportDivisionByZero(text, b.Span);
                    return Expr.Zero;
                }
                return Expr.Pow(left, right);
        }
    }

    /// <summary>sqrt or a function of <see cref="FunctionInfo"/> applied to bound arguments; unknown names and wrong arity reported.</summary>
    public static Expr Function(CallExpressionSyntax c, Expr[] args, SourceText text, DiagnosticBag diagnostics, IEnumerable<string> otherNames)
    {
        var name = c.Name.Text;
        if (name == "sqrt")
        {
            if (args.Length == 1) return Expr.Sqrt(args[0]);
            diagnostics.ReportArity(text, c.Name.Span, name, "1 argument", args.Length);
            return Expr.Zero;
        }
        if (!FunctionInfo.TryLookup(name, out var kind))
        {
            diagnostics.ReportUnknownFunction(text, c.Name.Span, name, NameSuggestion.Nearest(name, FunctionInfo.Names.Concat(otherNames)));
            return Expr.Zero;
        }
        if (args.Length < FunctionInfo.MinArity(kind) || args.Length > FunctionInfo.MaxArity(kind))
        {
            var expected = FunctionInfo.MinArity(kind) == FunctionInfo.MaxArity(kind) ? $"{FunctionInfo.MinArity(kind)} argument(s)" : $"at least {FunctionInfo.MinArity(kind)} arguments";
            diagnostics.ReportArity(text, c.Name.Span, name, expected, args.Length);
            return Expr.Zero;
        }
        return Expr.Apply(kind, args);
    }
}
