using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Calculus;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Functions;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Syntax;

namespace ModelDsl.Model;

/// <summary>Table calls (<c>hp_c.heff(T)</c>, <c>dofs.heff(T)</c> through a table choice) and <c>diff(expr, x)</c>.</summary>
internal sealed partial class KernelBinder
{
    private readonly Dictionary<string, List<string>> _tableColumnsUsed = new(StringComparer.Ordinal);
    private int _diffVariables;

    /// <summary>For each table-choice parameter, the columns read through it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TableColumnsUsed =>
        _tableColumnsUsed.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// <c>t.col(x)</c>: the column's ln-ln spline at x (<see cref="TableSpec.Apply"/>); through a table choice
    /// <c>dofs.col(x)</c>, the chain ifpos(k1 + 1/2 - dofs, t1.col(x), ifpos(k2 + 1/2 - dofs, t2.col(x), ...)) over the tables
    /// that have the column (k = a table's position), so kernels stay compiled once and differentiable.
    /// </summary>
    private Expr BindTableCall(CallExpressionSyntax c, Context ctx)
    {
        var record = c.Record!;
        var column = c.Name.Text;
        if (IsPoisoned(record.Text)) return ExpressionRules.Error;
        if (ctx.NumericOnly || !owner.DeclaredAs.ContainsKey(record.Text))
        {
            _diagnostics.ReportUnknownName(_text, record.Span, record.Text, NameSuggestion.Nearest(record.Text, owner.Tables.Keys));
            Poison(record.Text);
            return ExpressionRules.Error;
        }
        var choice = owner.Parameters.TryGetValue(record.Text, out var p) ? p.TableChoices : null;
        if (!owner.Tables.ContainsKey(record.Text) && choice is null)
        {
            _diagnostics.ReportTableColumn(_text, record.Span, $"'{record.Text}' is not a table: t.column(x) reads a column of a 'table' or of a 'param ... : table'.");
            return ExpressionRules.Error;
        }
        if (TablesWithColumn(record.Text, column, c.Name.Span) is not { } having) return ExpressionRules.Error;
        if (having.Any(t => t.Table.IsConstants))
        {
            _diagnostics.ReportTableColumn(_text, c.Span, $"'{having.First(t => t.Table.IsConstants).Table.Name}' is a table of constants (one row): read its column as {record.Text}.{column}, without an argument.");
            return ExpressionRules.Error;
        }
        if (c.Arguments.Count != 1)
        {
            _diagnostics.ReportArity(_text, c.Name.Span, $"{record.Text}.{column}", "1 argument", c.Arguments.Count);
            return ExpressionRules.Error;
        }
        var x = Bind(c.Arguments[0], ctx);
        if (IsError(x)) return x;
        return choice is null ? having[0].Table.Apply(column, x) : Select(p!, column, having, t => t.Apply(column, x));
    }

    /// <summary>
    /// Through the table choice <paramref name="choice"/>: ifpos(k1 + 1/2 - choice, value(t1), ifpos(k2 + 1/2 - choice, ...))
    /// over the tables that have the column (k = a table's position); notes the column as read through the choice.
    /// </summary>
    private Expr Select(ParameterSpec choice, string column, List<(TableSpec Table, int Position)> having, Func<TableSpec, Expr> value)
    {
        var used = _tableColumnsUsed.TryGetValue(choice.Name, out var list) ? list : _tableColumnsUsed[choice.Name] = [];
        if (!used.Contains(column)) used.Add(column);
        var chain = value(having[^1].Table);
        for (var k = having.Count - 2; k >= 0; k--)
            chain = Expr.Apply(IfPosFunction.Instance, Expr.Number(Rational.Create(2 * having[k].Position + 1, 2)) - choice.Symbol,
                value(having[k].Table), chain);
        return chain;
    }

    /// <summary>
    /// The tables that <paramref name="record"/> (a table, or a table choice over the model's tables) reads
    /// <paramref name="column"/> from, with their 1-based positions; null after MDL0263 (no such column, or the choice's
    /// default lacks it) or when no table loaded (their own errors are the messages).
    /// </summary>
    private List<(TableSpec Table, int Position)>? TablesWithColumn(string record, string column, Text.TextSpan at)
    {
        var choice = owner.Parameters.TryGetValue(record, out var p) ? p.TableChoices : null;
        if (choice is { Count: 0 }) return null;
        var tables = choice is null ? [owner.Tables[record]] : choice.Select(n => owner.Tables[n]).ToList();
        var having = tables.Select((t, k) => (Table: t, Position: k + 1)).Where(t => t.Table.HasColumn(column)).ToList();
        var defaultTable = choice is not null && p!.Default is { } d ? tables[(int)d.Real - 1] : null;
        if (having.Count > 0 && (defaultTable is null || defaultTable.HasColumn(column))) return having;
        var t = having.Count == 0 ? tables[0] : defaultTable!;
        var near = NameSuggestion.Nearest(column, t.Columns);
        _diagnostics.ReportTableColumn(_text, at,
            $"The table '{t.Name}' has no column '{column}' (columns: {string.Join(", ", t.Columns)})." + (near is null ? "" : $" Did you mean '{near}'?"));
        return null;
    }

