using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Compilation;

/// <summary>Why a node could not be compiled, with the node itself.</summary>
public sealed record CompileError(string Message, Expr Node)
{
    /// <inheritdoc />
    public override string ToString() => $"{Message} (in '{Node}')";
}
