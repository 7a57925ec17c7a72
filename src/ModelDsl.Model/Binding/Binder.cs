using System.Collections.Immutable;
using ModelDsl.Diagnostics;
using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Functions;
using ModelDsl.Symbolics.Linear;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// Resolves the names of a parsed spec and builds the immutable <see cref="ModelSpec"/>:
/// groups, fields with exact charges and representations, parameters, Lagrangian terms
/// (checked for index contraction and shape, then expanded into monomials), vevs and checks.
/// Declarations may come in any order. Every mistake is a diagnostic; nothing throws.
/// </summary>
public sealed class Binder
{
    /// <summary>The checks that the checks stage knows.</summary>
    public static readonly IReadOnlyList<string> KnownChecks = ["anomalies", "invariance", "cw_minimum", "seesaw_zero_mass", "texture_allowed"];

    private static readonly string[] Reserved = ["I", "omega", "pi", "conj", "bar", "dag", "sqrt", "sum", "pairs", "minpairs", "true", "false", "diff", .. FunctionInfo.Names, .. DerivationCatalogue.All.Select(d => d.Name)];
    private readonly HashSet<string> _reserved;

    /// <summary>True for the names the language reserves (constants, functions, kernel words, builtins).</summary>
    internal bool IsReserved(string name) => _reserved.Contains(name);

    private readonly SyntaxTree _tree;
    private readonly SourceText _text;
    private readonly DiagnosticBag _diagnostics = new();

    internal SourceText Text => _text;
    internal DiagnosticBag DiagnosticBag => _diagnostics;
    internal IReadOnlyDictionary<string, ParameterSpec> Parameters => _parameters;
    internal IReadOnlyDictionary<string, FieldSpec> Fields => _fields;
    internal IReadOnlyDictionary<string, string> DeclaredAs => _declaredAs;
    /// <summary>The tables that loaded, by name.</summary>
    internal IReadOnlyDictionary<string, TableSpec> Tables => _tables;
    private readonly Dictionary<string, TableSpec> _tables = new(StringComparer.Ordinal);
    /// <summary>The library functions a <c>let</c> may call.</summary>
    internal IBuiltinCatalogue Catalogue { get; }

    /// <summary>
    /// Poisoned names: declarations that failed (a syntax error in a definition or a field, a parameter
    /// with a bad size, a const without a finite value, a let or texture that did not bind, a define
    /// whose expansion failed, a kernel with an error) and unknown names already reported once. Their
    /// uses bind silently to <see cref="ExpressionRules.Error"/>: the first message is the only one.
    /// </summary>
    internal HashSet<string> BrokenDefinitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Constants known so far (pi first), for parameter defaults and const declarations.</summary>
    internal Dictionary<string, double> ConstValues { get; } = new(StringComparer.Ordinal) { ["pi"] = Math.PI };

    /// <summary>Evaluates a numeric expression over literals, pi and the constants declared so far (null after an error).</summary>
    internal System.Numerics.Complex? EvaluateConstant(ExpressionSyntax e, bool allowComplex) =>
        new KernelBinder(this, []).EvaluateNumeric(e, allowComplex);
    private readonly Dictionary<string, GroupSpec> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterSpec> _parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldDeclarationSyntax> _fieldSyntax = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldSpec> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _declaredAs = new(StringComparer.Ordinal);
    private readonly ExpressionBinder<TermScope> _expressions;

    private Binder(SyntaxTree tree, IBuiltinCatalogue catalogue)
    {
        _tree = tree;
        _text = tree.Text;
        Catalogue = catalogue;
        _reserved = new HashSet<string>(Reserved.Concat(catalogue.All.Select(b => b.Name)), StringComparer.Ordinal);
        _expressions = new ExpressionBinder<TermScope>(_text, _diagnostics, BindName, BindIndexed, BindCall, BindMember,
            "Named arguments are for library functions in 'let', e.g. let U = pmns(s12: s12, ...).");
    }

    /// <summary>
    /// Binds a parsed spec (its syntax diagnostics are included in the result); <paramref name="catalogue"/> holds the
    /// builtins its lets may call (the facade passes ModelDsl.Kernels' catalogue).
    /// A file whose header is <c>library</c> (and that declares no <c>model</c>) is bound as a library (see <see cref="BindLibrary"/>),
    /// so its own mistakes are reported when it is checked on its own.
    /// </summary>
    public static BindResult Bind(SyntaxTree tree, IBuiltinCatalogue catalogue)
    {
        var headers = tree.Root.Declarations.OfType<ModelDeclarationSyntax>().Select(m => m.Keyword.Kind).ToList();
        var library = headers.Contains(SyntaxKind.LibraryKeyword) && !headers.Contains(SyntaxKind.ModelKeyword);
        var definitions = headers.Contains(SyntaxKind.DefinitionsKeyword) && !headers.Contains(SyntaxKind.ModelKeyword) && !library;
        return new Binder(tree, catalogue) { IsLibrary = library, IsDefinitions = definitions }.Run();
    }

    /// <summary>
    /// Binds a library spec (<c>library NAME</c>, then <c>input</c>, <c>const</c>, <c>define</c> and <c>kernel</c>
    /// declarations): its product is a <see cref="ModelSpec"/> whose parameters are the inputs and whose kernels are
    /// formulas in them. A model instantiates it with <c>use</c>.
    /// </summary>
    public static BindResult BindLibrary(SyntaxTree tree, IBuiltinCatalogue catalogue) => new Binder(tree, catalogue) { IsLibrary = true }.Run();

    /// <summary>True when binding a library spec (see <see cref="BindLibrary"/>).</summary>
    internal bool IsLibrary { get; private init; }

    /// <summary>
    /// True when binding a definitions file (<c>definitions NAME "title"</c>, then only <c>define</c>s) on its own: its
    /// defines are macros expanded where they are included, so on its own only its syntax and contents are checked.
    /// </summary>
    internal bool IsDefinitions { get; private init; }

    /// <summary>
    /// True when an <c>include</c> failed (reported): the names it would have declared are unknown, so unknown names say
    /// nothing more (one mistake, one message).
    /// </summary>
    internal bool IncludeFailed { get; private set; }

    /// <summary>The source of each define brought in by an <c>include</c> (its spans are in that file).</summary>
    internal IReadOnlyDictionary<DefinitionDeclarationSyntax, SourceText> IncludedTexts => _includedTexts;
    private readonly Dictionary<DefinitionDeclarationSyntax, SourceText> _includedTexts = new(ReferenceEqualityComparer.Instance);

    /// <summary>The libraries loaded by this binding's <c>use</c>s, by path as written from the spec's folder (each is read and bound once).</summary>
    internal Dictionary<string, BindResult?> Libraries { get; } = new(StringComparer.Ordinal);

