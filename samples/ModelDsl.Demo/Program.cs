// The symbolic demo that the README's first command runs until the `modeldsl` CLI exists:
// the exact checks and the kernel compilation that ModelDsl's compiler is built on,
// applied to the Z3 texture of tri-resonant leptogenesis (seed 001, eq. 2.10).
using ModelDsl.Symbolics.Algebra;
using ModelDsl.Symbolics.Calculus;
using ModelDsl.Symbolics.Compilation;
using ModelDsl.Symbolics.Expressions;
using ModelDsl.Symbolics.Linear;
using ModelDsl.Symbolics.Parsing;
using ModelDsl.Symbolics.Printing;

var a = Expr.Real("a");
var b = Expr.Real("b");
var c = Expr.Real("c");
var m = Expr.Real("M");
var omega = Expr.Omega;

Console.WriteLine("1. Exact numbers: omega = exp(2 pi i/3) lives in Q(zeta_12)");
Console.WriteLine($"   1 + omega + omega^2 = {1 + omega + Expr.Pow(omega, 2)}");
Console.WriteLine($"   conj(omega)         = {Expr.Conj(omega)}");

Console.WriteLine();
Console.WriteLine("2. The leading TRL texture h (rows proportional to (1, omega, omega^2))");
Expr[] Row(Expr s) => [s, s * omega, s * Expr.Pow(omega, 2)];
var h = ExprMatrix.FromRows(Row(a), Row(b), Row(c));
Console.WriteLine($"   h = {h}");
var mInverse = ExprMatrix.Diagonal(m, m, m).Inverse();
Console.WriteLine($"   h M^-1 h^T (degenerate M): {(h * mInverse * h.Transpose()).TestZero()}  -> massless light neutrinos");
Console.WriteLine($"   h^T h:                     {(h.Transpose() * h).TestZero()}");
var transposed = h.Transpose();
Console.WriteLine($"   transposed texture:        {(transposed * mInverse * transposed.Transpose()).TestZero()}  (fails, as seed 001 notes)");

Console.WriteLine();
Console.WriteLine("3. Calculus with Wirtinger derivatives (z and conj(z) independent)");
var z = Expr.Complex("z");
var lam = Expr.Real("lambda");
var potential = Infix.ParseOrThrow("lambda/4*(z*conj(z))^2 - mu2*z*conj(z)", n => n == "z" ? z : Expr.Real(n));
var dV = Differentiation.Differentiate(potential, Expr.Conj(z));
Console.WriteLine($"   V       = {potential}");
Console.WriteLine($"   dV/dz*  = {dV}");
Console.WriteLine($"   LaTeX:    {LatexPrinter.Print(dV)}");

Console.WriteLine();
Console.WriteLine("4. Compilation to a delegate (System.Linq.Expressions)");
var x = Expr.Real("x");
var mu2 = Expr.Real("mu2");
var radial = Rewriting.Substitute(potential, z, x);
var kernel = ExprCompiler.CompileRealOrThrow(radial, [x, lam, mu2]);
Console.WriteLine($"   V(x) = {radial}");
Console.WriteLine($"   V(x = 2, lambda = 0.5, mu2 = 1) = {kernel([2, 0.5, 1]):G6}  (exact: 0.5/4*16 - 4 = -2)");
