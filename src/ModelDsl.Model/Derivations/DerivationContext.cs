using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;
using ModelDsl.Symbolics.Numbers;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// What a derivation reads: the model's bound terms written out over the generations (with their <c>+ h.c.</c>), its fields,
/// vevs and groups, the call's arguments; and where it reports a quantity it cannot derive (MDL0292, at the call).
/// </summary>
public sealed class DerivationContext
{
    private readonly Func<string, ExprMatrix> _texture;
    private readonly IReadOnlyDictionary<string, FieldSpec> _fields;
    private readonly Action<TextSpan, string> _report;
    private readonly TextSpan _call;
    private readonly Dictionary<TermSpec, IReadOnlyList<TermComponents.Component>> _components;

    internal DerivationContext(IReadOnlyList<TermSpec> terms, Func<string, ExprMatrix> texture, IReadOnlyDictionary<string, FieldSpec> fields,
        IReadOnlyList<VevSpec> vevs, IReadOnlyList<GroupSpec> groups, IReadOnlyList<(string Text, TextSpan Span)> arguments,
        Action<TextSpan, string> report, TextSpan call, Dictionary<TermSpec, IReadOnlyList<TermComponents.Component>> components)
    {
        _components = components;
        Terms = terms;
        _texture = texture;
        _fields = fields;
        Vevs = vevs;
        Groups = groups;
        Arguments = arguments;
        _report = report;
        _call = call;
    }

    /// <summary>The model's Lagrangian terms.</summary>
    public IReadOnlyList<TermSpec> Terms { get; }

    /// <summary>The model's vevs.</summary>
    public IReadOnlyList<VevSpec> Vevs { get; }

    /// <summary>The model's groups.</summary>
    public IReadOnlyList<GroupSpec> Groups { get; }

    /// <summary>The call's arguments as written (names), with their spans.</summary>
    public IReadOnlyList<(string Text, TextSpan Span)> Arguments { get; }

    /// <summary>Reports why the quantity cannot be derived, at the call (MDL0292).</summary>
    public void Report(string message) => _report(_call, message);

    /// <summary>Reports a problem with argument <paramref name="k"/> (MDL0292).</summary>
    public void Report(int k, string message) => _report(Arguments[k].Span, message);

    /// <summary>
    /// True when the call has between <paramref name="min"/> and <paramref name="max"/> arguments; otherwise reports the usage.
    /// </summary>
    public bool ArgumentCount(int min, int max, string usage)
    {
        if (Arguments.Count >= min && Arguments.Count <= max) return true;
        Report($"{usage} takes {(min == max ? $"{min}" : $"{min} to {max}")} argument{(max == 1 ? "" : "s")}, not {Arguments.Count}.");
        return false;
    }

    /// <summary>True when argument <paramref name="k"/> names a field of that kind.</summary>
    public bool IsField(int k, FieldKind kind) => _fields.TryGetValue(Arguments[k].Text, out var f) && f.Kind == kind;

    /// <summary>Argument <paramref name="k"/> as a field of the given kind (reported and null otherwise).</summary>
    public FieldSpec? Field(int k, FieldKind kind)
    {
        var (text, _) = Arguments[k];
        if (_fields.TryGetValue(text, out var f) && f.Kind == kind) return f;
        var noun = kind == FieldKind.Fermion ? "fermion" : "scalar";
        Report(k, _fields.ContainsKey(text) ? $"'{text}' is not a {noun} field." : $"'{text}' is not a field of the model; a {noun} field is needed here.");
        return null;
    }

    /// <summary>The components of a term written out over the generations, followed by those of its <c>+ h.c.</c>.</summary>
    public IReadOnlyList<TermComponents.Component> Components(TermSpec term)
    {
        if (_components.TryGetValue(term, out var known)) return known;
        var written = TermComponents.Expand(term, _texture);
        return _components[term] = term.PlusHermitianConjugate ? [.. written, .. TermComponents.Conjugate(written)] : written;
    }

    /// <summary>
    /// The vev of a scalar in the project's convention: a complex scalar with <c>vev S -&gt; v</c> has &lt;S&gt; = v/sqrt2, a real one
    /// &lt;S&gt; = v; null when the scalar has no vev.
    /// </summary>
    public Expr? Vev(FieldSpec scalar) =>
        Vevs.FirstOrDefault(v => v.Field.Name == scalar.Name) is { } vev ? (scalar.IsComplex ? vev.Value / Expr.Sqrt(2) : vev.Value) : null;

