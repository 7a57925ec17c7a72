using System.Text;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Printing;

/// <summary>
/// Prints an <see cref="Expr"/> as infix text in the grammar that <see cref="Parsing.Infix"/>
/// (and the .mdl spec language) reads: <c>+ - * / ^</c>, <c>sqrt(x)</c> for x^(1/2),
/// <c>I</c> and <c>omega</c> for the units of Q(zeta_12), and built-in function names.
/// Parsing the printed text gives back an equal expression.
/// </summary>
public static class InfixPrinter
{
    private const int SumLevel = 1, ProductLevel = 2, PowerLevel = 3;

    /// <summary>The infix text of an expression.</summary>
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e, int context)
    {
        switch (e)
        {
            case NumberExpr n: WriteNumber(sb, n.Value, context); break;
            case SymbolExpr s: sb.Append(s.Name); break;
            case SumExpr s: Paren(sb, context > SumLevel, () => WriteSum(sb, s)); break;
            case ProductExpr:
            case PowerExpr { Exponent: NumberExpr { Value.IsRational: true } ex } when ex.Value.AsRational.Sign < 0:
                WriteProduct(sb, e, context);
                break;
            case PowerExpr p: WritePower(sb, p, context); break;
            case FunctionExpr f:
                sb.Append(f.Definition.Name).Append('(');
                for (var k = 0; k < f.Arguments.Count; k++)
                {
                    if (k > 0) sb.Append(", ");
                    Write(sb, f.Arguments[k], 0);
                }
                sb.Append(')');
                break;
            default: throw new InvalidOperationException("Unknown node " + e.GetType().Name);
        }
    }

    private static void Paren(StringBuilder sb, bool needed, Action body)
    {
        if (needed) sb.Append('(');
        body();
        if (needed) sb.Append(')');
    }

    private static void WriteNumber(StringBuilder sb, Cyclotomic c, int context)
    {
        var text = c.ToString();
        var parts = DisplayParts.PartCount(c);
        var needs = parts > 1 ? context > SumLevel
            : context >= PowerLevel && (text.StartsWith('-') || text.Contains('/') || text.Contains('*') || text.Contains('^'))
              || context == ProductLevel && text.StartsWith('-');
        Paren(sb, needs, () => sb.Append(text));
    }

    private static void WriteSum(StringBuilder sb, SumExpr s)
    {
        var first = true;
        foreach (var t in DisplayParts.SumOrder(s))
        {
            if (t is NumberExpr n && DisplayParts.PartCount(n.Value) > 1)
            {
                var text = n.Value.ToString();
                if (first) sb.Append(text);
                else if (text.StartsWith('-')) sb.Append(" - ").Append(text, 1, text.Length - 1);
                else sb.Append(" + ").Append(text);
                first = false;
                continue;
            }
            var (negative, magnitude) = DisplayParts.SignedTerm(t);
            if (first) { if (negative) sb.Append('-'); }
            else sb.Append(negative ? " - " : " + ");
            Write(sb, magnitude, SumLevel + 1);
            first = false;
        }
    }

    private static void WriteProduct(StringBuilder sb, Expr e, int context)
    {
        var d = DisplayParts.Product(e);
        Paren(sb, context >= PowerLevel || (context == ProductLevel && d.Negative), () =>
        {
            if (d.Negative) sb.Append('-');
            var items = new List<Action>();
            if (d.Front is not null) items.Add(() => WriteNumber(sb, d.Front, ProductLevel));
            if (d.NumeratorCoefficient is not null) items.Add(() => sb.Append(d.NumeratorCoefficient));
            items.AddRange(d.Numerator.Select(f => (Action)(() => Write(sb, f, ProductLevel))));
            if (items.Count == 0) sb.Append('1');
            for (var k = 0; k < items.Count; k++)
            {
                if (k > 0) sb.Append('*');
                items[k]();
            }
            if (!d.HasDenominator) return;
            sb.Append('/');
            var denItems = (d.DenominatorCoefficient is null ? 0 : 1) + d.Denominator.Count;
            Paren(sb, denItems > 1, () =>
            {
                var k = 0;
                if (d.DenominatorCoefficient is not null) { sb.Append(d.DenominatorCoefficient); k++; }
                foreach (var f in d.Denominator)
                {
                    if (k++ > 0) sb.Append('*');
                    Write(sb, f, denItems > 1 ? ProductLevel : PowerLevel);
                }
            });
        });
    }

    private static void WritePower(StringBuilder sb, PowerExpr p, int context)
    {
        if (p.Exponent is NumberExpr { Value.IsRational: true } h && h.Value.AsRational == Rational.Half)
        {
            sb.Append("sqrt(");
            Write(sb, p.Base, 0);
            sb.Append(')');
            return;
        }
        Paren(sb, context > PowerLevel, () =>
        {
            Write(sb, p.Base, PowerLevel + 1);
            sb.Append('^');
            var simple = p.Exponent is SymbolExpr
                         || p.Exponent is NumberExpr { Value.IsInteger: true } ni && ni.Value.AsRational.Sign > 0;
            Paren(sb, !simple, () => Write(sb, p.Exponent, 0));
        });
    }
}
