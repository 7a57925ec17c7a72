using System.Collections.Immutable;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Functions;
using ModelDsl.Syntax;

namespace ModelDsl.Model;

/// <summary>
/// The binding of <c>system</c> blocks and of <c>integral(x, lo, hi, expr)</c>. A system is bound after every const, let,
/// define and kernel, so it may use all of them; inside it the variable and the states are names, and its local defines
/// (bound in order) see them. Each equation is unrolled over its index names into one right-hand side per component.
/// </summary>
internal sealed partial class KernelBinder
{
    /// <summary>The system being bound: its variable and states (with shapes), for name lookup.</summary>
    private sealed record SystemScope(string Variable, SymbolExpr Symbol, ImmutableDictionary<string, (int[] Dims, bool Complex, bool Hermitian)> States);

    private SystemScope? _system;
    private readonly HashSet<string> _outputNames = new(StringComparer.Ordinal);
    private int _integrals;

    private Expr? SystemName(SyntaxToken name)
    {
        if (_system is not { } s) return null;
        if (name.Text == s.Variable) return s.Symbol;
        if (!s.States.TryGetValue(name.Text, out var state)) return null;
        if (state.Dims.Length == 0) return SystemState.Symbol(name.Text, [], state.Complex);
        _diagnostics.ReportIndexCount(_text, name.Span, name.Text, state.Dims.Length, 0);
        return ExpressionRules.Error;
    }

    private int[]? StateDimensions(string name, out bool complex)
    {
        complex = true;
        if (_system is null || !_system.States.TryGetValue(name, out var state) || state.Dims.Length == 0) return null;
        complex = state.Complex;
        return state.Dims;
    }

    /// <summary>An entry of a Hermitian state: conj(N[b,a]) below the diagonal, a real symbol on it; null for any other name.</summary>
    private Expr? HermitianEntry(string name, IReadOnlyList<int> indices) =>
        _system is { } s && s.States.TryGetValue(name, out var state) && state.Hermitian
            ? new SystemState(name, [.. state.Dims], true, [], null, IsHermitian: true).Entry(indices)
            : null;

    private bool IsSystemName(string name) => _system is { } s && (name == s.Variable || s.States.ContainsKey(name));

    private IEnumerable<string> SystemNames() => _system is { } s ? s.States.Keys.Append(s.Variable) : [];

    /// <summary><c>integral(x, lo, hi, expr)</c>: x a new name bound to a fresh real symbol in expr; <c>inf</c> as the upper limit is +infinity.</summary>
    private Expr BindIntegral(CallExpressionSyntax c, Context ctx)
    {
        if (c.Arguments.Count != 4)
        {
            _diagnostics.ReportArity(_text, c.Name.Span, "integral", "4 arguments: integral(x, lo, hi, expr)", c.Arguments.Count);
            return ExpressionRules.Error;
        }
        if (c.Arguments[0] is not NameExpressionSyntax { Name: var x } || ctx.Env.ContainsKey(x.Text) || ctx.Values.ContainsKey(x.Text)
            || owner.DeclaredAs.ContainsKey(x.Text) || IsSystemName(x.Text) || owner.IsReserved(x.Text))
        {
            _diagnostics.ReportBadIntegral(_text, c.Arguments[0].Span, "An integral takes a new name for its variable first: integral(x, lo, hi, expr).");
            return ExpressionRules.Error;
        }
        var errors = _diagnostics.Count;
        var lo = Bind(c.Arguments[1], ctx);
        var hi = c.Arguments[2] is NameExpressionSyntax { Name.Text: "inf" } && !owner.DeclaredAs.ContainsKey("inf")
            ? IntegralFunction.Infinity
            : Bind(c.Arguments[2], ctx);
        var symbol = Expr.Real($"{x.Text}#{++_integrals}");
        var body = Bind(c.Arguments[3], ctx with { Values = ctx.Values.SetItem(x.Text, symbol) });
        if (_diagnostics.Count > errors || IsError(lo) || IsError(hi) || IsError(body)) return ExpressionRules.Error;
        // the integrand must be real too; where that cannot be told here (sqrt of a square), the table checks it at every point
        if (!lo.IsRealValued || !hi.IsRealValued)
        {
            _diagnostics.ReportBadIntegral(_text, c.Span, "The limits of an integral must be real.");
            return ExpressionRules.Error;
        }
        if (DependsOnState(lo) || DependsOnState(hi) || DependsOnState(body))
        {
            _diagnostics.ReportDependsOnState(_text, c.Span, "An integral");
            return ExpressionRules.Error;
        }
        return IntegralFunction.Create(symbol, lo, hi, body);
    }

