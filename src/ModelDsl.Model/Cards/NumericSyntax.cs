using System.Numerics;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Syntax;

namespace ModelDsl.Model;

/// <summary>
/// Evaluates a card value: numbers (with imaginary literals such as 1.5i), pi, I, omega,
/// + - * / ^ and the built-in functions; anything else is reported by the caller.
/// </summary>
internal static class NumericSyntax
{
    /// <summary>
    /// The value, or null with the <paramref name="problem"/> to report; null with no problem when the
    /// value holds a mistake the lexer or parser reported already (a malformed number, a missing expression).
    /// </summary>
    public static Complex? Evaluate(ExpressionSyntax e, out string? problem)
    {
        problem = null;
        string? p = null;
        Complex? Go(ExpressionSyntax x)
        {
            switch (x)
            {
                case LiteralExpressionSyntax l:
                    if (l.Token.IsBar) { p = "a representation label is not a value"; return null; }
                    if (l.Token.Value is not { } exact) return null; // malformed: reported by the lexer
                    var v = exact.ToDouble();
                    return l.Token.IsImaginary ? new Complex(0, v) : v;
                case NameExpressionSyntax n:
                    switch (n.Name.Text)
                    {
                        case "pi": return Math.PI;
                        case "I": return Complex.ImaginaryOne;
                        case "omega": return Complex.FromPolarCoordinates(1, 2 * Math.PI / 3);
                    }
                    p = $"'{n.Name.Text}' is not a number (a card value uses numbers, pi, I and functions)";
                    return null;
                case ParenthesizedExpressionSyntax par: return Go(par.Expression);
                case UnaryExpressionSyntax u:
                    var o = Go(u.Operand);
                    return o is null ? null : u.Operator.Kind == SyntaxKind.Minus ? -o : o;
                case BinaryExpressionSyntax { Operator.Kind: SyntaxKind.NotEquals }:
                    p = "a condition 'j != i' belongs in a sum of a spec, not in a card value";
                    return null;
                case BinaryExpressionSyntax b:
                    var a = Go(b.Left);
                    var c = Go(b.Right);
                    if (a is null || c is null) return null;
                    return b.Operator.Kind switch
                    {
                        SyntaxKind.Plus => a + c,
                        SyntaxKind.Minus => a - c,
                        SyntaxKind.Star => a * c,
                        SyntaxKind.Slash => a / c,
                        _ => NumericFunctions.Pow(a.Value, c.Value),
                    };
                case CallExpressionSyntax call:
                    var args = call.Arguments.Select(Go).ToArray();
                    if (args.Any(q => q is null)) return null;
                    var name = call.Name.Text;
                    if (name == "sqrt" && args.Length == 1) return NumericFunctions.Sqrt(args[0]!.Value);
                    if (FunctionInfo.TryLookup(name, out var kind) && args.Length >= FunctionInfo.MinArity(kind) && args.Length <= FunctionInfo.MaxArity(kind))
                    {
                        var symbols = args.Select((_, k) => Expr.Complex("a" + k)).ToArray();
                        var expr = Expr.Apply(kind, symbols.Cast<Expr>().ToArray());
                        return Evaluator.Evaluate(expr, s => args[Array.IndexOf(symbols, s)]!.Value);
                    }
                    p = $"'{name}' is not a function of the right number of arguments";
                    return null;
                case ErrorExpressionSyntax:
                    return null; // reported by the parser
                default:
                    p = "expected a number";
                    return null;
            }
        }
        var result = Go(e);
        problem = result is null ? p : null;
        return result;
    }
}