    private BindResult Run()
    {
        _diagnostics.AddRange(_tree.Diagnostics);
        var decls = _tree.Root.Declarations;

        var header = IsLibrary ? SyntaxKind.LibraryKeyword : IsDefinitions ? SyntaxKind.DefinitionsKeyword : SyntaxKind.ModelKeyword;
        CheckFileKind(decls);
        var models = decls.OfType<ModelDeclarationSyntax>().Where(m => m.Keyword.Kind == header).ToList();
        if (models.Count == 0 && !_diagnostics.HasErrors)
            if (IsLibrary) _diagnostics.ReportLibraryDeclaration(_text, new TextSpan(0, 0), "A library file starts with 'library NAME \"title\"'.");
            else _diagnostics.ReportEmptyModel(_text);
        foreach (var extra in models.Skip(1))
            _diagnostics.ReportModelDeclaration(_text, extra.Keyword.Span, $"A file declares one {extra.Keyword.Text}; this is a second '{extra.Keyword.Text}' declaration.");

        foreach (var g in decls.OfType<GroupDeclarationSyntax>()) DeclareGroup(g);
        DeclareTables(decls.OfType<TableDeclarationSyntax>());
        foreach (var p in decls.OfType<ParameterDeclarationSyntax>()) DeclareParameters(p);
        foreach (var f in decls.OfType<FieldDeclarationSyntax>())
            if (Declare(f.Name, f.Keyword.Text)) _fieldSyntax[f.Name.Text] = f;
        foreach (var v in decls.OfType<VevDeclarationSyntax>()) DeclareVevName(v);
        var definitions = decls.OfType<DefinitionDeclarationSyntax>().Where(d => Declare(d.Name, d.Keyword.Text)).ToList();
        var systemBlocks = decls.OfType<SystemDeclarationSyntax>().Where(d => Declare(d.Name, "system")).ToList();
        var uses = decls.OfType<UseDeclarationSyntax>().Where(u => !IsLibrary && Declare(u.Name, KernelBinder.LibraryUseKind)).ToList();
        var includes = decls.OfType<IncludeDeclarationSyntax>().ToList();
        // a string where a declaration starts (MDL0011 already) is an include that lost its keyword when it names a file there:
        // its defines stand in, so their uses say nothing more; any other stray string silences nothing
        var recovered = includes.Where(i => i.Keyword.IsMissing && IncludeLoader.NamesFile(_text, i)).ToList();
        IncludeFailed = includes.Any(i => i.Path.IsMissing || !i.Keyword.IsMissing && !Clean(i));
        var included = DeclareIncluded(includes.Where(i => !IsDefinitions && (!i.Keyword.IsMissing && Clean(i) || recovered.Contains(i))));

        // a field with a syntax error is poisoned: its entries after the error are lost, so neither it nor its uses say more
        // names in the text of a declaration with a syntax error, declared nowhere else, are poisoned:
        // 'param s12 s23, s13 : real' leaves s13 undeclared, and its uses say nothing more
        foreach (var t in _tree.Root.BrokenNames.Where(t => !_declaredAs.ContainsKey(t.Text))) BrokenDefinitions.Add(t.Text);
        foreach (var f in _fieldSyntax.Values)
            if (Clean(f)) _fields[f.Name.Text] = BindField(f);
            else BrokenDefinitions.Add(f.Name.Text);
        // A declaration with a syntax error is not bound further: one typo, one message.
        var vevs = decls.OfType<VevDeclarationSyntax>().Where(Clean).Select(BindVev).OfType<VevSpec>().ToList();
        BoundVevs = vevs;
        VevsIncomplete = vevs.Count < decls.OfType<VevDeclarationSyntax>().Count();
        _termDeclarations = decls.OfType<TermDeclarationSyntax>().ToList();
        var checks = decls.OfType<CheckDeclarationSyntax>().Where(Clean).SelectMany(c => c.Items).Select(BindCheck).OfType<CheckRequest>().ToList();

        foreach (var d in definitions.Where(d => !Clean(d))) BrokenDefinitions.Add(d.Name.Text);
        foreach (var u in uses.Where(u => !Clean(u))) BrokenDefinitions.Add(u.Name.Text);
        // an included define stands where its include does (the included file's own spans are in another text)
        var ordered = definitions.Where(Clean).Concat<DeclarationSyntax>(uses.Where(Clean)).Select(d => (Declaration: d, At: d.Span.Start))
            .Concat(included.Select(i => (Declaration: (DeclarationSyntax)i.Define, At: i.Include.Span.Start)))
            .OrderBy(p => p.At).Select(p => p.Declaration).ToList();
        var kernelStage = new KernelBinder(this, ordered);
        var (consts, lets, kernels, textures) = kernelStage.Bind();
        // terms after textures and lets (the kernel stage notes each as it binds it): a term's coupling may name either; a
        // derived quantity (let m = dirac_mass(L, N)) binds them earlier, when the couplings above it are known
        var terms = BoundTerms();
        CheckCouplingOrderForSeesaw(checks, terms);
        CheckLetOrientation(terms);
        foreach (var c in checks.Where(c => c.Name == "cw_minimum")) RequireScaleInvariance(c, terms);
        checks = checks.Select(c => c.Name == "texture_allowed" && c.Arguments.Count == 1 ? WithCouplingFields(c, textures, terms) : c).OfType<CheckRequest>().ToList();
        IReadOnlyList<SystemSpec> systems = [.. kernelStage.BindSystems(systemBlocks.Where(Clean).ToList()), .. kernelStage.LibrarySystems];
        RecordTableColumns(kernelStage.TableColumnsUsed);
        foreach (var c in checks.Where(c => c.Name is "seesaw_zero_mass" or "texture_allowed" && !textures.Any(t => t.Name == c.Argument) && !BrokenDefinitions.Contains(c.Argument!)))
            _diagnostics.ReportCheckArgument(_text, c.Span, $"'{c.Argument}' is not a texture of the model (declare 'texture {c.Argument} = matrix(row(...), ...)').");
        foreach (var c in checks.Where(c => c.Name == "texture_allowed" && c.Arguments.Count == 3))
            CheckTextureShape(c, textures, terms);

        var diagnostics = _diagnostics.ToArray();
        if (diagnostics.Any(d => d.IsError) || models.Count == 0) return new BindResult(null, diagnostics);
        var model = models[0];
        var spec = new ModelSpec(
            model.Name.Text, model.Title?.Text.Trim('"'), _text,
            _groups.Values.ToArray(), _fieldSyntax.Keys.Select(n => _fields[n]).ToArray(), _parameters.Values.ToArray(),
            terms, vevs, checks)
        {
            Consts = consts, Lets = lets, Kernels = kernels, Textures = textures, Systems = systems, Tables = [.. _tables.Values, .. kernelStage.LibraryTables],
        };
        return new BindResult(spec, diagnostics);
    }

    /// <summary>
    /// The defines of the spec's includes (read by <see cref="IncludeLoader"/>), declared as the spec's own after its other
    /// names: a name the spec (or an earlier include) declares too is MDL0349 at the include, and poisoned.
    /// </summary>
    private List<IncludedDefine> DeclareIncluded(IEnumerable<IncludeDeclarationSyntax> includes)
    {
        var declared = new List<IncludedDefine>();
        var origins = new Dictionary<string, IncludedDefine>(StringComparer.Ordinal);
        var defines = IncludeLoader.Load(_text, includes, _diagnostics, BrokenDefinitions, out var failed);
        IncludeFailed |= failed;
        foreach (var i in defines)
        {
            var name = i.Define.Name.Text;
            var (line, column) = i.Text.GetLineColumn(i.Define.Name.Span.Start);
            var where = $"{i.Text.Path}({line},{column})";
            if (_reserved.Contains(name))
            {
                _diagnostics.ReportNameClash(i.Text, i.Define.Name.Span, name, "is a built-in name (constant or function) and cannot be declared");
                continue;
            }
            if (_declaredAs.TryGetValue(name, out var earlier))
            {
                var other = origins.TryGetValue(name, out var first)
                    ? $"the define of {first.Text.Path}({first.Text.GetLineColumn(first.Define.Name.Span.Start).Line},{first.Text.GetLineColumn(first.Define.Name.Span.Start).Column}), included here too"
                    : $"the {earlier} '{name}' of this file";
                _diagnostics.ReportIncludeClash(_text, i.Include.Path.Span, $"The define '{name}' of {where} has the name of {other}: rename one.");
                BrokenDefinitions.Add(name);
                continue;
            }
            _declaredAs[name] = i.Define.Keyword.Text;
            origins[name] = i;
            _includedTexts[i.Define] = i.Text;
            declared.Add(i);
        }
        return declared;
    }

    /// <summary>
    /// MDL0252 for a declaration in the wrong kind of file: a library declares only its header, inputs, consts,
    /// defines, kernels, systems and tables (no fields, terms, parameters, lets, textures or uses of its own); a model no inputs.
    /// </summary>
    private void CheckFileKind(IReadOnlyList<DeclarationSyntax> decls)
    {
        // one message per kind of misplaced declaration: the rest follow from the same mistake (a lost or wrong header)
        var reported = new HashSet<SyntaxKind>();
        foreach (var d in decls.Where(d => !d.Keyword.IsMissing)) // a keyword-less include (a stray path) is reported already
        {
            var kind = d.Keyword.Kind;
            if (IsDefinitions)
            {
                if (kind is not (SyntaxKind.DefinitionsKeyword or SyntaxKind.DefineKeyword) && reported.Add(kind))
                    _diagnostics.ReportIncludedDeclaration(_text, d.Keyword.Span, IncludeLoader.Misplaced(d));
            }
            else if (kind == SyntaxKind.DefinitionsKeyword && reported.Add(kind))
                _diagnostics.ReportLibraryDeclaration(_text, d.Keyword.Span, "A file is a model, a library or a definitions file ('definitions NAME', included with include \"path\"), not two.");
            else if (IsLibrary && kind is not (SyntaxKind.LibraryKeyword or SyntaxKind.InputKeyword or SyntaxKind.ConstKeyword or SyntaxKind.DefineKeyword or SyntaxKind.KernelKeyword or SyntaxKind.SystemKeyword or SyntaxKind.TableKeyword or SyntaxKind.IncludeKeyword))
            {
                if (reported.Add(kind))
                    _diagnostics.ReportLibraryDeclaration(_text, d.Keyword.Span,
                        $"A library declares only 'input', 'const', 'define', 'kernel', 'system' and 'table' (after its 'library' header), not '{d.Keyword.Text}': the model that uses it declares that.");
            }
            else if (!IsLibrary && kind == SyntaxKind.LibraryKeyword && reported.Add(kind))
                _diagnostics.ReportLibraryDeclaration(_text, d.Keyword.Span, "A file is a model or a library ('library NAME'), not both: a model uses a library with use NAME = \"path\" { INPUT = ..., ... }.");
            else if (!IsLibrary && kind == SyntaxKind.InputKeyword && reported.Add(kind))
                _diagnostics.ReportLibraryDeclaration(_text, d.Keyword.Span, "'input' declares an input of a library (a file that starts with 'library NAME'); a model declares parameters with 'param'.");
        }
    }

    /// <summary>
    /// True when no syntax error stands between the declaration's start and the next declaration (an error
    /// at the token that ended the declaration, e.g. a missing ')', belongs to it).
    /// </summary>
    private bool Clean(DeclarationSyntax d)
    {
        var decls = _tree.Root.Declarations;
        _declarationIndex ??= decls.Select((x, k) => (x, k)).ToDictionary(p => p.x, p => p.k);
        var k = _declarationIndex[d];
        var end = k + 1 < decls.Count ? decls[k + 1].Span.Start : int.MaxValue;
        // an error at this declaration's keyword is the one before it, which this keyword ended (a missing ')' reported at 'param')
        return !_tree.Diagnostics.Any(x => x.Span.Start > d.Span.Start && (x.Span.Start <= end || x.Span.Start <= d.Span.End));
    }

    private Dictionary<DeclarationSyntax, int>? _declarationIndex;

    private bool Declare(SyntaxToken name, string what)
    {
        if (name.IsMissing) return false;
        if (_reserved.Contains(name.Text))
        {
            _diagnostics.ReportNameClash(_text, name.Span, name.Text, "is a built-in name (constant or function) and cannot be declared");
            return false;
        }
        if (_declaredAs.TryGetValue(name.Text, out var earlier))
        {
            _diagnostics.ReportDuplicate(_text, name.Span, earlier, name.Text);
            return false;
        }
        _declaredAs[name.Text] = what;
        return true;
    }