    private bool DependsOnState(Expr e) =>
        _system is { } s && e.Symbols().Any(sym => s.States.ContainsKey(StateName(sym.Name)));

    private static string StateName(string symbol) => symbol.IndexOf('[') is var k and >= 0 ? symbol[..k] : symbol;

    /// <summary>Binds every system block (after the kernel declarations); null entries for blocks with errors.</summary>
    public IReadOnlyList<SystemSpec> BindSystems(IReadOnlyList<SystemDeclarationSyntax> systems)
    {
        var bound = new List<SystemSpec>();
        foreach (var s in systems)
        {
            var errors = _diagnostics.Count;
            var spec = BindSystem(s);
            _system = null;
            if (spec is not null && _diagnostics.Count == errors) bound.Add(spec);
        }
        return bound;
    }

    private SystemSpec? BindSystem(SystemDeclarationSyntax s)
    {
        var empty = new Context(ImmutableDictionary<string, int>.Empty, 0, false);
        var variables = s.Items.OfType<SystemVariableSyntax>().ToList();
        if (variables.Count != 1)
        {
            _diagnostics.ReportBadSystem(_text, variables.Count == 0 ? s.Name.Span : variables[1].Span,
                variables.Count == 0 ? $"The system '{s.Name.Text}' needs one 'variable z from START to END'." : "A system has one variable; this is a second.");
            return null;
        }
        var variable = variables[0];
        if (!FreeName(variable.Name)) return null;
        var start = Bind(variable.Start, empty);
        var end = Bind(variable.End, empty);
        if (IsError(start) || IsError(end)) return null;

        // the states, declared before anything in the block is bound (an equation may use a state declared below it)
        var states = ImmutableDictionary.CreateBuilder<string, (int[] Dims, bool Complex, bool Hermitian)>(StringComparer.Ordinal);
        var stateSyntax = new List<SystemStateSyntax>();
        foreach (var st in s.Items.OfType<SystemStateSyntax>())
        {
            if (!FreeName(st.Name) || states.ContainsKey(st.Name.Text))
            {
                if (states.ContainsKey(st.Name.Text)) _diagnostics.ReportNameClash(_text, st.Name.Span, st.Name.Text, "is declared twice in this system");
                return null;
            }
            if (st.Type.Text is not ("real" or "complex" or "hermitian"))
            {
                _diagnostics.ReportBadSystem(_text, st.Type.Span, "A state is 'real', 'complex' or 'hermitian' (a square complex matrix equal to its conjugate transpose).");
                return null;
            }
            var dims = st.Dimensions.Select(d => d.Value is { IsInteger: true } v && v.Sign > 0 && v.Numerator <= 64 ? (int)v.Numerator : 0).ToArray();
            if (dims.Contains(0) || dims.Length > 2)
            {
                _diagnostics.ReportBadSystem(_text, st.Span, "A state is a scalar, a vector [n] or a matrix [r, c], sizes 1 to 64.");
                return null;
            }
            var hermitian = st.Type.Text == "hermitian";
            if (hermitian && (dims.Length != 2 || dims[0] != dims[1]))
            {
                _diagnostics.ReportBadSystem(_text, st.Span, "A hermitian state is a square matrix [n, n].");
                return null;
            }
            states[st.Name.Text] = (dims, st.Type.Text != "real", hermitian);
            stateSyntax.Add(st);
        }
        if (states.Count == 0)
        {
            _diagnostics.ReportBadSystem(_text, s.Name.Span, $"The system '{s.Name.Text}' declares no state.");
            return null;
        }
        _system = new SystemScope(variable.Name.Text, Expr.Real(variable.Name.Text), states.ToImmutable());

        var shadowed = new List<(string Name, DefinitionDeclarationSyntax? Old)>();
        try
        {
            var stateSpecs = new List<SystemState>();
            foreach (var st in stateSyntax)
            {
                var initial = st.Initial is null ? Expr.Zero : Bind(st.Initial, empty);
                Expr? atol = st.AbsoluteTolerance is null ? null : Bind(st.AbsoluteTolerance, empty);
                if (IsError(initial) || atol is not null && IsError(atol)) return null;
                if (DependsOnState(initial) || initial.Symbols().Contains(_system.Symbol))
                {
                    _diagnostics.ReportDependsOnState(_text, st.Initial!.Span, "An initial value (or on the variable)");
                    return null;
                }
                if (atol is not null && (DependsOnState(atol) || atol.Symbols().Contains(_system.Symbol) || !atol.IsRealValued))
                {
                    _diagnostics.ReportBadSystem(_text, st.AbsoluteTolerance!.Span, "An absolute tolerance is a positive real number in parameters and constants.");
                    return null;
                }
                var (dims, complex, hermitian) = states[st.Name.Text];
                var shape = new SystemState(st.Name.Text, [.. dims], complex, [], atol, hermitian);
                stateSpecs.Add(shape with { Initial = [.. Enumerable.Repeat(initial, shape.Components.Length)] });
            }
            var components = stateSpecs.SelectMany(x => x.Components).ToList();
            var initials = stateSpecs.SelectMany(x => x.Initial).ToArray();
            var initialSet = new bool[components.Count];
            var derivatives = new Expr?[components.Count];
            var breakpoints = new List<Expr>();
            var outputs = new List<SystemOutput>();
            foreach (var item in s.Items)
            {
                switch (item)
                {
                    case SystemDefineSyntax d:
                        var name = d.Definition.Name.Text;
                        // a local define may not shadow a model-level name: defines expand by name, so a model-level define that
                        // uses the shadowed one would change its meaning inside the system
                        if (owner.DeclaredAs.ContainsKey(name) || IsSystemName(name) || shadowed.Any(x => x.Name == name))
                        {
                            _diagnostics.ReportNameClash(_text, d.Definition.Name.Span, name, "is declared already (a system's defines need names of their own)");
                            return null;
                        }
                        shadowed.Add((name, _defines.GetValueOrDefault(name)));
                        _defines[name] = d.Definition;
                        break;
                    case SystemBreakpointSyntax b:
                        var at = Bind(b.Value, empty);
                        if (IsError(at)) return null;
                        if (DependsOnState(at) || at.Symbols().Contains(_system.Symbol)) { _diagnostics.ReportDependsOnState(_text, b.Value.Span, "A breakpoint (or on the variable)"); return null; }
                        breakpoints.Add(at);
                        break;
                    case SystemEquationSyntax e:
                        if (e.Variable.Text != "d" + _system.Variable)
                        {
                            _diagnostics.ReportBadSystem(_text, e.Variable.Span, $"The derivative is with respect to the variable: write /d{_system.Variable}.");
                            return null;
                        }
                        if (!BindComponents(e.State, e.Indices, e.Expression, stateSpecs, components, derivatives, "equation", allowState: true)) return null;
                        break;
                    case SystemInitialSyntax i:
                        var given = new Expr?[components.Count];
                        if (!BindComponents(i.State, i.Indices, i.Expression, stateSpecs, components, given, "initial value", allowState: false)) return null;
                        for (var k = 0; k < given.Length; k++)
                        {
                            if (given[k] is not { } start0) continue;
                            if (initialSet[k])
                            {
                                _diagnostics.ReportBadSystem(_text, i.State.Span, $"'{components[k].Name}' has a second initial value.");
                                return null;
                            }
                            (initials[k], initialSet[k]) = (start0, true);
                        }
                        break;
                    case SystemOutputSyntax o:
                        if (outputs.Any(x => x.Name == o.Name.Text) || owner.DeclaredAs.ContainsKey(o.Name.Text) || IsSystemName(o.Name.Text)
                            || _defines.ContainsKey(o.Name.Text) || !_outputNames.Add(o.Name.Text))
                        {
                            _diagnostics.ReportNameClash(_text, o.Name.Span, o.Name.Text, "is declared already");
                            return null;
                        }
                        var value = Bind(o.Expression, empty);
                        Expr? point = o.At is null ? null : Bind(o.At, empty);
                        if (IsError(value) || point is not null && IsError(point)) return null;
                        if (point is not null && (DependsOnState(point) || point.Symbols().Contains(_system.Symbol)))
                        {
                            _diagnostics.ReportDependsOnState(_text, o.At!.Span, "The point of an output (or on the variable)");
                            return null;
                        }
                        outputs.Add(new SystemOutput(o.Name.Text, value, point));
                        break;
                }
            }
            for (var k = 0; k < components.Count; k++)
                if (derivatives[k] is null)
                {
                    var state = stateSyntax.First(x => components[k].Name == x.Name.Text || components[k].Name.StartsWith(x.Name.Text + "[", StringComparison.Ordinal));
                    _diagnostics.ReportBadSystem(_text, state.Name.Span, $"'{components[k].Name}' has no equation: write d({components[k].Name})/d{variable.Name.Text} = ... (or one with an index name for every component).");
                    return null;
                }
            var offset = 0;
            for (var k = 0; k < stateSpecs.Count; k++)
            {
                var count = stateSpecs[k].Components.Length;
                stateSpecs[k] = stateSpecs[k] with { Initial = [.. initials.Skip(offset).Take(count)] };
                offset += count;
            }
            return new SystemSpec(s.Name.Text, s.Title?.Text.Trim('"'), _system.Symbol, start, end, variable.Log is not null,
                [.. stateSpecs], [.. derivatives.Select(d => d!)], [.. breakpoints], [.. outputs], s.Span);
        }
        finally
        {
            for (var k = shadowed.Count - 1; k >= 0; k--)
                if (shadowed[k].Old is { } old) _defines[shadowed[k].Name] = old;
                else _defines.Remove(shadowed[k].Name);
        }
    }

