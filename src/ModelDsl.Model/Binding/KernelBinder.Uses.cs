using System.Collections.Immutable;
using System.Text;
using ModelDsl.Diagnostics;
using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// <c>use NAME = "path" { INPUT = expr, ... }</c>: a library spec is read and bound on its own (its errors are reported in
/// its file), its inputs are bound to the model's quantities, and its constants and kernels become the model's, named
/// <c>NAME.CONST</c> and <c>NAME.KERNEL</c>, with every input symbol replaced by what it is bound to.
/// </summary>
internal sealed partial class KernelBinder
{
    /// <summary>A used library: its kernels as formulas in the model's quantities, by their names in the library.</summary>
    private sealed record LibraryUse(string Alias, ImmutableDictionary<string, Expr> Kernels);

    /// <summary>What <see cref="Binder"/> records a <c>use</c>'s name as.</summary>
    internal const string LibraryUseKind = "library use";

    private readonly Dictionary<string, LibraryUse> _uses = new(StringComparer.Ordinal);

    private void BindUse(UseDeclarationSyntax use, List<ConstSpec> consts, List<KernelSpec> kernels)
    {
        var alias = use.Name.Text;
        if (use.Bindings.Any(b => UsesPoisoned(b.Value) || MentionsBroken(b.Value)) || LoadLibrary(use) is not { } library)
        {
            MarkBroken(alias);
            return;
        }
        var map = BindInputs(use, library, consts);
        if (map is null)
        {
            MarkBroken(alias);
            return;
        }
        foreach (var c in library.Consts.Where(c => c.Name != "pi"))
        {
            consts.Add(new ConstSpec($"{alias}.{c.Name}", c.Value, c.Text, use.Span));
            if (c.Unit is not null) _energies.Add($"{alias}.{c.Name}");
            map[Expr.Real(c.Name)] = Expr.Real($"{alias}.{c.Name}");
        }
        var exported = ImmutableDictionary.CreateBuilder<string, Expr>(StringComparer.Ordinal);
        foreach (var k in library.Kernels)
        {
            var expr = Rewriting.Substitute(k.Expression, map);
            exported[k.Name] = expr;
            kernels.Add(new KernelSpec($"{alias}.{k.Name}", expr, use.Span) { Dimension = k.Dimension });
        }
        foreach (var system in library.Systems) _librarySystems.Add(InstantiateSystem(system, alias, map, use.Span));
        // its tables' functions are named by their files (tab_TABLE_COLUMN_HASH): they stand in its formulas as they are
        _libraryTables.AddRange(library.Tables.Select(t => t with { Name = $"{alias}.{t.Name}", Span = use.Span }));
        _uses[alias] = new LibraryUse(alias, exported.ToImmutable());
    }

    private readonly List<SystemSpec> _librarySystems = [];
    private readonly List<TableSpec> _libraryTables = [];

    /// <summary>The tables of the used libraries, named <c>NAME.TABLE</c> (their ranges tell a solver where to break).</summary>
    public IReadOnlyList<TableSpec> LibraryTables => _libraryTables;

    /// <summary>The systems of the used libraries, in the model's quantities, named <c>NAME.SYSTEM</c> (in order of the uses).</summary>
    public IReadOnlyList<SystemSpec> LibrarySystems => _librarySystems;

    /// <summary>
    /// A library's system in the model: every input symbol replaced by what it is bound to, and the system, its variable and
    /// its states qualified with the use's name (<c>hier.be</c>, <c>hier.z</c>, <c>hier.N</c>), so that they meet no name of
    /// the model.
    /// </summary>
    private static SystemSpec InstantiateSystem(SystemSpec s, string alias, Dictionary<Expr, Expr> inputs, TextSpan span)
    {
        var map = new Dictionary<Expr, Expr>(inputs);
        var variable = Expr.Real($"{alias}.{s.Variable.Name}");
        map[s.Variable] = variable;
        var states = new List<SystemState>();
        foreach (var st in s.States)
        {
            var renamed = new SystemState($"{alias}.{st.Name}", st.Dimensions, st.IsComplex, st.Initial, st.AbsoluteTolerance, st.IsHermitian);
            for (var k = 0; k < st.Components.Length; k++) map[st.Components[k]] = renamed.Components[k];
            states.Add(renamed);
        }
        Expr Sub(Expr e) => Rewriting.Substitute(e, map);
        return new SystemSpec($"{alias}.{s.Name}", s.Title, variable, Sub(s.Start), Sub(s.End), s.LogScale,
            [.. states.Select(st => st with { Initial = [.. st.Initial.Select(Sub)], AbsoluteTolerance = st.AbsoluteTolerance is { } a ? Sub(a) : null })],
            [.. s.Derivatives.Select(Sub)], [.. s.Breakpoints.Select(Sub)],
            [.. s.Outputs.Select(o => o with { Expression = Sub(o.Expression), At = o.At is { } at ? Sub(at) : null })], span);
    }

