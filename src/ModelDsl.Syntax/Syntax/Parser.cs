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

    /// <summary>
    /// The deepest expression tree the later stages (binder, formatter, checks; all recursive) are given:
    /// a chain a + b + c ... is a left-nested tree one level deeper per operator, so a sum of more
    /// terms than this is reported (MDL0014) instead of exhausting their stack.
    /// </summary>
    private const int MaxTreeDepth = 1000;
    private readonly SourceText _text;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<SyntaxToken> _tokens;
    private int _pos;
    private int _depth;
    private bool _inCard;
    private readonly int[] _lexErrorStarts;

    private int _errorsAtStatementStart;

    /// <summary>
    /// True when a syntax error would follow from an earlier one: the declaration (or card assignment)
    /// has reported one already, or holds a lexical error (a bad character, a malformed number) up to
    /// here. One per declaration.
    /// </summary>
    private bool Quiet => _diagnostics.Count > _errorsAtStatementStart
                          || _lexErrorStarts.Any(p => p >= _statementStart && p <= Current.Span.Start);

    /// <summary>Where the current declaration (or card line) starts: a lexical error after it is its syntax error.</summary>
    private int _statementStart;

    private int _previousStatementStart;

    /// <summary>Mistakes left unreported because <see cref="Quiet"/> (the declaration is still skipped as after an error).</summary>
    private int _suppressed;

    private bool Suppress()
    {
        if (!Quiet) return false;
        _suppressed++;
        return true;
    }

    public Parser(SourceText text, DiagnosticBag diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
        var lexer = new Lexer(text, diagnostics);
        var before = diagnostics.Count;
        _tokens = lexer.Lex();
        _lexErrorStarts = diagnostics.Skip(before).Select(d => d.Span.Start).ToArray();
        _errorsAtStatementStart = diagnostics.Count;
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
        if (!Suppress()) _diagnostics.ReportUnexpectedToken(_text, Current, what ?? SyntaxFacts.Describe(kind));
        return new SyntaxToken(kind, new TextSpan(Current.Span.Start, 0), "") { IsMissing = true };
    }

    private TextSpan From(SyntaxToken first) => TextSpan.FromBounds(first.Span.Start, Math.Max(first.Span.End, LastEnd()));

    private int LastEnd() => _pos == 0 ? 0 : _tokens[_pos - 1].Span.End;

    public CompilationUnitSyntax ParseCompilationUnit()
    {
        var declarations = new List<DeclarationSyntax>();
        var brokenNames = new List<SyntaxToken>();
        while (Current.Kind != SyntaxKind.EndOfFile && !_diagnostics.TooMany)
        {
            var start = _pos;
            var errors = _errorsAtStatementStart = _diagnostics.Count;
            _previousStatementStart = _statementStart;
            _statementStart = Current.Span.Start;
            var suppressed = _suppressed;
            var d = ParseDeclaration();
            if (d is not null) declarations.Add(d);
            if (_diagnostics.Count > errors || _suppressed > suppressed || _pos == start)
            {
                SkipToDeclaration(start);
                brokenNames.AddRange(_tokens.Skip(start).Take(_pos - start).Where(t => t.Kind == SyntaxKind.Identifier));
            }
        }
        return new CompilationUnitSyntax(new TextSpan(0, _text.Length), declarations) { BrokenNames = brokenNames };
    }

    /// <summary>A parameter card: an optional header, then <c>NAME = value [UNIT]</c> assignments.</summary>
    public CardSyntax ParseCard(bool requireHeader)
    {
        SyntaxToken? title = null, model = null;
        if (Current is { Kind: SyntaxKind.Identifier, Text: "card" })
        {
            NextToken();
            title = Match(SyntaxKind.String, "the card's title in double quotes");
            if (title.IsMissing) SkipHeader(); // the rest of a broken title is not an assignment
        }
        else if (requireHeader)
        {
            _diagnostics.ReportCardHeader(_text, Current);
            SkipHeader();
            if (Current.Kind == SyntaxKind.String) title = NextToken();
        }
        if (Current is { Kind: SyntaxKind.Identifier, Text: "for" } && PeekToken(1).Kind == SyntaxKind.Identifier)
        {
            NextToken();
            model = NextToken();
        }
        var assignments = new List<CardAssignmentSyntax>();
        var broken = new List<SyntaxToken>();
        _inCard = true;
        while (Current.Kind != SyntaxKind.EndOfFile && !_diagnostics.TooMany)
        {
            var start = _pos;
            var errors = _errorsAtStatementStart = _diagnostics.Count;
            _statementStart = Current.Span.Start;
            var suppressed = _suppressed;
            var name = Match(SyntaxKind.Identifier, "a parameter name");
            Match(SyntaxKind.Equals);
            var values = new List<ExpressionSyntax>();
            var isList = false;
            if (Current.Kind == SyntaxKind.OpenParen && ListFollows())
            {
                isList = true;
                var open = _pos;
                var errorsAtOpen = _diagnostics.Count;
                NextToken();
                do
                {
                    if (AtEndOfDeclaration(_pos)) break;
                    values.Add(ParseExpression());
                }
                while (Current.Kind == SyntaxKind.Comma && NextToken() is not null);
                MatchClose(open, errorsAtOpen, SyntaxKind.CloseParen, null);
            }
            else values.Add(ParseExpression());
            SyntaxToken? unit = null;
            if (Current.Kind == SyntaxKind.Identifier && PeekToken(1).Kind != SyntaxKind.Equals) unit = NextToken();
            if (_diagnostics.Count > errors || _suppressed > suppressed)
            {
                // a line that does not start with a name: the value before it did not end where it should,
                // so the assignment before it is not trusted either (no 'wrong count' or 'no unit' for it)
                if (name.IsMissing && assignments.Count > 0)
                {
                    broken.Add(assignments[^1].Name);
                    assignments.RemoveAt(assignments.Count - 1);
                }
                broken.Add(name); // a missing name too: the binder then calls nothing 'missing'
                // skip to the next 'NAME =' after an error
                if (_pos == start) NextToken();
                while (Current.Kind != SyntaxKind.EndOfFile && !(Current.Kind == SyntaxKind.Identifier && PeekToken(1).Kind == SyntaxKind.Equals)) NextToken();
                continue;
            }
            assignments.Add(new CardAssignmentSyntax(From(name), name, values, isList, unit));
        }
        _inCard = false;
        return new CardSyntax(new TextSpan(0, _text.Length), title, model, assignments) { BrokenNames = broken };
    }

    /// <summary>After a broken card header: skip to its title, its 'for', or the first 'NAME ='.</summary>
    private void SkipHeader()
    {
        while (Current.Kind is not (SyntaxKind.EndOfFile or SyntaxKind.String) && Current is not { Kind: SyntaxKind.Identifier, Text: "for" }
               && !(Current.Kind == SyntaxKind.Identifier && PeekToken(1).Kind == SyntaxKind.Equals))
            NextToken();
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
            case SyntaxKind.ModelKeyword:
            case SyntaxKind.LibraryKeyword:
            case SyntaxKind.DefinitionsKeyword: return ParseModel();
            case SyntaxKind.UseKeyword: return ParseUse();
            case SyntaxKind.IncludeKeyword: return ParseInclude();
            case SyntaxKind.GroupKeyword: return ParseGroup();
            case SyntaxKind.FermionKeyword:
            case SyntaxKind.ScalarKeyword: return ParseField();
            case SyntaxKind.ParamKeyword:
            case SyntaxKind.InputKeyword: return ParseParameters();
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
            case SyntaxKind.SystemKeyword: return ParseSystem();
            case SyntaxKind.TableKeyword: return ParseTable();
            default:
                // text left over after a lexical error in the declaration before (e.g. '2pairs(...)') is not reported again
                if (_lexErrorStarts.Any(p => p >= _previousStatementStart && p <= Current.Span.Start)) return null;
                _diagnostics.ReportExpectedDeclaration(_text, Current);
                // a path where a declaration starts may be an include without its keyword: kept, so that the binder reads the
                // file it names (if there is one) and the uses of its defines say nothing more
                if (Current.Kind != SyntaxKind.String) return null;
                var path = NextToken();
                return new IncludeDeclarationSyntax(path.Span, new SyntaxToken(SyntaxKind.IncludeKeyword, new TextSpan(path.Span.Start, 0), "") { IsMissing = true }, path);
        }
    }

    private ModelDeclarationSyntax ParseModel()
    {
        var keyword = NextToken();
        var name = Match(SyntaxKind.Identifier, "the model's name");
        var title = Current.Kind == SyntaxKind.String ? NextToken() : null;
        return new ModelDeclarationSyntax(From(keyword), keyword, name, title);
    }

    /// <summary><c>use NAME = "path" { INPUT = expr, ... }</c>: a library spec instantiated with the model's couplings.</summary>
    private UseDeclarationSyntax ParseUse()
    {
        var keyword = NextToken();
        var name = Match(SyntaxKind.Identifier, "the name the library's kernels are qualified with");
        Match(SyntaxKind.Equals);
        var path = Match(SyntaxKind.String, "the library file's path in double quotes");
        var bindings = ParseBraced(() =>
        {
            var input = Match(SyntaxKind.Identifier, "an input of the library");
            if (input.IsMissing) return null;
            Match(SyntaxKind.Equals);
            var value = ParseExpression();
            return new UseBindingSyntax(From(input), input, value);
        });
        return new UseDeclarationSyntax(From(keyword), keyword, name, path, bindings);
    }

    /// <summary><c>include "path"</c>: the defines of a definitions file, as if written here.</summary>
    private IncludeDeclarationSyntax ParseInclude()
    {
        var keyword = NextToken();
        var path = Match(SyntaxKind.String, "the included file's path in double quotes");
        return new IncludeDeclarationSyntax(From(keyword), keyword, path);
    }

    /// <summary><c>{ entry, entry, ... }</c> (a field's properties, a use's bindings); stops at an entry that is missing.</summary>
    private List<T> ParseBraced<T>(Func<T?> entry) where T : class
    {
        var items = new List<T>();
        Match(SyntaxKind.OpenBrace);
        while (Current.Kind is not (SyntaxKind.CloseBrace or SyntaxKind.EndOfFile) && !SyntaxFacts.StartsDeclaration(Current.Kind))
        {
            if (entry() is not { } item) break;
            items.Add(item);
            if (Current.Kind != SyntaxKind.Comma) break;
            NextToken();
        }
        Match(SyntaxKind.CloseBrace);
        return items;
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
        var entries = ParseBraced(() =>
        {
            var entryName = Match(SyntaxKind.Identifier, "a field property such as 'gen' or a group name");
            if (entryName.IsMissing) return null;
            ExpressionSyntax? value = null;
            if (Current.Kind == SyntaxKind.Colon)
            {
                NextToken();
                value = Current.Kind == SyntaxKind.OpenParen && IsTupleAhead() ? ParseTuple() : ParseExpression();
            }
            return new FieldEntrySyntax(From(entryName), entryName, value);
        });
        return new FieldDeclarationSyntax(From(keyword), keyword, name, entries);
    }

    /// <summary>True when the '(' here holds a ',' at its own level before its closer: a tuple <c>(0, 1, -1)</c>, not <c>(a + b)*c</c>.</summary>
    private bool IsTupleAhead()
    {
        var depth = 0;
        for (var k = _pos; k < _tokens.Count && !(k > _pos && AtEndOfDeclaration(k)); k++)
        {
            switch (_tokens[k].Kind)
            {
                case SyntaxKind.OpenParen or SyntaxKind.OpenBracket: depth++; break;
                case SyntaxKind.CloseParen or SyntaxKind.CloseBracket: if (--depth == 0) return false; break;
                case SyntaxKind.Comma when depth == 1: return true;
                case SyntaxKind.CloseBrace: return false;
            }
        }
        return false;
    }

    /// <summary>A field entry's tuple, one value per generation: <c>( expr, expr, ... )</c>.</summary>
    private TupleExpressionSyntax ParseTuple()
    {
        var open = Current;
        var items = ParseList(SyntaxKind.OpenParen, SyntaxKind.CloseParen, open);
        return new TupleExpressionSyntax(From(open), items);
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
            if (Current.Kind != SyntaxKind.Comma) break; // a missing name before ',' is skipped: the rest are still declared
            NextToken();
        } while (true);
        var colon = Match(SyntaxKind.Colon);
        var flags = new List<SyntaxToken> { Current.Kind == SyntaxKind.TableKeyword ? NextToken() : Match(SyntaxKind.Identifier, "'real' or 'complex'") };
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
        // a unit: 'const m = 1.08e-3 eV' or 'kernel k = ... in eV', on the line where the value ends (a name right after an
        // expression cannot continue it; one on the next line is a stray word, reported where it stands)
        SyntaxToken? inWord = null, unit = null;
        if (keyword.Kind is SyntaxKind.ConstKeyword or SyntaxKind.KernelKeyword && Current.Kind == SyntaxKind.Identifier
            && _text.GetLineIndex(Current.Span.Start) == _text.GetLineIndex(Math.Max(expression.Span.End - 1, expression.Span.Start)))
        {
            if (Current.Text == "in" && (PeekToken(1).Kind == SyntaxKind.Identifier
                || keyword.Kind == SyntaxKind.KernelKeyword && PeekToken(1) is { Kind: SyntaxKind.Number, Text: "1" })) inWord = NextToken();
            unit = NextToken();
        }
        // a kernel's unit to a power: 'in GeV^2', 'in eV^-1'
        var power = new List<SyntaxToken>();
        if (inWord is not null && unit is { Kind: SyntaxKind.Identifier } && Current.Kind == SyntaxKind.Caret)
        {
            power.Add(NextToken());
            if (Current.Kind == SyntaxKind.Minus) power.Add(NextToken());
            power.Add(Match(SyntaxKind.Number, "an integer power"));
        }
        return new DefinitionDeclarationSyntax(From(keyword), keyword, name, parameters, expression) { Unit = unit, In = inWord, UnitPower = power };
    }

    /// <summary>The words that start an item of a system block (besides <c>define</c> and <c>d(</c>).</summary>
    private static readonly HashSet<string> SystemItemWords = new(StringComparer.Ordinal) { "variable", "state", "initial", "breakpoint", "output" };

    private bool AtSystemItem() =>
        Current.Kind is SyntaxKind.DefineKeyword or SyntaxKind.CloseBrace or SyntaxKind.EndOfFile
        || (Current.Kind == SyntaxKind.Identifier && (SystemItemWords.Contains(Current.Text) || (Current.Text == "d" && PeekToken(1).Kind == SyntaxKind.OpenParen)))
        || (SyntaxFacts.StartsDeclaration(Current.Kind) && Current.Kind != SyntaxKind.DefineKeyword);

    /// <summary>
    /// <c>system NAME ["title"] { items }</c>. Each item is parsed on its own: after an error in one, the parser skips to the
    /// next item word, so one run reports every mistake in the block.
    /// </summary>
    private SystemDeclarationSyntax ParseSystem()
    {
        var keyword = NextToken();
        var name = Match(SyntaxKind.Identifier, "the system's name");
        var title = Current.Kind == SyntaxKind.String ? NextToken() : null;
        var items = new List<SystemItemSyntax>();
        Match(SyntaxKind.OpenBrace);
        var errorsBefore = _diagnostics.Count;
        while (Current.Kind is not (SyntaxKind.CloseBrace or SyntaxKind.EndOfFile)
               && (Current.Kind == SyntaxKind.DefineKeyword || !SyntaxFacts.StartsDeclaration(Current.Kind)) && !_diagnostics.TooMany)
        {
            var start = _pos;
            var errors = _errorsAtStatementStart = _diagnostics.Count;
            _statementStart = Current.Span.Start;
            var suppressed = _suppressed;
            var item = ParseSystemItem();
            if (item is not null) items.Add(item);
            if (_diagnostics.Count > errors || _suppressed > suppressed || _pos == start)
            {
                if (_pos == start) NextToken();
                while (!AtSystemItem()) NextToken();
            }
        }
        _errorsAtStatementStart = errorsBefore;
        Match(SyntaxKind.CloseBrace);
        return new SystemDeclarationSyntax(From(keyword), keyword, name, title, items);
    }

    private SystemItemSyntax? ParseSystemItem()
    {
        var first = Current;
        if (first.Kind == SyntaxKind.DefineKeyword)
        {
            var define = ParseDefinition();
            return new SystemDefineSyntax(define.Span, define);
        }
        if (first.Kind != SyntaxKind.Identifier || !(SystemItemWords.Contains(first.Text) || first.Text == "d"))
        {
            if (!Suppress()) _diagnostics.ReportUnexpectedToken(_text, first, "a system item: variable, state, initial, breakpoint, define, d(STATE)/dVAR = ..., output");
            return null;
        }
        var keyword = NextToken();
        switch (keyword.Text)
        {
            case "variable":
            {
                var name = Match(SyntaxKind.Identifier, "the variable's name");
                MatchWord("from");
                var start = ParseExpression();
                MatchWord("to");
                var end = ParseExpression();
                var log = Current is { Kind: SyntaxKind.Identifier, Text: "log" } ? NextToken() : null;
                return new SystemVariableSyntax(From(keyword), keyword, name, start, end, log);
            }
            case "state":
            {
                var name = Match(SyntaxKind.Identifier, "the state's name");
                var dims = new List<SyntaxToken>();
                if (Current.Kind == SyntaxKind.OpenBracket)
                {
                    NextToken();
                    do dims.Add(Match(SyntaxKind.Number, "a dimension"));
                    while (Current.Kind == SyntaxKind.Comma && NextToken() is not null);
                    Match(SyntaxKind.CloseBracket);
                }
                Match(SyntaxKind.Colon);
                var type = Match(SyntaxKind.Identifier, "'real' or 'complex'");
                ExpressionSyntax? initial = null, atol = null;
                if (Current.Kind == SyntaxKind.Equals)
                {
                    NextToken();
                    initial = ParseExpression();
                }
                if (Current is { Kind: SyntaxKind.Identifier, Text: "atol" })
                {
                    NextToken();
                    atol = ParseExpression();
                }
                return new SystemStateSyntax(From(keyword), keyword, name, dims, type, initial, atol);
            }
            case "breakpoint":
                return new SystemBreakpointSyntax(From(keyword), keyword, ParseExpression());
            case "initial":
            {
                var state = Match(SyntaxKind.Identifier, "the state's name");
                var indices = ParseStateIndices();
                Match(SyntaxKind.Equals);
                return new SystemInitialSyntax(From(keyword), keyword, state, indices, ParseExpression());
            }
            case "output":
            {
                var name = Match(SyntaxKind.Identifier, "the output's name");
                Match(SyntaxKind.Equals);
                var value = ParseExpression();
                MatchWord("at", "'at end' or 'at' a value of the variable");
                ExpressionSyntax? at = null;
                if (Current is { Kind: SyntaxKind.Identifier, Text: "end" } && !(PeekToken(1).Kind is SyntaxKind.OpenParen or SyntaxKind.OpenBracket or SyntaxKind.Dot)) NextToken();
                else at = ParseExpression();
                return new SystemOutputSyntax(From(keyword), keyword, name, value, at);
            }
            default:
            {
                // d(NAME[i, ...])/dVAR = EXPR
                Match(SyntaxKind.OpenParen);
                var state = Match(SyntaxKind.Identifier, "the state's name");
                var indices = ParseStateIndices();
                Match(SyntaxKind.CloseParen);
                Match(SyntaxKind.Slash);
                var variable = Match(SyntaxKind.Identifier, "'d' and the variable's name, as in d(x)/dz");
                Match(SyntaxKind.Equals);
                return new SystemEquationSyntax(From(keyword), keyword, state, indices, variable, ParseExpression());
            }
        }
    }

    /// <summary>The optional <c>[i, ...]</c> after a state's name in an equation or an initial value.</summary>
    private List<ExpressionSyntax> ParseStateIndices()
    {
        var indices = new List<ExpressionSyntax>();
        if (Current.Kind != SyntaxKind.OpenBracket) return indices;
        NextToken();
        do indices.Add(ParseExpression());
        while (Current.Kind == SyntaxKind.Comma && NextToken() is not null);
        Match(SyntaxKind.CloseBracket);
        return indices;
    }

    /// <summary><c>table NAME = file("path")</c>.</summary>
    private TableDeclarationSyntax ParseTable()
    {
        var keyword = NextToken();
        var name = Match(SyntaxKind.Identifier, "the table's name");
        Match(SyntaxKind.Equals);
        var file = MatchWord("file", "file(\"path\")");
        Match(SyntaxKind.OpenParen);
        var path = Match(SyntaxKind.String, "the data file's path in double quotes");
        Match(SyntaxKind.CloseParen);
        return new TableDeclarationSyntax(From(keyword), keyword, name, file, path);
    }

    /// <summary>Matches a contextual word (a name such as <c>from</c>); a missing one is reported like a missing token.</summary>
    private SyntaxToken MatchWord(string word, string? what = null)
    {
        if (Current.Kind == SyntaxKind.Identifier && Current.Text == word) return NextToken();
        if (!Suppress()) _diagnostics.ReportUnexpectedToken(_text, Current, what ?? $"'{word}'");
        return new SyntaxToken(SyntaxKind.Identifier, new TextSpan(Current.Span.Start, 0), "") { IsMissing = true };
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
        if (_depth == 1 && TreeDepth(left) > MaxTreeDepth)
        {
            _diagnostics.ReportTooDeep(_text, left.Span, MaxTreeDepth);
            left = new ErrorExpressionSyntax(left.Span);
        }
        _depth--;
        return left;
    }

    /// <summary>The depth of an expression tree, measured without recursion (it may be deeper than the stack allows).</summary>
    private static int TreeDepth(ExpressionSyntax root)
    {
        var deepest = 0;
        var stack = new Stack<(ExpressionSyntax Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            IEnumerable<ExpressionSyntax> children = node switch
            {
                BinaryExpressionSyntax b => [b.Left, b.Right],
                UnaryExpressionSyntax u => [u.Operand],
                ParenthesizedExpressionSyntax p => [p.Expression],
                CallExpressionSyntax c => c.Arguments,
                IndexExpressionSyntax i => i.Indices,
                TupleExpressionSyntax t => t.Items,
                _ => [],
            };
            foreach (var child in children) stack.Push((child, depth + 1));
        }
        return deepest;
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

    /// <summary>A recursive step (a sign, an exponent) counted like a nesting level, so '- - - ... x' cannot exhaust the parser's stack.</summary>
    private ExpressionSyntax ParseNested(Func<ExpressionSyntax> parse)
    {
        if (++_depth > MaxDepth)
        {
            _diagnostics.ReportTooDeep(_text, Current.Span, MaxDepth);
            while (Current.Kind != SyntaxKind.EndOfFile) NextToken();
            _depth--;
            return new ErrorExpressionSyntax(Current.Span);
        }
        var result = parse();
        _depth--;
        return result;
    }

    private ExpressionSyntax ParseUnary()
    {
        if (Current.Kind is SyntaxKind.Minus or SyntaxKind.Plus)
        {
            var op = NextToken();
            var operand = ParseNested(ParseUnary);
            return new UnaryExpressionSyntax(TextSpan.FromBounds(op.Span.Start, operand.Span.End), op, operand);
        }
        var b = ParsePrimary();
        if (Current.Kind != SyntaxKind.Caret) return b;
        var caret = NextToken();
        var exponent = ParseNested(ParseUnary);
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
                var open = _pos;
                var errorsAtOpen = _diagnostics.Count;
                NextToken();
                var inner = AtEndOfDeclaration(_pos) ? new ErrorExpressionSyntax(new TextSpan(Current.Span.Start, 0)) : ParseExpression();
                MatchClose(open, errorsAtOpen, SyntaxKind.CloseParen, null);
                return new ParenthesizedExpressionSyntax(From(t), inner);
            case SyntaxKind.Identifier when _inCard && PeekToken(1).Kind == SyntaxKind.Equals:
                // 'NAME =' starts the next card assignment: the value before it is unfinished
                if (!Suppress()) _diagnostics.ReportExpectedExpression(_text, t);
                return new ErrorExpressionSyntax(new TextSpan(t.Span.Start, 0));
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
                if (!Suppress()) _diagnostics.ReportExpectedExpression(_text, t);
                return new ErrorExpressionSyntax(new TextSpan(t.Span.Start, 0));
        }
    }

    /// <summary><c>NAME.FIELD</c> or <c>NAME.FIELD[i, ...]</c>, after the record's name; <c>NAME.COLUMN(args)</c> is a table call.</summary>
    private ExpressionSyntax ParseMemberAccess(SyntaxToken record)
    {
        var dot = NextToken();
        var member = NextToken();
        if (Current.Kind == SyntaxKind.OpenParen)
            return new CallExpressionSyntax(From(record), member, ParseList(SyntaxKind.OpenParen, SyntaxKind.CloseParen, member)) { Record = record };
        var indices = Current.Kind == SyntaxKind.OpenBracket ? ParseList(SyntaxKind.OpenBracket, SyntaxKind.CloseBracket, member) : [];
        return new MemberAccessExpressionSyntax(From(record), record, dot, member, indices);
    }

    private List<ExpressionSyntax> ParseList(SyntaxKind open, SyntaxKind close, SyntaxToken owner)
    {
        var openIndex = _pos;
        var errorsAtOpen = _diagnostics.Count;
        NextToken();
        var items = new List<ExpressionSyntax>();
        if (Current.Kind != close)
        {
            do
            {
                if (AtEndOfDeclaration(_pos)) break; // 'f(a,' at the end: the '(' is reported, not a missing argument
                items.Add(open == SyntaxKind.OpenParen ? ParseArgument() : ParseExpression());
            }
            while (Current.Kind == SyntaxKind.Comma && NextToken() is not null);
        }
        MatchClose(openIndex, errorsAtOpen, close, owner);
        return items;
    }

    /// <summary>
    /// Takes the closer of the bracket opened at token <paramref name="openIndex"/>. When it is not here, the
    /// mistake is reported at its cause: a bracket that nothing closes before the next declaration at that
    /// bracket; a closer of another kind (')' for '[') where it stands; anything else where it stands.
    /// Nothing is added when a mistake inside the brackets was reported already (it is the cause).
    /// </summary>
    private void MatchClose(int openIndex, int errorsAtOpen, SyntaxKind close, SyntaxToken? owner)
    {
        if (Current.Kind == close)
        {
            NextToken();
            return;
        }
        if (_diagnostics.Count > errorsAtOpen || Suppress()) return;
        var opener = _tokens[openIndex];
        var wrongCloser = Current.Kind is SyntaxKind.CloseParen or SyntaxKind.CloseBracket or SyntaxKind.CloseBrace;
        if (!wrongCloser && !IsClosedLater(openIndex, close)) _diagnostics.ReportNeverClosed(_text, opener, SyntaxFacts.Describe(close));
        else if (owner is not null) _diagnostics.ReportUnclosed(_text, Current, SyntaxFacts.Describe(close), owner);
        else _diagnostics.ReportUnexpectedToken(_text, Current, SyntaxFacts.Describe(close));
    }

    /// <summary>True when token <paramref name="k"/> ends the declaration: the end of file, a declaration keyword, or in a card 'NAME ='.</summary>
    private bool AtEndOfDeclaration(int k)
    {
        var kind = _tokens[Math.Min(k, _tokens.Count - 1)].Kind;
        return kind == SyntaxKind.EndOfFile || SyntaxFacts.StartsDeclaration(kind)
               || (_inCard && kind == SyntaxKind.Identifier && _tokens[Math.Min(k + 1, _tokens.Count - 1)].Kind == SyntaxKind.Equals);
    }

    /// <summary>True when the bracket opened at token <paramref name="openIndex"/> has its closer before the next declaration keyword.</summary>
    private bool IsClosedLater(int openIndex, SyntaxKind close)
    {
        var open = _tokens[openIndex].Kind;
        var depth = 0;
        for (var k = openIndex; k < _tokens.Count; k++)
        {
            var kind = _tokens[k].Kind;
            if (k > openIndex && AtEndOfDeclaration(k)) return false;
            if (kind == open) depth++;
            else if (kind == close && --depth == 0) return true;
        }
        return false;
    }

    /// <summary>A call argument: <c>NAME: expr</c> (named), an expression, or a condition <c>expr != expr</c> (the binder accepts it as the first argument of sum only).</summary>
    private ExpressionSyntax ParseArgument()
    {
        if (Current.Kind != SyntaxKind.Identifier || PeekToken(1).Kind != SyntaxKind.Colon)
        {
            var left = ParseExpression();
            if (Current.Kind != SyntaxKind.NotEquals) return left;
            var op = NextToken();
            var right = ParseExpression();
            return new BinaryExpressionSyntax(TextSpan.FromBounds(left.Span.Start, right.Span.End), left, op, right);
        }
        var name = NextToken();
        var colon = NextToken();
        var value = ParseExpression();
        return new NamedArgumentSyntax(TextSpan.FromBounds(name.Span.Start, value.Span.End), name, colon, value);
    }
}
