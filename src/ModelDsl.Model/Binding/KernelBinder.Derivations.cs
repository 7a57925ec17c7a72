using ModelDsl.Syntax;
using ModelDsl.Text;

namespace ModelDsl.Model;

internal sealed partial class KernelBinder
{
    /// <summary>The derivation problems reported so far (by message): a second derivation that meets the same one is silent.</summary>
    private readonly HashSet<string> _derivationProblems = new(StringComparer.Ordinal);

    /// <summary>Each term written out over the generations (with its h.c.), once for all the derivations of the file.</summary>
    private readonly Dictionary<TermSpec, IReadOnlyList<TermComponents.Component>> _termComponents = [];

    /// <summary>
    /// <c>let NAME = derivation(FIELD, ...)</c>: a quantity derived from the Lagrangian terms (<see cref="IDerivation"/>), bound as
    /// a texture that records what it was derived from. The terms are bound at the first derivation (their couplings must be
    /// declared above it); null after a reported error, or silently when a term was lost to an earlier mistake.
    /// </summary>
    private TextureSpec? BindDerived(DefinitionDeclarationSyntax d, CallExpressionSyntax call, IDerivation derivation)
    {
        var arguments = new List<(string, TextSpan)>();
        foreach (var a in call.Arguments)
        {
            if (a is NameExpressionSyntax n) { arguments.Add((n.Name.Text, n.Span)); continue; }
            _diagnostics.ReportDerivation(_text, a.Span, $"The arguments of {derivation.Usage} are names (fields{(derivation is ThermalMassDerivation ? ", 'gauge' or couplings" : "")}), not expressions.");
            return null;
        }
        if (arguments.Any(a => IsPoisoned(a.Item1))) return null;
        if (owner.CouplingDeclaredBelow() is { } late)
        {
            // said once, at the first derivation that meets it: the ones below fail for the same cause
            if (_derivationProblems.Add($"declared below: {late}"))
                _diagnostics.ReportDerivation(_text, call.Name.Span,
                    $"{derivation.Name} reads the Lagrangian terms, and the coupling '{late}' of one of them is declared below this line: declare it above.");
            return null;
        }
        var terms = owner.BoundTerms();
        // a term or a vev lost to a reported mistake: the quantity would be incomplete, and its uses would report that
        if (owner.TermsIncomplete || owner.VevsIncomplete) return null;
        // one cause, one message: light_mass after dirac_mass meets the same missing vev, and says nothing more about it
        var context = new DerivationContext(terms, t => _textures[t].Matrix, owner.Fields, owner.BoundVevs, owner.GroupList, arguments,
            (span, message) => { if (_derivationProblems.Add(message)) _diagnostics.ReportDerivation(_text, span, message); }, call.Span, _termComponents);
        var result = derivation.Derive(context);
        if (result is null) return null;
        return new TextureSpec(d.Name.Text, result.Matrix, d.Span) { IsVector = result.IsVector, DerivedFrom = _text.ToString(call.Span) };
    }
}