    private void DeclareGroup(GroupDeclarationSyntax g)
    {
        if (!Declare(g.Name, "group") || g.Order.Value is null) return; // a malformed or missing N is reported already
        var n = g.Order.Value is { IsInteger: true } v && v.Sign > 0 && v.Numerator < 1000 ? (int)v.Numerator : -1;
        GroupKind kind;
        switch (g.TypeName.Text)
        {
            case "SU":
                kind = GroupKind.SpecialUnitary;
                if (n < 2) { _diagnostics.ReportBadGroupOrder(_text, g.Order.Span, "SU(N)", "N must be a whole number from 2 to 999"); return; }
                break;
            case "U":
                kind = GroupKind.Unitary1;
                if (n != 1) { _diagnostics.ReportBadGroupOrder(_text, g.Order.Span, "U(N)", "only U(1) is supported; use SU(N) for the non-abelian part"); return; }
                break;
            case "Z":
                kind = GroupKind.Cyclic;
                if (n < 2) { _diagnostics.ReportBadGroupOrder(_text, g.Order.Span, "Z(N)", "N must be a whole number from 2 to 999"); return; }
                break;
            default:
                if (!g.TypeName.IsMissing) _diagnostics.ReportUnknownGroupType(_text, g.TypeName.Span, g.TypeName.Text);
                return;
        }
        _groups[g.Name.Text] = new GroupSpec(g.Name.Text, kind, n, g.Coupling?.Text, g.Span);
        if (g.Coupling is { IsMissing: false } c && Declare(c, "coupling"))
            _parameters[c.Text] = new ParameterSpec(c.Text, 0, 0, false, false, false, false, IsImplicit: true, c.Span);
    }

    /// <summary>Declares and loads every <c>table</c> (in declaration order); one that fails is poisoned.</summary>
    private void DeclareTables(IEnumerable<TableDeclarationSyntax> tables)
    {
        foreach (var t in tables)
        {
            if (!Declare(t.Name, "table")) continue;
            if (Clean(t) && TableLoader.Load(t, _text, _diagnostics) is { } table) _tables[t.Name.Text] = table;
            else BrokenDefinitions.Add(t.Name.Text);
        }
    }

    /// <summary>The default of a table choice: the position (1-based) of a declared table.</summary>
    private System.Numerics.Complex? TableDefault(ExpressionSyntax e)
    {
        if (e is NameExpressionSyntax n && _tables.Keys.ToList().IndexOf(n.Name.Text) is var k and >= 0) return k + 1;
        if (e is NameExpressionSyntax broken && BrokenDefinitions.Contains(broken.Name.Text)) return null; // its table's error is the one message
        _diagnostics.ReportTableColumn(_text, e.Span, $"A 'table' parameter's value is the name of a declared table (tables: {string.Join(", ", _tables.Keys)}).");
        return null;
    }

    /// <summary>Records on each table choice the columns the kernels read through it (the card checks the chosen table has them).</summary>
    private void RecordTableColumns(IReadOnlyDictionary<string, IReadOnlyList<string>> used)
    {
        foreach (var (name, columns) in used) _parameters[name] = _parameters[name] with { TableColumns = columns };
    }

    private void DeclareParameters(ParameterDeclarationSyntax p)
    {
        bool? complex = null;
        bool symmetric = false, hermitian = false, diagonal = false, unknownFlag = false, isBool = false, isTable = false;
        bool mass = false, positive = false, nonNegative = false, ordered = false;
        // after a syntax error the flags may be anything: the names are declared, the flags not judged
        var clean = Clean(p);
        foreach (var flag in p.Flags.Where(f => !f.IsMissing && clean))
        {
            switch (flag.Text)
            {
                case "real" or "complex" or "bool" when complex is null: complex = flag.Text == "complex"; isBool = flag.Text == "bool"; break;
                case "table" when complex is null: complex = false; isTable = true; break;
                case "real" or "complex" or "bool" or "table": _diagnostics.ReportBadParameterFlag(_text, flag.Span, "Give 'real', 'complex', 'bool' or 'table' only once."); break;
                case "symmetric": symmetric = true; break;
                case "hermitian": hermitian = true; break;
                case "diagonal": diagonal = true; break;
                case "mass": mass = true; break;
                case "positive": positive = true; break;
                case "nonnegative": nonNegative = true; break;
                case "ordered": ordered = true; break;
                default:
                    unknownFlag = true;
                    var near = NameSuggestion.Nearest(flag.Text, ParameterFlags);
                    _diagnostics.ReportBadParameterFlag(_text, flag.Span,
                        $"Unknown parameter flag '{flag.Text}' (flags: {string.Join(", ", ParameterFlags)})." + (near is null ? "" : $" Did you mean '{near}'?"));
                    break;
            }
        }
        if (complex is null && !unknownFlag && clean && p.Flags.All(f => !f.IsMissing))
            _diagnostics.ReportBadParameterFlag(_text, p.Flags[0].Span, "Say whether the parameters are 'real', 'complex' or 'bool'.");
        foreach (var item in p.Items)
        {
            // a group's coupling (group SU2L : SU(2) coupling g_w) may be declared once as a real scalar parameter, for its default
            var groupCoupling = _declaredAs.GetValueOrDefault(item.Name.Text) == "coupling" && _parameters.GetValueOrDefault(item.Name.Text) is { IsImplicit: true };
            if (groupCoupling)
            {
                _declaredAs[item.Name.Text] = "parameter";
                if (item.Dimensions.Count > 0 || complex != false || isBool || isTable)
                {
                    _diagnostics.ReportBadParameterFlag(_text, item.Span, $"'{item.Name.Text}' is a group's coupling: declared as a parameter, it is a real scalar (param {item.Name.Text} : real = 0.65).");
                    continue;
                }
            }
            else if (!Declare(item.Name, "parameter")) continue;
            // a declaration with a syntax error declares its names, poisoned: its flags and default are in doubt, and its
            // uses say nothing more (deleting 'param' before the next line's name made 'param dofs : table = hp_c' a real
            // parameter with a table for a default: three more messages)
            if (!clean)
            {
                BrokenDefinitions.Add(item.Name.Text);
                continue;
            }
            if (item.Dimensions.Any(d => d.Value is null))
            {
                BrokenDefinitions.Add(item.Name.Text); // a missing or malformed size is reported; its uses say nothing more
                continue;
            }
            int rows = 0, cols = 0;
            if (item.Dimensions.Count >= 1) rows = Dimension(item.Dimensions[0]);
            if (item.Dimensions.Count == 2) cols = Dimension(item.Dimensions[1]);
            if ((symmetric || hermitian || diagonal) && (rows == 0 || rows != cols))
            {
                _diagnostics.ReportBadParameterFlag(_text, item.Span, $"'{item.Name.Text}': symmetric, hermitian and diagonal need a square matrix such as {item.Name.Text}[3,3].");
                BrokenDefinitions.Add(item.Name.Text); // its shape is in doubt: its uses say nothing more
                continue;
            }
            if ((isBool || isTable) && (rows > 0 || symmetric || hermitian || diagonal || mass || positive || nonNegative || ordered))
                _diagnostics.ReportBadParameterFlag(_text, item.Span, $"'{item.Name.Text}': a '{(isTable ? "table" : "bool")}' parameter is a scalar switch without other flags.");
            var defaultValue = p.Default is null ? (System.Numerics.Complex?)null
                : isTable ? TableDefault(p.Default)
                : isBool ? BoolDefault(p.Default)
                : EvaluateConstant(p.Default, allowComplex: complex == true);
            _parameters[item.Name.Text] = new ParameterSpec(item.Name.Text, rows, cols, complex ?? false, symmetric, hermitian, diagonal, false, item.Span)
            {
                IsMass = mass, IsPositive = positive, IsNonNegative = nonNegative, IsOrdered = ordered, Default = defaultValue, IsBool = isBool,
                TableChoices = isTable ? [.. _tables.Keys] : null,
            };
        }
    }

    /// <summary>The default of a bool parameter: <c>true</c> (1) or <c>false</c> (0).</summary>
    private System.Numerics.Complex? BoolDefault(ExpressionSyntax e)
    {
        if (BoolLiteral(e) is { } b) return b ? 1 : 0;
        _diagnostics.ReportBadValue(_text, e.Span, "A 'bool' parameter's value is true or false.");
        return null;
    }

    /// <summary><c>true</c> or <c>false</c>, else null.</summary>
    internal static bool? BoolLiteral(ExpressionSyntax e) => e is NameExpressionSyntax { Name.Text: "true" or "false" } n ? n.Name.Text == "true" : null;

    private static readonly string[] ParameterFlags = ["real", "complex", "bool", "table", "symmetric", "hermitian", "diagonal", "mass", "positive", "nonnegative", "ordered"];

    private int Dimension(SyntaxToken t)
    {
        if (t.Value is null) return 1; // missing or malformed: reported already
        if (t.Value is { IsInteger: true } v && v.Sign > 0 && v.Numerator <= 64 && !t.IsImaginary && !t.IsBar) return (int)v.Numerator;
        _diagnostics.ReportBadDimension(_text, t.Span);
        return 1;
    }

    private void DeclareVevName(VevDeclarationSyntax v)
    {
        if (v.Value.IsMissing) return;
        if (_parameters.TryGetValue(v.Value.Text, out var p))
        {
            if (p.IsComplex || p.IsMatrix)
                _diagnostics.ReportBadVev(_text, v.Value.Span, $"The vev '{v.Value.Text}' must be a real scalar parameter.");
            return;
        }
        if (Declare(v.Value, "vev"))
            _parameters[v.Value.Text] = new ParameterSpec(v.Value.Text, 0, 0, false, false, false, false, IsImplicit: true, v.Value.Span);
    }

    private readonly HashSet<string> _unknownProperties = new(StringComparer.Ordinal);

    private static readonly string[] FieldProperties = ["chirality", "gen", "real", "complex"];

