/// Language conveniences of issue 11: conditional sums, diagonal bilinears, units on constants and kernels,
/// the hermiticity warning. Each construct is checked by its bound meaning and each mistake by one located diagnostic.
module ModelDsl.Tests.Syntax.ConvenienceTests

open Expecto
open ModelDsl
open ModelDsl.Symbolics.Expressions
open ModelDsl.Tests.Syntax.DiagnosticTests

let private compile (text: string) =
    let c = ModelCompilation.Create(basis + text, "case.mdl")
    match c.Spec with
    | null -> failtestf "did not compile:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
    | spec -> c, spec

let private kernel (text: string) name =
    let _, spec = compile text
    (spec.Kernels |> Seq.find (fun k -> k.Name = name)).Expression

let private m k = Expr.Real $"M[{k}]" :> Expr

let private unmark (annotated: string) =
    let start = annotated.IndexOf '⟦'
    let stop = annotated.IndexOf '⟧'
    annotated.Remove(stop, 1).Remove(start, 1), start, stop - start - 1

/// `basis + annotated` compiles (a spec is produced) with exactly one warning, this ID at the marked span, and no error.
let private warningCase (id: string) (annotated: string) =
    test $"{id} (warning): {annotated.Trim().Replace('\n', ' ')}" {
        let text, start, length = unmark (basis + annotated)
        let c = ModelCompilation.Create(text, "case.mdl")
        let shown = Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics
        Expect.isNotNull c.Spec $"a model is produced:\n{shown}"
        Expect.equal (c.Diagnostics |> Seq.map (fun d -> d.Id, d.IsError) |> List.ofSeq) [ id, false ] $"one warning {id}:\n{shown}"
        let d = Seq.head c.Diagnostics
        Expect.equal (d.Span.Start, d.Span.Length) (start, length) $"span of {id}:\n{shown}"
    }

/// Runs `modeldsl eval SPEC --card CARD [extra]` on the texts written to a temporary folder.
let private evalTexts (specText: string) (cardText: string) (extra: string list) =
    let dir = System.IO.Directory.CreateTempSubdirectory()
    try
        let spec = System.IO.Path.Combine(dir.FullName, "m.mdl")
        let card = System.IO.Path.Combine(dir.FullName, "m.card")
        System.IO.File.WriteAllText(spec, specText)
        System.IO.File.WriteAllText(card, cardText)
        let r = ModelDsl.Tests.TestSupport.runCli ([ "eval"; spec; "--card"; card ] @ extra)
        { r with Stdout = r.Stdout.Replace("\r\n", "\n") }
    finally dir.Delete true

