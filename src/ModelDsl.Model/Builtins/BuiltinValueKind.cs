namespace ModelDsl.Model;

/// <summary>The kind of a builtin's parameter.</summary>
public enum BuiltinValueKind
{
    /// <summary>A real scalar expression.</summary>
    Real,
    /// <summary>A complex scalar expression.</summary>
    Complex,
    /// <summary>A switch: <c>true</c>, <c>false</c> or a <c>bool</c> parameter.</summary>
    Bool,
    /// <summary>A vector of a given length: a vector parameter or a vector field of a record (<c>F.mass</c>).</summary>
    Vector,
    /// <summary>A matrix of a given shape: a matrix parameter, a texture, a matrix let or a matrix field of a record (<c>F.h</c>).</summary>
    Matrix,
}
