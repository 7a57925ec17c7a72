using System.Numerics;
using BenchmarkDotNet.Attributes;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Evaluation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Parsing;

namespace ModelDsl.Bench;

/// <summary>
/// Two 50-node expressions (nodes of the canonical tree, counted and printed at setup), each
/// evaluated three ways: a compiled delegate (ExprCompiler), the tree-walking interpreter
/// (Evaluator), and the same formula written by hand in C#. "Rational" is arithmetic only
/// (the shape of most rate and mass-matrix kernels); "Transcendental" spends most of its
/// time in exp, sin, cos, sqrt and log calls, which cost the same in every version.
/// Targets (issue 2): compiled at most 2x the hand-written cost, at least 50x faster than interpreted.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class CompiledExpressionBenchmarks
{
    /// <summary>The formulas, as infix text.</summary>
    public static readonly Dictionary<string, string> Formulas = new()
    {
        ["Rational"] = "(a*x^2 + b*x*y + c*y^2 - a*b*x + c*y)/(1 + x^2 + y^2) + (x - y)^3*c - a*x*y",
        ["Transcendental"] = "exp(-x*y/3)*sin(a*x + b) - sqrt(x^2 + y^2 + c)*cos(y)/(2 + a^2) + log(1 + x^2)*b^3 + x*y + c^2",
    };

    /// <summary>Which formula.</summary>
    [Params("Rational", "Transcendental")]
    public string Formula { get; set; } = "Rational";

    private static readonly SymbolExpr X = Expr.Real("x"), Y = Expr.Real("y"), A = Expr.Real("a"), B = Expr.Real("b"), C = Expr.Real("c");
    private readonly SymbolExpr[] _parameters = [X, Y, A, B, C];
    private readonly double[] _point = [0.7, -1.3, 0.4, 1.9, 2.5];
    private Expr _expr = Expr.Zero;
    private Func<double[], double> _compiled = _ => 0;
    private Func<Complex[], Complex> _compiledComplex = _ => 0;
    private Complex[] _complexPoint = [];
    private Dictionary<SymbolExpr, Complex> _values = [];
    private bool _rational;
    private const int Points = 1000;
    private double[] _batchInputs = [];
    private readonly double[] _batchOutputs = new double[Points];
    private Action<double[], double[], int> _batch = (_, _, _) => { };

    /// <summary>Parses and compiles once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rational = Formula == "Rational";
        _expr = Infix.ParseOrThrow(Formulas[Formula], Infix.AllReal);
        _compiled = ExprCompiler.CompileRealOrThrow(_expr, _parameters);
        _compiledComplex = ExprCompiler.CompileComplex(_expr, _parameters).ValueOrThrow();
        _complexPoint = _point.Select(v => new Complex(v, 0)).ToArray();
        _values = _parameters.Zip(_complexPoint).ToDictionary(p => p.First, p => p.Second);
        _batch = ExprCompiler.CompileRealBatch([_expr], _parameters).ValueOrThrow();
        var random = new Random(1);
        _batchInputs = Enumerable.Range(0, Points * 5).Select(k => k % 5 == 4 ? 1 + random.NextDouble() : random.NextDouble() * 2 - 1).ToArray();
        var nodes = CountNodes(_expr);
        Console.WriteLine($"// expression: {_expr}");
        Console.WriteLine($"// nodes: {nodes}; compiled = {_compiled(_point):R}; hand-written = {HandWritten():R}; interpreted = {Interpreted().Real:R}");
    }

    private static int CountNodes(Expr e) => 1 + e.Children.Sum(CountNodes);

    /// <summary>The same formula written by hand.</summary>
    [Benchmark(Baseline = true)]
    public double HandWritten()
    {
        var p = _point;
        double x = p[0], y = p[1], a = p[2], b = p[3], c = p[4];
        if (_rational)
        {
            var d = x - y;
            return (a * x * x + b * x * y + c * y * y - a * b * x + c * y) / (1 + x * x + y * y) + d * d * d * c - a * x * y;
        }
        return Math.Exp(-x * y / 3) * Math.Sin(a * x + b)
               - Math.Sqrt(x * x + y * y + c) * Math.Cos(y) / (2 + a * a)
               + Math.Log(1 + x * x) * b * b * b + x * y + c * c;
    }

    /// <summary>The same formula written by hand, in a loop over 1000 points (cost per point).</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public double HandWrittenBatch()
    {
        var p = _batchInputs;
        var o = _batchOutputs;
        for (var n = 0; n < Points; n++)
        {
            var r = n * 5;
            double x = p[r], y = p[r + 1], a = p[r + 2], b = p[r + 3], c = p[r + 4];
            if (_rational)
            {
                var d = x - y;
                o[n] = (a * x * x + b * x * y + c * y * y - a * b * x + c * y) / (1 + x * x + y * y) + d * d * d * c - a * x * y;
            }
            else
            {
                o[n] = Math.Exp(-x * y / 3) * Math.Sin(a * x + b)
                       - Math.Sqrt(x * x + y * y + c) * Math.Cos(y) / (2 + a * a)
                       + Math.Log(1 + x * x) * b * b * b + x * y + c * c;
            }
        }
        return o[Points - 1];
    }

    /// <summary>The compiled batch delegate over the same 1000 points (cost per point).</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public double CompiledBatch()
    {
        _batch(_batchInputs, _batchOutputs, Points);
        return _batchOutputs[Points - 1];
    }

    /// <summary>The compiled real delegate.</summary>
    [Benchmark]
    public double Compiled() => _compiled(_point);

    /// <summary>The compiled complex delegate.</summary>
    [Benchmark]
    public Complex CompiledComplex() => _compiledComplex(_complexPoint);

    /// <summary>The interpreter (complex arithmetic, dictionary lookups).</summary>
    [Benchmark]
    public Complex Interpreted() => Evaluator.Evaluate(_expr, _values);
}
