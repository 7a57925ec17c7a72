using System.Numerics;

namespace ModelDsl.Model;

/// <summary>
/// A named, typed parameter of a builtin; <see cref="Default"/> (for scalars and switches: true is 1, false 0) makes it
/// optional.
/// </summary>
public sealed record BuiltinParameter(string Name, BuiltinType Type, string Description, Complex? Default = null)
{
    /// <summary>True when a call may leave it out.</summary>
    public bool IsOptional => Default is not null;
}