    private FieldSpec BindField(FieldDeclarationSyntax f)
    {
        var isFermion = f.Keyword.Kind == SyntaxKind.FermionKeyword;
        var kindText = isFermion ? "fermion" : "scalar";
        Chirality? chirality = null;
        var generations = 1;
        var complex = !isFermion;
        var reps = new Dictionary<string, Representation>(StringComparer.Ordinal);
        var charges = new Dictionary<string, Expr>(StringComparer.Ordinal);
        var actions = new GenerationActions();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var misspeltChirality = false;
        foreach (var e in f.Entries)
        {
            var name = e.Name.Text;
            if (!seen.Add(name)) { _diagnostics.ReportDuplicate(_text, e.Name.Span, "property", name); continue; }
            switch (name)
            {
                case "chirality":
                    if (!isFermion) { _diagnostics.ReportPropertyNotForKind(_text, e.Name.Span, name, kindText); break; }
                    chirality = e.Value is NameExpressionSyntax { Name.Text: "left" } ? Chirality.Left
                        : e.Value is NameExpressionSyntax { Name.Text: "right" } ? Chirality.Right : null;
                    if (chirality is null) _diagnostics.ReportBadChirality(_text, e.Value?.Span ?? e.Name.Span);
                    break;
                case "gen":
                    if (e.Value is LiteralExpressionSyntax { Token.Value: null }) break; // malformed: reported by the lexer
                    if (e.Value is LiteralExpressionSyntax { Token: { Value: { IsInteger: true } g, IsImaginary: false, IsBar: false } } && g.Sign > 0 && g.Numerator <= 64)
                        generations = (int)g.Numerator;
                    else _diagnostics.ReportBadGenerations(_text, e.Value?.Span ?? e.Name.Span);
                    break;
                case "real":
                case "complex":
                    if (isFermion) { _diagnostics.ReportPropertyNotForKind(_text, e.Name.Span, name, kindText); break; }
                    if (e.Value is not null) _diagnostics.ReportBadParameterFlag(_text, e.Value.Span, $"'{name}' is a flag and takes no value: write just '{name}'.");
                    complex = name == "complex";
                    break;
                default:
                    if (!_groups.TryGetValue(name, out var group))
                    {
                        if (_declaredAs.GetValueOrDefault(name) == "group" || BrokenDefinitions.Contains(name)) break; // the group's declaration failed and said so

                        var suggestion = NameSuggestion.Nearest(name, FieldProperties.Concat(_groups.Keys));
                        misspeltChirality |= suggestion == "chirality";
                        if (_unknownProperties.Add(name)) _diagnostics.ReportUnknownFieldProperty(_text, e.Name.Span, name, suggestion); // once per name

                        break;
                    }
                    if (e.Value is null)
                    {
                        if (group.IsNonAbelian) _diagnostics.ReportBadRepresentation(_text, e.Name.Span, group.TypeText, $"a value such as {name}: {group.N}");
                        else _diagnostics.ReportBadCharge(_text, e.Name.Span, name, "give a value, e.g. " + name + ": 1");
                        break;
                    }
                    BindGroupEntry(group, e.Value, reps, charges, actions);
                    break;
            }
        }
        foreach (var (group, size, span) in actions.Sizes.Where(x => x.Size != generations))
        {
            _diagnostics.ReportGenerationCount(_text, span, f.Name.Text, generations, group,
                actions.Matrices.ContainsKey(group) ? $"a {size}x{size} generator matrix is given" : $"{size} charges are given");
            actions.Charges.Remove(group);
            actions.Matrices.Remove(group);
        }
        if (isFermion && chirality is null && !misspeltChirality && !f.Name.IsMissing && f.Entries.All(e => e.Name.Text != "chirality"))
            _diagnostics.ReportMissingChirality(_text, f.Name.Span, f.Name.Text);
        return new FieldSpec(f.Name.Text, isFermion ? FieldKind.Fermion : FieldKind.Scalar, chirality, generations, complex, reps, charges, f.Span)
        {
            GenerationCharges = actions.Charges.ToDictionary(p => p.Key, p => p.Value),
            GenerationMatrices = actions.Matrices,
        };
    }

    /// <summary>What a field's entries say about its generations: per-generation charges and Z(N) matrices, with their sizes for the count check.</summary>
    private sealed class GenerationActions
    {
        public Dictionary<string, ImmutableArray<Expr>> Charges { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ExprMatrix> Matrices { get; } = new(StringComparer.Ordinal);
        public List<(string Group, int Size, TextSpan Span)> Sizes { get; } = [];
    }

    private void BindGroupEntry(GroupSpec group, ExpressionSyntax value, Dictionary<string, Representation> reps, Dictionary<string, Expr> charges, GenerationActions actions)
    {
        if (value is TupleExpressionSyntax tuple)
        {
            if (group.IsNonAbelian) { _diagnostics.ReportBadRepresentation(_text, value.Span, group.TypeText, $"one of {RepresentationsOf(group)} for all generations"); return; }
            var items = tuple.Items.Select(item => AbelianCharge(group, item)).ToList();
            if (items.Any(q => q is null)) return;
            actions.Charges[group.Name] = [.. items.Select(q => q!)];
            actions.Sizes.Add((group.Name, items.Count, value.Span));
            return;
        }
        if (value is CallExpressionSyntax { Name.Text: "perm" or "matrix", Record: null } call && !group.IsNonAbelian)
        {
            if (group.Kind == GroupKind.Unitary1) { _diagnostics.ReportBadCharge(_text, value.Span, group.Name, "a U(1) acts on generations by charges only, e.g. (0, 1, -1)"); return; }
            var g = GeneratorMatrix(group, call);
            if (g is null) return;
            actions.Matrices[group.Name] = g;
            actions.Sizes.Add((group.Name, g.Rows, value.Span));
            return;
        }
        if (group.IsNonAbelian) { BindRepresentation(group, value, reps); return; }
        var charge = AbelianCharge(group, value);
        if (charge is not null && !charge.IsZero) charges[group.Name] = charge;
    }

    /// <summary>
    /// A Z(N) generator on the generation index: <c>perm(p_1, ..., p_n)</c> (F_k -> F_{p_k}, G[k, p_k] = 1) or
    /// <c>matrix(row(...), ...)</c> with exact entries (rationals, I, omega). It must represent Z(N): G unitary
    /// (G G^dagger = 1) and G^N = 1, checked exactly; N must divide 12 (the field Q(exp(i pi/6)) holds the phases).
    /// </summary>
    private ExprMatrix? GeneratorMatrix(GroupSpec group, CallExpressionSyntax call)
    {
        var where = $"{group.Name} : Z({group.N})";
        if (12 % group.N != 0)
        {
            _diagnostics.ReportNotARepresentation(_text, call.Span, where, $"a generator matrix needs N to divide 12 (exact phases live in Q(exp(i pi/6))); give per-generation charges instead");
            return null;
        }
        ExprMatrix g;
        if (call.Name.Text == "perm")
        {
            var n = call.Arguments.Count;
            var p = call.Arguments.Select(a => a is LiteralExpressionSyntax { Token: { Value: { IsInteger: true } v, IsImaginary: false, IsBar: false } } && v.Sign > 0 && v.Numerator <= n ? (int)v.Numerator : -1).ToList();
            if (n == 0 || p.Contains(-1) || p.Distinct().Count() != n)
            {
                _diagnostics.ReportNotARepresentation(_text, call.Span, where, (n == 0 ? "perm(...) takes one number per generation, a permutation of 1..n" : $"perm(...) takes a permutation of 1..{n}") + ", e.g. perm(2, 3, 1) for F_1 -> F_2 -> F_3 -> F_1");
                return null;
            }
            g = ExprMatrix.Create(n, n, (k, l) => p[k] == l + 1 ? Expr.One : Expr.Zero);
        }
        else
        {
            var rows = new List<Expr[]>();
            foreach (var r in call.Arguments)
            {
                if (r is not CallExpressionSyntax { Name.Text: "row", Record: null } row)
                {
                    _diagnostics.ReportNotARepresentation(_text, r.Span, where, "write the matrix as matrix(row(...), row(...), ...)");
                    return null;
                }
                var entries = new List<Expr>();
                foreach (var a in row.Arguments)
                {
                    var errors = _diagnostics.Count;
                    var x = BindExpression(a, new TermScope(isCharge: true));
                    if (_diagnostics.Count > errors || ExpressionRules.IsError(x)) return null;
                    if (x is not NumberExpr)
                    {
                        _diagnostics.ReportNotARepresentation(_text, a.Span, where, "the entries are exact numbers (rationals, I, omega)");
                        return null;
                    }
                    entries.Add(x);
                }
                rows.Add([.. entries]);
            }
            if (rows.Count == 0 || rows.Any(r => r.Length != rows.Count))
            {
                _diagnostics.ReportNotARepresentation(_text, call.Span, where, "the generator is a square matrix, one row and column per generation");
                return null;
            }
            g = ExprMatrix.FromRows([.. rows]);
        }
        var one = ExprMatrix.Identity(g.Rows);
        if (!(g * g.ConjugateTranspose()).Expand().Equals(one))
            _diagnostics.ReportNotARepresentation(_text, call.Span, where, "the matrix is not unitary (G G^dagger != 1)");
        else if (!Enumerable.Repeat(g, group.N).Aggregate((x, y) => (x * y).Expand()).Equals(one))
            _diagnostics.ReportNotARepresentation(_text, call.Span, where, $"G^{group.N} != 1");
        else return g;
        return null;
    }

    private void BindRepresentation(GroupSpec group, ExpressionSyntax value, Dictionary<string, Representation> reps)
    {
        if (value is LiteralExpressionSyntax { Token.Value: null }) return; // malformed: reported by the lexer
        var rep = value is LiteralExpressionSyntax { Token: { Value: { IsInteger: true } d, IsImaginary: false } t } ? RepresentationFor(group.N, d.Numerator > 10000 ? -1 : (int)d.Numerator, t.IsBar) : null;
        if (rep is null) _diagnostics.ReportBadRepresentation(_text, value.Span, group.TypeText, RepresentationsOf(group));
        else if (rep.Dimension != 1) reps[group.Name] = rep;
    }

    private static string RepresentationsOf(GroupSpec group) => group.N == 2 ? "1, 2 or 3" : $"1, {group.N}, {group.N}bar or {group.N * group.N - 1}";

