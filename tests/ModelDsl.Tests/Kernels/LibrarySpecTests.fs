/// Library specs (`use`): models/lib/thermal-hierarchical.mdl instantiated by two different models with their own
/// couplings gives each the same numbers as the formulas written out by hand in that model, and Gamma_1, eps_1 and the
/// Davidson-Ibarra bound agree with values computed here from the card's numbers.
module ModelDsl.Tests.Kernels.LibrarySpecTests

open System
open System.IO
open System.Numerics
open Expecto
open ModelDsl
open ModelDsl.Tests.TestSupport

/// Kernel values by name at a shipped card, or the formatted diagnostics as a failure.
let private evaluate (model: string) (card: string) =
    let r = ModelCompilation.FromFile(modelPath model).CreateNumeric(Path.Combine(repoRoot, "samples", "lib", card), [||])
    match r.Model with
    | null -> failtestf "evaluation failed:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | m -> m.Evaluate().Values |> Seq.map (fun v -> v.Name, v.Value) |> Map.ofSeq

/// Both sides evaluate one formula in double precision, term for term in nearly the same order: 1e-12 relative.
let private same = { absolute = 0.0; relative = 1e-12 }

let private libraryKernels = [ "Gamma1"; "mtilde1"; "K"; "eps1"; "eps_DI" ]

/// The card samples/lib/use-yukawa.card, written out here: M in GeV, YN[i,a] row-major.
let private cardM = [| 1e10; 5e10; 2e11 |]
let private cardY =
    array2D [ [ Complex(1e-4, 2e-5); Complex(3e-4, -1e-4); Complex(-2e-4, 5e-5) ]
              [ Complex(4e-4, 3e-4); Complex(-1e-4, 6e-4); Complex(5e-4, -2e-4) ]
              [ Complex(2e-3, -1e-3); Complex(1e-3, 3e-3); Complex(-4e-3, 2e-3) ] ]

/// (h^dagger h)_ij = sum_a Y[i,a] conj(Y[j,a]) in the project's order (Y[i,a] = conj(h_{a i})).
let private hh i j = Seq.init 3 (fun a -> cardY.[i, a] * Complex.Conjugate cardY.[j, a]) |> Seq.fold (+) Complex.Zero

