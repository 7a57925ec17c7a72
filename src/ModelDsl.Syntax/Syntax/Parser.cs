using ModelDsl.Diagnostics;
using ModelDsl.Text;

namespace ModelDsl.Syntax;

/// <summary>
/// Recursive-descent parser for .mdl specs. It never throws: a missing token is inserted and
/// reported (as minsk's <c>MatchToken</c>), and after an error inside a declaration it skips
/// to the next declaration keyword, so one run reports every mistake.
/// </summary>
internal sealed class Parser
{
    private const int MaxDepth = 200;
    private readonly SourceText _text;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<SyntaxToken> _tokens;
    private int _pos;
    private int _depth;

    public Parser(SourceText text, DiagnosticBag diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
        var lexer = new Lexer(text, diagnostics);
        _tokens = lexer.Lex();
        Comments = lexer.Comments;
    }

    public List<SyntaxComment> Comments { get; }

    private SyntaxToken Current => _tokens[Math.Min(_pos, _tokens.Count - 1)];

    private SyntaxToken PeekToken(int k) => _tokens[Math.Min(_pos + k, _tokens.Count - 1)];

    private SyntaxToken NextToken()
    {
        var t = Current;
        if (_pos < _tokens.Count - 1) _pos++;
        return t;
    }

    private SyntaxToken Match(SyntaxKind kind, string? what = null)
    {
        if (Current.Kind == kind) return NextToken();
        _diagnostics.ReportUnexpectedToken(_text, Current, what ?? SyntaxFacts.Describe(kind));
        return new SyntaxToken(kind, new TextSpan(Current.Span.Start, 0), "") { IsMissing = true };
    }

    private TextSpan From(SyntaxToken first) => TextSpan.FromBounds(first.Span.Start, Math.Max(first.Span.End, LastEnd()));

    private int LastEnd() => _pos == 0 ? 0 : _tokens[_pos - 1].Span.End;

    public CompilationUnitSyntax ParseCompilationUnit()
    {
        var declarations = new List<DeclarationSyntax>();
        while (Current.Kind != SyntaxKind.EndOfFile && !_diagnostics.TooMany)
        {
            var start = _pos;
            var errors = _diagnostics.Count;
            var d = ParseDeclaration();
            if (d is not null) declarations.Add(d);
            if (_diagnostics.Count > errors || _pos == start) SkipToDeclaration(start);
        }
        return new CompilationUnitSyntax(new TextSpan(0, _text.Length), declarations);
    }

    /// <summary>A parameter card: an optional header, then <c>NAME = value [UNIT]</c> assignments.</summary>
    public CardSyntax ParseCard(bool requireHeader)
    {
        SyntaxToken? title = null, model = null;
        if (Current is { Kind: SyntaxKind.Identifier, Text: "card" })
        {
            NextToken();
            title = Match(SyntaxKind.String, "the card's title in double quotes");
            if (Current is { Kind: SyntaxKind.Identifier, Text: "for" } && PeekToken(1).Kind == SyntaxKind.Identifier)
            {
                NextToken();
                model = NextToken();
            }
        }
        else if (requireHeader)
            _diagnostics.ReportCardHeader(_text, Current);
        var assignments = new List<CardAssignmentSyntax>();
        while (Current.Kind != SyntaxKind.EndOfFile && !_diagnostics.TooMany)
        {
            var start = _pos;
            var errors = _diagnostics.Count;
            var name = Match(SyntaxKind.Identifier, "a parameter name");
            Match(SyntaxKind.Equals);
            var values = new List<ExpressionSyntax>();
            var isList = false;
            if (Current.Kind == SyntaxKind.OpenParen && ListFollows())
            {
                isList = true;
                NextToken();
                do values.Add(ParseExpression());
                while (Current.Kind == SyntaxKind.Comma && NextToken() is not null);
                Match(SyntaxKind.CloseParen);
            }
            else values.Add(ParseExpression());
            SyntaxToken? unit = null;
            if (Current.Kind == SyntaxKind.Identifier && PeekToken(1).Kind != SyntaxKind.Equals) unit = NextToken();
            if (_diagnostics.Count > errors)
            {
                // skip to the next 'NAME =' after an error
                if (_pos == start) NextToken();
                while (Current.Kind != SyntaxKind.EndOfFile && !(Current.Kind == SyntaxKind.Identifier && PeekToken(1).Kind == SyntaxKind.Equals)) NextToken();
                continue;
            }
            assignments.Add(new CardAssignmentSyntax(From(name), name, values, isList, unit));
        }
        return new CardSyntax(new TextSpan(0, _text.Length), title, model, assignments);
    }