    /// <summary>A U(1) charge (rational or a polynomial in real parameters) or a Z(N) charge (an integer, reduced mod N); null after a diagnostic.</summary>
    private Expr? AbelianCharge(GroupSpec group, ExpressionSyntax value)
    {
        var q = BindChargeExpression(value);
        if (q is null) return null;
        if (group.Kind == GroupKind.Unitary1)
        {
            if (IsRealPolynomial(q)) return q;
            _diagnostics.ReportBadCharge(_text, value.Span, group.Name, "a U(1) charge is a rational number or a polynomial in real parameters");
            return null;
        }
        if (q is not NumberExpr { Value.IsInteger: true } zn) { _diagnostics.ReportBadCharge(_text, value.Span, group.Name, $"a Z({group.N}) charge is an integer"); return null; }
        return Expr.Number((int)(((zn.Value.AsRational.Numerator % group.N) + group.N) % group.N));
    }

    /// <summary>Rational coefficients, real symbols, non-negative integer powers: nothing else.</summary>
    private static bool IsRealPolynomial(Expr e) => e switch
    {
        NumberExpr n => n.Value.IsRational,
        SymbolExpr s => s.IsReal,
        SumExpr or ProductExpr => e.Children.All(IsRealPolynomial),
        PowerExpr { Exponent: NumberExpr { Value.IsInteger: true } k } p => k.Value.AsRational.Sign > 0 && IsRealPolynomial(p.Base),
        _ => false,
    };

    private static Representation? RepresentationFor(int n, int dimension, bool bar)
    {
        if (bar) return n >= 3 && dimension == n ? Representation.Antifundamental(n) : null;
        if (dimension == 1) return Representation.Singlet;
        if (dimension == n) return Representation.Fundamental(n);
        if (dimension == n * n - 1) return Representation.Adjoint(n);
        return null;
    }

    /// <summary>A U(1) or Z(N) charge: exact numbers and real scalar parameters only.</summary>
    private Expr? BindChargeExpression(ExpressionSyntax e)
    {
        var errors = _diagnostics.Count;
        var scope = new TermScope(isCharge: true);
        var value = BindExpression(e, scope);
        return _diagnostics.Count > errors || ExpressionRules.IsError(value) ? null : value;
    }

    private VevSpec? BindVev(VevDeclarationSyntax v)
    {
        if (v.Field.IsMissing || v.Value.IsMissing || BrokenDefinitions.Contains(v.Field.Text)) return null;
        if (!_fields.TryGetValue(v.Field.Text, out var field))
        {
            var kind = _declaredAs.GetValueOrDefault(v.Field.Text);
            if (kind is null)
            {
                _diagnostics.ReportUnknownName(_text, v.Field.Span, v.Field.Text, NameSuggestion.Nearest(v.Field.Text, _fields.Keys));
                BrokenDefinitions.Add(v.Field.Text); // reported at its first use only
            }
            else _diagnostics.ReportBadVev(_text, v.Field.Span, $"'{v.Field.Text}' is a {kind}; only a scalar field gets a vev.");
            return null;
        }
        if (field.Kind != FieldKind.Scalar)
        {
            _diagnostics.ReportBadVev(_text, v.Field.Span, $"'{v.Field.Text}' is a fermion; only a scalar field gets a vev.");
            return null;
        }
        return _parameters.TryGetValue(v.Value.Text, out var p) ? new VevSpec(field, Expr.Real(p.Name), v.Span) : null;
    }

    private CheckRequest? BindCheck(CheckItemSyntax c)
    {
        if (c.Name.IsMissing) return null;
        if (!KnownChecks.Contains(c.Name.Text))
        {
            _diagnostics.ReportUnknownCheck(_text, c.Name.Span, c.Name.Text, KnownChecks, NameSuggestion.Nearest(c.Name.Text, KnownChecks));
            return null;
        }
        if (c.Name.Text == "cw_minimum")
        {
            if (c.Argument is null)
            {
                _diagnostics.ReportCheckArgument(_text, c.Name.Span, "cw_minimum takes the scalar whose Coleman-Weinberg minimum to check, e.g. cw_minimum(phi).");
                return null;
            }
            if (BrokenDefinitions.Contains(c.Argument.Text)) return null;
            if (!_fields.TryGetValue(c.Argument.Text, out var f) || f.Kind != FieldKind.Scalar)
            {
                _diagnostics.ReportCheckArgument(_text, c.Argument.Span, $"'{c.Argument.Text}' is not a scalar field of the model.");
                return null;
            }
            // an optional second argument names the paper whose equation numbers label the derived relations
            if (c.Arguments.Skip(1).FirstOrDefault(a => a.Text != "seed000" || c.Arguments.Count > 2) is { } extra)
            {
                _diagnostics.ReportCheckArgument(_text, extra.Span, "cw_minimum takes a scalar and optionally 'seed000' (label the derived relations with seed 000's equation numbers), e.g. cw_minimum(phi, seed000).");
                return null;
            }
            return new CheckRequest(c.Name.Text, [.. c.Arguments.Select(a => a.Text)], c.Span);
        }
        if (c.Name.Text == "seesaw_zero_mass")
        {
            // (texture, Majorana mass): checked against the bound textures when the checks run
            if (c.Arguments.Count is not (2 or 3) || (c.Arguments.Count == 3 && c.Arguments[2].Text != "one_loop"))
            {
                _diagnostics.ReportCheckArgument(_text, c.Name.Span, "seesaw_zero_mass takes a texture and the Majorana mass, a real parameter (degenerate) or a vector M[3], and optionally one_loop, e.g. seesaw_zero_mass(h, mN) or seesaw_zero_mass(h, M, one_loop).");
                return null;
            }
            var mass = c.Arguments[1];
            if (BrokenDefinitions.Contains(mass.Text)) return null;
            if (!_parameters.TryGetValue(mass.Text, out var mp) || mp.IsComplex || !(mp.Rank == 0 || (mp.Rank == 1 && mp.Rows == 3)))
            {
                _diagnostics.ReportCheckArgument(_text, mass.Span, $"'{mass.Text}' is not a real scalar or length-3 vector parameter (the Majorana spectrum).");
                return null;
            }
            return new CheckRequest(c.Name.Text, c.Arguments.Select(a => a.Text).ToList(), c.Span);
        }
        if (c.Name.Text == "texture_allowed")
        {
            // (texture) or (texture, row field, column field): the texture and the term are checked when the textures are bound
            if (c.Arguments.Count is not (1 or 3))
            {
                _diagnostics.ReportCheckArgument(_text, c.Name.Span, "texture_allowed takes the texture a term uses as its coupling, e.g. texture_allowed(h0) for the Yukawa -h0[l,al]*bar(L[l])*conj(H)*N[al], or a texture and the two fields its rows and columns couple, texture_allowed(h0, L, N).");
                return null;
            }
            foreach (var a in c.Arguments.Skip(1))
            {
                if (BrokenDefinitions.Contains(a.Text)) return null;
                if (!_fields.ContainsKey(a.Text))
                {
                    _diagnostics.ReportCheckArgument(_text, a.Span, $"'{a.Text}' is not a field of the model.");
                    BrokenDefinitions.Add(a.Text); // said once: its other uses say nothing more
                    return null;
                }
            }
            return new CheckRequest(c.Name.Text, c.Arguments.Select(a => a.Text).ToList(), c.Span);
        }
        if (c.Argument is not null)
        {
            _diagnostics.ReportCheckArgument(_text, c.Argument.Span, $"The check '{c.Name.Text}' takes no argument.");
            return null;
        }
        return new CheckRequest(c.Name.Text, [], c.Span);
    }

    /// <summary>
    /// seesaw_zero_mass(h, M) reads h M^-1 h^T: the columns of h are the Majorana fields. A term that uses h with a Majorana field
    /// on its rows and another field on its columns has the index order the other way round (MDL0285 at that use).
    /// </summary>
    private void CheckCouplingOrderForSeesaw(IReadOnlyList<CheckRequest> checks, IReadOnlyList<TermSpec> terms)
    {
        var majorana = terms.Where(t => t.Kind == TermKind.Majorana).SelectMany(t => t.Monomials).SelectMany(m => m.Fields)
            .Where(o => o.Field.Kind == FieldKind.Fermion).Select(o => o.Field).ToHashSet();
        foreach (var c in checks.Where(c => c.Name == "seesaw_zero_mass"))
            foreach (var use in terms.SelectMany(t => t.Couplings).Where(x => x.Name == c.Argument && x.Columns > 0))
                if (use is { RowField: { } row, ColumnField: { } column } && majorana.Contains(row) && !majorana.Contains(column))
                    _diagnostics.ReportCouplingOrder(_text, use.Span,
                        $"seesaw_zero_mass({c.Argument}, {c.Arguments[1]}) reads {c.Argument} M^-1 {c.Argument}^T, the columns of {c.Argument} the Majorana fields; "
                        + $"here its rows are {row.Name} and its columns {column.Name}: put the index of {column.Name} first.");
    }

    /// <summary>
    /// A library matrix whose rows belong to the states of a mass vector (<see cref="BuiltinField.RowsFollow"/>: casas_ibarra's
    /// Y[i,a], row i the heavy neutrino of mass M[i]), used in a term with the field of those masses (the field whose Majorana
    /// term has the vector as its coupling) on its columns and another on its rows: MDL0285 at that use.
    /// </summary>
    private void CheckLetOrientation(IReadOnlyList<TermSpec> terms)
    {
        foreach (var use in terms.SelectMany(t => t.Couplings).Where(c => c.Kind == CouplingKind.Let && c.Columns > 0))
        {
            if (use is not { RowField: { } row, ColumnField: { } column } || row == column) continue;
            var (record, member) = use.Name.IndexOf('.') is var dot and > 0 ? (use.Name[..dot], use.Name[(dot + 1)..]) : (use.Name, "");
            if (!_lets.TryGetValue(record, out var let) || let.Field(member) is not { RowsFollow: { } follows }) continue;
            var masses = let.Arguments.FirstOrDefault(a => a.Parameter.Name == follows)?.ArrayName;
            var massive = terms.Where(t => t.Kind == TermKind.Majorana).SelectMany(t => t.Couplings)
                .FirstOrDefault(c => c.Name == masses && c.Columns == 0)?.RowField;
            if (massive is not null && column == massive)
                _diagnostics.ReportCouplingOrder(_text, use.Span,
                    $"'{record}' ({let.Builtin.Name}) has the states of {follows} = {masses} on its rows, the field {massive.Name} whose Majorana masses they are; "
                    + $"here its rows are {row.Name} and its columns {column.Name}: put the index of {column.Name} first.");
        }
    }

