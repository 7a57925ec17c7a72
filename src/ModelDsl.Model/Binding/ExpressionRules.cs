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
    /// <summary>
    /// The value of an expression whose mistake is already reported (Roslyn's error type, minsk's
    /// <c>BoundErrorExpression</c>): every rule passes it on without a message, so one mistake gives
    /// one diagnostic and no consequence (no 'division by exact zero' of a value that never existed).
    /// Its name cannot be written in a spec, and no model is built while it occurs.
    /// </summary>
    public static readonly Expr Error = Expr.Real("<error>");

    /// <summary>True for <see cref="Error"/>.</summary>
    public static bool IsError(Expr e) => e.Equals(Error);

    /// <summary>True when any value is <see cref="Error"/>.</summary>
    public static bool AnyError(IEnumerable<Expr> values) => values.Any(IsError);

    /// <summary>An exact number, imaginary for <c>2.5i</c>; a representation label is reported; a malformed number (reported by the lexer) is <see cref="Error"/>.</summary>
    public static Expr Literal(LiteralExpressionSyntax l, SourceText text, DiagnosticBag diagnostics)
    {
        if (l.Token.IsBar)
        {
            diagnostics.ReportBadRepresentation(text, l.Span, "an expression", "a number (a representation label belongs after an SU(N) group name)");
            return Error;
        }
        if (l.Token.Value is not { } value) return Error;
        var number = Expr.Number(value);
        return l.Token.IsImaginary ? number * Expr.I : number;
    }

    /// <summary>-x or +x.</summary>
    public static Expr Unary(UnaryExpressionSyntax u, Expr operand) =>
        IsError(operand) ? Error : u.Operator.Kind == SyntaxKind.Minus ? -operand : operand;

    /// <summary>a + b, a - b, a * b, a / b (b = 0 reported), a ^ b (0 to a negative power reported).</summary>
    public static Expr Binary(BinaryExpressionSyntax b, Expr left, Expr right, SourceText text, DiagnosticBag diagnostics)
    {
        if (IsError(left) || IsError(right)) return Error;
        switch (b.Operator.Kind)
        {
            case SyntaxKind.Plus: return left + right;
            case SyntaxKind.Minus: return left - right;
            case SyntaxKind.Star: return left * right;
            case SyntaxKind.Slash:
                if (right.IsZero) { diagnostics.ReportDivisionByZero(text, b.Right.Span); return Error; }
                return left / right;
            default:
                if (left.IsZero && right is NumberExpr { Value.IsRational: true } n && n.Value.AsRational.Sign < 0)
                {
                    diagnostics.ReportDivisionByZero(text, b.Span);
                    return Error;
                }
                return Expr.Pow(left, right);
        }
    }

    /// <summary>True when <paramref name="i"/> gives one index per dimension of its array (<paramref name="rank"/>); otherwise the count is reported.</summary>
    public static bool IndexCountMatches(IndexExpressionSyntax i, int rank, SourceText text, DiagnosticBag diagnostics)
    {
        if (i.Indices.Count == rank) return true;
        diagnostics.ReportIndexCount(text, i.Span, i.Name.Text, rank, i.Indices.Count);
        return false;
    }

    /// <summary>True for sqrt and the functions of <see cref="FunctionInfo"/>.</summary>
    public static bool IsFunction(string name) => name == "sqrt" || FunctionInfo.TryLookup(name, out _);

    /// <summary>sqrt or a function of <see cref="FunctionInfo"/> applied to bound arguments; unknown names and wrong arity reported.</summary>
    public static Expr Function(CallExpressionSyntax c, Expr[] args, SourceText text, DiagnosticBag diagnostics, IEnumerable<string> otherNames)
    {
        var name = c.Name.Text;
        if (name == "sqrt")
        {
            if (args.Length == 1) return IsError(args[0]) ? Error : Expr.Sqrt(args[0]);
            diagnostics.ReportArity(text, c.Name.Span, name, "1 argument", args.Length);
            return Error;
        }
        if (!FunctionInfo.TryLookup(name, out var kind))
        {
            diagnostics.ReportUnknownFunction(text, c.Name.Span, name, NameSuggestion.Nearest(name, FunctionInfo.Names.Concat(otherNames)));
            return Error;
        }
        if (args.Length < FunctionInfo.MinArity(kind) || args.Length > FunctionInfo.MaxArity(kind))
        {
            var expected = FunctionInfo.MinArity(kind) == FunctionInfo.MaxArity(kind) ? $"{FunctionInfo.MinArity(kind)} argument(s)" : $"at least {FunctionInfo.MinArity(kind)} arguments";
            diagnostics.ReportArity(text, c.Name.Span, name, expected, args.Length);
            return Error;
        }
        return AnyError(args) ? Error : Expr.Apply(kind, args);
    }
}