    /// <summary>True when the '(' here opens a list: a ',' at its own nesting level before the matching ')'.</summary>
    private bool ListFollows()
    {
        var depth = 0;
        for (var k = _pos; k < _tokens.Count; k++)
        {
            switch (_tokens[k].Kind)
            {
                case SyntaxKind.OpenParen: depth++; break;
                case SyntaxKind.CloseParen:
                    if (--depth == 0) return false;
                    break;
                case SyntaxKind.Comma when depth == 1: return true;
                case SyntaxKind.EndOfFile: return false;
            }
        }
        return false;
    }

    /// <summary>After an error: skip to the next token that starts a declaration (always making progress).</summary>
    private void SkipToDeclaration(int start)
    {
        if (_pos == start && Current.Kind != SyntaxKind.EndOfFile) NextToken();
        while (Current.Kind != SyntaxKind.EndOfFile && !SyntaxFacts.StartsDeclaration(Current.Kind)) NextToken();
    }

    private DeclarationSyntax? ParseDeclaration()
    {
        switch (Current.Kind)
        {
            case SyntaxKind.ModelKeyword: return ParseModel();
            case SyntaxKind.GroupKeyword: return ParseGroup();
            case SyntaxKind.FermionKeyword:
            case SyntaxKind.ScalarKeyword: return ParseField();
            case SyntaxKind.ParamKeyword: return ParseParameters();
            case SyntaxKind.PotentialKeyword:
            case SyntaxKind.YukawaKeyword:
            case SyntaxKind.MajoranaKeyword: return ParseTerm();
            case SyntaxKind.VevKeyword: return ParseVev();
            case SyntaxKind.CheckKeyword: return ParseCheck();
            case SyntaxKind.ConstKeyword:
            case SyntaxKind.LetKeyword:
            case SyntaxKind.DefineKeyword:
            case SyntaxKind.KernelKeyword:
            case SyntaxKind.TextureKeyword: return ParseDefinition();
            default:
                _diagnostics.ReportExpectedDeclaration(_text, Current);
                return null;
        }
    }

    private ModelDeclarationSyntax ParseModel()
    {
        var keyword = NextToken();
        var name = Match(SyntaxKind.Identifier, "the model's name");
        var title = Current.Kind == SyntaxKind.String ? NextToken() : null;
        return new ModelDeclarationSyntax(From(keyword), keyword, name, title);
    }

    private GroupDeclarationSyntax ParseGroup()
    {
        var keyword = NextToken();
        var name = Match(SyntaxKind.Identifier, "the group's name");
        Match(SyntaxKind.Colon);
        var type = Match(SyntaxKind.Identifier, "a group type: SU(N), U(1) or Z(N)");
        Match(SyntaxKind.OpenParen);
        var order = Match(SyntaxKind.Number, "the group's N");
        Match(SyntaxKind.CloseParen);
        SyntaxToken? coupling = null;
        if (Current.Kind == SyntaxKind.CouplingKeyword)
        {
            NextToken();
            coupling = Match(SyntaxKind.Identifier, "the coupling's name");
        }
        return new GroupDeclarationSyntax(From(keyword), keyword, name, type, order, coupling);
    }

    private FieldDeclarationSyntax ParseField()
    {
        var keyword = NextToken();
        var name = Match(SyntaxKind.Identifier, "the field's name");
        var entries = new List<FieldEntrySyntax>();
        Match(SyntaxKind.OpenBrace);
        while (Current.Kind is not (SyntaxKind.CloseBrace or SyntaxKind.EndOfFile) && !SyntaxFacts.StartsDeclaration(Current.Kind))
        {
            var entryName = Match(SyntaxKind.Identifier, "a field property such as 'gen' or a group name");
            if (entryName.IsMissing) break;
            ExpressionSyntax? value = null;
            if (Current.Kind == SyntaxKind.Colon)
            {
                NextToken();
                value = ParseExpression();
            }
            entries.Add(new FieldEntrySyntax(From(entryName), entryName, value));
            if (Current.Kind != SyntaxKind.Comma) break;
            NextToken();
        }
        Match(SyntaxKind.CloseBrace);
        return new FieldDeclarationSyntax(From(keyword), keyword, name, entries);
    }

