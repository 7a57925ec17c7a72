using System.Numerics;
using System.Text;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Numbers;
using L = System.Linq.Expressions.Expression;
using LExpr = System.Linq.Expressions.Expression;

namespace ModelDsl.Symbolics.Functions;

/// <summary>
/// One function of the expression language, defined in one place: its name and arity, whether its
/// value is real, its numeric forms, its derivative, how it prints, how the smart constructor
/// simplifies it, and how the compilers lower it. Every pass (canonical form, differentiation,
/// evaluation, LINQ emission, the complex splitter, printers, parser) reads the definition instead
/// of switching on the function, so adding a function is adding one file (see
/// <see cref="FunctionRegistry"/>). The passes' hooks are internal: definitions live in this
/// assembly, or are made at run time by <see cref="FunctionRegistry.Tabulated"/>.
/// </summary>
public abstract class FunctionDefinition
{
    private static int _created;

    /// <summary>Rank of functions that have no place in the historical canonical order (sorted after it by name).</summary>
    private protected const int LateRank = 1000;

    private protected FunctionDefinition(string name, int canonicalRank = LateRank)
    {
        Name = name;
        CanonicalRank = canonicalRank;
        Serial = Interlocked.Increment(ref _created);
        var h = 17;
        foreach (var ch in name) h = unchecked(h * 31 + ch);
        NameHash = h;
    }

    /// <summary>The name used in infix text and specs, e.g. <c>besselk0</c>.</summary>
    public string Name { get; }

    /// <summary>Minimum number of arguments.</summary>
    public virtual int MinArity => 1;

    /// <summary>Maximum number of arguments (<see cref="int.MaxValue"/> for variadic functions).</summary>
    public virtual int MaxArity => 1;

    /// <summary>True when the value is real for every argument (abs, re, im, sign, theta, min, max).</summary>
    public virtual bool IsAlwaysReal => false;

    /// <summary>True when the function is defined for real arguments only (the real part of a complex value is used).</summary>
    public virtual bool NeedsRealArguments => false;

    /// <summary>True when real arguments give a real value (exp, sin, cos, atan, the Bessel functions, ...).</summary>
    public virtual bool IsRealForRealArguments => false;

    /// <summary>The LaTeX operator name, e.g. <c>\exp</c>; default <c>\operatorname{name}</c>.</summary>
    public virtual string LatexName => "\\operatorname{" + Name + "}";

    /// <summary>Position in the canonical order of function nodes (then name, then creation order).</summary>
    internal int CanonicalRank { get; }

    internal int Serial { get; }

    internal int NameHash { get; }

    /// <summary>The numeric value at complex arguments, with the conventions of <see cref="Evaluation.NumericFunctions"/>.</summary>
    public abstract Complex Evaluate(ReadOnlySpan<Complex> args);

    /// <summary>
    /// The partial derivative with respect to argument <paramref name="k"/> as an expression in the
    /// arguments, or not differentiable with a reason. Used by the chain rule of
    /// <see cref="Calculus.Differentiation"/> unless the definition differentiates itself (conj, re, im, abs, min, max, ifpos).
    /// </summary>
    public abstract DerivativeRule Derivative(IReadOnlyList<Expr> args, int k);

    /// <summary>The real numeric form (a static method or a closure on doubles), or null when the function has none.</summary>
    internal virtual Delegate? RealForm => null;

    /// <summary>The complex numeric form used by compiled complex code, or null.</summary>
    internal virtual Delegate? ComplexForm => null;

    /// <summary>True when argument k must be real (the condition of ifpos, every argument of a real function).</summary>
    internal virtual bool ArgumentIsReal(int k) => NeedsRealArguments;

    /// <summary>True when conj f(args) = f(args with the complex ones conjugated) (exp, sin, cos, ifpos).</summary>
    internal virtual bool CommutesWithConjugation => false;

    /// <summary>Canonical simplification applied by <see cref="Expr.Apply"/> (e.g. exp(0) = 1); null keeps the node.</summary>
    internal virtual Expr? Simplify(Expr[] args) => null;

    /// <summary>Simplification of f(...)^n for an integer n (conj(g)^n = conj(g^n)); null keeps the power.</summary>
    internal virtual Expr? SimplifyPower(FunctionExpr f, Expr exponent) => null;

    /// <summary>A sufficient test that the value is real whenever the real symbols are.</summary>
    internal virtual bool IsRealValued(IReadOnlyList<Expr> args) =>
        IsAlwaysReal || (IsRealForRealArguments && args.All(a => a.IsRealValued));

    /// <summary>A sufficient test that the value is strictly positive.</summary>
    internal virtual bool IsPositive(IReadOnlyList<Expr> args) => false;

