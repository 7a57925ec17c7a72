// The symbolic core from F#: run with `dotnet fsi samples/fsharp/symbolic-demo.fsx`
// after `dotnet build -c Release` (it loads the built assemblies).
#r "../../src/ModelDsl.Symbolics/bin/Release/net10.0/ModelDsl.Symbolics.dll"
#r "../../src/ModelDsl.FSharp/bin/Release/net10.0/ModelDsl.FSharp.dll"

open ModelDsl.FSharp
open ModelDsl.Symbolics.Expressions

// The leading Z3 texture of tri-resonant leptogenesis (seed 001, eq. 2.10).
let a, b, c = Expr.real "a", Expr.real "b", Expr.real "c"
let row (s: Expr) = [ s; s * Expr.omega; s * (Expr.omega |> Expr.pow 2Q) ]
let h = Matrix.ofRows [ row a; row b; row c ]

printfn "h         = %O" h
printfn "h h^T     : %A" (Matrix.testZero (h * Matrix.transpose h))
printfn "h^T h     : %A" (Matrix.testZero (Matrix.transpose h * h))
printfn "d/dz |z|^2 = %O" (Calculus.d (Expr.complex "z") (Expr.complex "z" * Expr.conj (Expr.complex "z")))
