namespace ModelDsl.Model;

/// <summary>What a term's coupling names: a declared parameter, a texture (exact entries) or a let's matrix (numbers per point).</summary>
public enum CouplingKind
{
    /// <summary><c>param Y[3,3] : complex</c>: each entry an independent symbol.</summary>
    Parameter,

    /// <summary><c>texture h0 = matrix(...)</c>: checks read its exact entries, kernels their values.</summary>
    Texture,

    /// <summary>
    /// A plain-matrix let (<c>let Y = casas_ibarra(...)</c>) or a record let's matrix field (<c>F.h</c>): its entries exist only
    /// as numbers per parameter point, so exact checks treat them as unknown symbols (a general matrix).
    /// </summary>
    Let,
}
