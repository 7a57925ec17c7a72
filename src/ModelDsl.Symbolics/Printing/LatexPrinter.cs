using System.Text;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Printing;

/// <summary>
/// Prints an <see cref="Expr"/> as LaTeX math (no surrounding $): fractions as \frac, x^(1/2)
/// as \sqrt, conj as \overline, Greek symbol names as commands, names with an underscore as
/// subscripts. Uses the same display decomposition as <see cref="InfixPrinter"/>.
/// </summary>
public static class LatexPrinter
{
    private const int SumLevel = 1, ProductLevel = 2, PowerLevel = 3;

    private static readonly HashSet<string> Greek = new(StringComparer.Ordinal)
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "iota", "kappa",
        "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
        "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
    };

    /// <summary>The LaTeX text of an expression.</summary>
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e, 0);
        return sb.ToString();
    }

    /// <summary>LaTeX for a symbol name: Greek letters as commands, <c>a_b</c> as a subscript.</summary>
    public static string Name(string name)
    {
        var underscore = name.IndexOf('_');
        if (underscore > 0 && underscore < name.Length - 1)
            return Name(name[..underscore]) + "_{" + Name(name[(underscore + 1)..]) + "}";
        if (Greek.Contains(name)) return "\\" + name;
        return name.Length == 1 ? name : "\\mathrm{" + name + "}";
    }

    private static void Write(StringBuilder sb, Expr e, int context)
    {
        switch (e)
        {
            case NumberExpr n: WriteNumber(sb, n.Value, context); break;
            case SymbolExpr s: sb.Append(Name(s.Name)); break;
            case SumExpr s:
                Paren(sb, context > SumLevel, () =>
                {
                    var first = true;
                    foreach (var t in DisplayParts.SumOrder(s))
                    {
                        var (negative, magnitude) = DisplayParts.SignedTerm(t);
                        if (first) { if (negative) sb.Append('-'); }
                        else sb.Append(negative ? " - " : " + ");
                        Write(sb, magnitude, SumLevel + 1);
                        first = false;
                    }
                });
                break;
            case ProductExpr:
            case PowerExpr { Exponent: NumberExpr { Value.IsRational: true } ex } when ex.Value.AsRational.Sign < 0:
                WriteProduct(sb, e, context);
                break;
            case PowerExpr p:
                if (p.Exponent is NumberExpr { Value.IsRational: true } h && h.Value.AsRational == Rational.Half)
                {
                    sb.Append("\\sqrt{");
                    Write(sb, p.Base, 0);
                    sb.Append('}');
                    break;
                }
                Write(sb, p.Base, PowerLevel + 1);
                sb.Append("^{");
                Write(sb, p.Exponent, 0);
                sb.Append('}');
                break;
            case FunctionExpr f: WriteFunction(sb, f); break;
        }
    }

    private static void Paren(StringBuilder sb, bool needed, Action body)
    {
        if (needed) sb.Append("\\left(");
        body();
        if (needed) sb.Append("\\right)");
    }

    private static void WriteNumber(StringBuilder sb, Cyclotomic c, int context)
    {
        var parts = c.DisplayTerms().Select(t => (Coeff: t.Coefficient, Unit: t.Unit switch
        {
            "omega" => "\\omega",
            "omega^2" => "\\omega^{2}",
            "I" => "i",
            "I*omega" => "i\\omega",
            _ => t.Unit,
        })).ToList();
        if (parts.Count == 0) { sb.Append('0'); return; }
        var needs = parts.Count > 1
            ? context > SumLevel
            : context >= PowerLevel && (parts[0].Coeff.Sign < 0 || !parts[0].Coeff.IsInteger || parts[0].Unit.Contains('^'));
        Paren(sb, needs, () =>
        {
            for (var k = 0; k < parts.Count; k++)
            {
                var (coeff, unit) = parts[k];
                if (k == 0) { if (coeff.Sign < 0) sb.Append('-'); }
                else sb.Append(coeff.Sign < 0 ? " - " : " + ");
                var mag = coeff.Abs();
                if (!mag.IsOne || unit.Length == 0) sb.Append(RationalLatex(mag));
                if (unit.Length > 0 && !mag.IsOne) sb.Append(' ');
                sb.Append(unit);
            }
        });
    }

    private static string RationalLatex(Rational r) =>
        r.IsInteger ? r.ToString() : $"\\frac{{{r.Numerator}}}{{{r.Denominator}}}";

    private static void WriteProduct(StringBuilder sb, Expr e, int context)
    {
        var d = DisplayParts.Product(e);
        Paren(sb, context >= PowerLevel, () =>
        {
            if (d.Negative) sb.Append('-');
            if (d.HasDenominator) sb.Append("\\frac{");
            var first = true;
            void Item(Action write)
            {
                if (!first) sb.Append(' ');
                write();
                first = false;
            }
            if (d.Front is not null) Item(() => WriteNumber(sb, d.Front, ProductLevel));
            if (d.NumeratorCoefficient is not null) Item(() => sb.Append(d.NumeratorCoefficient));
            foreach (var f in d.Numerator) Item(() => Write(sb, f, ProductLevel));
            if (first) sb.Append('1');
            if (!d.HasDenominator) return;
            sb.Append("}{");
            first = true;
            if (d.DenominatorCoefficient is not null) Item(() => sb.Append(d.DenominatorCoefficient));
            foreach (var f in d.Denominator) Item(() => Write(sb, f, ProductLevel));
            sb.Append('}');
        });
    }

    private static void WriteFunction(StringBuilder sb, FunctionExpr f) =>
        f.Definition.WriteLatex(sb, f, a => Write(sb, a, 0));
}
