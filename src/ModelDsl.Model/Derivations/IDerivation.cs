using ModelDsl.Symbolics.Linear;

namespace ModelDsl.Model;

/// <summary>
/// A quantity derived from a model's Lagrangian terms, declared in a spec as <c>let NAME = derivation(FIELD, ...)</c>: a mass
/// matrix after the vevs, the seesaw light-neutrino mass, tree-level decay widths, thermal masses. The result is an exact
/// symbolic matrix (or vector) in the model's couplings, vevs and gauge couplings, bound like a texture: kernels read its
/// entries by name (<c>Gamma[1]</c>), <c>use</c> binds it to a library input, <c>modeldsl derive</c> prints its entries. One
/// implementation per file in ModelDsl.Model/Derivations, registered in <see cref="DerivationCatalogue"/>; the formula and
/// its source are in the implementation's documentation and in models/README.md ("Derived quantities").
/// </summary>
public interface IDerivation
{
    /// <summary>The name used in specs.</summary>
    string Name { get; }

    /// <summary>How it is called, e.g. <c>dirac_mass(A, B)</c>.</summary>
    string Usage { get; }

    /// <summary>What it computes, with the formula and its source.</summary>
    string Description { get; }

    /// <summary>
    /// The derived matrix (a vector as one column, with <see cref="DerivedQuantity.IsVector"/>), or null after reporting why it
    /// cannot be derived through <see cref="DerivationContext.Report(string)"/>.
    /// </summary>
    DerivedQuantity? Derive(DerivationContext context);
}

/// <summary>A derivation's result: its entries (a vector as an n x 1 matrix) and whether it is read with one index.</summary>
public sealed record DerivedQuantity(ExprMatrix Matrix, bool IsVector);
