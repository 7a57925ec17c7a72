using System.Collections.Immutable;
using System.Numerics;
using ModelDsl.Diagnostics;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// Binds <c>const</c>, <c>let</c>, <c>define</c> and <c>kernel</c> declarations (in order; each may use
/// what is declared before it). Kernel expressions are unrolled: <c>sum(i, e)</c> adds e over the
/// range of i, <c>pairs(i, j, e)</c> adds over i != j, <c>minpairs(i, j, e)</c> takes the minimum over
/// i &lt; j; ranges come from the arrays the index selects in. Defines are macros whose parameters
/// are indices. The result is a plain scalar expression per kernel.
/// </summary>
internal sealed partial class KernelBinder(Binder owner, IReadOnlyList<DeclarationSyntax> declarations)
{
    private const int MaxDepth = 64;
    /// <summary>The text diagnostics point into: the spec's, or an included file's while a define of it expands.</summary>
    private SourceText _text = owner.Text;
    private readonly DiagnosticBag _diagnostics = owner.DiagnosticBag;
    private readonly Dictionary<string, LetSpec> _lets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DefinitionDeclarationSyntax> _defines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Expr> _kernels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TextureSpec> _textures = new(StringComparer.Ordinal);
    private readonly Dictionary<SourceText, ExpressionBinder<Context>> _expressions = [];

    /// <summary>
    /// Index values (Env), define nesting depth, numeric-only (const) binding, the defines being expanded (for recursion), and
    /// define parameters bound to values (Values: an argument that is not an index).
    /// </summary>
    private sealed record Context(ImmutableDictionary<string, int> Env, int Depth, bool NumericOnly)
    {
        public ImmutableHashSet<string> Expanding { get; init; } = ImmutableHashSet<string>.Empty;

        public ImmutableDictionary<string, Expr> Values { get; init; } = ImmutableDictionary<string, Expr>.Empty;
    }

    private static bool IsError(Expr e) => ExpressionRules.IsError(e);

    private bool IsPoisoned(string name) => owner.BrokenDefinitions.Contains(name);

    private void Poison(string name) => MarkBroken(name);

    /// <summary>True when the syntax uses a poisoned name: its failure is reported, so nothing more is said.</summary>
    private bool UsesPoisoned(ExpressionSyntax e) => e switch
    {
        NameExpressionSyntax n => IsPoisoned(n.Name.Text),
        IndexExpressionSyntax i => IsPoisoned(i.Name.Text) || i.Indices.Any(UsesPoisoned),
        CallExpressionSyntax c => IsPoisoned(c.Name.Text) || c.Arguments.Any(UsesPoisoned),
        MemberAccessExpressionSyntax m => IsPoisoned(m.Record.Text) || m.Indices.Any(UsesPoisoned),
        _ => Children(e).Any(UsesPoisoned),
    };

    /// <summary>A name used as a whole array that is declared nowhere is reported as unknown (once; then poisoned), not as a wrong argument.</summary>
    private void ReportUnknownArrays(IEnumerable<ExpressionSyntax> operands)
    {
        var values = operands.Select(o => o is NamedArgumentSyntax named ? named.Value : o).ToList();
        foreach (var n in values.OfType<NameExpressionSyntax>())
            if (!owner.DeclaredAs.ContainsKey(n.Name.Text) && !owner.IsReserved(n.Name.Text) && !owner.ConstValues.ContainsKey(n.Name.Text))
                Bind(n, new Context(ImmutableDictionary<string, int>.Empty, 0, false));
        // a record field (F.h) of a record declared nowhere: the record is the unknown name
        foreach (var m in values.OfType<MemberAccessExpressionSyntax>())
            if (!owner.DeclaredAs.ContainsKey(m.Record.Text) && !owner.IsReserved(m.Record.Text) && !IsPoisoned(m.Record.Text))
                Bind(m, new Context(ImmutableDictionary<string, int>.Empty, 0, false));
    }

    /// <summary>The matrices a texture adds, subtracts and scales (the names among them are whole arrays).</summary>
    private static IEnumerable<ExpressionSyntax> TextureOperands(ExpressionSyntax e) => e switch
    {
        BinaryExpressionSyntax { Operator.Kind: SyntaxKind.Plus or SyntaxKind.Minus } b => TextureOperands(b.Left).Concat(TextureOperands(b.Right)),
        BinaryExpressionSyntax { Operator.Kind: SyntaxKind.Star } s => TextureOperands(s.Right),
        ParenthesizedExpressionSyntax p => TextureOperands(p.Expression),
        _ => [e],
    };

