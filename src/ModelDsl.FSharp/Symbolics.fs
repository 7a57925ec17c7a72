namespace ModelDsl.FSharp

open System.Numerics
open ModelDsl.Symbolics.Numbers
open ModelDsl.Symbolics.Expressions
open ModelDsl.Symbolics.Algebra
open ModelDsl.Symbolics.Calculus
open ModelDsl.Symbolics.Compilation
open ModelDsl.Symbolics.Evaluation
open ModelDsl.Symbolics.Linear
open ModelDsl.Symbolics.Parsing
open ModelDsl.Symbolics.Printing

/// Q-literals: `3Q` is the exact expression 3 (F# numeric literal suffix Q).
module NumericLiteralQ =
    /// 0
    let FromZero () : Expr = Expr.Zero
    /// 1
    let FromOne () : Expr = Expr.One
    /// An int literal.
    let FromInt32 (n: int) : Expr = Expr.Number n
    /// An int64 literal.
    let FromInt64 (n: int64) : Expr = Expr.Number(Rational.FromInteger(BigInteger n))
    /// A big literal.
    let FromString (s: string) : Expr = Expr.Number(Rational.FromInteger(BigInteger.Parse s))

/// Curried, data-last access to expressions (the C# core is ModelDsl.Symbolics).
[<RequireQualifiedAccess>]
module Expr =
    /// A real symbol.
    let real name : Expr = Expr.Real name
    /// A complex symbol.
    let complex name : Expr = Expr.Complex name
    /// The integer n.
    let number (n: int) = Expr.Number n
    /// The rational p/q.
    let q (p: int) (d: int) = Expr.Fraction(p, d)
    /// omega = exp(2 pi i/3).
    let omega = Expr.Omega
    /// The imaginary unit.
    let i = Expr.I
    /// b^e
    let pow (e: Expr) (b: Expr) = Expr.Pow(b, e)
    /// sqrt
    let sqrt e = Expr.Sqrt e
    /// exp
    let exp e = Expr.Exp e
    /// log
    let log e = Expr.Log e
    /// complex conjugate
    let conj e = Expr.Conj e
    /// |e|
    let abs e = Expr.Abs e
    /// Full expansion.
    let expand e = Expansion.Expand e
    /// Rational normal form.
    let simplify e = RationalForm.Simplify e
    /// Substitutes (key, value) pairs.
    let substitute (pairs: (Expr * Expr) list) e =
        Rewriting.Substitute(e, readOnlyDict pairs)
    /// The symbols of e.
    let symbols (e: Expr) = e.Symbols() |> List.ofSeq
    /// Infix text.
    let toText (e: Expr) = InfixPrinter.Print e
    /// LaTeX text.
    let toLatex (e: Expr) = LatexPrinter.Print e
    /// Interpreted evaluation with (symbol, value) pairs.
    let evaluate (values: (SymbolExpr * Complex) list) e =
        Evaluator.Evaluate(e, readOnlyDict values)

/// Infix parsing with Result/Option.
[<RequireQualifiedAccess>]
module Infix =
    let private ofResult (r: InfixParseResult) =
        match r.Value with
        | null -> Error(List.ofSeq r.Errors)
        | v -> Ok v
    /// Parses with every name a complex symbol.
    let parse text : Result<Expr, InfixError list> =
        ofResult (Infix.Parse(text))
    /// Parses with a name resolver (None: unknown name).
    let parseWith (resolve: string -> SymbolExpr option) text : Result<Expr, InfixError list> =
        ofResult (Infix.Parse(text, fun n -> resolve n |> Option.toObj))
    /// Parses, None on error.
    let tryParse text = match parse text with Ok e -> Some e | Error _ -> None
    /// Infix text.
    let print (e: Expr) = InfixPrinter.Print e

/// Differentiation (Wirtinger for complex symbols).
[<RequireQualifiedAccess>]
module Calculus =
    /// d e / d variable (variable-first, data-last).
    let d (variable: Expr) (e: Expr) = Differentiation.Differentiate(e, variable)

/// The exact zero test.
[<RequireQualifiedAccess>]
module ZeroTest =
    /// Ok () when e is identically zero, Error witness otherwise.
    let test (e: Expr) : Result<unit, Expr> =
        let r = ZeroTest.Test e
        if r.IsZero then Ok() else Error r.Witness
    /// True when e is identically zero.
    let isZero (e: Expr) = ZeroTest.IsZero e

/// Compilation to F# functions.
[<RequireQualifiedAccess>]
module Compile =
    /// A real function of the parameter vector.
    let real (parameters: SymbolExpr list) (e: Expr) : Result<float[] -> float, CompileError list> =
        let r = ExprCompiler.CompileReal(e, Array.ofList parameters)
        match r.Value with
        | null -> Error(List.ofSeq r.Errors)
        | f -> Ok(FuncConvert.FromFunc f)
    /// A complex function of the parameter vector.
    let complex (parameters: SymbolExpr list) (e: Expr) : Result<Complex[] -> Complex, CompileError list> =
        let r = ExprCompiler.CompileComplex(e, Array.ofList parameters)
        match r.Value with
        | null -> Error(List.ofSeq r.Errors)
        | f -> Ok(FuncConvert.FromFunc f)

/// Matrices of expressions.
[<RequireQualifiedAccess>]
module Matrix =
    /// From a list of rows.
    let ofRows (rows: Expr list list) = ExprMatrix.FromRows(rows |> List.map Array.ofList |> Array.ofList)
    /// Entry (i, j), 0-based.
    let get i j (m: ExprMatrix) = m.[i, j]
    /// Transpose.
    let transpose (m: ExprMatrix) = m.Transpose()
    /// Conjugate transpose.
    let adjoint (m: ExprMatrix) = m.ConjugateTranspose()
    /// Determinant.
    let det (m: ExprMatrix) = m.Determinant()
    /// Inverse, None when singular.
    let inverse (m: ExprMatrix) : ExprMatrix option = match m.TryInverse() with null -> None | v -> Some v
    /// Ok () when every entry is identically zero, Error (row, column, witness) otherwise (0-based).
    let testZero (m: ExprMatrix) : Result<unit, int * int * Expr> =
        let r = m.TestZero()
        if r.IsZero then Ok() else Error(r.Row, r.Column, r.Witness)
