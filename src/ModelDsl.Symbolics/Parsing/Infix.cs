using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Parsing;

/// <summary>
/// Infix parsing with three doors (as mathnet-symbolics <c>Infix.parse/tryParse/parseOrThrow</c>):
/// <see cref="Parse"/> returns the result with every located error, <see cref="TryParse"/> a bool,
/// <see cref="ParseOrThrow"/> throws <see cref="FormatException"/>.
/// Grammar: <c>+ - * / ^</c> (^ right-associative and tighter than unary minus), parentheses,
/// exact decimal literals (<c>1.25</c>, <c>6e-3</c>) with an optional imaginary suffix (<c>2.5i</c>),
/// the constants <c>I</c> and <c>omega</c>, and the functions of <see cref="Functions.FunctionRegistry"/> plus <c>sqrt</c>.
/// </summary>
public static class Infix
{
    /// <summary>Resolver that makes every name a complex symbol (the safe default: nothing is assumed real).</summary>
    public static readonly Func<string, SymbolExpr?> AllComplex = Expr.Complex;

    /// <summary>Resolver that makes every name a real symbol.</summary>
    public static readonly Func<string, SymbolExpr?> AllReal = Expr.Real;

    /// <summary>Resolver that knows exactly the given symbols; other names are reported as unknown.</summary>
    public static Func<string, SymbolExpr?> Known(IEnumerable<SymbolExpr> symbols)
    {
        var map = symbols.ToDictionary(s => s.Name, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }

    /// <summary>Parses text; never throws. <paramref name="resolve"/> maps a name to its symbol (null: unknown).</summary>
    public static InfixParseResult Parse(string text, Func<string, SymbolExpr?>? resolve = null) =>
        new InfixParser(text, resolve ?? AllComplex).ParseAll();

    /// <summary>Parses text; false (and null) on any error.</summary>
    public static bool TryParse(string text, out Expr? value, Func<string, SymbolExpr?>? resolve = null)
    {
        var r = Parse(text, resolve);
        value = r.Value;
        return r.Success;
    }

    /// <summary>Parses text or throws <see cref="FormatException"/> listing every error.</summary>
    public static Expr ParseOrThrow(string text, Func<string, SymbolExpr?>? resolve = null)
    {
        var r = Parse(text, resolve);
        return r.Value ?? throw new FormatException(string.Join(Environment.NewLine, r.Errors));
    }
}
