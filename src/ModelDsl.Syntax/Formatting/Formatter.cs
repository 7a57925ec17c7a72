using System.Text;
using ModelDsl.Syntax;

namespace ModelDsl.Formatting;

/// <summary>
/// Prints a parsed spec in canonical layout: one declaration per line, declarations of one
/// kind grouped by blank lines, field properties as <c>{ name: value, ... }</c>, expressions
/// with spaces around + and -. Every comment is kept: those before or inside a declaration
/// are printed above it, one on the declaration's last line stays at its end.
/// Parsing the output gives the same model.
/// </summary>
public static class Formatter
{
    /// <summary>The canonical text of a syntax tree (meant for trees without syntax errors).</summary>
    public static string Format(SyntaxTree tree)
    {
        var sb = new StringBuilder();
        var comments = new Queue<SyntaxComment>(tree.Comments);
        SyntaxKind? previous = null;
        foreach (var d in tree.Root.Declarations)
        {
            var kind = d.Keyword.Kind is SyntaxKind.FermionKeyword or SyntaxKind.ScalarKeyword ? SyntaxKind.FermionKeyword : d.Keyword.Kind;
            var lineEnd = LineEnd(tree, d.Span.End);
            var leading = new List<SyntaxComment>();
            var leadingEnd = d is SystemDeclarationSyntax ? d.Keyword.Span.End : d.Span.End;
            while (comments.Count > 0 && comments.Peek().Span.Start < leadingEnd) leading.Add(comments.Dequeue());
            if (previous is not null && (previous != kind || leading.Count > 0 || kind == SyntaxKind.SystemKeyword)) sb.AppendLine();
            foreach (var c in leading) sb.AppendLine(c.Text);
            if (d is SystemDeclarationSyntax system) System(sb, tree, system, comments);
            else sb.Append(Declaration(d));
            if (comments.Count > 0 && comments.Peek().Span.Start < lineEnd) sb.Append("  ").Append(comments.Dequeue().Text);
            sb.AppendLine();
            previous = kind;
        }
        if (comments.Count > 0 && sb.Length > 0) sb.AppendLine();
        foreach (var c in comments) sb.AppendLine(c.Text);
        return sb.ToString();
    }

    /// <summary>A system block: one item per line, indented, each item's comments above it or at its line's end.</summary>
    private static void System(StringBuilder sb, SyntaxTree tree, SystemDeclarationSyntax s, Queue<SyntaxComment> comments)
    {
        sb.Append($"system {s.Name.Text}" + (s.Title is null ? "" : " " + s.Title.Text) + " {");
        foreach (var item in s.Items)
        {
            var lineEnd = LineEnd(tree, item.Span.End);
            var leading = new List<SyntaxComment>();
            while (comments.Count > 0 && comments.Peek().Span.Start < item.Span.End) leading.Add(comments.Dequeue());
            sb.AppendLine();
            foreach (var c in leading) sb.Append("    ").AppendLine(c.Text);
            sb.Append("    ").Append(Item(item));
            if (comments.Count > 0 && comments.Peek().Span.Start < lineEnd && comments.Peek().Span.Start < s.Span.End) sb.Append("  ").Append(comments.Dequeue().Text);
        }
        sb.AppendLine();
        while (comments.Count > 0 && comments.Peek().Span.Start < s.Span.End) sb.Append("    ").AppendLine(comments.Dequeue().Text);
        sb.Append('}');
    }

    /// <summary>One item of a system block on one line.</summary>
    public static string Item(SystemItemSyntax item) => item switch
    {
        SystemVariableSyntax v => $"variable {v.Name.Text} from {Expression(v.Start)} to {Expression(v.End)}" + (v.Log is null ? "" : " log"),
        SystemStateSyntax st => $"state {st.Name.Text}" + (st.Dimensions.Count == 0 ? "" : $"[{string.Join(",", st.Dimensions.Select(t => t.Text))}]")
                                + $" : {st.Type.Text}" + (st.Initial is null ? "" : $" = {Expression(st.Initial)}")
                                + (st.AbsoluteTolerance is null ? "" : $" atol {Expression(st.AbsoluteTolerance)}"),
        SystemBreakpointSyntax b => $"breakpoint {Expression(b.Value)}",
        SystemInitialSyntax i => $"initial {i.State.Text}" + (i.Indices.Count == 0 ? "" : $"[{string.Join(",", i.Indices.Select(Expression))}]") + $" = {Expression(i.Expression)}",
        SystemDefineSyntax d => Declaration(d.Definition),
        SystemEquationSyntax e => $"d({e.State.Text}" + (e.Indices.Count == 0 ? "" : $"[{string.Join(",", e.Indices.Select(Expression))}]")
                                  + $")/{e.Variable.Text} = {Expression(e.Expression)}",
        SystemOutputSyntax o => $"output {o.Name.Text} = {Expression(o.Expression)} at " + (o.At is null ? "end" : Expression(o.At)),
        _ => throw new InvalidOperationException("Unknown system item " + item.GetType().Name),
    };