    public (IReadOnlyList<ConstSpec> Consts, IReadOnlyList<LetSpec> Lets, IReadOnlyList<KernelSpec> Kernels, IReadOnlyList<TextureSpec> Textures) Bind()
    {
        var textures = new List<TextureSpec>();
        var consts = new List<ConstSpec> { new("pi", Math.PI, "pi", new TextSpan(0, 0)) };
        var kernels = new List<KernelSpec>();
        foreach (var declaration in declarations)
        {
            if (declaration is UseDeclarationSyntax use)
            {
                BindUse(use, consts, kernels);
                continue;
            }
            var d = (DefinitionDeclarationSyntax)declaration;
            var name = d.Name.Text;
            switch (d.Keyword.Kind)
            {
                case SyntaxKind.ConstKeyword:
                    var value = EvaluateNumeric(d.Expression, allowComplex: false);
                    if (value is { } v && UnitFactor(d) is { } factor)
                    {
                        owner.ConstValues[name] = v.Real * factor;
                        consts.Add(new ConstSpec(name, v.Real * factor, _text.ToString(d.Expression.Span), d.Span) { Unit = d.Unit?.Text });
                        if (d.Unit is not null) _energies.Add(name);
                    }
                    else Poison(name);
                    break;
                case SyntaxKind.LetKeyword when d.Expression is CallExpressionSyntax derived && DerivationCatalogue.Find(derived.Name.Text) is { } derivation:
                    if (BindDerived(d, derived, derivation) is { } quantity)
                    {
                        textures.Add(quantity);
                        _textures[name] = quantity;
                        owner.NoteTexture(quantity);
                    }
                    else Poison(name);
                    break;
                case SyntaxKind.LetKeyword:
                    ReportUnknownArrays(d.Expression is CallExpressionSyntax call ? call.Arguments : []);
                    if (UsesPoisoned(d.Expression) || MentionsBroken(d.Expression)) MarkBroken(name);
                    else if (BindLet(d) is { } let) { _lets[name] = let; owner.NoteLet(let); }
                    else if (d.Expression is CallExpressionSyntax letCall && owner.Catalogue.Find(letCall.Name.Text) is { } known)
                        owner.NoteLet(_lets[name] = new LetSpec(name, known, [], d.Span)); // reported; its fields still resolve, so uses add no errors
                    else MarkBroken(name);
                    break;
                case SyntaxKind.DefineKeyword:
                    _defines[name] = d;
                    break;
                case SyntaxKind.TextureKeyword:
                    ReportUnknownArrays(TextureOperands(d.Expression));
                    if (BindTexture(d.Expression, textures) is { } matrix)
                    {
                        var texture = new TextureSpec(name, matrix, d.Span);
                        textures.Add(texture);
                        _textures[name] = texture;
                        owner.NoteTexture(texture);
                    }
                    else Poison(name);
                    break;
                case SyntaxKind.KernelKeyword:
                    if (MentionsBroken(d.Expression)) { MarkBroken(name); break; }
                    var errors = _diagnostics.Count;
                    var opaque = _opaqueNumbers;
                    var quantities = _quantities;
                    var expr = Bind(d.Expression, new Context(ImmutableDictionary<string, int>.Empty, 0, false));
                    if (_opaqueNumbers != opaque || _quantities == quantities) _opaqueKernels.Add(name);
                    if (_diagnostics.Count > errors || IsError(expr)) { MarkBroken(name); break; }
                    if (KernelUnit(d) is not { } declared) { MarkBroken(name); break; }
                    var inferred = _opaqueKernels.Contains(name) ? null : EnergyDimension(expr);
                    if (declared.Text is not null && inferred is { } dimension && dimension != declared.Dimension)
                    {
                        if (d.Unit!.Kind == SyntaxKind.Identifier && d.UnitPower.Count == 0)
                            _diagnostics.ReportMisplacedUnit(_text, d.Unit.Span,
                                $"The kernel '{name}' has energy dimension {dimension} (it is made of numbers, mass parameters and constants with units only), so it takes no energy unit.");
                        else
                            _diagnostics.ReportKernelUnitMismatch(_text, TextSpan.FromBounds(d.Unit.Span.Start, d.UnitPower.Count > 0 ? d.UnitPower[^1].Span.End : d.Unit.Span.End),
                                $"The kernel '{name}' has energy dimension {dimension} by its formula (mass parameters and constants with units have 1), but its unit '{declared.Text}' has dimension {declared.Dimension}.");
                        MarkBroken(name);
                        break;
                    }
                    _kernels[name] = expr;
                    kernels.Add(new KernelSpec(name, expr, d.Span) { Unit = declared.Text, UnitScale = declared.Scale, Dimension = declared.Text is null ? inferred : declared.Dimension });
                    break;
            }
        }
        return (consts, _lets.Values.ToList(), kernels, textures);
    }

    private readonly Dictionary<string, bool> _defineMentionsBroken = new(StringComparer.Ordinal);

    /// <summary>The constants declared with an energy unit (energy dimension 1).</summary>
    private readonly HashSet<string> _energies = new(StringComparer.Ordinal);

    /// <summary>
    /// The factor to GeV of a const's or kernel's unit (1 without one), from the card's table <see cref="CardBinder.Units"/>;
    /// null after reporting an unknown unit, a kernel's unit without 'in', or a const's with it.
    /// </summary>
    private double? UnitFactor(DefinitionDeclarationSyntax d)
    {
        if (d.Unit is not { } unit) return 1;
        if (d.Keyword.Kind == SyntaxKind.ConstKeyword && d.In is not null)
        {
            _diagnostics.ReportMisplacedUnit(_text, d.In.Span, $"A constant's unit follows its value: const {d.Name.Text} = {_text.ToString(d.Expression.Span)} {unit.Text}.");
            return null;
        }
        if (d.Keyword.Kind == SyntaxKind.KernelKeyword && d.In is null)
        {
            _diagnostics.ReportMisplacedUnit(_text, unit.Span, $"A kernel's unit is written with 'in': kernel {d.Name.Text} = ... in {unit.Text} (or this is a missing operator).");
            return null;
        }
        if (unit.Kind == SyntaxKind.Number) return 1; // kernel k = ... in 1: dimensionless
        if (CardBinder.Units.TryGetValue(unit.Text, out var factor)) return factor;
        _diagnostics.ReportUnknownUnit(_text, unit.Span, unit.Text, CardBinder.Units.Keys, NameSuggestion.Nearest(unit.Text, CardBinder.Units.Keys));
        return null;
    }