[<Tests>]
let tests =
    testList "Kernels/library specs" [
        for model, card, alias in [ "use-yukawa.mdl", "use-yukawa.card", "hier"; "use-casas-ibarra.mdl", "use-casas-ibarra.card", "thermal" ] do
            test $"{model}: every kernel of the library equals the model's hand-written copy (1e-12 relative)" {
                let k = evaluate model card
                for name in libraryKernels do
                    let got = k.[$"{alias}.{name}"]
                    Expect.floatClose same got.Real k.[$"{name}_hand"].Real $"{alias}.{name}"
                    Expect.equal got.Imaginary 0.0 $"{alias}.{name} is real"
                Expect.isGreaterThan (abs k.[$"{alias}.eps1"].Real) 0.0 "a non-zero asymmetry (the comparison is not 0 = 0)"
            }
        test "use-yukawa: Gamma_1 = M_1 (h^dagger h)_11/(8 pi) and the hierarchical eps_1 computed here from the card (1e-12)" {
            let k = evaluate "use-yukawa.mdl" "use-yukawa.card"
            let h11 = (hh 0 0).Real
            // 1e10 GeV * 1.529e-7 / (8 pi) = 60.837 GeV
            Expect.floatClose same k.["hier.Gamma1"].Real (cardM.[0] * h11 / (8.0 * Math.PI)) "Gamma_1"
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } (cardM.[0] * h11 / (8.0 * Math.PI)) (1e10 * 1.529e-7 / (8.0 * Math.PI)) "the card's row 1: sum |Y[1,a]|^2 = 1.529e-7"
            Expect.floatClose same k.["hier.mtilde1"].Real (h11 * 174.0 * 174.0 / cardM.[0]) "m-tilde_1 with v = 174 GeV"
            Expect.floatClose same k.["hier.K"].Real (h11 * 174.0 * 174.0 / cardM.[0] / 1.08e-12) "K = m-tilde_1/m_*"
            let eps =
                -3.0 / (16.0 * Math.PI) / h11
                * ([ 1; 2 ] |> List.sumBy (fun j -> (hh 0 j * hh 0 j).Imaginary * cardM.[0] / cardM.[j]))
            Expect.floatClose same k.["hier.eps1"].Real eps "eps_1 (Covi-Roulet-Vissani, hierarchical)"
            Expect.floatClose same k.["hier.eps_DI"].Real (3.0 * cardM.[0] * 5e-11 / (16.0 * Math.PI * 174.0 * 174.0)) "Davidson-Ibarra bound"
        }
        test "use-casas-ibarra: the Davidson-Ibarra bound 3 M_1 m_3/(8 pi v^2) with v = 246 GeV, m_3 = 50 meV, M_1 = 1e10 GeV; |eps_1| below it" {
            let k = evaluate "use-casas-ibarra.mdl" "use-casas-ibarra.card"
            Expect.floatClose same k.["thermal.eps_DI"].Real (3.0 * 1e10 * 50e-12 / (8.0 * Math.PI * 246.0 * 246.0)) "bound"
            // the bound holds for any R in the hierarchical limit (Davidson-Ibarra); M_1/M_2 = 0.1 leaves O(10%) corrections
            Expect.isLessThan (abs k.["thermal.eps1"].Real) (1.1 * k.["thermal.eps_DI"].Real) "|eps_1| <= bound"
        }
        test "a library's system: qualified with the use's name, its input bound to the model's parameter, solves as the model's own copy" {
            let library = "library decay\ninput k : real\ninput y0 : real = 1\nsystem sol \"y' = -k y\" {\n variable t from 0 to 1\n state y : real = y0 atol 1e-14\n d(y)/dt = -k*y\n output y_end = y at end\n}\n"
            use f = new TempFile(library)
            let model = $"model m\nparam kk : real = 2\nuse d = \"{f.Path}\" {{ k = kk }}\nsystem own {{\n variable t from 0 to 1\n state y : real = 1 atol 1e-14\n d(y)/dt = -kk*y\n output y_end = y at end\n}}\n"
            let c = ModelCompilation.Create(model, "m.mdl")
            Expect.isNotNull c.Spec (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
            Expect.equal [ for s in c.Spec.Systems -> s.Name ] [ "own"; "d.sol" ] "the library's system, qualified"
            Expect.equal [ for x in c.Spec.Systems.[1].Components -> x.Name ] [ "d.y" ] "its state, qualified"
            let m = c.CreateNumericOrThrow(Text.SourceText.From("card \"c\" for m\n", "c.card"))
            let solve name =
                let s = m.Solve(name, Kernels.Systems.SystemSolveOptions(RelativeTolerance = 1e-10)).Solution
                Expect.isTrue s.Succeeded s.Message
                s.Output "y_end"
            // exp(-2): the exact solution; both solved with rtol 1e-10, the same steps
            Expect.floatClose { absolute = 0.0; relative = 1e-8 } (solve "d.sol") (exp -2.0) "y(1) = exp(-k)"
            Expect.equal (solve "d.sol") (solve "own") "the library's system is the model's own copy"
        }
        test "a library's table: read from its path relative to the library, its column in the library's kernel equals the model's own" {
            let data = Path.Combine(repoRoot, "data", "dof", "hindmarsh_philipsen_C.dat")
            use f = new TempFile($"library dof\ninput T : real mass\ntable hp = file(\"{data}\")\nkernel h = hp.heff(T)\n")
            let model = $"model m\nparam TT : real mass = 150\ntable own = file(\"{data}\")\nuse d = \"{f.Path}\" {{ T = TT }}\nkernel h_own = own.heff(TT)\n"
            let c = ModelCompilation.Create(model, "m.mdl")
            Expect.isNotNull c.Spec (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
            Expect.equal [ for t in c.Spec.Tables -> t.Name ] [ "own"; "d.hp" ] "the library's table, qualified"
            let k = c.CreateNumericOrThrow(Text.SourceText.From("card \"c\" for m\n", "c.card")).Evaluate().Values |> Seq.map (fun v -> v.Name, v.Value.Real) |> Map.ofSeq
            Expect.equal k.["d.h"] k.["h_own"] "one spline of one file"
            Expect.isGreaterThan k.["d.h"] 50.0 "h_eff(150 GeV) of the SM is about 100"
        }
        test "the two models share one library: its constants are recorded under each model's name for it" {
            let names (m: string) = [ for c in ModelCompilation.FromFile(modelPath m).Spec.Consts -> c.Name ]
            Expect.containsAll (names "use-yukawa.mdl") [ "hier.m_star"; "hier.v"; "hier.m_atm" ] "defaults of unbound inputs become constants"
            Expect.containsAll (names "use-casas-ibarra.mdl") [ "thermal.m_star" ] "m_star"
            Expect.isFalse (names "use-casas-ibarra.mdl" |> List.contains "thermal.v") "a bound input is not a constant"
        }
    ]
