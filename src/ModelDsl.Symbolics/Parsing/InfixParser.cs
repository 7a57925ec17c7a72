using System.Globalization;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Functions;
using ModelDsl.Symbolics.Numbers;

namespace ModelDsl.Symbolics.Parsing;

/// <summary>Recursive-descent infix parser that never throws and reports every error with its position.</summary>
internal sealed class InfixParser
{
    private const int MaxDepth = 500;
    private readonly string _text;
    private readonly Func<string, SymbolExpr?> _resolve;
    private readonly List<InfixError> _errors = [];
    private int _pos;
    private int _depth;

    public InfixParser(string text, Func<string, SymbolExpr?> resolve)
    {
        _text = text;
        _resolve = resolve;
    }

    public InfixParseResult ParseAll()
    {
        SkipSpace();
        Expr e;
        if (_pos >= _text.Length)
        {
            Report("MDL0102", "Expected an expression.", _pos, 0);
            e = Expr.Zero;
        }
        else
        {
            e = ParseSum();
            SkipSpace();
            if (_pos < _text.Length)
                Report("MDL0108", $"Unexpected '{Describe(_pos)}' after the end of the expression.", _pos, 1);
        }
        return new InfixParseResult(e, _errors);
    }

    private void Report(string id, string message, int start, int length)
    {
        var (line, col) = LineColumn(start);
        _errors.Add(new InfixError(id, message, start, length, line, col));
    }

    private (int Line, int Column) LineColumn(int offset)
    {
        int line = 1, col = 1;
        for (var k = 0; k < offset && k < _text.Length; k++)
        {
            if (_text[k] == '\n') { line++; col = 1; }
            else col++;
        }
        return (line, col);
    }

    private string Describe(int pos) => pos < _text.Length ? _text[pos].ToString() : "end of text";