    /// <summary>The product of the vevs of a component's scalars, or null when one of them has no vev.</summary>
    public Expr? ScalarsAtVevs(IEnumerable<TermComponents.Part> scalars)
    {
        Expr product = Expr.One;
        foreach (var s in scalars)
            if (Vev(s.Field) is { } v) product *= v;
            else return null;
        return product;
    }

    /// <summary>
    /// Every two-body coupling of <paramref name="field"/> in the Yukawa and Majorana terms (with their h.c.): the components
    /// with two fermions and one scalar in which a generation of the field occurs unconjugated, as the amplitude coupling y of
    /// that generation to its partner fermion and the scalar (L = -y F f s + ..., so y = -coefficient; for a Majorana pair
    /// F_i F_i the two contractions give y = -2 coefficient, and F_i F_j with i != j is a coupling of each to the other).
    /// </summary>
    public IReadOnlyList<Vertex> Vertices(FieldSpec field)
    {
        var result = new List<Vertex>();
        foreach (var term in Terms.Where(t => t.Kind != TermKind.Potential))
            foreach (var c in Components(term))
            {
                var fermions = c.Parts.Where(p => p.Field.Kind == FieldKind.Fermion).ToList();
                var scalars = c.Parts.Where(p => p.Field.Kind == FieldKind.Scalar).ToList();
                if (fermions.Count != 2 || scalars.Count != 1) continue;
                for (var k = 0; k < 2; k++)
                {
                    var (self, partner) = (fermions[k], fermions[1 - k]);
                    if (self.Field.Name != field.Name || self.Conjugated) continue;
                    var pair = partner.Field.Name == field.Name && !partner.Conjugated;
                    if (pair && k == 1 && partner.Generation == self.Generation) continue; // F_i F_i: one vertex
                    var coupling = pair && partner.Generation == self.Generation ? -2 * c.Coefficient : -c.Coefficient;
                    result.Add(new Vertex(term, self.Generation, partner, scalars[0], coupling));
                }
            }
        return result;
    }

    /// <summary>
    /// The number of gauge-component pairs (partner fermion, scalar) that one component of <paramref name="field"/> couples
    /// to, from the representations: per SU(N), 1 when all three are singlets, dim(r)/dim(r_field) when two of them are in
    /// a representation r of equal dimension (the invariant is delta or epsilon, entries of modulus 1), e.g. 2 for a singlet
    /// N coupling to the doublets L and H and 1 for L coupling to N and H. Null with <paramref name="problem"/> when all three
    /// are non-singlets (the Clebsch-Gordan normalisation is then a convention the spec does not state).
    /// </summary>
    public Rational? Multiplicity(FieldSpec field, FieldSpec partner, FieldSpec scalar, out string? problem)
    {
        problem = null;
        var result = Rational.One;
        foreach (var g in Groups.Where(g => g.IsNonAbelian))
        {
            var reps = new[] { field, partner, scalar }.Select(f => f.RepresentationUnder(g)).ToList();
            var nontrivial = reps.Where(r => r.Dimension > 1).ToList();
            if (nontrivial.Count == 0) continue;
            if (nontrivial.Count == 2 && nontrivial[0].Dimension == nontrivial[1].Dimension)
            {
                result *= Rational.FromInteger(nontrivial[0].Dimension) / Rational.FromInteger(reps[0].Dimension);
                continue;
            }
            problem = nontrivial.Count == 3
                ? $"{field.Name}, {partner.Name} and {scalar.Name} are all non-singlets of {g.Name}: the Clebsch-Gordan normalisation of that coupling is a convention the spec does not state"
                : $"the coupling of {field.Name}, {partner.Name} and {scalar.Name} is not invariant under {g.Name} (their representations cannot make a singlet)";
            return null;
        }
        return result;
    }
}

/// <summary>
/// A two-body coupling of one generation of a fermion field (<see cref="DerivationContext.Vertices"/>): L = -Coupling F_gen
/// Partner Scalar + h.c. (gauge indices contracted), from <see cref="Term"/>.
/// </summary>
public sealed record Vertex(TermSpec Term, int Generation, TermComponents.Part Partner, TermComponents.Part Scalar, Expr Coupling);