/// `basis + text` compiles without any diagnostic.
let private clean (text: string) =
    test $"no diagnostic: {text.Trim().Replace('\n', ' ')}" {
        let c = ModelCompilation.Create(basis + text, "case.mdl")
        Expect.isEmpty c.Diagnostics (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
    }

[<Tests>]
let tests =
    testList "Syntax/Conveniences" [
        test "log10 of a negative real in a compiled kernel is the principal branch, as log(x)/log(10), not NaN" {
            let r = evalTexts "model m\nparam x : real\nkernel a = log10(x)\n" "card \"c\" for m\nx = -2\n" [ "--json" ]
            Expect.equal r.ExitCode 0 r.Stderr
            let a = System.Text.Json.JsonDocument.Parse(r.Stdout).RootElement.GetProperty("kernels").GetProperty("a")
            // mpmath 1.3.0: log10(-2) = 0.30102999566398119521 + 1.3643763538418413475 i (the imaginary part pi/ln 10)
            Expect.floatClose { absolute = 0.0; relative = 1e-15 } (a.GetProperty("re").GetDouble()) 0.30102999566398119521 "real part"
            Expect.floatClose { absolute = 0.0; relative = 1e-15 } (a.GetProperty("im").GetDouble()) 1.3643763538418413475 "imaginary part"
        }
        testList "conditional sums" [
            test "sum(j != 2, M[j]) = M[1] + M[3]" {
                Expect.equal (kernel "param M[3] : real\nkernel k = sum(j != 2, M[j])\n" "k") (m 1 + m 3) "j = 2 skipped"
            }
            test "sum(j != i, ...) inside a define and a sum: the off-diagonal sum" {
                let text = "param M[3] : real\ndefine off(i) = sum(j != i, M[i]*M[j])\nkernel a = off(1)\nkernel b = sum(i, off(i))\n"
                Expect.equal (kernel text "a") (m 1 * m 2 + m 1 * m 3) "off(1)"
                Expect.equal (kernel text "b") (Expr.Number 2 * (m 1 * m 2 + m 1 * m 3 + m 2 * m 3)) "sum over i != j, both orders"
            }
            test "a condition that excludes nothing in range is refused by the range check, not silently ignored" {
                expectDiagnostic "MDL0216" "param M[3] : real\nkernel k = sum(j != ⟦4⟧, M[j])\n" |> ignore
            }
            test "fmt prints the condition with spaces and parses it back" {
                let c, _ = compile "param M[3] : real\nkernel k = sum(j!=2, M[j])\n"
                Expect.stringContains (c.Format()) "kernel k = sum(j != 2, M[j])" "formatted"
            }
            case "MDL0280" "param M[3] : real\nkernel k = max(⟦M[1] != 2⟧, 1)\n"
            case "MDL0280" "potential y*dag(H)*H*exp(⟦y != 1⟧)\n"
            case "MDL0231" "param M[3] : real\nkernel k = sum(j != ⟦i⟧, M[j])\n"
            case "MDL0217" "param M[3] : real\nkernel k = pairs(⟦i != 1⟧, j, M[i]*M[j])\n"
            case "MDL0217" "param M[3] : real\nkernel k = sum(⟦M[1]⟧ != 1, M[1])\n"
            case "MDL0231" "param M[3] : real\nkernel k = sum(j != ⟦y⟧, M[j])\n"
            case "MDL0217" "param M[3] : real\nkernel k = sum(j != ⟦1.5⟧, M[j])\n"
        ]
        testList "diagonal terms" [
            clean "fermion N { chirality: right, gen: 3 }\nparam MN[3] : real\nmajorana -1/2*MN[i]*N[i]*N[i] + h.c.\n"
            clean "fermion E { chirality: right, gen: 3, U1: -1 }\nparam ye[3] : complex\nyukawa -ye[a]*bar(L[a])*H*E[a] + h.c.\n"
            test "-1/2*MN[i]*N[i]*N[i] is the diagonal sum: one monomial with N[i] twice and coefficient -1/2*MN[i]" {
                let _, spec = compile "fermion N { chirality: right, gen: 3 }\nparam MN[3] : real\nmajorana -1/2*MN[i]*N[i]*N[i] + h.c.\n"
                let term = spec.Terms |> Seq.last
                Expect.equal term.Monomials.Count 1 "one monomial"
                let mono = term.Monomials.[0]
                Expect.equal (mono.Fields |> Seq.map (fun o -> o.Field.Name, o.Conjugated) |> List.ofSeq) [ ("N", false); ("N", false) ] "N twice"
                Expect.equal mono.Coefficient (Expr.Fraction(-1, 2) * Expr.Real "MN[i]") "coefficient"
            }
            // genuinely wrong uses stay MDL0215, at the first use
            caseSays "MDL0215" "fermion N { chirality: right, gen: 3 }\nmajorana -1/2*Y[⟦i⟧,1]*N[i]*N[i] + h.c.\n" "three times only in a diagonal"
            case "MDL0215" "fermion N { chirality: right, gen: 3 }\nmajorana -1/2*Y[⟦i⟧,i]*N[i]*N[i] + h.c.\n"
            case "MDL0215" "fermion N { chirality: right, gen: 3 }\nparam MN[3] : real\nmajorana -1/2*MN[⟦i⟧]*MN[i]*N[i]*N[1] + h.c.\n"
            case "MDL0215" "scalar S { complex, gen: 3 }\nparam lv[3] : real\npotential lv[⟦i⟧]*dag(S[i])*S[i]\n"
            case "MDL0215" "fermion N { chirality: right, gen: 3 }\nparam MN[3] : real\nmajorana -1/2*MN[⟦i⟧]*N[i]*N[j] + MN[j]*N[i]*N[i] + h.c.\n"
            case "MDL0216" "fermion N { chirality: right, gen: 3 }\nparam MN[2] : real\nmajorana -1/2*MN[i]*N[⟦i⟧]*N[i] + h.c.\n"
        ]
        testList "cw_minimum applicability" [
            caseSays "MDL0281" "param mu2 : real\npotential -mu2*dag(H)*H + y*(dag(H)*H)^2\nvev H -> v\ncheck ⟦cw_minimum(H)⟧\n" "the potential at line 10 has the term -mu2*dag(H)*H of dimension 2"
            caseSays "MDL0281" "scalar S { real }\npotential y*S^4\npotential y*S^3 + y*S^2*dag(H)*H\nvev S -> v\ncheck anomalies, ⟦cw_minimum(S)⟧\n" "classically scale-invariant"
            test "a scale-invariant potential binds: the check runs" {
                let c, _ = compile "scalar S { complex }\npotential y*abs(S)^4 - y*abs(S)^2*dag(H)*H\nvev S -> v\ncheck cw_minimum(S)\n"
                Expect.isEmpty c.Diagnostics "no diagnostic"
            }
        ]
        testList "units on constants and kernels" [
            test "const m_star = 1.08e-3 eV is stored in GeV; kernel ... in eV records its unit" {
                let _, spec = compile "const m_star = 1.08e-3 eV\nconst M_Pl = 1.22e19\nkernel mt = 2*m_star in eV\nkernel K = mt/m_star\n"
                let c = spec.Consts |> Seq.find (fun c -> c.Name = "m_star")
                Expect.floatClose { absolute = 0.0; relative = 1e-15 } c.Value 1.08e-12 "1.08e-3 eV = 1.08e-12 GeV"
                Expect.equal c.Unit "eV" "unit kept"
                Expect.isNull (spec.Consts |> Seq.find (fun c -> c.Name = "M_Pl")).Unit "no unit"
                Expect.equal (spec.Kernels |> Seq.map (fun k -> k.Name, k.Unit) |> List.ofSeq) [ "mt", "eV"; "K", null ] "kernel units"
            }
            test "eval prints a kernel with a unit in it and says so; JSON gives the value in the unit and kernel_units" {
                let run json =
                    let r = evalTexts "model m\nparam mN : real mass positive\nconst m_star = 1.08e-3 eV\nkernel mt = 2*m_star in eV\nkernel mN_TeV = mN in TeV\nkernel K = mt/m_star\n"
                                      "card \"c\" for m\nmN = 3.5 TeV\n" (if json then [ "--json" ] else [])
                    Expect.equal r.ExitCode 0 r.Stderr
                    r.Stdout
                let table = run false
                // 2 * 1.08e-3 eV; 3.5 TeV read back in TeV; K = 2
                let row name = table.Split('\n') |> Array.map (fun l -> l.Split(' ', System.StringSplitOptions.RemoveEmptyEntries)) |> Array.find (fun c -> c.Length > 0 && c[0] = name)
                Expect.equal (row "mt") [| "mt"; "0.00216"; "eV" |] "mt in eV"
                Expect.equal (row "mN_TeV") [| "mN_TeV"; "3.5"; "TeV" |] "in TeV"
                Expect.equal (row "K") [| "K"; "2"; "1" |] "dimensionless, no energy unit (unit column: 1)"
                Expect.stringContains table "m_star = 0.00108 eV" "the constant in its unit"
                let json = System.Text.Json.JsonDocument.Parse(run true).RootElement
                Expect.floatClose { absolute = 0.0; relative = 1e-14 } (json.GetProperty("kernels").GetProperty("mt").GetDouble()) 2.16e-3 "JSON value in eV"
                Expect.equal (json.GetProperty("kernel_units").GetProperty("mt").GetString()) "eV" "JSON unit"
                Expect.equal (json.GetProperty("kernel_units").GetProperty("K").GetString()) "1" "no energy unit for K: dimensionless"
            }
            test "fmt keeps the units" {
                let c, _ = compile "const m_star = 1.08e-3   eV\nkernel mt = 2*m_star in   eV\n"
                Expect.stringContains (c.Format()) "const m_star = 1.08e-3 eV\n" "const"
                Expect.stringContains (c.Format()) "kernel mt = 2*m_star in eV\n" "kernel"
            }
            caseSays "MDL0282" "const m_star = 1.08e-3 ⟦GeVV⟧\n" "Did you mean 'GeV'?"
            case "MDL0282" "const c = 1\nkernel k = c*y in ⟦eVs⟧\n"
            caseSays "MDL0283" "const c = 1\nkernel k = c*y ⟦eV⟧\n" "with 'in'"
            case "MDL0283" "const c = 1 ⟦in⟧ eV\n"
            caseSays "MDL0283" "param M[3] : real mass\nkernel r = M[1]/M[2] in ⟦eV⟧\n" "energy dimension 0"
            caseSays "MDL0283" "param M[3] : real mass\nkernel r = log(M[1]/M[2])*M[3]/M[1] in ⟦GeV⟧\n" "energy dimension 0"
            test "a sum of mixed dimensions is not judged (unknown): the unit is accepted" {
                let _, spec = compile "const m = 2 eV\nkernel r = sqrt(m^2 + 1) + 2 in GeV\n"
                Expect.equal spec.Kernels.[0].Unit "GeV" "accepted"
            }
            case "MDL0283" "param M[3] : real mass\nkernel k = 2 + M[1]/M[2] in ⟦eV⟧\n"   // a number alone (kernel k = 2 in eV) holds no quantity: its unit is not judged
            case "MDL0011" "const c = 1\nkernel k = c*y\n⟦foo⟧ = 3\n"
        ]
        testList "hermiticity warning" [
            warningCase "MDL0284" "fermion E { chirality: right, U1: -1 }\nyukawa ⟦-y*bar(L[1])*H*E⟧\n"
            warningCase "MDL0284" "fermion N { chirality: right }\nmajorana ⟦-1/2*y*N*N⟧\n"
            warningCase "MDL0284" "param z : complex\npotential ⟦z*dag(H)*H + y*(dag(H)*H)^2⟧\n"
            warningCase "MDL0284" "potential ⟦omega*dag(H)*H⟧\n"
            warningCase "MDL0284" "scalar S { complex, gen: 2 }\nparam lam[2,2] : complex\npotential ⟦lam[i,j]*dag(S[i])*S[j]⟧\n"
            warningCase "MDL0284" "scalar S { complex }\npotential ⟦y*S^3⟧\n"
            clean "fermion E { chirality: right, U1: -1 }\nyukawa -y*bar(L[1])*H*E + h.c.\n"
            clean "fermion N { chirality: right }\nmajorana -1/2*y*N*N + h.c.\n"
            clean "potential -y*dag(H)*H + y/2*(dag(H)*H)^2\n"
            clean "scalar R { real }\npotential y*R^2 + y*R^4\n"
            clean "scalar S { complex, gen: 2 }\nparam lam[2,2] : complex hermitian\npotential lam[i,j]*dag(S[i])*S[j]\n"
            clean "scalar S { complex }\npotential y*S^3 + h.c.\n"
            clean "param z : complex\npotential z*dag(H)*H*abs(H)^2/abs(z)^2 + conj(z)*dag(H)*H*abs(H)^2/abs(z)^2\n"
            for path in ModelDsl.Tests.TestSupport.shippedModels do
                test $"the shipped {System.IO.Path.GetFileName path} gives no diagnostic (no hermiticity warning)" {
                    let c = ModelCompilation.FromFile path
                    Expect.isEmpty c.Diagnostics (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
                }
            test "eval prints the spec's warning and still evaluates (exit 0)" {
                let r = evalTexts "model m\nfermion N { chirality: right }\nparam y : real\nmajorana -1/2*y*N*N\nkernel k = 2*y\n" "card \"c\" for m\ny = 1.5\n" []
                Expect.equal r.ExitCode 0 r.Stderr
                Expect.stringContains r.Stderr "warning MDL0284" "the warning"
                let row = r.Stdout.Split('\n') |> Array.map (fun l -> l.Split(' ', System.StringSplitOptions.RemoveEmptyEntries)) |> Array.find (fun c -> c.Length > 0 && c[0] = "k")
                Expect.equal row[1] "3" "evaluated: 2*1.5"
            }
            test "a warning does not fail `check`: exit 0, the warning on stderr" {
                let path = System.IO.Path.GetTempFileName()
                try
                    System.IO.File.WriteAllText(path, basis + "fermion N { chirality: right }\nmajorana -1/2*y*N*N\ncheck invariance\n")
                    let out, err = new System.IO.StringWriter(), new System.IO.StringWriter()
                    let code = CheckReportWriter.Run(path, false, out, err)
                    Expect.equal code 0 $"exit 0:\n{out}\n{err}"
                    Expect.stringContains (string err) "warning MDL0284" "the warning is printed"
                    Expect.stringContains (string out) "All 1 checks hold." "the checks ran"
                finally System.IO.File.Delete path
            }
        ]
    ]
