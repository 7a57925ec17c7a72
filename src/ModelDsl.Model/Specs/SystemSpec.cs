using System.Collections.Immutable;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Text;

namespace ModelDsl.Model;

/// <summary>
/// A bound ODE system (issue 10): dy/dv = f(v, y) for the states' components y, v from <see cref="Start"/> to <see cref="End"/>.
/// Every expression is a plain formula (sums unrolled, defines expanded) over parameters, constants, let entries, the
/// variable's symbol <see cref="Variable"/>, the components' symbols (<c>dN[1]</c>, ...) and definite integrals.
/// <see cref="Derivatives"/> holds one right-hand side per component, in the order of <see cref="Components"/>.
/// </summary>
public sealed record SystemSpec(string Name, string? Title, SymbolExpr Variable, Expr Start, Expr End, bool LogScale,
    ImmutableArray<SystemState> States, ImmutableArray<Expr> Derivatives, ImmutableArray<Expr> Breakpoints,
    ImmutableArray<SystemOutput> Outputs, TextSpan Span)
{
    /// <summary>The components' symbols, state by state, row-major within a state.</summary>
    public ImmutableArray<SymbolExpr> Components { get; } = [.. States.SelectMany(s => s.Components)];
}

/// <summary>A state of a system: its name, shape (empty: a scalar), type, initial value per component and absolute tolerance (null: the solver's default).</summary>
public sealed record SystemState(string Name, ImmutableArray<int> Dimensions, bool IsComplex, ImmutableArray<Expr> Initial, Expr? AbsoluteTolerance)
{
    /// <summary>The components' symbols, row-major: <c>x</c>, <c>x[1]</c> .. <c>x[n]</c>, or <c>x[1,1]</c> ...</summary>
    public ImmutableArray<SymbolExpr> Components { get; } = [.. Indices(Dimensions).Select(ix => Symbol(Name, ix, IsComplex))];

    /// <summary>The symbol of one component.</summary>
    public static SymbolExpr Symbol(string name, IReadOnlyList<int> indices, bool isComplex)
    {
        var text = indices.Count == 0 ? name : $"{name}[{string.Join(",", indices)}]";
        return isComplex ? Expr.Complex(text) : Expr.Real(text);
    }

    private static IEnumerable<int[]> Indices(ImmutableArray<int> dims)
    {
        if (dims.Length == 0) { yield return []; yield break; }
        if (dims.Length == 1) { for (var i = 1; i <= dims[0]; i++) yield return [i]; yield break; }
        for (var i = 1; i <= dims[0]; i++)
            for (var j = 1; j <= dims[1]; j++) yield return [i, j];
    }
}

/// <summary>A named output: <see cref="Expression"/> (in the states and the variable) read at <see cref="At"/>, or at the end when null.</summary>
public sealed record SystemOutput(string Name, Expr Expression, Expr? At);
