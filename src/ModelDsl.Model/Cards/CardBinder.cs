using System.Numerics;
using ModelDsl.Diagnostics;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Syntax;

namespace ModelDsl.Model;

/// <summary>
/// Binds a parameter card against a model: every name must be a parameter; masses need an
/// energy unit and are stored in GeV; component counts, signs, the light-neutrino mass
/// ordering (<c>ordering = normal</c> (default) or <c>inverted</c>) and real/complex are checked; parameters
/// the kernels need and that have no default must be given.
/// </summary>
public static class CardBinder
{
    /// <summary>Energy units, in GeV.</summary>
    public static readonly IReadOnlyDictionary<string, double> Units = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["eV"] = 1e-9, ["meV"] = 1e-12, ["keV"] = 1e-6, ["MeV"] = 1e-3, ["GeV"] = 1, ["TeV"] = 1e3,
    };

    /// <summary>
    /// Binds a card; <paramref name="overrides"/> (parsed --set texts) replace its values.
    /// Returns the point, or null with diagnostics.
    /// </summary>
    public static (ParameterPoint? Point, IReadOnlyList<Diagnostic> Diagnostics) Bind(ModelSpec spec, CardTree card, IReadOnlyList<CardTree>? overrides = null)
    {
        var bag = new DiagnosticBag();
        bag.AddRange(card.Diagnostics);
        var values = new Dictionary<string, Complex[]>(StringComparer.Ordinal);
        var ordering = "normal";
        if (card.Root.ModelName is { } m && m.Text != spec.Name)
        {
            // every name and every missing value would follow from this one mistake
            bag.ReportCardForOtherModel(card.Text, m.Span, m.Text, spec.Name);
            return (null, bag.ToArray());
        }
        var orderedAt = new Dictionary<string, (Text.SourceText Text, Text.TextSpan Span)>(StringComparer.Ordinal);
        BindAssignments(spec, card, values, ref ordering, bag, allowRepeat: false, orderedAt);
        foreach (var o in overrides ?? [])
        {
            bag.AddRange(o.Diagnostics);
            BindAssignments(spec, o, values, ref ordering, bag, allowRepeat: true, orderedAt);
        }
        CheckOrdering(values, ordering, orderedAt, bag);
        foreach (var p in spec.Parameters.Where(p => !values.ContainsKey(p.Name) && p.Default is not null))
            values[p.Name] = Enumerable.Repeat(p.Default!.Value, Math.Max(1, p.Rows) * Math.Max(1, p.Columns)).ToArray();

        var needed = NeededParameters(spec);
        // a parameter is not 'missing' when a line meant to give it failed (a syntax error), and nothing is
        // when a line has no name or an unknown one (it may have meant any of them): that line's message is the cause
        var cards = new[] { card }.Concat(overrides ?? []).ToList();
        var parameterNames = spec.Parameters.Select(p => p.Name).Append("ordering").ToHashSet(StringComparer.Ordinal);
        var given = cards.SelectMany(c => c.Root.Assignments).Select(a => a.Name.Text)
            .Concat(cards.SelectMany(c => c.Root.BrokenNames).Select(t => t.Text))
            .ToHashSet(StringComparer.Ordinal);
        var missing = needed.Where(n => !values.ContainsKey(n) && !given.Contains(n)).ToList();
        var unsure = cards.Any(c => c.Root.BrokenNames.Any(t => t.IsMissing)) || given.Any(n => !parameterNames.Contains(n));
        if (missing.Count > 0 && !unsure) bag.ReportMissingParameters(card.Text, card.Root.Title?.Span ?? new Text.TextSpan(0, 0), missing);

        if (bag.HasErrors) return (null, bag.ToArray());
        var title = card.Root.Title?.Text.Trim('"') ?? card.Text.Path;
        return (new ParameterPoint(title, values, ordering), bag.ToArray());
    }

    /// <summary>
    /// A point (of a card in another format, e.g. a ULYSSES parameter file) with <c>--set</c> overrides applied, checked as a
    /// card's values are; the point, or null with diagnostics.
    /// </summary>
    public static (ParameterPoint? Point, IReadOnlyList<Diagnostic> Diagnostics) Override(ModelSpec spec, ParameterPoint point, IReadOnlyList<CardTree> overrides)
    {
        var bag = new DiagnosticBag();
        var values = point.Values.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        var ordering = point.Ordering;
        var orderedAt = new Dictionary<string, (Text.SourceText Text, Text.TextSpan Span)>(StringComparer.Ordinal);
        foreach (var o in overrides)
        {
            bag.AddRange(o.Diagnostics);
            BindAssignments(spec, o, values, ref ordering, bag, allowRepeat: true, orderedAt);
        }
        CheckOrdering(values, ordering, orderedAt, bag);
        if (bag.HasErrors) return (null, bag.ToArray());
        return (new ParameterPoint(point.Title, values, ordering), bag.ToArray());
    }

    private static void CheckOrdering(Dictionary<string, Complex[]> values, string ordering,
        Dictionary<string, (Text.SourceText Text, Text.TextSpan Span)> orderedAt, DiagnosticBag bag)
    {
        foreach (var (name, (source, span)) in orderedAt)
            if (values[name].Length == 3 && !FollowsOrdering(values[name], ordering))
                bag.ReportOrdering(source, span, ordering == "normal"
                    ? $"'{name}' must be ordered m1 <= m2 <= m3 for normal ordering (give 'ordering = inverted' otherwise)."
                    : $"'{name}' must be ordered m3 <= m1 <= m2 for inverted ordering.");
    }

    /// <summary>The parameters that kernels and lets use.</summary>
    public static IReadOnlyList<string> NeededParameters(ModelSpec spec)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Add(Expr e)
        {
            foreach (var s in e.Symbols())
            {
                var bracket = s.Name.IndexOf('[');
                names.Add(bracket < 0 ? s.Name : s.Name[..bracket]);
            }
        }
        foreach (var k in spec.Kernels) Add(k.Expression);
        foreach (var l in spec.Lets)
            foreach (var a in l.Arguments)
                if (a.Scalar is not null) Add(a.Scalar);
                else names.Add(a.ArrayName!);
        return spec.Parameters.Where(p => names.Contains(p.Name)).Select(p => p.Name).ToList();
    }

    private static void BindAssignments(ModelSpec spec, CardTree card, Dictionary<string, Complex[]> values, ref string ordering, DiagnosticBag bag, bool allowRepeat,
        Dictionary<string, (Text.SourceText Text, Text.TextSpan Span)> orderedAt)
    {
        var text = card.Text;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parameters = spec.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var a in card.Root.Assignments)
        {
            var name = a.Name.Text;
            if (!seen.Add(name) && !allowRepeat) { bag.ReportGivenTwice(text, a.Name.Span, name); continue; }
            if (name == "ordering")
            {
                if (a.Values is [NameExpressionSyntax { Name.Text: "normal" or "inverted" } o] && a.Unit is null) ordering = o.Name.Text;
                else bag.ReportNotANumber(text, a.Span, "ordering is 'normal' or 'inverted'.");
                continue;
            }
            if (!parameters.TryGetValue(name, out var p))
            {
                bag.ReportUnknownParameter(text, a.Name.Span, name, spec.Name, NameSuggestion.Nearest(name, parameters.Keys.Append("ordering")));
                continue;
            }
            var count = Math.Max(1, p.Rows) * Math.Max(1, p.Columns);
            if (a.Values.Count != count || (count == 1 && a.IsList))
            {
                bag.ReportComponentCount(text, a.Span, name, count, a.Values.Count);
                continue;
            }
            if (p.TableChoices is not null)
            {
                if (TableChoice(spec, p, a, text, bag) is { } position) values[name] = [position];
                continue;
            }
            if (p.IsBool)
            {
                // a switch: true or false (no unit, no number)
                if (a.Unit is null && a.Values is [var only] && Binder.BoolLiteral(only) is { } on) values[name] = [on ? 1 : 0];
                else bag.ReportNotANumber(text, a.Span, $"'{name}' is a switch: write {name} = true or {name} = false.");
                continue;
            }
            var scale = 1.0;
            if (p.IsMass)
            {
                if (a.Unit is null) { bag.ReportMissingUnit(text, a.Span, name); continue; }
                if (!Units.TryGetValue(a.Unit.Text, out scale))
                {
                    bag.ReportUnknownUnit(text, a.Unit.Span, a.Unit.Text, NameSuggestion.Nearest(a.Unit.Text, Units.Keys));
                    continue;
                }
            }
            else if (a.Unit is not null)
            {
                bag.ReportUnexpectedUnit(text, a.Unit.Span, name);
                continue;
            }
            var components = new Complex[count];
            var ok = true;
            for (var k = 0; k < count && ok; k++)
            {
                var v = NumericSyntax.Evaluate(a.Values[k], out var problem);
                if (v is null && problem is null) { ok = false; break; } // its syntax error is the one message
                if (v is null || !double.IsFinite(v.Value.Real) || !double.IsFinite(v.Value.Imaginary))
                {
                    bag.ReportNotANumber(text, a.Values[k].Span, problem is null ? "The value is not a finite number." : char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
                    ok = false;
                    break;
                }
                if (!p.IsComplex && v.Value.Imaginary != 0) { bag.ReportComplexForReal(text, a.Values[k].Span, name); ok = false; break; }
                var value = v.Value * scale;
                if (p.IsPositive && !(value.Real > 0)) { bag.ReportOutOfRange(text, a.Values[k].Span, $"'{name}' must be positive; this component is {v.Value.Real:G6}."); ok = false; break; }
                if (p.IsNonNegative && value.Real < 0) { bag.ReportOutOfRange(text, a.Values[k].Span, $"'{name}' must not be negative; this component is {v.Value.Real:G6}."); ok = false; break; }
                components[k] = value;
            }
            if (!ok) continue;
            values[name] = components;
            if (p.IsOrdered) orderedAt[name] = (text, a.Span);
        }
    }

    /// <summary>
    /// A table choice's value: the name of a declared table that has every column the kernels read through
    /// the parameter; its 1-based position, or null after MDL0325.
    /// </summary>
    private static int? TableChoice(ModelSpec spec, ParameterSpec p, CardAssignmentSyntax a, Text.SourceText text, DiagnosticBag bag)
    {
        var choices = p.TableChoices!;
        if (a.Unit is not null || a.Values is not [NameExpressionSyntax { Name.Text: var chosen } value] || !choices.Contains(chosen))
        {
            var near = a.Values is [NameExpressionSyntax n] ? NameSuggestion.Nearest(n.Name.Text, choices) : null;
            bag.ReportTableChoice(text, a.Values.Count == 1 ? a.Values[0].Span : a.Span,
                $"'{p.Name}' is a table choice: give the name of a declared table ({string.Join(", ", choices)})." + (near is null ? "" : $" Did you mean '{near}'?"));
            return null;
        }
        var table = spec.Tables.First(t => t.Name == chosen);
        var missing = p.TableColumns.Where(c => !table.HasColumn(c)).ToList();
        if (missing.Count > 0)
        {
            bag.ReportTableChoice(text, value.Span, $"The table '{chosen}' has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}, which the kernels read through '{p.Name}' (columns: {string.Join(", ", table.Columns)}).");
            return null;
        }
        return choices.ToList().IndexOf(chosen) + 1;
    }

    private static bool FollowsOrdering(Complex[] m, string ordering) =>
        ordering == "normal" ? m[0].Real <= m[1].Real && m[1].Real <= m[2].Real : m[2].Real <= m[0].Real && m[0].Real <= m[1].Real;
}
