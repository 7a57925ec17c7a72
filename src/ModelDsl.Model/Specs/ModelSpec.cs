using System.Collections.Immutable;
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
    // every list is copied into an immutable array, also through 'with', so nothing can change a bound model
    private readonly ImmutableArray<GroupSpec> _groups = [.. Groups];
    private readonly ImmutableArray<FieldSpec> _fields = [.. Fields];
    private readonly ImmutableArray<ParameterSpec> _parameters = [.. Parameters];
    private readonly ImmutableArray<TermSpec> _terms = [.. Terms];
    private readonly ImmutableArray<VevSpec> _vevs = [.. Vevs];
    private readonly ImmutableArray<CheckRequest> _checks = [.. Checks];
    private readonly ImmutableArray<ConstSpec> _consts = [];
    private readonly ImmutableArray<LetSpec> _lets = [];
    private readonly ImmutableArray<KernelSpec> _kernels = [];
    private readonly ImmutableArray<TextureSpec> _textures = [];
    private readonly ImmutableArray<SystemSpec> _systems = [];
    private readonly ImmutableArray<TableSpec> _tables = [];

    /// <summary>Tabulated functions (<c>table NAME = file(...)</c>), in declaration order, each with its range.</summary>
    public IReadOnlyList<TableSpec> Tables { get => _tables; init => _tables = [.. value]; }

    /// <summary>Gauge groups, in declaration order.</summary>
    public IReadOnlyList<GroupSpec> Groups { get => _groups; init => _groups = [.. value]; }

    /// <summary>Fields, in declaration order.</summary>
    public IReadOnlyList<FieldSpec> Fields { get => _fields; init => _fields = [.. value]; }

    /// <summary>Parameters, in declaration order.</summary>
    public IReadOnlyList<ParameterSpec> Parameters { get => _parameters; init => _parameters = [.. value]; }

    /// <summary>Lagrangian terms, in declaration order.</summary>
    public IReadOnlyList<TermSpec> Terms { get => _terms; init => _terms = [.. value]; }

    /// <summary>Vacuum expectation values.</summary>
    public IReadOnlyList<VevSpec> Vevs { get => _vevs; init => _vevs = [.. value]; }

    /// <summary>The checks the spec asks for.</summary>
    public IReadOnlyList<CheckRequest> Checks { get => _checks; init => _checks = [.. value]; }

    /// <summary>Numeric constants (always including pi), in declaration order.</summary>
    public IReadOnlyList<ConstSpec> Consts { get => _consts; init => _consts = [.. value]; }

    /// <summary>Matrices computed by library builtins, in declaration order.</summary>
    public IReadOnlyList<LetSpec> Lets { get => _lets; init => _lets = [.. value]; }

    /// <summary>Kernels, in declaration order.</summary>
    public IReadOnlyList<KernelSpec> Kernels { get => _kernels; init => _kernels = [.. value]; }

    /// <summary>Textures (symbolic matrices), in declaration order.</summary>
    public IReadOnlyList<TextureSpec> Textures { get => _textures; init => _textures = [.. value]; }

    /// <summary>ODE systems, in declaration order.</summary>
    public IReadOnlyList<SystemSpec> Systems { get => _systems; init => _systems = [.. value]; }

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
            foreach (var (g, q) in f.GenerationCharges.OrderBy(p => p.Key, StringComparer.Ordinal)) sb.Append($" {g}:({string.Join(",", q)})");
            foreach (var (g, m) in f.GenerationMatrices.OrderBy(p => p.Key, StringComparer.Ordinal)) sb.Append($" {g}:{m}");
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
        foreach (var s in Systems)
        {
            sb.AppendLine($"system {s.Name} {s.Title} {s.Variable} {s.Start} {s.End} log={s.LogScale}");
            foreach (var st in s.States) sb.AppendLine($"  state {st.Name} [{string.Join(",", st.Dimensions)}] c={st.IsComplex} h={st.IsHermitian} {string.Join(";", st.Initial)} atol={st.AbsoluteTolerance}");
            for (var k = 0; k < s.Components.Length; k++) sb.AppendLine($"  d {s.Components[k]} = {s.Derivatives[k]}");
            foreach (var b in s.Breakpoints) sb.AppendLine($"  breakpoint {b}");
            foreach (var o in s.Outputs) sb.AppendLine($"  output {o.Name} = {o.Expression} at {o.At?.ToString() ?? "end"}");
        }
        foreach (var t in Tables) sb.AppendLine($"table {t.Name} {t.Path} {t.Variable} {string.Join(" ", t.Columns)} {t.XMin:R} {t.XMax:R}");
        return sb.ToString();
    }
}