    /// <summary>
    /// texture_allowed(T): the fields are those of the term whose coupling is T (rows: the field of its first index, columns: the
    /// second), as if written texture_allowed(T, rows, columns). Null after a diagnostic.
    /// </summary>
    private CheckRequest? WithCouplingFields(CheckRequest c, IReadOnlyList<TextureSpec> textures, IReadOnlyList<TermSpec> terms)
    {
        if (!textures.Any(t => t.Name == c.Argument)) return c; // not a texture: reported with the others
        var use = terms.SelectMany(t => t.Couplings).FirstOrDefault(x => x.Name == c.Argument && x.Columns > 0);
        if (use is { RowField: { } row, ColumnField: { } column }) return c with { Arguments = [c.Argument!, row.Name, column.Name] };
        if (use is null && _termsIncomplete) return null;
        _diagnostics.ReportCheckArgument(_text, c.Span, use is null
            ? $"No Lagrangian term has '{c.Argument}' as its coupling: write it in a term, e.g. -{c.Argument}[l,al]*bar(L[l])*conj(H)*N[al], or name the fields, texture_allowed({c.Argument}, L, N)."
            : $"In its term '{c.Argument}' has an index that is fixed or runs over no field's generations: name the fields, texture_allowed({c.Argument}, A, B).");
        return null;
    }

    /// <summary>Some term declaration did not bind (its mistake is reported): a check that finds no term says nothing more.</summary>
    private bool _termsIncomplete;

    private List<TermDeclarationSyntax> _termDeclarations = [];
    private IReadOnlyList<TermSpec>? _boundTerms;

    /// <summary>The vevs, bound before the kernel stage (derived masses read them).</summary>
    internal IReadOnlyList<VevSpec> BoundVevs { get; private set; } = [];

    /// <summary>True when a vev declaration was lost to a reported mistake: masses derived from the terms would miss it, so they say nothing.</summary>
    internal bool VevsIncomplete { get; private set; }

    /// <summary>The groups, in declaration order.</summary>
    internal IReadOnlyList<GroupSpec> GroupList => [.. _groups.Values];

    /// <summary>True when a term declaration was lost to a reported mistake (a check or derivation that reads the terms says nothing more).</summary>
    internal bool TermsIncomplete => _termsIncomplete;

    /// <summary>
    /// The Lagrangian terms, bound once: at the first derived quantity (<c>let m = dirac_mass(L, N)</c>), or after the kernel
    /// stage. A term's coupling may be a parameter, or a texture or let noted (<see cref="NoteTexture"/>, <see cref="NoteLet"/>) by then.
    /// </summary>
    internal IReadOnlyList<TermSpec> BoundTerms()
    {
        if (_boundTerms is not null) return _boundTerms;
        var terms = _termDeclarations.Where(Clean).Select(BindTerm).OfType<TermSpec>().ToList();
        // a term lost to an earlier mistake may be the one a check looks for: the check then says nothing more
        _termsIncomplete = terms.Count < _termDeclarations.Count;
        return _boundTerms = terms;
    }

    /// <summary>A bound texture (or derived quantity): a term's coupling may name it.</summary>
    internal void NoteTexture(TextureSpec t) => _textureShapes[t.Name] = t.Dimensions;

    /// <summary>A bound let: a term's coupling may name it.</summary>
    internal void NoteLet(LetSpec l) => _lets[l.Name] = l;

    /// <summary>
    /// The first coupling of a term that is a texture or let not yet bound (declared below the derivation that asks) and not
    /// broken, or null: a derived quantity cannot read that term yet.
    /// </summary>
    internal string? CouplingDeclaredBelow()
    {
        if (_boundTerms is not null) return null;
        IEnumerable<SyntaxToken> Names(ExpressionSyntax e) => e switch
        {
            IndexExpressionSyntax i => [i.Name, .. i.Indices.SelectMany(Names)],
            MemberAccessExpressionSyntax m => [m.Record],
            CallExpressionSyntax c => c.Arguments.SelectMany(Names),
            BinaryExpressionSyntax b => Names(b.Left).Concat(Names(b.Right)),
            UnaryExpressionSyntax u => Names(u.Operand),
            ParenthesizedExpressionSyntax p => Names(p.Expression),
            _ => [],
        };
        return _termDeclarations.Where(Clean).SelectMany(t => Names(t.Expression))
            .Select(n => n.Text)
            .FirstOrDefault(n => _declaredAs.GetValueOrDefault(n) is "texture" or "let" && !_textureShapes.ContainsKey(n) && !_lets.ContainsKey(n) && !BrokenDefinitions.Contains(n));
    }

    /// <summary>texture_allowed(T, A, B): T is gen(A) x gen(B) (rows A, columns B), and some term couples A and B.</summary>
    private void CheckTextureShape(CheckRequest c, IReadOnlyList<TextureSpec> textures, IReadOnlyList<TermSpec> terms)
    {
        var t = textures.FirstOrDefault(x => x.Name == c.Argument);
        if (t is null) return; // reported above
        var (a, b) = (_fields[c.Arguments[1]], _fields[c.Arguments[2]]);
        if (a != b && terms.SelectMany(x => x.Couplings).FirstOrDefault(x => x.Name == t.Name && x.RowField == b && x.ColumnField == a) is { } used)
        {
            _diagnostics.ReportCouplingOrder(_text, c.Span, $"'{t.Name}' is a term's coupling with {used.OrderText}: write texture_allowed({t.Name}) or texture_allowed({t.Name}, {b.Name}, {a.Name}).");
            return;
        }
        if (t.Matrix.Rows != a.Generations || t.Matrix.Columns != b.Generations)
        {
            var transposed = t.Matrix.Rows == b.Generations && t.Matrix.Columns == a.Generations;
            _diagnostics.ReportCheckArgument(_text, c.Span, $"'{t.Name}' is {t.Matrix.Rows}x{t.Matrix.Columns} but the coupling of {a.Name} and {b.Name} is {a.Generations}x{b.Generations} (rows {a.Name}, columns {b.Name})"
                + (transposed ? $": the index order is the other way round; write texture_allowed({t.Name}, {b.Name}, {a.Name})." : "."));
            return;
        }
        bool Couples(TermMonomial m) => a == b ? m.Fields.Count(o => o.Field == a) >= 2 : m.Fields.Any(o => o.Field == a) && m.Fields.Any(o => o.Field == b);
        var coupling = terms.SelectMany(term => term.Monomials).FirstOrDefault(Couples);
        if (coupling is null)
        {
            if (_termsIncomplete) return;
            _diagnostics.ReportCheckArgument(_text, c.Span, $"No Lagrangian term couples {a.Name} and {b.Name}: texture_allowed reads the symmetries of that term.");
            return;
        }
        var others = coupling.Fields.ToList();
        others.Remove(others.First(o => o.Field == a));
        others.Remove(others.First(o => o.Field == b));
        if (others.FirstOrDefault(o => o.Field.Generations > 1 && !(o.Index ?? "").All(char.IsAsciiDigit)) is { } free)
            _diagnostics.ReportCheckArgument(_text, c.Span, $"The term coupling {a.Name} and {b.Name} also sums over the generations of {free.Field.Name}: texture_allowed derives a matrix, so the other fields need one generation or a fixed index.");
    }

    /// <summary>
    /// cw_minimum applies to classically scale-invariant potentials (seed 000, Sec. 2: no dimensionful couplings): every
    /// potential monomial must have at least four scalar fields. A mass, cubic or tadpole term is MDL0281 at the check,
    /// naming the term, instead of a minimisation that cannot succeed.
    /// </summary>
    private void RequireScaleInvariance(CheckRequest check, IReadOnlyList<TermSpec> terms)
    {
        foreach (var term in terms.Where(t => t.Kind == TermKind.Potential))
            foreach (var m in term.Monomials.Where(m => m.Fields.Count < 4))
            {
                var fields = m.Fields.OrderByDescending(o => o.Conjugated).Select(o => o.Conjugated ? $"dag({o.Field.Name})" : o.Field.Name);
                var monomial = string.Join("*", m.Coefficient.IsOne ? fields : fields.Prepend(m.Coefficient.ToString()));
                var (line, _) = _text.GetLineColumn(term.Span.Start);
                _diagnostics.ReportCheckNotApplicable(_text, check.Span,
                    $"cw_minimum applies to classically scale-invariant potentials (every term of dimension 4); the potential at line {line} has the term {monomial} of dimension {m.Fields.Count}.");
                return;
            }
    }

    // ----- terms -----

    private sealed class TermScope(bool isCharge)
    {
        public bool IsCharge { get; } = isCharge;

        /// <summary>Each use of a free index: its range, where, on what (a vector parameter, a fermion), and the field it indexes (null: a coupling's index).</summary>
        public List<(string Index, int Range, TextSpan Span, IndexUse On, FieldSpec? Field)> Indices { get; } = [];

        /// <summary>The vector and matrix couplings used, in order.</summary>
        public List<CouplingUse> Couplings { get; } = [];
    }

    private enum IndexUse { Vector, Fermion, Other }

    /// <summary>
    /// A diagonal term: an index used three times, once on a vector parameter and on the two fermions of a yukawa or
    /// majorana bilinear (<c>-1/2*M[i]*N[i]*N[i]</c> = -1/2 sum_i M_i N_i N_i).
    /// </summary>
    private static bool IsDiagonalUse(IReadOnlyList<(string Index, int Range, TextSpan Span, IndexUse On, FieldSpec? Field)> uses, SyntaxKind keyword) =>
        keyword is SyntaxKind.YukawaKeyword or SyntaxKind.MajoranaKeyword && uses.Count == 3
        && uses.Count(u => u.On == IndexUse.Vector) == 1 && uses.Count(u => u.On == IndexUse.Fermion) == 2;

