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

/// <summary>
/// A state of a system: its name, shape (empty: a scalar), type, initial value per component and absolute tolerance (null: the
/// solver's default). A Hermitian state (<c>state N[n,n] : hermitian</c>, <see cref="IsHermitian"/>) is a complex matrix with
/// N[b,a] = conj(N[a,b]): its components are the entries with a &lt;= b, the diagonal ones real, so that an n x n density
/// matrix is n^2 real unknowns, not 2 n^2 (ULYSSES's density-matrix equations evolve the same n(n+1)/2 entries).
/// </summary>
public sealed record SystemState(string Name, ImmutableArray<int> Dimensions, bool IsComplex, ImmutableArray<Expr> Initial, Expr? AbsoluteTolerance,
    bool IsHermitian = false)
{
    /// <summary>The components' symbols, row-major: <c>x</c>, <c>x[1]</c> .. <c>x[n]</c>, or <c>x[1,1]</c> ... (a Hermitian state: the entries with a &lt;= b).</summary>
    public ImmutableArray<SymbolExpr> Components { get; } =
        [.. Indices(Dimensions).Where(ix => !IsHermitian || ix[0] <= ix[1]).Select(ix => Symbol(Name, ix, IsComplex && !(IsHermitian && ix[0] == ix[1])))];

    /// <summary>The value of entry <paramref name="indices"/> in the components: conj(N[b,a]) below the diagonal of a Hermitian state.</summary>
    public Expr Entry(IReadOnlyList<int> indices) =>
        !IsHermitian ? Symbol(Name, indices, IsComplex)
        : indices[0] == indices[1] ? Symbol(Name, indices, false)
        : indices[0] < indices[1] ? Symbol(Name, indices, true)
        : Expr.Conj(Symbol(Name, [indices[1], indices[0]], true));

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
