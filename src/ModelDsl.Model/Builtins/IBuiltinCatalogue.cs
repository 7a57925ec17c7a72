namespace ModelDsl.Model;

/// <summary>
/// The builtins a model may call. The binder (ModelDsl.Model) sees only this abstraction; the implementations live in
/// ModelDsl.Kernels (they need the physics library) and the facade passes that catalogue in.
/// </summary>
public interface IBuiltinCatalogue
{
    /// <summary>Every builtin.</summary>
    IReadOnlyList<IBuiltin> All { get; }

    /// <summary>The builtin of that name, or null.</summary>
    IBuiltin? Find(string name);
}