    private ParameterDeclarationSyntax ParseParameters()
    {
        var keyword = NextToken();
        var items = new List<ParameterItemSyntax>();
        do
        {
            var name = Match(SyntaxKind.Identifier, "a parameter name");
            var dims = new List<SyntaxToken>();
            if (Current.Kind == SyntaxKind.OpenBracket)
            {
                NextToken();
                dims.Add(Match(SyntaxKind.Number, "a dimension"));
                if (Current.Kind == SyntaxKind.Comma)
                {
                    NextToken();
                    dims.Add(Match(SyntaxKind.Number, "the number of columns"));
                }
                Match(SyntaxKind.CloseBracket);
            }
            items.Add(new ParameterItemSyntax(From(name), name, dims));
            if (name.IsMissing || Current.Kind != SyntaxKind.Comma) break;
            NextToken();
        } while (true);
        var colon = Match(SyntaxKind.Colon);
        var flags = new List<SyntaxToken> { Match(SyntaxKind.Identifier, "'real' or 'complex'") };
        // Flags stand on the line of the ':' (so a misspelt keyword on the next line is not taken for a flag).
        var line = _text.GetLineIndex(colon.Span.Start);
        while (Current.Kind == SyntaxKind.Identifier && _text.GetLineIndex(Current.Span.Start) == line) flags.Add(NextToken());
        ExpressionSyntax? defaultValue = null;
        if (Current.Kind == SyntaxKind.Equals)
        {
            NextToken();
            defaultValue = ParseExpression();
        }
        return new ParameterDeclarationSyntax(From(keyword), keyword, items, flags, defaultValue);
    }

    private TermDeclarationSyntax ParseTerm()
    {
        var keyword = NextToken();
        var expression = ParseExpression();
        var hc = false;
        if (Current.Kind == SyntaxKind.Plus && PeekToken(1).Kind == SyntaxKind.HermitianConjugate)
        {
            NextToken();
            NextToken();
            hc = true;
        }
        return new TermDeclarationSyntax(From(keyword), keyword, expression, hc);
    }

    private DefinitionDeclarationSyntax ParseDefinition()
    {
        var keyword = NextToken();
        var name = Match(SyntaxKind.Identifier, "a name");
        var parameters = new List<SyntaxToken>();
        if (keyword.Kind == SyntaxKind.DefineKeyword && Current.Kind == SyntaxKind.OpenParen)
        {
            NextToken();
            do parameters.Add(Match(SyntaxKind.Identifier, "an index name"));
            while (Current.Kind == SyntaxKind.Comma && NextToken() is not null);
            Match(SyntaxKind.CloseParen);
        }
        Match(SyntaxKind.Equals);
        var expression = ParseExpression();
        return new DefinitionDeclarationSyntax(From(keyword), keyword, name, parameters, expression);
    }

    private VevDeclarationSyntax ParseVev()
    {
        var keyword = NextToken();
        var field = Match(SyntaxKind.Identifier, "a scalar field");
        Match(SyntaxKind.Arrow);
        var value = Match(SyntaxKind.Identifier, "the name of the vev");
        return new VevDeclarationSyntax(From(keyword), keyword, field, value);
    }

    private CheckDeclarationSyntax ParseCheck()
    {
        var keyword = NextToken();
        var items = new List<CheckItemSyntax>();
        do
        {
            var name = Match(SyntaxKind.Identifier, "a check such as 'anomalies'");
            var arguments = new List<SyntaxToken>();
            if (Current.Kind == SyntaxKind.OpenParen)
            {
                NextToken();
                do arguments.Add(Match(SyntaxKind.Identifier, "the check's argument"));
                while (Current.Kind == SyntaxKind.Comma && NextToken() is not null);
                Match(SyntaxKind.CloseParen);
            }
            items.Add(new CheckItemSyntax(From(name), name, arguments));
            if (name.IsMissing || Current.Kind != SyntaxKind.Comma) break;
            NextToken();
        } while (true);
        return new CheckDeclarationSyntax(From(keyword), keyword, items);
    }

