using ModelDsl.Model;

namespace ModelDsl.Kernels.Builtins;

/// <summary>The one catalogue of builtins, read by the binder (through the facade), the kernels, the scan compiler and the commands.</summary>
public static class StandardBuiltins
{
    /// <summary>Every builtin, one implementation per file.</summary>
    public static IBuiltinCatalogue Catalogue { get; } = new BuiltinCatalogue(
    [
        new PmnsBuiltin(), new OrthogonalRBuiltin(), new CasasIbarraBuiltin(), new SeesawMassBuiltin(),
        new TextureFitBuiltin(), new LoopFunctionsBuiltin(), new CasasIbarraUlyssesBuiltin(),
    ]);
}
