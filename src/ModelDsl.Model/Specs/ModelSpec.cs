using System.Text;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// The bound model: every name resolved, charges exact, terms expanded into monomials.
/// The product of the binding stage, immutable.
/// </summary>
public sealed record ModelSpec(
    string Name, string? Title, SourceText Source,
    IReadOnlyList<GroupSpec> Groups, IReadOnlyList<FieldSpec> Fields, IReadOnlyList<ParameterSpec> Parameters,
    IReadOnlyList<TermSpec> Terms, IReadOnlyList<VevSpec> Vevs, IReadOnlyList<CheckRequest> Checks)
{
    /// <summary>Numeric constants (always including pi), in declaration order.</summary>
    public IReadOnlyList<ConstSpec> Consts { get; init; } = [];

    /// <summary>Matrices computed by library builtins, in declaration order.</summary>
    public IReadOnlyList<LetSpec> Lets { get; init; } = [];

    /// <summary>Kernels, in declaration order.</summary>
    public IReadOnlyList<KernelSpec> Kernels { get; init; } = [];

    /// <summary>Textures (symbolic matrices), in declaration order.</summary>
    public IReadOnlyList<TextureSpec> Textures { get; init; } = [];

    /// <summary>
    /// A canonical description that ignores spans and layout: two specs with the same
    /// description declare the same model (used for <c>parse(format(spec)) == spec</c>).
    /// </summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"model {Name} {Title}");
        foreach (var g in Groups) sb.AppendLine($"group {g.Name} {g.TypeText} {g.Coupling}");
        foreach (var f in Fields)
        {
            sb.Append($"field {f.Name} {f.Kind} {f.Chirality} gen={f.Generations} complex={f.IsComplex}");
            foreach (var (g, r) in f.Representations.OrderBy(p => p.Key, StringComparer.Ordinal)) sb.Append($" {g}:{r.Label}");
            foreach (var (g, q) in f.Charges.OrderBy(p => p.Key, StringComparer.Ordinal)) sb.Append($" {g}:{q}");
            sb.AppendLine();
        }
        foreach (var p in Parameters)
            sb.AppendLine($"param {p.Name} {p.Rows}x{p.Columns} c={p.IsComplex} s={p.IsSymmetric} h={p.IsHermitian} d={p.IsDiagonal} implicit={p.IsImplicit} mass={p.IsMass} pos={p.IsPositive} nonneg={p.IsNonNegative} ord={p.IsOrdered} default={p.Default}");
        foreach (var t in Terms) sb.AppendLine($"term {t.Kind} {t.Expression} hc={t.PlusHermitianConjugate}");
        foreach (var v in Vevs) sb.AppendLine($"vev {v.Field.Name} {v.Value}");
        foreach (var c in Checks) sb.AppendLine($"check {c.Name} {string.Join(",", c.Arguments)}");
        foreach (var c in Consts) sb.AppendLine($"const {c.Name} {c.Value:R}");
        foreach (var l in Lets) sb.AppendLine($"let {l.Name} {l.Builtin.Name}({string.Join(", ", l.Arguments.Select(a => $"{a.Parameter.Name}: " + (a.ArrayName is { } n ? (a.Field is { } f ? $"{n}.{f}" : n) : a.Scalar!.ToString())))})");
        foreach (var k in Kernels) sb.AppendLine($"kernel {k.Name} {k.Expression}");
        foreach (var t in Textures) sb.AppendLine($"texture {t.Name} {t.Matrix}");
        return sb.ToString();
    }
}