    // Expressions: sum := product (('+'|'-') product)*, stopping before '+ h.c.'
    public ExpressionSyntax ParseExpression()
    {
        if (++_depth > MaxDepth)
        {
            _diagnostics.ReportTooDeep(_text, Current.Span, MaxDepth);
            while (Current.Kind != SyntaxKind.EndOfFile) NextToken();
            _depth--;
            return new ErrorExpressionSyntax(Current.Span);
        }
        var left = ParseProduct();
        while (Current.Kind is SyntaxKind.Plus or SyntaxKind.Minus
               && !(Current.Kind == SyntaxKind.Plus && PeekToken(1).Kind == SyntaxKind.HermitianConjugate))
        {
            var op = NextToken();
            var right = ParseProduct();
            left = new BinaryExpressionSyntax(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, op, right);
        }
        _depth--;
        return left;
    }

    private ExpressionSyntax ParseProduct()
    {
        var left = ParseUnary();
        while (Current.Kind is SyntaxKind.Star or SyntaxKind.Slash)
        {
            var op = NextToken();
            var right = ParseUnary();
            left = new BinaryExpressionSyntax(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, op, right);
        }
        return left;
    }

    private ExpressionSyntax ParseUnary()
    {
        if (Current.Kind is SyntaxKind.Minus or SyntaxKind.Plus)
        {
            var op = NextToken();
            var operand = ParseUnary();
            return new UnaryExpressionSyntax(TextSpan.FromBounds(op.Span.Start, operand.Span.End), op, operand);
        }
        var b = ParsePrimary();
        if (Current.Kind != SyntaxKind.Caret) return b;
        var caret = NextToken();
        var exponent = ParseUnary();
        return new BinaryExpressionSyntax(TextSpan.FromBounds(b.Span.Start, exponent.Span.End), b, caret, exponent);
    }

    private ExpressionSyntax ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case SyntaxKind.Number:
                NextToken();
                return new LiteralExpressionSyntax(t.Span, t);
            case SyntaxKind.OpenParen:
                NextToken();
                var inner = ParseExpression();
                Match(SyntaxKind.CloseParen);
                return new ParenthesizedExpressionSyntax(From(t), inner);
            case SyntaxKind.Identifier:
                NextToken();
                if (Current.Kind == SyntaxKind.OpenParen)
                {
                    var args = ParseList(SyntaxKind.OpenParen, SyntaxKind.CloseParen, t);
                    return new CallExpressionSyntax(From(t), t, args);
                }
                if (Current.Kind == SyntaxKind.Dot && PeekToken(1).Kind == SyntaxKind.Identifier) return ParseMemberAccess(t);
                if (Current.Kind == SyntaxKind.OpenBracket)
                {
                    var indices = ParseList(SyntaxKind.OpenBracket, SyntaxKind.CloseBracket, t);
                    return new IndexExpressionSyntax(From(t), t, indices);
                }
                return new NameExpressionSyntax(t.Span, t);
            default:
                _diagnostics.ReportExpectedExpression(_text, t);
                return new ErrorExpressionSyntax(new TextSpan(t.Span.Start, 0));
        }
    }

    /// <summary><c>NAME.FIELD</c> or <c>NAME.FIELD[i, ...]</c>, after the record's name.</summary>
    private MemberAccessExpressionSyntax ParseMemberAccess(SyntaxToken record)
    {
        var dot = NextToken();
        var member = NextToken();
        var indices = Current.Kind == SyntaxKind.OpenBracket ? ParseList(SyntaxKind.OpenBracket, SyntaxKind.CloseBracket, member) : [];
        return new MemberAccessExpressionSyntax(From(record), record, dot, member, indices);
    }

    private List<ExpressionSyntax> ParseList(SyntaxKind open, SyntaxKind close, SyntaxToken owner)
    {
        NextToken();
        var items = new List<ExpressionSyntax>();
        if (Current.Kind != close)
        {
            do items.Add(open == SyntaxKind.OpenParen ? ParseArgument() : ParseExpression());
            while (Current.Kind == SyntaxKind.Comma && NextToken() is not null);
        }
        if (Current.Kind == close) NextToken();
        else _diagnostics.ReportUnclosed(_text, Current, SyntaxFacts.Describe(close), owner);
        return items;
    }

    /// <summary>A call argument: <c>NAME: expr</c> (named) or an expression.</summary>
    private ExpressionSyntax ParseArgument()
    {
        if (Current.Kind != SyntaxKind.Identifier || PeekToken(1).Kind != SyntaxKind.Colon) return ParseExpression();
        var name = NextToken();
        var colon = NextToken();
        var value = ParseExpression();
        return new NamedArgumentSyntax(TextSpan.FromBounds(name.Span.Start, value.Span.End), name, colon, value);
    }
}
