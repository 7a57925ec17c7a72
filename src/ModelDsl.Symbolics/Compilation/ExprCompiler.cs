using System.Collections.Concurrent;
using System.Numerics;
using ModelDsl.Symbolics.Expressions;

namespace ModelDsl.Symbolics.Compilation;

/// <summary>
/// Compiles expressions to delegates through System.Linq.Expressions with an explicit,
/// ordered parameter vector (after mathnet-symbolics <c>Typed/Linq.fs</c>): integer powers by
/// repeated squaring, one division per product (numerator/denominator split), each
/// parameter read once. Delegates are cached by (domain, expressions, parameters).
/// Every node that cannot be compiled is reported with the reason.
/// </summary>
public static class ExprCompiler
{
    private static readonly ConcurrentDictionary<string, Delegate> Cache = new();

    /// <summary>Compiles e to f(double[] p) with p[k] the value of parameters[k].</summary>
    public static CompileResult<Func<double[], double>> CompileReal(Expr e, IReadOnlyList<SymbolExpr> parameters) =>
        Compile<Func<double[], double>>(NumericDomain.Real, [e], parameters, vector: false);

    /// <summary>Compiles e to f(Complex[] p) with p[k] the value of parameters[k].</summary>
    public static CompileResult<Func<Complex[], Complex>> CompileComplex(Expr e, IReadOnlyList<SymbolExpr> parameters) =>
        Compile<Func<Complex[], Complex>>(NumericDomain.Complex, [e], parameters, vector: false);

    /// <summary>Compiles several outputs into one delegate f(double[] p, double[] result), result[k] = outputs[k].</summary>
    public static CompileResult<Action<double[], double[]>> CompileRealVector(IReadOnlyList<Expr> outputs, IReadOnlyList<SymbolExpr> parameters) =>
        Compile<Action<double[], double[]>>(NumericDomain.Real, outputs, parameters, vector: true);

    /// <summary>Compiles several outputs into one delegate over complex numbers.</summary>
    public static CompileResult<Action<Complex[], Complex[]>> CompileComplexVector(IReadOnlyList<Expr> outputs, IReadOnlyList<SymbolExpr> parameters) =>
        Compile<Action<Complex[], Complex[]>>(NumericDomain.Complex, outputs, parameters, vector: true);

    /// <summary>
    /// Compiles several outputs into one batch delegate f(inputs, outputs, count) that loops
    /// over <c>count</c> points inside the compiled code (no call per point): point n reads
    /// inputs[n * P + k] for parameter k and writes outputs[n * K + j] for output j.
    /// </summary>
    public static CompileResult<Action<double[], double[], int>> CompileRealBatch(IReadOnlyList<Expr> outputs, IReadOnlyList<SymbolExpr> parameters) =>
        Compile<Action<double[], double[], int>>(NumericDomain.Real, outputs, parameters, vector: true, batch: true);

    /// <summary>Compiles to a real delegate; false with null when any node cannot be compiled.</summary>
    public static bool TryCompileReal(Expr e, IReadOnlyList<SymbolExpr> parameters, out Func<double[], double>? compiled)
    {
        compiled = CompileReal(e, parameters).Value;
        return compiled is not null;
    }

    /// <summary>Compiles to a real delegate or throws <see cref="InvalidOperationException"/> with the reasons.</summary>
    public static Func<double[], double> CompileRealOrThrow(Expr e, IReadOnlyList<SymbolExpr> parameters) =>
        CompileReal(e, parameters).ValueOrThrow();

    private static CompileResult<T> Compile<T>(NumericDomain domain, IReadOnlyList<Expr> outputs, IReadOnlyList<SymbolExpr> parameters, bool vector, bool batch = false)
        where T : Delegate
    {
        // the printed form does not say which symbols are real: their realness is part of the key
        var realness = string.Join(",", outputs.SelectMany(o => o.Symbols()).Distinct().Select(s => s.Name + (s.IsReal ? ":r" : ":c")));
        var key = $"{domain}|{vector}|{batch}|{string.Join(",", parameters.Select(p => p.Name + (p.IsReal ? ":r" : ":c")))}|{realness}|{string.Join("\u0001", outputs)}";
        if (Cache.TryGetValue(key, out var cached)) return new CompileResult<T>((T)cached, []);
        var emitter = new LinqEmitter(domain, parameters);
        var lambda = batch ? emitter.EmitBatch(outputs) : emitter.Emit(outputs, vector);
        if (emitter.Errors.Count > 0) return new CompileResult<T>(null, emitter.Errors);
        var compiled = (T)lambda.Compile();
        Cache.TryAdd(key, compiled);
        return new CompileResult<T>(compiled, []);
    }
}
