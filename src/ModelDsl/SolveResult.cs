using System.Collections.Immutable;
using ModelDsl.Diagnostics;
using ModelDsl.Kernels.Systems;

namespace ModelDsl;

/// <summary>The result of <see cref="NumericModel.Solve"/>: the solution (null when the system cannot be compiled) and the diagnostics.</summary>
public sealed record SolveResult(SystemSolution? Solution, ImmutableArray<Diagnostic> Diagnostics);