    /// <summary>
    /// The derivative of f with respect to v given <paramref name="d"/> (the derivative of a
    /// sub-expression), for functions that are not differentiated by the chain rule over
    /// <see cref="Derivative"/>; null means: use the chain rule.
    /// </summary>
    internal virtual Expr? Differentiate(FunctionExpr f, Expr v, Func<Expr, Expr, Expr> d) => null;

    /// <summary>The interpreted value of f; <paramref name="evaluate"/> evaluates a sub-expression (ifpos evaluates one side only).</summary>
    internal virtual Complex Evaluate(FunctionExpr f, Func<Expr, Complex> evaluate)
    {
        var args = new Complex[f.Arguments.Count];
        for (var k = 0; k < args.Length; k++) args[k] = evaluate(f.Arguments[k]);
        return Evaluate(args);
    }

    /// <summary>re(g), im(g) written through g and conj(g) (rational normal form); null otherwise.</summary>
    internal virtual Expr? InConjugates(FunctionExpr f) => null;

    /// <summary>f^k written through g and conj(g) (|g|^(2m) = (g conj g)^m); null otherwise.</summary>
    internal virtual Expr? PowerInConjugates(FunctionExpr f, Rational k) => null;

    /// <summary>
    /// The LINQ lowering of f: by default a call of <see cref="RealForm"/> or <see cref="ComplexForm"/>
    /// on the lowered arguments (a two-argument form folds over more arguments).
    /// </summary>
    internal virtual LExpr Lower(LinqEmitter emitter, FunctionExpr f)
    {
        var form = emitter.Domain == NumericDomain.Real ? RealForm : ComplexForm;
        if (form is null) return emitter.Unsupported(f);
        var args = f.Arguments.Select(emitter.Lower).ToArray();
        var arity = form.Method.GetParameters().Length;
        return arity == 2 && args.Length > 2 ? args.Aggregate((a, b) => Call(form, a, b)) : Call(form, args);
    }

    /// <summary>A call of a numeric form in a LINQ tree (a static method, or an instance method on its target).</summary>
    internal static LExpr Call(Delegate form, params LExpr[] args) =>
        form.Target is null ? L.Call(form.Method, args) : L.Call(L.Constant(form.Target), form.Method, args);

    /// <summary>
    /// The lowering of f into real and imaginary parts for scans: by default the real form of a
    /// one-argument function applied to an argument whose imaginary part is exactly zero.
    /// </summary>
    internal virtual (int Re, int Im) Split(ComplexSplitter splitter, FunctionExpr f)
    {
        if (RealForm is not Func<double, double> real || f.Arguments.Count != 1) return splitter.Fail(f, "no scan lowering for " + Name);
        var p = splitter.Program;
        return (RealOfRealArgument(splitter, f, x => PairForm is var (pair, part) ? p.ApplyPart(pair, part, x) : p.Apply(real, x)), p.Const(0));
    }

    /// <summary>
    /// A function's pair form: the real function with two results that computes this one as part 0 or 1 (K0 and K1 of one
    /// argument come from one evaluation). A staged program then computes the pair once per argument however many of its
    /// parts an expression uses (<see cref="StagedProgram.ApplyPart"/>); null: the function stands alone.
    /// </summary>
    internal virtual (Func<double, (double, double)> Pair, int Part)? PairForm => null;

    /// <summary>
    /// <paramref name="lower"/> applied to the real part of f's one argument, which must be real: when its imaginary part is not
    /// provably zero here and the function takes real arguments only (NaN for a complex one, as its numeric form), the
    /// imaginary part is tested at run time, so an argument that is real without being provably so (sqrt(1 - u) for u in
    /// [0, 1]) compiles.
    /// </summary>
    internal int RealOfRealArgument(ComplexSplitter splitter, FunctionExpr f, Func<int, int> lower)
    {
        var x = splitter.Lower(f.Argument);
        if (splitter.IsZero(x.Im)) return lower(x.Re);
        if (!NeedsRealArguments) return splitter.Fail(f, $"{Name} of a varying complex value").Item1;
        var p = splitter.Program;
        return p.Op(StagedOp.Select, p.Op(StagedOp.Abs, x.Im), p.Const(double.NaN), lower(x.Re));
    }

    /// <summary>A special scan lowering of f^r (|z|^(2k) without a square root); null for the general power.</summary>
    internal virtual (int Re, int Im)? SplitPower(ComplexSplitter splitter, FunctionExpr f, Rational r) => null;

    /// <summary>Writes the LaTeX form; <paramref name="write"/> writes an argument.</summary>
    internal virtual void WriteLatex(StringBuilder sb, FunctionExpr f, Action<Expr> write)
    {
        sb.Append(LatexName).Append("\\left(");
        for (var k = 0; k < f.Arguments.Count; k++)
        {
            if (k > 0) sb.Append(", ");
            write(f.Arguments[k]);
        }
        sb.Append("\\right)");
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