    /// <summary>Skips white space; a character that can start no token is reported once and skipped (recovery).</summary>
    private void SkipSpace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c)) _pos++;
            else if (!IsNameChar(c) && c != '.' && "+-*/^(),".IndexOf(c) < 0)
            {
                Report("MDL0101", $"Unexpected character '{c}'.", _pos, 1);
                _pos++;
            }
            else break;
        }
    }

    private bool Accept(char c)
    {
        SkipSpace();
        if (_pos < _text.Length && _text[_pos] == c) { _pos++; return true; }
        return false;
    }

    private char Peek()
    {
        SkipSpace();
        return _pos < _text.Length ? _text[_pos] : '\0';
    }

    private Expr ParseSum()
    {
        // the terms are added once at the end: adding each to the growing sum would cost O(n^2)
        var terms = new List<Expr> { ParseProduct() };
        while (true)
        {
            if (Accept('+')) terms.Add(ParseProduct());
            else if (Accept('-')) terms.Add(-ParseProduct());
            else return terms.Count == 1 ? terms[0] : Expr.Add(terms);
        }
    }

    private Expr ParseProduct()
    {
        var factors = new List<Expr> { ParseUnary() };
        while (true)
        {
            if (Accept('*')) factors.Add(ParseUnary());
            else if (Peek() == '/')
            {
                var at = _pos++;
                var d = ParseUnary();
                if (d.IsZero)
                {
                    Report("MDL0107", "Division by exact zero.", at, _pos - at);
                    continue;
                }
                factors.Add(Expr.Pow(d, Expr.MinusOne));
            }
            else return factors.Count == 1 ? factors[0] : Expr.Multiply(factors);
        }
    }

    private Expr ParseUnary()
    {
        if (Accept('-')) return -Nested(ParseUnary);
        if (Accept('+')) return Nested(ParseUnary);
        return ParsePower();
    }

    /// <summary>A recursive step (a sign, an exponent) counted as a nesting level, so '- - - ... x' and 'x^x^...' cannot exhaust the stack.</summary>
    private Expr Nested(Func<Expr> parse)
    {
        if (++_depth > MaxDepth)
        {
            Report("MDL0110", $"Expression nested more than {MaxDepth} levels deep.", _pos, 1);
            _pos = _text.Length;
            _depth--;
            return Expr.Zero;
        }
        var e = parse();
        _depth--;
        return e;
    }

    private Expr ParsePower()
    {
        var start = _pos;
        var b = ParsePrimary();
        if (!Accept('^')) return b;
        var e = Nested(ParseUnary);
        if (b.IsZero && e is NumberExpr { Value.IsRational: true } n && n.Value.AsRational.Sign < 0)
        {
            Report("MDL0107", "Division by exact zero (zero to a negative power).", start, _pos - start);
            return Expr.Zero;
        }
        return Expr.Pow(b, e);
    }

    private Expr ParsePrimary()
    {
        SkipSpace();
        if (_pos >= _text.Length)
        {
            Report("MDL0102", "Expected an expression, found the end of the text.", _pos, 0);
            return Expr.Zero;
        }
        var c = _text[_pos];
        if (c == '(')
        {
            var open = _pos++;
            if (++_depth > MaxDepth)
            {
                Report("MDL0110", $"Expression nested more than {MaxDepth} levels deep.", open, 1);
                _pos = _text.Length;
                return Expr.Zero;
            }
            var inner = ParseSum();
            _depth--;
            if (!Accept(')')) Report("MDL0103", "Missing ')' for the '(' here.", open, 1);
            return inner;
        }
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
            return ParseNumber();
        if (char.IsLetter(c) || c == '_') return ParseName();
        Report("MDL0102", $"Expected an expression, found '{c}'.", _pos, 1);
        if (c != ')' && c != ',') _pos++;
        return Expr.Zero;
    }

    private Expr ParseNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.')) _pos++;
        if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
        {
            var save = _pos++;
            if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-')) _pos++;
            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
            else _pos = save;
        }
        var literal = _text[start.._pos];
        var value = Rational.TryParse(literal);
        if (value is null)
        {
            Report("MDL0109", $"Malformed number '{literal}'.", start, _pos - start);
            return Expr.Zero;
        }
        var imaginary = _pos < _text.Length && _text[_pos] == 'i'
                        && (_pos + 1 >= _text.Length || !IsNameChar(_text[_pos + 1]));
        if (imaginary) _pos++;
        else if (_pos < _text.Length && IsNameChar(_text[_pos]))
        {
            var end = _pos;
            while (end < _text.Length && IsNameChar(_text[end])) end++;
            Report("MDL0109", $"Malformed number '{_text[start..end]}': write a product with '*'.", start, end - start);
            _pos = end;
            return Expr.Zero;
        }
        var number = Expr.Number(value);
        return imaginary ? number * Expr.I : number;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private Expr ParseName()
    {
        var start = _pos;
        while (_pos < _text.Length && IsNameChar(_text[_pos])) _pos++;
        var name = _text[start.._pos];
        if (Peek() == '(') return ParseCall(name, start);
        switch (name)
        {
            case "I": return Expr.I;
            case "omega": return Expr.Omega;
        }
        var symbol = _resolve(name);
        if (symbol is null)
        {
            Report("MDL0106", $"Unknown symbol '{name}'.", start, name.Length);
            return Expr.Zero;
        }
        return symbol;
    }

    private Expr ParseCall(string name, int start)
    {
        var open = _pos;
        _pos++;
        if (++_depth > MaxDepth)
        {
            Report("MDL0110", $"Expression nested more than {MaxDepth} levels deep.", open, 1);
            _pos = _text.Length;
            return Expr.Zero;
        }
        var args = new List<Expr>();
        if (Peek() != ')')
        {
            do args.Add(ParseSum());
            while (Accept(','));
        }
        _depth--;
        if (!Accept(')')) Report("MDL0103", "Missing ')' for the '(' here.", open, 1);
        if (name == "sqrt")
        {
            if (args.Count == 1) return Expr.Sqrt(args[0]);
            Report("MDL0105", $"sqrt takes 1 argument, got {args.Count}.", start, name.Length);
            return Expr.Zero;
        }
        if (!FunctionRegistry.TryLookup(name, out var kind))
        {
            var known = string.Join(", ", FunctionRegistry.Names.Order(StringComparer.Ordinal));
            Report("MDL0104", $"Unknown function '{name}' (known: {known}).", start, name.Length);
            return Expr.Zero;
        }
        if (args.Count < kind.MinArity || args.Count > kind.MaxArity)
        {
            var expected = kind.MaxArity == 1 ? "1 argument" : $"at least {kind.MinArity} arguments";
            Report("MDL0105", string.Create(CultureInfo.InvariantCulture, $"{name} takes {expected}, got {args.Count}."), start, name.Length);
            return Expr.Zero;
        }
        return Expr.Apply(kind, args.ToArray());
    }
}