    /// <summary>A coupling as used in a term: its name as the symbols spell it, what it is, its shape and its indices as written.</summary>
    private sealed record CouplingUse(string Name, CouplingKind Kind, int[] Dimensions, string[] Indices, TextSpan Span);

    /// <summary>Shapes of the bound textures, and the bound lets: a term's coupling may name them.</summary>
    private readonly Dictionary<string, int[]> _textureShapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LetSpec> _lets = new(StringComparer.Ordinal);

    /// <summary>Each coupling's index order at its first use in a term (rows, columns, the use), for the order rule (MDL0285).</summary>
    private readonly Dictionary<string, (TermCoupling Coupling, string Text)> _firstUse = new(StringComparer.Ordinal);

    private TermSpec? BindTerm(TermDeclarationSyntax t)
    {
        var errors = _diagnostics.Count;
        var scope = new TermScope(isCharge: false);
        var expr = BindExpression(t.Expression, scope);
        // an index is not counted where binding failed: no index message follows another message
        if (_diagnostics.Count > errors || ExpressionRules.IsError(expr)) return null;
        var misfits = new HashSet<string>(StringComparer.Ordinal); // a coupling that does not fit its fields is reported once
        foreach (var group in scope.Indices.GroupBy(u => u.Index))
        {
            var uses = group.ToList();
            if (uses.Count != 2 && !IsDiagonalUse(uses, t.Keyword.Kind)) _diagnostics.ReportIndexNotContracted(_text, uses[0].Span, group.Key, uses.Count);
            else if (uses.Skip(1).FirstOrDefault(u => u.Range != uses[0].Range) is { Index: not null } other
                     && scope.Couplings.FirstOrDefault(c => c.Indices.Contains(group.Key)) is var misfit
                     && (misfit is null || misfits.Add(misfit.Name)))
                _diagnostics.ReportIndexRange(_text, other.Span, group.Key, other.Range, uses[0].Range, ShapeHint(scope, misfit));
        }
        if (_diagnostics.Count > errors) return null;
        var couplings = Couplings(scope);
        if (_diagnostics.Count > errors) return null;

        var kind = t.Keyword.Kind switch
        {
            SyntaxKind.YukawaKeyword => TermKind.Yukawa,
            SyntaxKind.MajoranaKeyword => TermKind.Majorana,
            _ => TermKind.Potential,
        };
        var monomials = Monomials(expr, t.Expression.Span);
        if (monomials is null) return null;
        if (monomials.Count == 0 || monomials.All(m => m.Fields.Count == 0))
        {
            _diagnostics.ReportTermWithoutField(_text, t.Expression.Span);
            return null;
        }
        foreach (var m in monomials)
        {
            var fermions = m.Fields.Where(o => o.Field.Kind == FieldKind.Fermion).ToList();
            var scalars = m.Fields.Count - fermions.Count;
            string? problem = kind switch
            {
                TermKind.Potential when fermions.Count > 0 => "A potential term contains only scalars; write fermion terms as 'yukawa' or 'majorana'.",
                TermKind.Yukawa when fermions.Count != 2 || scalars == 0 => $"A Yukawa term has two fermions and at least one scalar; this one has {fermions.Count} fermion(s) and {scalars} scalar(s).",
                TermKind.Majorana when fermions.Count != 2 || fermions[0].Field.Chirality != fermions[1].Field.Chirality
                                       || fermions[0].Conjugated != fermions[1].Conjugated =>
                    "A Majorana term has two fermions of the same chirality, both plain or both conjugated (e.g. nuR[i]*nuR[j]).",
                _ => null,
            };
            if (problem is not null)
            {
                _diagnostics.ReportTermShape(_text, t.Expression.Span, problem);
                return null;
            }
        }
        // a fermion bilinear (yukawa, majorana) is never Hermitian by itself; a potential is when it equals its conjugate
        if (!t.PlusHermitianConjugate
            && (kind != TermKind.Potential || !TermHermiticity.IsHermitian(expr, _parameters, scope.Indices.Select(u => u.Index).Distinct().ToList())))
            _diagnostics.ReportNotHermitian(_text, t.Expression.Span, kind == TermKind.Potential
                ? "This potential is not equal to its complex conjugate and has no '+ h.c.': the Lagrangian must be Hermitian (add '+ h.c.', or make the coefficients real)."
                : $"A {(kind == TermKind.Yukawa ? "Yukawa" : "Majorana")} term is never Hermitian by itself and this one has no '+ h.c.': the Lagrangian needs its conjugate too (add '+ h.c.').");
        return new TermSpec(kind, expr, t.PlusHermitianConjugate, monomials, _text.ToString(t.Expression.Span), t.Span) { Couplings = couplings };
    }

    /// <summary>
    /// The term's couplings with the fields their indices run over (rows: the field carrying the first index as written). A
    /// coupling used earlier with the same two fields the other way round is an error (MDL0285): for a square matrix the shape
    /// cannot tell the order, so a coupling's first use fixes it.
    /// </summary>
    private List<TermCoupling> Couplings(TermScope scope)
    {
        var result = new List<TermCoupling>();
        FieldSpec? FieldOf(string index) => scope.Indices.FirstOrDefault(u => u.Index == index && u.Field is not null).Field;
        foreach (var use in scope.Couplings)
        {
            if (result.Any(c => c.Name == use.Name)) continue;
            var coupling = new TermCoupling(use.Name, use.Kind, use.Dimensions[0], use.Dimensions.Length > 1 ? use.Dimensions[1] : 0,
                FieldOf(use.Indices[0]), use.Indices.Length > 1 ? FieldOf(use.Indices[1]) : null, use.Span);
            result.Add(coupling);
            if (coupling is not { Columns: > 0, RowField: { } row, ColumnField: { } column }) continue;
            if (!_firstUse.TryGetValue(use.Name, out var first)) { _firstUse[use.Name] = (coupling, _text.ToString(use.Span)); continue; }
            if (row != column && first.Coupling.RowField == column && first.Coupling.ColumnField == row)
            {
                var (line, _) = _text.GetLineColumn(first.Coupling.Span.Start);
                _diagnostics.ReportCouplingOrder(_text, use.Span,
                    $"'{use.Name}' is used with {first.Coupling.OrderText} on line {line} ({first.Text}); here its rows are {row.Name}: "
                    + $"a coupling keeps one index order, write {use.Name}[{use.Indices[1]},{use.Indices[0]}].");
            }
        }
        return result;
    }

    /// <summary>For an index whose ranges differ between a coupling and a field: the coupling's shape and, when the transpose fits, the fix.</summary>
    private static string? ShapeHint(TermScope scope, CouplingUse? use)
    {
        if (use is not { Dimensions.Length: 2 }) return null;
        var ranges = use.Indices.Select(i => scope.Indices.FirstOrDefault(u => u.Index == i && u.Field is not null).Field?.Generations ?? 0).ToArray();
        var shape = $"'{use.Name}' is {use.Dimensions[0]}x{use.Dimensions[1]}";
        return ranges[0] == use.Dimensions[1] && ranges[1] == use.Dimensions[0]
            ? $"{shape}, the transpose of the fields' {ranges[0]}x{ranges[1]}: write {use.Name}[{use.Indices[1]},{use.Indices[0]}] (rows first)."
            : $"{shape}: it does not fit the fields it couples.";
    }

    private List<TermMonomial>? Monomials(Expr expr, TextSpan span)
    {
        if (!Expansion.TryExpand(RationalForm.Normalize(expr), out var expanded, out var tooLarge)) // abs(phi)^2 = phi*conj(phi)
        {
            _diagnostics.ReportExpressionTooLarge(_text, span, tooLarge!);
            return null;
        }
        var terms = expanded is SumExpr s ? s.Terms : [expanded];
        var result = new List<TermMonomial>();
        foreach (var term in terms)
        {
            var coefficient = new List<Expr>();
            var fields = new List<FieldOccurrence>();
            foreach (var factor in term is ProductExpr p ? p.Factors : [term])
            {
                var (b, e) = factor is PowerExpr pw ? (pw.Base, pw.Exponent) : (factor, Expr.One);
                var occurrence = FieldOf(b);
                if (occurrence is null)
                {
                    if (b.Symbols().Any(sym => FieldOf(sym) is not null))
                    {
                        if (b is SumExpr && e is NumberExpr { Value.IsInteger: true } power && power.Value.AsRational.Sign > 0)
                            _diagnostics.ReportExpressionTooLarge(_text, span, $"a power of a sum of fields above {Expansion.MaxExpandedPower} is not expanded ('^{power}').");
                        else
                            _diagnostics.ReportTermShape(_text, span, $"A field may appear only as a plain factor (possibly conjugated, to a positive integer power), not inside '{factor}'.");
                        return null;
                    }
                    coefficient.Add(factor);
                    continue;
                }
                if (e is not NumberExpr { Value.IsInteger: true } n || n.Value.AsRational.Sign <= 0 || n.Value.AsRational.Numerator > 64)
                {
                    _diagnostics.ReportTermShape(_text, span, $"A field may appear only to a positive integer power of at most 64, not in '{factor}'.");
                    return null;
                }
                for (var k = 0; k < (int)n.Value.AsRational.Numerator; k++) fields.Add(occurrence);
            }
            result.Add(new TermMonomial(Expr.Multiply(coefficient), fields));
        }
        return result;
    }

    private FieldOccurrence? FieldOf(Expr e)
    {
        var conjugated = false;
        if (e is FunctionExpr f && f.Definition == ConjFunction.Instance) { conjugated = true; e = f.Argument; }
        if (e is not SymbolExpr s) return null;
        var bracket = s.Name.IndexOf('[');
        var name = bracket < 0 ? s.Name : s.Name[..bracket];
        return _fields.TryGetValue(name, out var field) ? new FieldOccurrence(field, conjugated) { Index = bracket < 0 ? null : s.Name[(bracket + 1)..^1] } : null;
    }

