using ModelDsl.Diagnostics;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>Turns spec text into tokens; never throws. Comments run from <c>#</c> to the end of the line.</summary>
public sealed class Lexer
{
    private readonly SourceText _text;
    private readonly DiagnosticBag _diagnostics;
    private int _pos;

    /// <summary>Creates a lexer reporting into <paramref name="diagnostics"/>.</summary>
    public Lexer(SourceText text, DiagnosticBag diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
    }

    /// <summary>The comments met, in order (trivia kept for the formatter).</summary>
    public List<SyntaxComment> Comments { get; } = [];

    private char Current => _pos < _text.Length ? _text[_pos] : '\0';

    private char Peek(int k) => _pos + k < _text.Length ? _text[_pos + k] : '\0';

    /// <summary>All tokens, ending with <see cref="SyntaxKind.EndOfFile"/>.</summary>
    public List<SyntaxToken> Lex()
    {
        var tokens = new List<SyntaxToken>();
        while (true)
        {
            var t = Next();
            if (t.Kind != SyntaxKind.BadToken) tokens.Add(t);
            if (t.Kind == SyntaxKind.EndOfFile) return tokens;
        }
    }

    private SyntaxToken Make(SyntaxKind kind, int start) =>
        new(kind, TextSpan.FromBounds(start, _pos), _text.Text[start.._pos]);

    private SyntaxToken Next()
    {
        SkipTrivia();
        var start = _pos;
        if (_pos >= _text.Length) return new SyntaxToken(SyntaxKind.EndOfFile, new TextSpan(_pos, 0), "");
        var c = Current;
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1)))) return LexNumber();
        if (char.IsLetter(c) || c == '_') return LexName();
        _pos++;
        switch (c)
        {
            case '"': return LexString(start);
            case '{': return Make(SyntaxKind.OpenBrace, start);
            case '}': return Make(SyntaxKind.CloseBrace, start);
            case '(': return Make(SyntaxKind.OpenParen, start);
            case ')': return Make(SyntaxKind.CloseParen, start);
            case '[': return Make(SyntaxKind.OpenBracket, start);
            case ']': return Make(SyntaxKind.CloseBracket, start);
            case ',': return Make(SyntaxKind.Comma, start);
            case ':': return Make(SyntaxKind.Colon, start);
            case '.': return Make(SyntaxKind.Dot, start);
            case '=': return Make(SyntaxKind.Equals, start);
            case '+': return Make(SyntaxKind.Plus, start);
            case '*': return Make(SyntaxKind.Star, start);
            case '/': return Make(SyntaxKind.Slash, start);
            case '^': return Make(SyntaxKind.Caret, start);
            case '-':
                if (Current == '>') { _pos++; return Make(SyntaxKind.Arrow, start); }
                return Make(SyntaxKind.Minus, start);
            case '!' when Current == '=':
                _pos++;
                return Make(SyntaxKind.NotEquals, start);
        }
        _diagnostics.ReportBadCharacter(_text, start, c);
        return Make(SyntaxKind.BadToken, start);
    }

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = Current;
            if (char.IsWhiteSpace(c)) _pos++;
            else if (c == '#')
            {
                var start = _pos;
                while (_pos < _text.Length && Current is not ('\n' or '\r')) _pos++;
                Comments.Add(new SyntaxComment(TextSpan.FromBounds(start, _pos), _text.Text[start.._pos].TrimEnd()));
            }
            else return;
        }
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private SyntaxToken LexName()
    {
        var start = _pos;
        while (IsNameChar(Current)) _pos++;
        var text = _text.Text[start.._pos];
        if (text == "h" && Current == '.' && Peek(1) == 'c' && Peek(2) == '.')
        {
            _pos += 3;
            return Make(SyntaxKind.HermitianConjugate, start);
        }
        return Make(SyntaxFacts.KeywordKind(text), start);
    }

    private SyntaxToken LexNumber()
    {
        var start = _pos;
        while (char.IsAsciiDigit(Current) || Current == '.') _pos++;
        if (Current is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            _pos += 2;
            while (char.IsAsciiDigit(Current)) _pos++;
        }
        var literal = _text.Text[start.._pos];
        var value = Rational.TryParse(literal);
        var imaginary = false;
        var bar = false;
        if (Current == 'i' && !IsNameChar(Peek(1))) { _pos++; imaginary = true; }
        else if (Current == 'b' && Peek(1) == 'a' && Peek(2) == 'r' && !IsNameChar(Peek(3))) { _pos += 3; bar = true; }
        else if (IsNameChar(Current))
        {
            while (IsNameChar(Current)) _pos++;
            value = null;
        }
        // a malformed number keeps no value: the binder treats it as already reported
        if (value is null) _diagnostics.ReportMalformedNumber(_text, TextSpan.FromBounds(start, _pos), _text.Text[start.._pos]);
        return Make(SyntaxKind.Number, start) with { Value = value, IsImaginary = imaginary, IsBar = bar };
    }

    private SyntaxToken LexString(int start)
    {
        while (_pos < _text.Length && Current is not ('"' or '\n' or '\r')) _pos++;
        if (Current == '"') _pos++;
        else _diagnostics.ReportUnterminatedString(_text, TextSpan.FromBounds(start, _pos));
        return Make(SyntaxKind.String, start);
    }
}