    /// <summary>
    /// <c>t.col</c> of a table of constants (a one-row file), or through a table choice <c>constants.col</c>: the exact
    /// number, or the chain ifpos(k1 + 1/2 - constants, c1, ifpos(...)) over the tables that have the column, as
    /// <see cref="BindTableCall"/> does for functions (a fixed choice folds to one number).
    /// </summary>
    private Expr BindTableConstant(MemberAccessExpressionSyntax m)
    {
        var record = m.Record.Text;
        var column = m.Member.Text;
        _opaqueNumbers++;
        var choice = owner.Parameters.TryGetValue(record, out var p) ? p.TableChoices : null;
        if (TablesWithColumn(record, column, m.Member.Span) is not { } having) return ExpressionRules.Error;
        if (having.FirstOrDefault(t => !t.Table.IsConstants).Table is { } functions)
        {
            _diagnostics.ReportTableColumn(_text, m.Span, $"'{functions.Name}.{column}' is a function of {functions.Variable}: write {record}.{column}(x).");
            return ExpressionRules.Error;
        }
        return choice is null ? Expr.Number(having[0].Table.Constants[column]) : Select(p!, column, having, t => Expr.Number(t.Constants[column]));
    }

    /// <summary>
    /// <c>diff(expr, x)</c>: d expr/d x (<see cref="Differentiation"/>). x is a value parameter of the define being
    /// expanded (the derivative is taken in a fresh symbol, then the argument is substituted, so <c>f(mN/z)</c> works)
    /// or a real scalar parameter. A function without a derivative (zeta) or a let's library output that depends on x
    /// is MDL0264.
    /// </summary>
    private Expr BindDiff(CallExpressionSyntax c, Context ctx)
    {
        if (c.Arguments.Count != 2)
        {
            _diagnostics.ReportArity(_text, c.Name.Span, "diff", "2 arguments: diff(expr, x)", c.Arguments.Count);
            return ExpressionRules.Error;
        }
        if (c.Arguments[1] is not NameExpressionSyntax { Name: var v })
        {
            _diagnostics.ReportDiff(_text, c.Arguments[1].Span, "diff(expr, x) differentiates with respect to a name: a value parameter of the define or a real parameter.");
            return ExpressionRules.Error;
        }
        Expr variable;
        Expr? value = null;
        var inner = ctx;
        if (ctx.Values.TryGetValue(v.Text, out var argument))
        {
            variable = Expr.Real($"{v.Text}#diff{++_diffVariables}");
            value = argument;
            inner = ctx with { Values = ctx.Values.SetItem(v.Text, variable) };
        }
        else if (!ctx.Env.ContainsKey(v.Text) && owner.Parameters.TryGetValue(v.Text, out var p) && p is { Rank: 0, IsComplex: false })
            variable = p.Symbol;
        else if (!ctx.Env.ContainsKey(v.Text) && !owner.DeclaredAs.ContainsKey(v.Text) && !IsPoisoned(v.Text))
        {
            _diagnostics.ReportUnknownName(_text, v.Span, v.Text, NameSuggestion.Nearest(v.Text, Candidates(ctx)));
            Poison(v.Text);
            return ExpressionRules.Error;
        }
        else
        {
            if (!IsPoisoned(v.Text))
                _diagnostics.ReportDiff(_text, v.Span, $"'{v.Text}' is not a variable: diff(expr, x) takes a value parameter of the define or a real scalar parameter.");
            return ExpressionRules.Error;
        }
        var e = Bind(c.Arguments[0], inner);
        if (IsError(e)) return e;
        var staged = _lets.Values.FirstOrDefault(l => l.Arguments.Any(a => a.Scalar is { } s && s.Symbols().Contains(variable))
                                                     && e.Symbols().Any(s => s.Name == l.Name || s.Name.StartsWith(l.Name + "[", StringComparison.Ordinal) || s.Name.StartsWith(l.Name + ".", StringComparison.Ordinal)));
        if (staged is not null)
        {
            _diagnostics.ReportDiff(_text, c.Span, $"The expression uses the output of the library function of 'let {staged.Name}', which depends on '{v.Text}' and has no symbolic derivative.");
            return ExpressionRules.Error;
        }
        if (!Differentiation.TryDifferentiate(e, variable, out var derivative, out var error))
        {
            _diagnostics.ReportDiff(_text, c.Span, $"diff cannot differentiate this expression with respect to '{v.Text}': {error}");
            return ExpressionRules.Error;
        }
        return value is null ? derivative : Rewriting.Substitute(derivative, variable, value);
    }
}
