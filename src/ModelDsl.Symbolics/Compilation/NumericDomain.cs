namespace ModelDsl.Symbolics.Compilation;

/// <summary>The number type a compiled delegate works in.</summary>
public enum NumericDomain
{
    /// <summary>double: every parameter is real, and so must be every constant.</summary>
    Real,
    /// <summary>System.Numerics.Complex.</summary>
    Complex,
}