    private static int LineEnd(SyntaxTree tree, int position)
    {
        var line = tree.Text.GetLineIndex(Math.Max(0, position - 1));
        return line + 1 < tree.Text.LineCount ? tree.Text.GetLineStart(line + 1) : tree.Text.Length;
    }

    /// <summary>One declaration on one line (no line break).</summary>
    public static string Declaration(DeclarationSyntax d) => d switch
    {
        ModelDeclarationSyntax m => $"{m.Keyword.Text} {m.Name.Text}" + (m.Title is null ? "" : " " + m.Title.Text),
        GroupDeclarationSyntax g => $"group {g.Name.Text} : {g.TypeName.Text}({g.Order.Text})" + (g.Coupling is null ? "" : $" coupling {g.Coupling.Text}"),
        FieldDeclarationSyntax f => $"{f.Keyword.Text} {f.Name.Text} {{ {string.Join(", ", f.Entries.Select(Entry))} }}",
        ParameterDeclarationSyntax p => $"{p.Keyword.Text} {string.Join(", ", p.Items.Select(Item))} : {string.Join(" ", p.Flags.Select(t => t.Text))}"
                                        + (p.Default is null ? "" : $" = {Expression(p.Default)}"),
        DefinitionDeclarationSyntax x => $"{x.Keyword.Text} {x.Name.Text}"
                                         + (x.Parameters.Count == 0 ? "" : $"({string.Join(", ", x.Parameters.Select(t => t.Text))})")
                                         + $" = {Expression(x.Expression)}"
                                         + (x.Unit is null ? "" : x.In is null ? $" {x.Unit.Text}" : $" in {x.Unit.Text}{string.Concat(x.UnitPower.Select(t => t.Text))}"),
        TermDeclarationSyntax t => $"{t.Keyword.Text} {Expression(t.Expression)}" + (t.PlusHermitianConjugate ? " + h.c." : ""),
        VevDeclarationSyntax v => $"vev {v.Field.Text} -> {v.Value.Text}",
        SystemDeclarationSyntax s => $"system {s.Name.Text}" + (s.Title is null ? "" : " " + s.Title.Text)
                                     + " {" + string.Concat(s.Items.Select(i => "\n    " + Item(i))) + "\n}",
        UseDeclarationSyntax u => $"use {u.Name.Text} = {u.Path.Text} {{" + (u.Bindings.Count == 0 ? "" : " " + string.Join(", ", u.Bindings.Select(b => $"{b.Input.Text} = {Expression(b.Value)}")) + " ") + "}",
        IncludeDeclarationSyntax i => $"include {i.Path.Text}",
        TableDeclarationSyntax t => $"table {t.Name.Text} = file({t.Path.Text})",
        CheckDeclarationSyntax c => "check " + string.Join(", ", c.Items.Select(i => i.Name.Text + (i.Arguments.Count == 0 ? "" : $"({string.Join(", ", i.Arguments.Select(a => a.Text))})"))),
        _ => throw new InvalidOperationException("Unknown declaration " + d.GetType().Name),
    };

    private static string Entry(FieldEntrySyntax e) => e.Value is null ? e.Name.Text : $"{e.Name.Text}: {Expression(e.Value)}";

    private static string Item(ParameterItemSyntax i) =>
        i.Dimensions.Count == 0 ? i.Name.Text : $"{i.Name.Text}[{string.Join(",", i.Dimensions.Select(t => t.Text))}]";

    /// <summary>An expression as written, with canonical spacing.</summary>
    public static string Expression(ExpressionSyntax e) => e switch
    {
        LiteralExpressionSyntax l => l.Token.Text,
        NameExpressionSyntax n => n.Name.Text,
        IndexExpressionSyntax i => $"{i.Name.Text}[{string.Join(",", i.Indices.Select(Expression))}]",
        CallExpressionSyntax c => (c.Record is null ? "" : c.Record.Text + ".") + $"{c.Name.Text}({string.Join(", ", c.Arguments.Select(Expression))})",
        NamedArgumentSyntax a => $"{a.Name.Text}: {Expression(a.Value)}",
        MemberAccessExpressionSyntax m => $"{m.Record.Text}.{m.Member.Text}" + (m.Indices.Count == 0 ? "" : $"[{string.Join(",", m.Indices.Select(Expression))}]"),
        UnaryExpressionSyntax u => u.Operator.Text + Expression(u.Operand),
        BinaryExpressionSyntax b when b.Operator.Kind is SyntaxKind.Plus or SyntaxKind.Minus or SyntaxKind.NotEquals =>
            $"{Expression(b.Left)} {b.Operator.Text} {Expression(b.Right)}",
        BinaryExpressionSyntax b => $"{Expression(b.Left)}{b.Operator.Text}{Expression(b.Right)}",
        ParenthesizedExpressionSyntax p => $"({Expression(p.Expression)})",
        TupleExpressionSyntax t => $"({string.Join(", ", t.Items.Select(Expression))})",
        ErrorExpressionSyntax => "?",
        _ => throw new InvalidOperationException("Unknown expression " + e.GetType().Name),
    };
}