    private Expr FieldSymbol(FieldSpec field, string name) =>
        field.Kind == FieldKind.Scalar && !field.IsComplex ? Expr.Real(name) : Expr.Complex(name);

    private Expr BindExpression(ExpressionSyntax e, TermScope scope) => _expressions.Bind(e, scope);

    private Expr BindMember(MemberAccessExpressionSyntax m, TermScope scope)
    {
        if (BrokenDefinitions.Contains(m.Record.Text)) return ExpressionRules.Error; // reported already
        // a record let's vector or matrix field, indexed, is a coupling (F.h[l,al]); its other fields are kernel values
        if (!scope.IsCharge && _lets.TryGetValue(m.Record.Text, out var let) && let.Field(m.Member.Text) is { Rank: > 0 } field && m.Indices.Count > 0)
        {
            var name = $"{m.Record.Text}.{m.Member.Text}";
            if (m.Indices.Count != field.Rank) { _diagnostics.ReportIndexCount(_text, m.Span, name, field.Rank, m.Indices.Count); return ExpressionRules.Error; }
            return BindIndices(name, m.Span, m.Indices, field.Dimensions, text => field.IsComplex ? Expr.Complex(text) : Expr.Real(text), scope, null, CouplingKind.Let);
        }
        _diagnostics.ReportBadMember(_text, m.Span, "A record's scalar field (R.field) is a kernel value; a Lagrangian term can use a record's vector or matrix field as its coupling, e.g. F.h[l,al].");
        return ExpressionRules.Error;
    }

    private Expr BindName(SyntaxToken name, TermScope scope)
    {
        switch (name.Text)
        {
            case "I": return Expr.I;
            case "omega": return Expr.Omega;
        }
        if (BrokenDefinitions.Contains(name.Text)) return ExpressionRules.Error; // reported already
        if (_parameters.TryGetValue(name.Text, out var p))
        {
            if (p.IsMatrix)
            {
                _diagnostics.ReportIndexCount(_text, name.Span, name.Text, p.Rank, 0);
                return ExpressionRules.Error;
            }
            if (scope.IsCharge && p.IsComplex)
            {
                _diagnostics.ReportNotAScalarParameter(_text, name.Span, name.Text);
                return ExpressionRules.Error;
            }
            return p.Symbol;
        }
        if (_fields.TryGetValue(name.Text, out var field))
        {
            if (scope.IsCharge)
            {
                _diagnostics.ReportNotAScalarParameter(_text, name.Span, name.Text);
                return ExpressionRules.Error;
            }
            if (field.Generations > 1)
            {
                _diagnostics.ReportFieldIndex(_text, name.Span, $"'{name.Text}' has {field.Generations} generations: give its index, e.g. {name.Text}[i].");
                return ExpressionRules.Error;
            }
            return FieldSymbol(field, name.Text);
        }
        if (_declaredAs.TryGetValue(name.Text, out var what))
        {
            _diagnostics.ReportNameClash(_text, name.Span, name.Text, $"is a {what} and cannot be used in an expression");
            return ExpressionRules.Error;
        }
        var candidates = _parameters.Keys.Concat(scope.IsCharge ? [] : _fields.Keys).Append("I").Append("omega");
        _diagnostics.ReportUnknownName(_text, name.Span, name.Text, NameSuggestion.Nearest(name.Text, candidates));
        BrokenDefinitions.Add(name.Text); // reported at its first use only
        return ExpressionRules.Error;
    }

    private Expr BindIndexed(IndexExpressionSyntax i, TermScope scope)
    {
        var name = i.Name.Text;
        int[] ranges;
        Func<string, Expr> make;
        var on = IndexUse.Other;
        FieldSpec? indexed = null;
        CouplingKind? coupling = null;
        if (!scope.IsCharge && BrokenDefinitions.Contains(name)) return ExpressionRules.Error; // reported already
        if (!scope.IsCharge && _parameters.TryGetValue(name, out var p) && p.IsMatrix)
        {
            ranges = p.Dimensions;
            if (p.Rank == 1) on = IndexUse.Vector;
            make = text => p.IsComplex ? Expr.Complex(text) : Expr.Real(text);
            coupling = CouplingKind.Parameter;
        }
        else if (!scope.IsCharge && _textureShapes.TryGetValue(name, out var shape))
        {
            // the texture's entries as symbols h0[i,j]; the checks substitute its exact entries, kernels read the same names
            ranges = shape;
            make = Expr.Complex;
            coupling = CouplingKind.Texture;
        }
        else if (!scope.IsCharge && _lets.TryGetValue(name, out var let) && let.Field("") is { Rank: > 0 } plain)
        {
            ranges = plain.Dimensions;
            make = text => plain.IsComplex ? Expr.Complex(text) : Expr.Real(text);
            coupling = CouplingKind.Let;
        }
        else if (!scope.IsCharge && _fields.TryGetValue(name, out var field))
        {
            if (field.Generations == 1)
            {
                _diagnostics.ReportFieldIndex(_text, i.Span, $"'{name}' has one generation and takes no index.");
                return ExpressionRules.Error;
            }
            ranges = [field.Generations];
            if (field.Kind == FieldKind.Fermion) on = IndexUse.Fermion;
            make = text => FieldSymbol(field, text);
            indexed = field;
        }
        else if (_parameters.TryGetValue(name, out var scalar))
        {
            if (scope.IsCharge) _diagnostics.ReportNotAScalarParameter(_text, i.Name.Span, name);
            else _diagnostics.ReportIndexCount(_text, i.Span, name, scalar.Rank, i.Indices.Count);
            return ExpressionRules.Error;
        }
        else
        {
            if (scope.IsCharge && _fields.ContainsKey(name)) _diagnostics.ReportNotAScalarParameter(_text, i.Name.Span, name);
            else if (BrokenDefinitions.Add(name)) // reported at its first use only
                _diagnostics.ReportUnknownName(_text, i.Name.Span, name, NameSuggestion.Nearest(name, _parameters.Keys.Concat(_fields.Keys)));
            return ExpressionRules.Error;
        }
        if (!ExpressionRules.IndexCountMatches(i, ranges.Length, _text, _diagnostics)) return ExpressionRules.Error;
        return BindIndices(name, i.Span, i.Indices, ranges, make, scope, indexed, coupling, on);
    }

    /// <summary>
    /// The indices of a field or coupling (a free name, recorded for the contraction check, or a number in range) and the symbol
    /// <c>NAME[i,j]</c>; a coupling's use is recorded with its shape for the term's <see cref="TermSpec.Couplings"/>.
    /// </summary>
    private Expr BindIndices(string name, TextSpan span, IReadOnlyList<ExpressionSyntax> indices, int[] ranges, Func<string, Expr> make,
        TermScope scope, FieldSpec? field, CouplingKind? coupling, IndexUse on = IndexUse.Other)
    {
        var parts = new List<string>();
        for (var k = 0; k < ranges.Length; k++)
        {
            switch (indices[k])
            {
                case NameExpressionSyntax { Name: var index } when !_declaredAs.ContainsKey(index.Text) && !_reserved.Contains(index.Text):
                    scope.Indices.Add((index.Text, ranges[k], index.Span, on, field));
                    parts.Add(index.Text);
                    break;
                case LiteralExpressionSyntax { Token: { Value: { IsInteger: true } v, IsImaginary: false, IsBar: false } } lit
                    when v.Sign > 0 && v.Numerator <= ranges[k]:
                    parts.Add(lit.Token.Text);
                    break;
                case var other:
                    _diagnostics.ReportFieldIndex(_text, other.Span,
                        $"An index is a free name (such as i or a) or a number from 1 to {ranges[k]}.");
                    return ExpressionRules.Error;
            }
        }
        if (coupling is { } kind && !scope.IsCharge) scope.Couplings.Add(new CouplingUse(name, kind, ranges, [.. parts], span));
        return make($"{name}[{string.Join(",", parts)}]");
    }

    private Expr BindCall(CallExpressionSyntax c, TermScope scope)
    {
        var name = c.Name.Text;
        if (c.Record is not null)
        {
            _diagnostics.ReportTableColumn(_text, c.Span, "A table's column (t.column(x)) is a kernel value; a Lagrangian term or a charge cannot use it.");
            return ExpressionRules.Error;
        }
        if (name is "conj" or "bar" or "dag")
        {
            if (c.Arguments.Count != 1) { _diagnostics.ReportArity(_text, c.Name.Span, name, "1 argument", c.Arguments.Count); return ExpressionRules.Error; }
            var arg = c.Arguments[0];
            var isField = arg is NameExpressionSyntax n2 && _fields.ContainsKey(n2.Name.Text)
                          || arg is IndexExpressionSyntax ix && _fields.ContainsKey(ix.Name.Text);
            if (name != "conj" && !isField)
            {
                // an unknown name is reported as such (once), not as 'takes a field'
                if (arg is NameExpressionSyntax { Name.Text: var n } && (!_declaredAs.ContainsKey(n) || BrokenDefinitions.Contains(n)) && !_reserved.Contains(n)
                    || arg is IndexExpressionSyntax { Name.Text: var ni } && (!_declaredAs.ContainsKey(ni) || BrokenDefinitions.Contains(ni)))
                {
                    BindExpression(arg, scope);
                    return ExpressionRules.Error;
                }
                _diagnostics.ReportConjugateOfNonField(_text, c.Span, name);
                return ExpressionRules.Error;
            }
            var bound = BindExpression(arg, scope);
            return ExpressionRules.IsError(bound) ? bound : Expr.Conj(bound);
        }
        // the arguments of an unknown function are not bound: their messages would follow from its name
        var args = ExpressionRules.IsFunction(name) ? c.Arguments.Select(a => BindExpression(a, scope)).ToArray() : [];
        return ExpressionRules.Function(c, args, _text, _diagnostics, ["conj", "bar", "dag"]);
    }
}