    /// <summary>
    /// A kernel's declared unit: its text (<c>eV</c>, <c>GeV^2</c>, <c>eV^-1</c>, <c>1</c>; null without one), the factor from
    /// GeV^d to it, and its energy dimension d; null after reporting a unit that is unknown or misplaced, or a power that is
    /// not a nonzero integer (MDL0330).
    /// </summary>
    private (string? Text, double Scale, Rational Dimension)? KernelUnit(DefinitionDeclarationSyntax d)
    {
        if (UnitFactor(d) is not { } factor) return null;
        if (d.Unit is not { } unit) return (null, 1, Rational.Zero);
        if (unit.Kind == SyntaxKind.Number) return ("1", 1, Rational.Zero);
        if (d.UnitPower.Count == 0) return (unit.Text, factor, Rational.One);
        var digits = d.UnitPower[^1];
        if (digits.Text.Length == 0) return null; // the parser reported the missing power
        if (!int.TryParse(digits.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n == 0)
        {
            _diagnostics.ReportKernelUnitMismatch(_text, digits.Span,
                $"The power of a kernel's unit is a nonzero integer: in {unit.Text}^2, in {unit.Text}^-1 (a dimensionless kernel is declared 'in 1').");
            return null;
        }
        if (d.UnitPower.Count == 3) n = -n;
        return ($"{unit.Text}^{n}", Math.Pow(factor, n), Rational.Create(n, 1));
    }

    /// <summary>A let or kernel that could not be bound (its error is reported): declarations that use it are skipped silently.</summary>
    private void MarkBroken(string name)
    {
        owner.BrokenDefinitions.Add(name);
        _defineMentionsBroken.Clear();
    }

    /// <summary>
    /// True when <paramref name="e"/> uses a let or kernel that could not be bound, directly or through defines: the
    /// declaration is then skipped without a message (one typo, one message).
    /// </summary>
    private bool MentionsBroken(ExpressionSyntax e)
    {
        var broken = owner.BrokenDefinitions;
        if (broken.Count == 0) return false;
        switch (e)
        {
            case NameExpressionSyntax n when broken.Contains(n.Name.Text) && !_defines.ContainsKey(n.Name.Text):
            case IndexExpressionSyntax i when broken.Contains(i.Name.Text):
            case MemberAccessExpressionSyntax m when broken.Contains(m.Record.Text):
            case CallExpressionSyntax bc when broken.Contains(bc.Name.Text) && !_defines.ContainsKey(bc.Name.Text):
                return true;
            case NameExpressionSyntax n when _defines.ContainsKey(n.Name.Text) && DefineMentionsBroken(n.Name.Text):
            case CallExpressionSyntax c when _defines.ContainsKey(c.Name.Text) && DefineMentionsBroken(c.Name.Text):
                return true;
        }
        return Children(e).Any(MentionsBroken);
    }

    private bool DefineMentionsBroken(string name)
    {
        if (_defineMentionsBroken.TryGetValue(name, out var known)) return known;
        _defineMentionsBroken[name] = false; // a define that calls itself is reported where it is expanded
        return _defineMentionsBroken[name] = MentionsBroken(_defines[name].Expression);
    }

    /// <summary>
    /// A texture: <c>matrix(row(e, ...), ...)</c>, the name of an earlier texture or of a matrix parameter
    /// (its entries as symbols), and + / - / scalar multiples of these. Null after an error.
    /// </summary>
    private ExprMatrix? BindTexture(ExpressionSyntax e, List<TextureSpec> textures)
    {
        var context = new Context(ImmutableDictionary<string, int>.Empty, 0, false);
        switch (e)
        {
            case ParenthesizedExpressionSyntax p:
                return BindTexture(p.Expression, textures);
            case CallExpressionSyntax { Name.Text: "matrix" } m:
                var rows = new List<Expr[]>();
                foreach (var r in m.Arguments)
                {
                    if (r is not CallExpressionSyntax { Name.Text: "row" } row || row.Arguments.Count == 0)
                    {
                        _diagnostics.ReportBadLet(_text, r.Span, "A texture is matrix(row(...), row(...), ...).");
                        return null;
                    }
                    rows.Add(row.Arguments.Select(a => Bind(a, context)).ToArray());
                    if (ExpressionRules.AnyError(rows[^1])) return null;
                }
                if (rows.Count == 0 || rows.Any(r => r.Length != rows[0].Length))
                {
                    _diagnostics.ReportBadLet(_text, m.Span, "A texture's rows must be non-empty and of one length.");
                    return null;
                }
                return ExprMatrix.FromRows(rows.ToArray());
            case var poisoned when UsesPoisoned(poisoned):
                return null;
            case NameExpressionSyntax n when textures.FirstOrDefault(t => t.Name == n.Name.Text) is { } texture:
                return texture.Matrix;
            case NameExpressionSyntax n when owner.Parameters.TryGetValue(n.Name.Text, out var p) && p.Rank == 2:
                return p.SymbolMatrix();
            case NameExpressionSyntax n when _lets.TryGetValue(n.Name.Text, out var let) && let.Field("") is { Rank: 2 } plain:
                // a library matrix (e.g. a fitted perturbation) enters as its entries, computed per point
                return ExprMatrix.Create(plain.Rows, plain.Columns, (i, j) => Expr.Complex(let.EntrySymbol("", [i + 1, j + 1])));
            case MemberAccessExpressionSyntax { Indices.Count: 0 } m when _lets.TryGetValue(m.Record.Text, out var record)
                                                                    && record.Field(m.Member.Text) is { Rank: 2 } field:
                return ExprMatrix.Create(field.Rows, field.Columns, (i, j) => FieldSymbol(record, field, [i + 1, j + 1]));
            case BinaryExpressionSyntax { Operator.Kind: SyntaxKind.Plus or SyntaxKind.Minus } b:
                var left = BindTexture(b.Left, textures);
                var right = BindTexture(b.Right, textures);
                if (left is null || right is null) return null;
                if (left.Rows != right.Rows || left.Columns != right.Columns)
                {
                    _diagnostics.ReportBadLet(_text, b.Span, $"The shapes differ: {left.Rows}x{left.Columns} and {right.Rows}x{right.Columns}.");
                    return null;
                }
                return b.Operator.Kind == SyntaxKind.Plus ? left + right : left - right;
            case BinaryExpressionSyntax { Operator.Kind: SyntaxKind.Star } s:
                var factor = Bind(s.Left, context);
                var matrixPart = BindTexture(s.Right, textures);
                return matrixPart is null || IsError(factor) ? null : factor * matrixPart;
            default:
                _diagnostics.ReportBadLet(_text, e.Span, "A texture is matrix(row(...), ...), a texture or matrix parameter, or a sum or scalar multiple of these.");
                return null;
        }
    }

    /// <summary>A numeric value from literals, pi, I, omega, functions and earlier constants.</summary>
    public Complex? EvaluateNumeric(ExpressionSyntax e, bool allowComplex)
    {
        var errors = _diagnostics.Count;
        var expr = Bind(e, new Context(ImmutableDictionary<string, int>.Empty, 0, NumericOnly: true));
        if (_diagnostics.Count > errors || IsError(expr)) return null;
        var value = Evaluator.Evaluate(expr, s => owner.ConstValues.TryGetValue(s.Name, out var c) ? c : double.NaN);
        if (!double.IsFinite(value.Real) || !double.IsFinite(value.Imaginary))
        {
            _diagnostics.ReportBadValue(_text, e.Span, "The value is not a finite number.");
            return null;
        }
        if (!allowComplex && Math.Abs(value.Imaginary) > 1e-14 * Math.Max(1, Math.Abs(value.Real)))
        {
            _diagnostics.ReportBadValue(_text, e.Span, "A real value is needed here, not a complex one.");
            return null;
        }
        return allowComplex ? value : value.Real;
    }

    private LetSpec? BindLet(DefinitionDeclarationSyntax d)
    {
        var catalogue = owner.Catalogue;
        if (d.Expression is not CallExpressionSyntax call || catalogue.Find(call.Name.Text) is not { } builtin)
        {
            var derived = DerivationCatalogue.All.Select(x => x.Name).ToList();
            var near = d.Expression is CallExpressionSyntax c ? NameSuggestion.Nearest(c.Name.Text, catalogue.All.Select(b => b.Name).Concat(derived)) : null;
            _diagnostics.ReportBadLet(_text, d.Expression.Span,
                $"'let' takes a library function: {string.Join(", ", catalogue.All.Select(b => b.Name))}; or a quantity derived from the terms: {string.Join(", ", derived)}."
                + (near is null ? "" : $" Did you mean '{near}'?"));
            return null;
        }
        var signature = BuiltinCatalogue.Signature(builtin);
        var given = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
        var named = false;
        for (var k = 0; k < call.Arguments.Count; k++)
        {
            var a = call.Arguments[k];
            BuiltinParameter? p;
            ExpressionSyntax value;
            if (a is NamedArgumentSyntax na)
            {
                named = true;
                p = builtin.Parameters.FirstOrDefault(x => x.Name == na.Name.Text);
                if (p is null)
                {
                    _diagnostics.ReportUnknownArgument(_text, na.Name.Span, builtin.Name, na.Name.Text,
                        NameSuggestion.Nearest(na.Name.Text, builtin.Parameters.Select(x => x.Name)), signature);
                    return null;
                }
                value = na.Value;
            }
            else
            {
                if (named)
                {
                    _diagnostics.ReportNamedArgument(_text, a.Span, $"A positional argument cannot follow a named one; name it: {signature}.");
                    return null;
                }
                if (k >= builtin.Parameters.Count)
                {
                    _diagnostics.ReportArity(_text, call.Name.Span, builtin.Name, $"at most {builtin.Parameters.Count} arguments: {signature}", call.Arguments.Count);
                    return null;
                }
                p = builtin.Parameters[k];
                value = a;
            }
            if (!given.TryAdd(p.Name, value))
            {
                _diagnostics.ReportDuplicateArgument(_text, a.Span, builtin.Name, p.Name);
                return null;
            }
        }
        // each given argument against its type first (an old positional call fails at its first argument), then what is missing
        var bound = new Dictionary<string, LetArgument>(StringComparer.Ordinal);
        foreach (var p in builtin.Parameters)
        {
            if (!given.TryGetValue(p.Name, out var syntax)) continue;
            // a positional call that fails names the new form (the old positional texture_fit(a, b, c, ...) among them)
            if (BindArgument(builtin, p, syntax, named ? null : signature) is not { } arg) return null;
            bound[p.Name] = arg;
        }
        var missing = builtin.Parameters.Where(p => !p.IsOptional && !given.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            _diagnostics.ReportMissingArgument(_text, call.Name.Span, builtin.Name, missing, signature);
            return null;
        }
        return new LetSpec(d.Name.Text, builtin, builtin.Parameters.Select(p => bound.GetValueOrDefault(p.Name) ?? DefaultArgument(p)).ToList(), d.Span);
    }

    private static LetArgument DefaultArgument(BuiltinParameter p)
    {
        var v = p.Default!.Value;
        var text = v.Real.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return new LetArgument(p, Rational.TryParse(text) is { } r ? Expr.Number(r) : Expr.Real(text), null, null);
    }

    /// <summary>One argument checked against its parameter's type: arrays by name (with their shape), switches, scalars.</summary>
    private LetArgument? BindArgument(IBuiltin builtin, BuiltinParameter p, ExpressionSyntax syntax, string? signature)
    {
        void Report(string expected, string detail) =>
            _diagnostics.ReportArgumentKind(_text, syntax.Span, builtin.Name, p.Name, expected, detail + (signature is null ? "" : $"; it takes named arguments: {signature}"));
        var type = p.Type;
        if (type.IsArray)
        {
            var (name, field, dims) = ArrayArgument(syntax);
            int[] want = type.Kind == BuiltinValueKind.Vector ? [type.Rows] : [type.Rows, type.Columns];
            if (dims is null && syntax is MemberAccessExpressionSyntax { Indices.Count: 0 } member)
            {
                // not a record, or no such field: the member's own diagnostic (MDL0246, with a suggestion)
                BindMember(member, new Context(ImmutableDictionary<string, int>.Empty, 0, false));
                return null;
            }
            if (dims is null || !dims.SequenceEqual(want))
            {
                var what = dims is null ? "not a vector or matrix" : dims.Length == 0 ? "a scalar" : dims.Length == 1 ? $"a vector of length {dims[0]}" : $"a {dims[0]}x{dims[1]} matrix";
                Report(type.Kind == BuiltinValueKind.Vector ? $"a vector of length {type.Rows} (a vector parameter such as M[{type.Rows}], or a record field such as F.mass)"
                        : $"a {type.Rows}x{type.Columns} matrix (a matrix parameter, a texture, a matrix let or a record field such as F.h)",
                    $"'{_text.ToString(syntax.Span)}' is {what}");
                return null;
            }
            return new LetArgument(p, null, name, field);
        }
        if (type.Kind == BuiltinValueKind.Bool)
        {
            if (Binder.BoolLiteral(syntax) is { } b) return new LetArgument(p, b ? Expr.One : Expr.Zero, null, null);
            if (syntax is NameExpressionSyntax n && owner.Parameters.TryGetValue(n.Name.Text, out var bp) && bp.IsBool) return new LetArgument(p, bp.Symbol, null, null);
            Report("a switch", $"write true, false or the name of a 'bool' parameter, not '{_text.ToString(syntax.Span)}'");
            return null;
        }
        var (arrayName, _, arrayDims) = ArrayArgument(syntax);
        if (arrayName is not null && arrayDims is { Length: > 0 })
        {
            Report($"a {type} number", $"'{_text.ToString(syntax.Span)}' is an array (select an entry with [...])");
            return null;
        }
        if (syntax is NameExpressionSyntax bn && owner.Parameters.TryGetValue(bn.Name.Text, out var boolParameter) && boolParameter.IsBool)
        {
            Report($"a {type} number", $"'{bn.Name.Text}' is a switch");
            return null;
        }
        var errors = _diagnostics.Count;
        var scalar = Bind(syntax, new Context(ImmutableDictionary<string, int>.Empty, 0, false));
        if (_diagnostics.Count > errors) return null;
        return new LetArgument(p, scalar, null, null);
    }

    /// <summary>The array an argument names (parameter, texture, plain-matrix let, or record field), with its dimensions; nulls otherwise.</summary>
    private (string? Name, string? Field, int[]? Dims) ArrayArgument(ExpressionSyntax syntax)
    {
        switch (syntax)
        {
            case NameExpressionSyntax n:
                var name = n.Name.Text;
                if (owner.Parameters.TryGetValue(name, out var p)) return (name, null, p.Dimensions);
                if (_textures.TryGetValue(name, out var t)) return (name, null, t.Dimensions);
                if (_lets.TryGetValue(name, out var l) && l.Field("") is { } plain) return (name, null, plain.Dimensions);
                return (null, null, null);
            case MemberAccessExpressionSyntax { Indices.Count: 0 } m when _lets.TryGetValue(m.Record.Text, out var let) && let.Field(m.Member.Text) is { } f:
                return (let.Name, f.Name, f.Dimensions);
            default:
                return (null, null, null);
        }
    }

    private static SymbolExpr FieldSymbol(LetSpec let, BuiltinField field, IReadOnlyList<int> indices)
    {
        var name = let.EntrySymbol(field.Name, indices);
        return field.IsComplex ? Expr.Complex(name) : Expr.Real(name);
    }

    /// <summary><c>R.field</c>, <c>R.field[i]</c>, <c>R.field[i,j]</c>: an entry of a record let's field.</summary>
    private Expr BindMember(MemberAccessExpressionSyntax m, Context ctx)
    {
        var record = m.Record.Text;
        if (IsPoisoned(record)) return ExpressionRules.Error;
        if (!ctx.NumericOnly && owner.DeclaredAs.GetValueOrDefault(record) == LibraryUseKind) return BindLibraryKernel(m);
        if (!ctx.NumericOnly && m.Indices.Count == 0 && (owner.Tables.ContainsKey(record) || owner.Parameters.GetValueOrDefault(record)?.TableChoices is not null))
            return BindTableConstant(m);
        if (!ctx.NumericOnly && !owner.DeclaredAs.ContainsKey(record) && !_lets.ContainsKey(record))
        {
            // a record declared nowhere is an unknown name, reported at its first use only (as any other name)
            _diagnostics.ReportUnknownName(_text, m.Record.Span, record, NameSuggestion.Nearest(record, Candidates(ctx)));
            Poison(record);
            return ExpressionRules.Error;
        }
        if (ctx.NumericOnly || !_lets.TryGetValue(record, out var let) || let.IsPlainMatrix)
        {
            _diagnostics.ReportBadMember(_text, m.Span, $"'{m.Record.Text}' is not a record: R.field reads a field of a 'let' whose library function returns a record.");
            return ExpressionRules.Error;
        }
        if (let.Field(m.Member.Text) is not { } field)
        {
            var near = NameSuggestion.Nearest(m.Member.Text, let.Builtin.Result.Select(f => f.Name));
            _diagnostics.ReportBadMember(_text, m.Member.Span,
                $"{let.Builtin.Name} has no field '{m.Member.Text}' (fields: {string.Join(", ", let.Builtin.Result.Select(f => f.Name))})." + (near is null ? "" : $" Did you mean '{near}'?"));
            return ExpressionRules.Error;
        }
        if (m.Indices.Count != field.Rank)
        {
            _diagnostics.ReportIndexCount(_text, m.Span, $"{m.Record.Text}.{m.Member.Text}", field.Rank, m.Indices.Count);
            return ExpressionRules.Error;
        }
        var values = new List<int>();
        for (var k = 0; k < field.Rank; k++)
        {
            var v = IndexValue(m.Indices[k], ctx, field.Dimensions[k]);
            if (v is null) return Expr.Zero;
            values.Add(v.Value);
        }
        return FieldSymbol(let, field, values);
    }

    private Expr Bind(ExpressionSyntax e, Context ctx) =>
        ExpressionsFor(_text).Bind(e, ctx);

    private ExpressionBinder<Context> ExpressionsFor(SourceText text)
    {
        if (!_expressions.TryGetValue(text, out var binder))
            _expressions[text] = binder = new ExpressionBinder<Context>(text, _diagnostics,
                (n, c) => NoteQuantity(BindName(n, c)), (i, c) => NoteQuantity(BindIndexed(i, c)), BindCall, (m, c) => NoteQuantity(BindMember(m, c)),
                "Named arguments are for library functions in 'let'; functions and defines take theirs by position.", NoteLiteral);
        return binder;
    }

    private IEnumerable<string> Candidates(Context ctx) =>
        owner.ConstValues.Keys.Concat(ctx.NumericOnly ? [] : owner.Parameters.Keys.Concat(_kernels.Keys).Concat(_defines.Keys).Concat(_lets.Keys).Concat(SystemNames()));

    private Expr BindName(SyntaxToken name, Context ctx)
    {
        var text = name.Text;
        switch (text)
        {
            case "I": return Expr.I;
            case "omega": return Expr.Omega;
        }
        if (ctx.Values.TryGetValue(text, out var bound)) return bound;
        if (!ctx.NumericOnly && SystemName(name) is { } systemName) return systemName;
        if (ctx.Env.ContainsKey(text))
        {
            _diagnostics.ReportFieldIndex(_text, name.Span, $"The index '{text}' selects an entry (as in M[{text}]); it is not a value.");
            return ExpressionRules.Error;
        }
        if (IsPoisoned(text)) return ExpressionRules.Error; // its own error is reported already
        if (owner.ConstValues.ContainsKey(text)) return Expr.Real(text);
        if (!ctx.NumericOnly)
        {
            if (owner.Parameters.TryGetValue(text, out var p))
            {
                if (p.IsMatrix) { _diagnostics.ReportIndexCount(_text, name.Span, text, p.Rank, 0); return ExpressionRules.Error; }
                return p.Symbol;
            }
            if (_lets.ContainsKey(text) || _textures.ContainsKey(text)) { _diagnostics.ReportIndexCount(_text, name.Span, text, _textures.TryGetValue(text, out var whole) ? whole.Dimensions.Length : 2, 0); return ExpressionRules.Error; }
            if (_kernels.TryGetValue(text, out var kernel))
            {
                if (_opaqueKernels.Contains(text)) _opaqueNumbers++;
                return kernel;
            }
            if (_defines.TryGetValue(text, out var define)) return Expand(define, [], name, ctx);
            if (owner.Fields.ContainsKey(text))
            {
                _diagnostics.ReportNameClash(_text, name.Span, text, "is a field; kernels are formulas in parameters, constants and library matrices");
                return ExpressionRules.Error;
            }
        }
        if (owner.DeclaredAs.TryGetValue(text, out var what))
        {
            _diagnostics.ReportNameClash(_text, name.Span, text,
                ctx.NumericOnly ? $"is a {what}; a constant value may use only numbers, pi and earlier constants" : $"is a {what} and cannot be used here (declare it before use)");
            return ExpressionRules.Error;
        }
        if (!owner.IncludeFailed) _diagnostics.ReportUnknownName(_text, name.Span, text, NameSuggestion.Nearest(text, Candidates(ctx)));
        Poison(text); // reported at its first use only
        return ExpressionRules.Error;
    }

    private int[]? ArrayDimensions(string name, out bool complex)
    {
        complex = true;
        if (StateDimensions(name, out complex) is { } state) return state;
        if (owner.Parameters.TryGetValue(name, out var p) && p.IsMatrix) { complex = p.IsComplex; return p.Dimensions; }
        if (_lets.TryGetValue(name, out var l) && l.Field("") is { } plain) return plain.Dimensions;
        if (_textures.TryGetValue(name, out var t)) return t.Dimensions;
        return null;
    }

    private Expr BindIndexed(IndexExpressionSyntax i, Context ctx)
    {
        var name = i.Name.Text;
        if (IsPoisoned(name)) return ExpressionRules.Error;
        var dims = ctx.NumericOnly ? null : ArrayDimensions(name, out var complex);
        if (dims is null)
        {
            if (ctx.NumericOnly || owner.DeclaredAs.ContainsKey(name))
                _diagnostics.ReportIndexCount(_text, i.Span, name, 0, i.Indices.Count);
            else
            {
                if (!owner.IncludeFailed) _diagnostics.ReportUnknownName(_text, i.Name.Span, name, NameSuggestion.Nearest(name, Candidates(ctx)));
                Poison(name); // reported at its first use only
            }
            return ExpressionRules.Error;
        }
        if (!ExpressionRules.IndexCountMatches(i, dims.Length, _text, _diagnostics))
        {
            Poison(name); // reported at its first use only: a declaration with one size too few or many is one mistake
            return ExpressionRules.Error;
        }
        var values = new List<int>();
        for (var k = 0; k < dims.Length; k++)
        {
            var v = IndexValue(i.Indices[k], ctx, dims[k]);
            if (v is null) return ExpressionRules.Error;
            values.Add(v.Value);
        }
        // a texture's entry is its expression in the parameters (and in the lets it is built from)
        if (_textures.TryGetValue(name, out var texture))
        {
            _opaqueNumbers++;
            return texture.Entry(values);
        }
        if (HermitianEntry(name, values) is { } entry) return entry;
        var symbol = _lets.TryGetValue(name, out var plainLet) ? plainLet.EntrySymbol("", values) : $"{name}[{string.Join(",", values)}]";
        ArrayDimensions(name, out complex);
        return complex ? Expr.Complex(symbol) : Expr.Real(symbol);
    }

    private int? IndexValue(ExpressionSyntax index, Context ctx, int range)
    {
        int value;
        switch (index)
        {
            case NameExpressionSyntax n when ctx.Env.TryGetValue(n.Name.Text, out value):
                break;
            case NameExpressionSyntax n:
                _diagnostics.ReportIndexNotBound(_text, n.Span, n.Name.Text);
                return null;
            case LiteralExpressionSyntax { Token: { Value: { IsInteger: true } v, IsImaginary: false, IsBar: false } } when v.Sign > 0 && v.Numerator <= 64:
                value = (int)v.Numerator;
                break;
            default:
                _diagnostics.ReportFieldIndex(_text, index.Span, $"An index is a name bound by sum, pairs, minpairs or a define, or a number from 1 to {range}.");
                return null;
        }
        if (value > range)
        {
            _diagnostics.ReportIndexRange(_text, index.Span, index is NameExpressionSyntax nn ? nn.Name.Text : value.ToString(System.Globalization.CultureInfo.InvariantCulture), range, value);
            return null;
        }
        return value;
    }

    private Expr BindCall(CallExpressionSyntax c, Context ctx)
    {
        var name = c.Name.Text;
        if (c.Record is not null) return BindTableCall(c, ctx);
        if (!ctx.NumericOnly && name == "diff") return BindDiff(c, ctx);
        if (IsPoisoned(name)) return ExpressionRules.Error;
        if (!ctx.NumericOnly && name is "sum" or "pairs" or "minpairs") return BindIndexSum(c, ctx);
        if (!ctx.NumericOnly && name == "integral") return BindIntegral(c, ctx);
        if (!ctx.NumericOnly && _defines.TryGetValue(name, out var define)) return Expand(define, c.Arguments, c.Name, ctx);
        if (DerivationCatalogue.Find(name) is { } derivation)
        {
            _diagnostics.ReportDerivation(_text, c.Name.Span,
                $"{derivation.Usage} is a quantity derived from the terms: declare it with 'let NAME = {name}(...)' and read its entries by index, e.g. NAME[1].");
            return ExpressionRules.Error;
        }
        var known = ExpressionRules.IsFunction(name);
        if (!known) Poison(name); // reported below, at its first use only
        if (!known && owner.IncludeFailed) return ExpressionRules.Error; // perhaps a define of the failed include
        // the arguments of an unknown function are not bound: their messages would follow from its name
        var args = known ? c.Arguments.Select(a => Bind(a, ctx)).ToArray() : [];
        return ExpressionRules.Function(c, args, _text, _diagnostics, ctx.NumericOnly ? [] : _defines.Keys.Concat(["sum", "pairs", "minpairs"]));
    }

    private Expr BindIndexSum(CallExpressionSyntax c, Context ctx)
    {
        var name = c.Name.Text;
        var indexCount = name == "sum" ? 1 : 2;
        if (c.Arguments.Count != indexCount + 1)
        {
            _diagnostics.ReportArity(_text, c.Name.Span, name, indexCount == 1 ? "2 arguments: sum(i, expr)" : $"3 arguments: {name}(i, j, expr)", c.Arguments.Count);
            return ExpressionRules.Error;
        }
        var body = c.Arguments[^1];
        var indices = new List<(string Name, int Range)>();
        // sum(j != i, e): the condition's left side is the new index, its right side an index bound here or a number
        var condition = name == "sum" && c.Arguments[0] is BinaryExpressionSyntax { Operator.Kind: SyntaxKind.NotEquals } ne ? ne : null;
        foreach (var a in condition is null ? c.Arguments.Take(indexCount) : [condition.Left])
        {
            if (a is not NameExpressionSyntax { Name: var index } || ctx.Env.ContainsKey(index.Text) || owner.DeclaredAs.ContainsKey(index.Text))
            {
                _diagnostics.ReportFieldIndex(_text, a.Span, $"'{name}' takes new index names first, e.g. {name}({(indexCount == 1 ? "i" : "i, j")}, ...).");
                return ExpressionRules.Error;
            }
            var range = InferRange(index.Text, body, 0);
            // a body that fails on its own (an unknown or failed name) is the cause, not the range
            if (range is null && (UsesPoisoned(body) || IsError(Bind(body, ctx with { Env = ProbeEnv(c, indexCount, ctx) }))))
                return ExpressionRules.Error;
            if (range is null)
            {
                _diagnostics.ReportIndexNotBound(_text, a.Span, index.Text, "its range cannot be told: it selects in no vector or matrix here");
                return ExpressionRules.Error;
            }
            indices.Add((index.Text, range.Value));
        }
        if (indexCount == 1)
        {
            var (i, n) = indices[0];
            var skip = 0; // no index is 0
            if (condition is not null)
            {
                if (IndexValue(condition.Right, ctx, n) is not { } excluded) return ExpressionRules.Error;
                skip = excluded;
            }
            var values = Enumerable.Range(1, n).Where(v => v != skip).Select(v => Bind(body, ctx with { Env = ctx.Env.SetItem(i, v) })).ToList();
            return ExpressionRules.AnyError(values) ? ExpressionRules.Error : Expr.Add(values);
        }
        if (indices[0].Range != indices[1].Range)
        {
            _diagnostics.ReportIndexRange(_text, c.Arguments[1].Span, indices[1].Name, indices[1].Range, indices[0].Range);
            return ExpressionRules.Error;
        }
        var (a1, a2, range2) = (indices[0].Name, indices[1].Name, indices[0].Range);
        var terms = new List<Expr>();
        for (var x = 1; x <= range2; x++)
            for (var y = 1; y <= range2; y++)
            {
                if (x == y || (name == "minpairs" && y < x)) continue;
                terms.Add(Bind(body, ctx with { Env = ctx.Env.SetItem(a1, x).SetItem(a2, y) }));
            }
        if (ExpressionRules.AnyError(terms)) return ExpressionRules.Error;
        if (name == "pairs") return Expr.Add(terms);
        if (terms.Count == 0)
        {
            _diagnostics.ReportIndexNotBound(_text, c.Name.Span, indices[0].Name, "minpairs needs a range of at least 2");
            return ExpressionRules.Error;
        }
        return terms.Count == 1 ? terms[0] : Expr.Min(terms.ToArray());
    }

    /// <summary>The environment with every index of a sum set to 1: the body is bound once so its own errors come first.</summary>
    private static ImmutableDictionary<string, int> ProbeEnv(CallExpressionSyntax c, int indexCount, Context ctx) =>
        c.Arguments.Take(indexCount).Select(a => a is BinaryExpressionSyntax { Operator.Kind: SyntaxKind.NotEquals } ne ? ne.Left : a)
            .OfType<NameExpressionSyntax>().Aggregate(ctx.Env, (env, n) => env.SetItem(n.Name.Text, 1));

    /// <summary>The range of an index from the arrays it selects in (looking through define calls, each at most once on a path).</summary>
    private int? InferRange(string index, ExpressionSyntax body, int depth, ImmutableHashSet<string>? entered = null)
    {
        if (depth > MaxDepth) return null;
        entered ??= ImmutableHashSet<string>.Empty;
        switch (body)
        {
            case IndexExpressionSyntax ix:
                var dims = ArrayDimensions(ix.Name.Text, out _);
                if (dims is not null)
                    for (var k = 0; k < Math.Min(dims.Length, ix.Indices.Count); k++)
                        if (ix.Indices[k] is NameExpressionSyntax n && n.Name.Text == index) return dims[k];
                break;
            case MemberAccessExpressionSyntax ma when _lets.TryGetValue(ma.Record.Text, out var rl) && rl.Field(ma.Member.Text) is { } rf:
                for (var k = 0; k < Math.Min(rf.Rank, ma.Indices.Count); k++)
                    if (ma.Indices[k] is NameExpressionSyntax n && n.Name.Text == index) return rf.Dimensions[k];
                break;
            case CallExpressionSyntax call when _defines.TryGetValue(call.Name.Text, out var d) && !entered.Contains(d.Name.Text):
                for (var k = 0; k < Math.Min(call.Arguments.Count, d.Parameters.Count); k++)
                    if (call.Arguments[k] is NameExpressionSyntax n && n.Name.Text == index
                        && InferRange(d.Parameters[k].Text, d.Expression, depth + 1, entered.Add(d.Name.Text)) is { } r) return r;
                break;
        }
        foreach (var child in Children(body))
            if (InferRange(index, child, depth + 1, entered) is { } r) return r;
        return null;
    }

    private static IEnumerable<ExpressionSyntax> Children(ExpressionSyntax e) => e switch
    {
        IndexExpressionSyntax i => i.Indices,
        MemberAccessExpressionSyntax m => m.Indices,
        NamedArgumentSyntax a => [a.Value],
        CallExpressionSyntax c => c.Arguments,
        UnaryExpressionSyntax u => [u.Operand],
        BinaryExpressionSyntax b => [b.Left, b.Right],
        ParenthesizedExpressionSyntax p => [p.Expression],
        _ => [],
    };

    private Expr Expand(DefinitionDeclarationSyntax define, IReadOnlyList<ExpressionSyntax> args, SyntaxToken at, Context ctx)
    {
        if (args.Count != define.Parameters.Count)
        {
            _diagnostics.ReportArity(_text, at.Span, define.Name.Text, $"{define.Parameters.Count} index argument(s)", args.Count);
            return ExpressionRules.Error;
        }
        var name = define.Name.Text;
        if (ctx.Expanding.Contains(name))
        {
            // the call that closes the cycle; every define on it fails silently from here (poisoned below)
            _diagnostics.ReportRecursiveDefine(_text, at.Span, name);
            return ExpressionRules.Error;
        }
        if (ctx.Depth >= MaxDepth)
        {
            _diagnostics.ReportTooDeep(_text, at.Span, MaxDepth);
            return ExpressionRules.Error;
        }
        var env = ImmutableDictionary<string, int>.Empty;
        var values = ImmutableDictionary<string, Expr>.Empty;
        for (var k = 0; k < args.Count; k++)
        {
            var parameter = define.Parameters[k].Text;
            var a = args[k];
            if (a is NameExpressionSyntax n && ctx.Env.ContainsKey(n.Name.Text))
            {
                // an index passes on as an index (a value only if it was one: an integer literal passed down)
                env = env.SetItem(parameter, ctx.Env[n.Name.Text]);
                if (ctx.Values.TryGetValue(n.Name.Text, out var both)) values = values.SetItem(parameter, both);
                continue;
            }
            if (a is LiteralExpressionSyntax { Token: { Value.IsInteger: true, IsImaginary: false, IsBar: false } })
            {
                // an integer literal is an index (1..64) and also a value
                if (IndexValue(a, ctx, 64) is not { } index) return ExpressionRules.Error;
                env = env.SetItem(parameter, index);
                values = values.SetItem(parameter, Expr.Number(index));
                continue;
            }
            if (a is NameExpressionSyntax u && !ctx.Values.ContainsKey(u.Name.Text) && !owner.DeclaredAs.ContainsKey(u.Name.Text) && u.Name.Text is not ("I" or "omega" or "pi")
                && !IsSystemName(u.Name.Text) && !_defines.ContainsKey(u.Name.Text))
            {
                _diagnostics.ReportIndexNotBound(_text, u.Span, u.Name.Text);
                return ExpressionRules.Error;
            }
            var errors = _diagnostics.Count;
            var bound = Bind(a, ctx);
            if (_diagnostics.Count > errors || IsError(bound)) return ExpressionRules.Error;
            values = values.SetItem(parameter, bound);
        }
        // an error in the body is reported at its first expansion only: the define is poisoned after it
        // the body's mistakes point into the file that holds it (an included definitions file, or the spec)
        var caller = _text;
        _text = owner.IncludedTexts.GetValueOrDefault(define, owner.Text);
        var body = Bind(define.Expression, new Context(env, ctx.Depth + 1, false) { Values = values, Expanding = ctx.Expanding.Add(name) });
        _text = caller;
        if (IsError(body)) Poison(name);
        return body;
    }
}