    /// <summary>Reads and binds the library (once per file and binding); null when it cannot be read or has errors (reported).</summary>
    private ModelSpec? LoadLibrary(UseDeclarationSyntax use)
    {
        if (use.Path.IsMissing) return null;
        var relative = use.Path.Text.Trim('"');
        var directory = System.IO.Path.GetDirectoryName(_text.Path) ?? "";
        var shown = System.IO.Path.Combine(directory, relative);
        if (!owner.Libraries.TryGetValue(shown, out var result))
        {
            result = null;
            var full = shown;
            try
            {
                full = System.IO.Path.GetFullPath(shown);
                var text = File.ReadAllText(full, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false));
                result = Binder.BindLibrary(SyntaxTree.Parse(SourceText.From(text, shown)), owner.Catalogue);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                _diagnostics.ReportLibraryFile(_text, use.Path.Span,
                    $"The library '{relative}' cannot be read ({full}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}).");
            }
            owner.Libraries[shown] = result;
        }
        if (result is null) return null;
        if (result.Spec is null)
        {
            _diagnostics.AddRange(result.Diagnostics);
            _diagnostics.ReportLibraryErrors(_text, use.Path.Span, relative, result.Diagnostics.Count(d => d.IsError));
        }
        return result.Spec;
    }

    /// <summary>
    /// Binds each input to the model's expression (a scalar) or array (a vector or matrix parameter, texture, let or record
    /// field), as a map from the library's input symbols; an input left out that has a default becomes the constant
    /// <c>NAME.INPUT</c>. Null after an error (unknown, twice, missing, wrong shape, complex for real).
    /// </summary>
    private Dictionary<Expr, Expr>? BindInputs(UseDeclarationSyntax use, ModelSpec library, List<ConstSpec> consts)
    {
        var alias = use.Name.Text;
        var inputs = library.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var bound = new HashSet<string>(StringComparer.Ordinal);
        var map = new Dictionary<Expr, Expr>();
        var ok = true;
        foreach (var b in use.Bindings)
        {
            var name = b.Input.Text;
            if (!inputs.TryGetValue(name, out var input))
            {
                _diagnostics.ReportUnknownInput(_text, b.Input.Span, library.Name, name, inputs.Keys, NameSuggestion.Nearest(name, inputs.Keys));
                ok = false;
            }
            else if (!bound.Add(name))
            {
                _diagnostics.ReportInputBoundTwice(_text, b.Input.Span, name);
                ok = false;
            }
            else ok &= BindInput(b, input, map);
        }
        var missing = library.Parameters.Where(p => !bound.Contains(p.Name) && p.Default is null).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            _diagnostics.ReportMissingInputs(_text, use.Name.Span, library.Name, missing);
            return null;
        }
        if (!ok) return null;
        foreach (var p in library.Parameters.Where(p => !bound.Contains(p.Name)))
        {
            var constant = $"{alias}.{p.Name}";
            consts.Add(new ConstSpec(constant, p.Default!.Value.Real, "default of input " + p.Name, use.Span));
            foreach (var symbol in InputSymbols(p)) map[symbol.Symbol] = Expr.Real(constant);
        }
        return map;
    }

    /// <summary>The symbols of an input (the library's kernels are formulas in them) with their 1-based indices.</summary>
    private static IEnumerable<(SymbolExpr Symbol, int[] Indices)> InputSymbols(ParameterSpec p)
    {
        if (p.Rank == 0)
        {
            yield return (p.Symbol, []);
            yield break;
        }
        var m = p.SymbolMatrix();
        for (var i = 0; i < m.Rows; i++)
            for (var j = 0; j < m.Columns; j++)
                yield return ((SymbolExpr)m[i, j], p.Rank == 1 ? [i + 1] : [i + 1, j + 1]);
    }

    private bool BindInput(UseBindingSyntax b, ParameterSpec input, Dictionary<Expr, Expr> map)
    {
        var syntax = b.Value;
        var text = _text.ToString(syntax.Span);
        ReportUnknownArrays([syntax]); // a name declared nowhere is unknown (once), not of the wrong shape
        if (UsesPoisoned(syntax)) return false;
        var (array, field, dims) = ArrayArgument(syntax);
        dims = array is null ? null : dims;
        if (input.Rank == 0 && dims is { Length: > 0 })
        {
            _diagnostics.ReportInputShape(_text, syntax.Span, input.Name, "a scalar", $"{text}' is {Shape(dims)} (select an entry, e.g. {text}[{string.Join(",", dims.Select(_ => 1))}])");
            return false;
        }
        if (input.Rank > 0 && (dims is null || !dims.SequenceEqual(input.Dimensions)))
        {
            var found = dims is null ? "is not a whole vector or matrix (bind a parameter, texture, let or record field such as F.h by its name)" : $"is {Shape(dims)}";
            _diagnostics.ReportInputShape(_text, syntax.Span, input.Name, Shape(input.Dimensions), $"{text}' {found}");
            return false;
        }
        var values = new List<(SymbolExpr Symbol, Expr Value)>();
        if (input.Rank == 0)
        {
            var errors = _diagnostics.Count;
            var value = Bind(syntax, new Context(ImmutableDictionary<string, int>.Empty, 0, false));
            if (_diagnostics.Count > errors || IsError(value)) return false;
            values.Add((input.Symbol, value));
        }
        else values.AddRange(InputSymbols(input).Select(s => (s.Symbol, ArrayEntry(array!, field, s.Indices))));
        if (!input.IsComplex && values.Any(v => !v.Value.IsRealValued))
        {
            _diagnostics.ReportInputNotReal(_text, syntax.Span, input.Name, text);
            return false;
        }
        foreach (var (symbol, value) in values) map[symbol] = value;
        return true;
    }

    /// <summary>An entry of an array named in the model (1-based indices), as a kernel sees it.</summary>
    private Expr ArrayEntry(string name, string? field, int[] indices)
    {
        if (field is not null) return FieldSymbol(_lets[name], _lets[name].Field(field)!, indices);
        if (_textures.TryGetValue(name, out var texture)) return texture.Entry(indices);
        if (owner.Parameters.TryGetValue(name, out var p))
        {
            var symbol = $"{name}[{string.Join(",", indices)}]";
            return p.IsComplex ? Expr.Complex(symbol) : Expr.Real(symbol);
        }
        return Expr.Complex(_lets[name].EntrySymbol("", indices)); // a plain-matrix let: complex entries, as in BindIndexed
    }

    private static string Shape(IReadOnlyList<int> dims) => dims.Count switch
    {
        0 => "a scalar",
        1 => $"a vector of length {dims[0]}",
        _ => $"a {dims[0]}x{dims[1]} matrix",
    };

    /// <summary><c>NAME.KERNEL</c>: a kernel of a used library, in the model's quantities.</summary>
    private Expr BindLibraryKernel(MemberAccessExpressionSyntax m)
    {
        if (!_uses.TryGetValue(m.Record.Text, out var used))
        {
            _diagnostics.ReportNameClash(_text, m.Record.Span, m.Record.Text, "is a library use declared below; a kernel may use only what stands above it");
            return ExpressionRules.Error;
        }
        if (!used.Kernels.TryGetValue(m.Member.Text, out var kernel))
        {
            var names = used.Kernels.Keys.Order(StringComparer.Ordinal).ToList();
            _diagnostics.ReportUnknownLibraryKernel(_text, m.Member.Span, used.Alias, m.Member.Text, names, NameSuggestion.Nearest(m.Member.Text, names));
            return ExpressionRules.Error;
        }
        if (m.Indices.Count > 0)
        {
            _diagnostics.ReportIndexCount(_text, m.Span, $"{used.Alias}.{m.Member.Text}", 0, m.Indices.Count);
            return ExpressionRules.Error;
        }
        _opaqueNumbers++; // its inputs may hold numbers in place of masses (a constants-set column folded to its value)
        return kernel;
    }
}