    /// <summary>A name for the variable or a state: not declared in the model.</summary>
    private bool FreeName(SyntaxToken name)
    {
        if (!owner.DeclaredAs.ContainsKey(name.Text) && !owner.IsReserved(name.Text)) return true;
        _diagnostics.ReportNameClash(_text, name.Span, name.Text, "is declared already; a system's variable and states need names of their own");
        return false;
    }

    /// <summary>
    /// <c>d(x[i, ...])/dz = expr</c> or <c>initial x[i, ...] = expr</c>: expr bound once per component the indices select
    /// (names range over the state's shape), into <paramref name="values"/>; an initial value may not use the state or the variable.
    /// </summary>
    private bool BindComponents(SyntaxToken stateName, IReadOnlyList<ExpressionSyntax> indices, ExpressionSyntax expression, List<SystemState> states,
        List<SymbolExpr> components, Expr?[] values, string what, bool allowState)
    {
        var state = states.FirstOrDefault(x => x.Name == stateName.Text);
        if (state is null)
        {
            _diagnostics.ReportBadSystem(_text, stateName.Span, $"'{stateName.Text}' is not a state of this system.");
            return false;
        }
        if (indices.Count != state.Dimensions.Length)
        {
            _diagnostics.ReportIndexCount(_text, stateName.Span, state.Name, state.Dimensions.Length, indices.Count);
            return false;
        }
        // each index: a new name ranging over its dimension, or a number selecting one value
        var choices = new List<(string? Name, int[] Values)>();
        for (var k = 0; k < indices.Count; k++)
        {
            var n = state.Dimensions[k];
            switch (indices[k])
            {
                case NameExpressionSyntax { Name.Text: var i } when !owner.DeclaredAs.ContainsKey(i) && !IsSystemName(i) && choices.All(c => c.Name != i):
                    choices.Add((i, Enumerable.Range(1, n).ToArray()));
                    break;
                case LiteralExpressionSyntax { Token.Value: { IsInteger: true } v } when v.Sign > 0 && v.Numerator <= n:
                    choices.Add((null, [(int)v.Numerator]));
                    break;
                default:
                    _diagnostics.ReportBadSystem(_text, indices[k].Span, $"An {what}'s index is a new name (over 1..{n}) or a number from 1 to {n}.");
                    return false;
            }
        }
        IEnumerable<int[]> combos = [[]];
        foreach (var c in choices) combos = combos.SelectMany(prefix => c.Values.Select(v => prefix.Append(v).ToArray()));
        if (state.IsHermitian)
        {
            // below the diagonal a Hermitian state is the conjugate of the entry above it: two index names range over a <= b
            // only; an entry below written with a number is a mistake, reported rather than dropped
            if (choices.Any(c => c.Name is null) && combos.FirstOrDefault(combo => combo[0] > combo[1]) is { } below)
            {
                var (a, b) = (below[0], below[1]);
                _diagnostics.ReportBadSystem(_text, stateName.Span,
                    $"'{state.Name}' is hermitian: {state.Name}[{a},{b}] is conj({state.Name}[{b},{a}]); write the {what} of {state.Name}[{b},{a}].");
                return false;
            }
            combos = combos.Where(combo => combo[0] <= combo[1]);
        }
        foreach (var combo in combos)
        {
            var env = ImmutableDictionary<string, int>.Empty;
            for (var k = 0; k < choices.Count; k++)
                if (choices[k].Name is { } i) env = env.SetItem(i, combo[k]);
            var symbol = (SymbolExpr)state.Entry(combo);
            var index = components.IndexOf(symbol);
            if (values[index] is not null)
            {
                _diagnostics.ReportBadSystem(_text, stateName.Span, $"'{symbol.Name}' has a second {what}.");
                return false;
            }
            var errors = _diagnostics.Count;
            var rhs = Bind(expression, new Context(env, 0, false));
            if (_diagnostics.Count > errors || IsError(rhs)) return false;
            if (!allowState && (DependsOnState(rhs) || rhs.Symbols().Contains(_system!.Symbol)))
            {
                _diagnostics.ReportDependsOnState(_text, expression.Span, "An initial value (or on the variable)");
                return false;
            }
            // a real state whose right-hand side is not provably real (sqrt of a positive table value, say) keeps it: the compiled
            // system checks at every point that its imaginary part vanishes (SystemInstance), so a complex one is an error there

            values[index] = rhs;
        }
        return true;
    }
}
