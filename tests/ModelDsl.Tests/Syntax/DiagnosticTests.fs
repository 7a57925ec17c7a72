/// Located diagnostics in annotated-text style (after minsk's AnnotatedText): the expected span
/// is marked with ⟦ ⟧ in the spec (square brackets belong to the language), and the test checks
/// the error ID, the exact span, and that the mistake gives exactly one error.
module ModelDsl.Tests.Syntax.DiagnosticTests

open Expecto
open ModelDsl
open ModelDsl.Diagnostics

/// A small valid spec the cases below add one mistake to.
let basis = """model m
group U1 : U(1)
group SU2 : SU(2)
group Z : Z(3)
fermion L { chirality: left, gen: 3, SU2: 2, U1: -1/2 }
scalar H { complex, SU2: 2, U1: 1/2 }
param y : real
param Y[3,3] : complex
"""

/// The text without its ⟦ ⟧ marks, and the marked span (start, length).
let unmark (annotated: string) =
    let start = annotated.IndexOf '⟦'
    let stop = annotated.IndexOf '⟧'
    if start < 0 || stop < start then failwith "no ⟦ ⟧ span in the test text"
    annotated.Remove(stop, 1).Remove(start, 1), start, stop - start - 1

/// Checks that `basis + annotated` gives exactly one error, with this ID and span.
let expectDiagnostic (id: string) (annotated: string) =
    let text, start, length = unmark (basis + annotated)
    let c = ModelCompilation.Create(text, "case.mdl")
    let errors = c.Diagnostics |> Seq.filter (fun d -> d.IsError) |> List.ofSeq
    let shown = DiagnosticPrinter.FormatAll errors
    Expect.equal (errors |> List.map (fun d -> d.Id)) [ id ] $"one error {id} for:\n{annotated}\ngot:\n{shown}"
    let d = errors.Head
    Expect.equal (d.Span.Start, d.Span.Length) (start, length) $"span of {id}:\n{shown}"
    Expect.isNull c.Spec "no model is produced"
    d

let case id (annotated: string) = test $"{id}: {annotated.Trim().Replace('\n', ' ')}" { expectDiagnostic id annotated |> ignore }

let caseSays id (annotated: string) (fragment: string) =
    test $"{id}: {annotated.Trim().Replace('\n', ' ')}" {
        let d = expectDiagnostic id annotated
        Expect.stringContains d.Message fragment "message"
    }

/// The shipped library spec, by absolute path (the cases' spec is case.mdl, relative to the working directory).
let private lib = ModelDsl.Tests.TestSupport.modelPath "lib/thermal-hierarchical.mdl"

/// `use h = "LIB" { ... }` with the cases' own bindings; M is declared by each case.
let private useLib (bindings: string) = $"param M[3] : real mass positive\nuse h = \"{lib}\" {{ {bindings} }}\n"

[<Tests>]
let tests =
    testList "Syntax/Diagnostics" [
        // library specs: a 'use' and its bindings, located in the user's file (MDL0250-MDL0258)
        caseSays "MDL0250" "use h = ⟦\"no/such/lib.mdl\"⟧ { Y = Y }\n" "cannot be read"
        caseSays "MDL0253" (useLib "Y = Y, M = M, ⟦vv⟧ = 174") "Did you mean 'v'?"
        caseSays "MDL0254" $"param M[3] : real mass positive\nuse ⟦h⟧ = \"{lib}\" {{ Y = Y }}\n" "'M'"
        caseSays "MDL0255" (useLib "Y = Y, M = M, ⟦Y⟧ = Y") "bound twice"
        caseSays "MDL0256" ("param Y2[3,2] : complex\n" + useLib "Y = ⟦Y2⟧, M = M") "a 3x3 matrix; 'Y2' is a 3x2 matrix"
        caseSays "MDL0256" (useLib "Y = Y, M = ⟦y⟧") "a vector of length 3; 'y' is a scalar"
        caseSays "MDL0256" (useLib "Y = Y, M = M, v = ⟦M⟧") "a scalar; 'M' is a vector of length 3 (select an entry, e.g. M[1])"
        caseSays "MDL0256" (useLib "Y = ⟦Y[1,1]⟧, M = M") "not a whole vector or matrix"
        caseSays "MDL0257" ("param z : complex\n" + useLib "Y = Y, M = M, v = ⟦z⟧") "is real; 'z' is complex"
        caseSays "MDL0257" ("param Yr[3,3] : complex\nparam Mc[3] : complex\n" + useLib "Y = Yr, M = ⟦Mc⟧") "'Mc' is complex"
        caseSays "MDL0258" (useLib "Y = Y, M = M" + "kernel k = h.⟦Gamma⟧\n") "Did you mean 'Gamma1'?"
        caseSays "MDL0214" (useLib "Y = Y, M = M" + "kernel k = ⟦h.K[1]⟧\n") "h.K"
        caseSays "MDL0227" ("kernel k = ⟦h⟧.K\n" + useLib "Y = Y, M = M") "declared below"
        caseSays "MDL0201" (useLib "Y = Y, M = ⟦MM⟧") "Did you mean 'M'?"
        caseSays "MDL0200" ("param h : real\nparam M[3] : real mass positive\nuse ⟦h⟧ = \"" + lib + "\" { Y = Y, M = M }\n") "'h'"
        caseSays "MDL0252" "⟦input⟧ x : real\n" "a model declares parameters with 'param'"
        caseSays "MDL0252" "⟦library⟧ l\n" "not both"
        // builtin calls: named arguments, one located diagnostic each (param M[3] and a texture T are added by the cases)
        case "MDL0241" "param M[3] : real mass positive\nlet U = pmns(s12: y, ⟦s31⟧: y, s13: y, delta: y)\n"
        caseSays "MDL0241" "let U = pmns(s12: y, ⟦s31⟧: y, s13: y, delta: y)\n" "Did you mean 's13'?"
        case "MDL0242" "let U = pmns(s12: y, s23: y, s13: y, ⟦s12: y⟧, delta: y)\n"
        caseSays "MDL0243" "let U = ⟦pmns⟧(s12: y, s23: y, s13: y)\n" "'delta'"
        caseSays "MDL0244" "let S = seesaw_mass(Y: Y, M: ⟦y⟧, v: 246)\n" "a vector of length 3"
        case "MDL0244" "param M[3] : real mass positive\nlet U = pmns(s12: ⟦M⟧, s23: y, s13: y, delta: y)\n"
        caseSays "MDL0244" "param sw : bool = true\nlet U = pmns(s12: ⟦sw⟧, s23: y, s13: y, delta: y)\n" "switch"
        caseSays "MDL0244" "param M[3] : real mass positive\nparam mN : real\ntexture T = matrix(row(y, y, y), row(y, y, y), row(y, y, y))\nlet F = texture_fit(h0: T, mN: mN, d21: 1, d32: 1, fit: ⟦y⟧, v: 1, M_W: 1, M_Z: 1, M_H: 1, alpha_w: 1, sin2_12: 1, sin2_23: 1, sin2_13: 1, delta_cp: 1, dm2_21: 1, dm2_31: 1)\n" "a switch"
        case "MDL0245" "let U = pmns(s12: y, ⟦y⟧, y, y)\n"
        case "MDL0245" "potential sqrt(⟦y: 1⟧)*dag(H)*H\n"
        caseSays "MDL0246" "let U = pmns(s12: y, s23: y, s13: y, delta: y)\nkernel k = re(⟦U.h[1,1]⟧)\n" "not a record"
        caseSays "MDL0201" "kernel k = ⟦G⟧.mass[1] + G.mass[2]\n" "Unknown name 'G'"
        caseSays "MDL0246" "param M[3] : real mass positive\nlet LF = clfv_loop_functions(mass: M, M_W: 80)\nkernel k = LF.⟦G_gama⟧[1]\n" "Did you mean 'G_gamma'?"
        caseSays "MDL0246" "param M[3] : real mass positive\nlet LF = clfv_loop_functions(mass: M, M_W: 80)\nlet L2 = clfv_loop_functions(mass: LF.⟦G_gama⟧, M_W: 80)\nkernel k = L2.G_gamma[1]\n" "Did you mean 'G_gamma'?"
        caseSays "MDL0233" "param sw : bool = ⟦1⟧\n" "true or false"

        case "MDL0001" "param q : real ⟦$⟧\n"
        case "MDL0002" "scalar S { U1: ⟦2x⟧ }\n"
        caseSays "MDL0010" "group G ⟦U⟧(1)\n" "Expected ':'"
        case "MDL0011" "⟦fermoin⟧ E { chirality: right }\n"
        case "MDL0012" "potential y*⟦)⟧\n"
        case "MDL0013" "potential y*Y[1,1⟦)⟧*dag(H)*H\n"
        case "MDL0200" "param ⟦y⟧ : complex\n"
        caseSays "MDL0201" "potential ⟦yy⟧*dag(H)*H\n" "Did you mean 'y'?"
        case "MDL0202" "group G : ⟦SO⟧(3)\n"
        case "MDL0203" "group G : U(⟦2⟧)\n"
        caseSays "MDL0204" "fermion E { ⟦chirallity⟧: right }\n" "Did you mean 'chirality'?"
        case "MDL0205" "fermion E { chirality: ⟦up⟧ }\n"
        case "MDL0206" "fermion ⟦E⟧ { U1: 1 }\n"
        case "MDL0207" "fermion E { chirality: right, gen: ⟦0⟧ }\n"
        case "MDL0208" "scalar S { SU2: ⟦5⟧ }\n"
        case "MDL0209" "scalar S { Z: ⟦1/2⟧ }\n"
        // symmetries acting on generations: per-generation charges and Z(N) generator matrices
        caseSays "MDL0290" "fermion N { chirality: right, gen: 3, U1: ⟦(0, 1)⟧ }\n" "'N' has 3 generations but 2 charges are given under U1"
        case "MDL0290" "fermion N { chirality: right, U1: ⟦(0, 1, -1)⟧ }\n"
        caseSays "MDL0290" "fermion N { chirality: right, gen: 2, Z: ⟦perm(2, 3, 1)⟧ }\n" "a 3x3 generator matrix"
        caseSays "MDL0291" "fermion N { chirality: right, gen: 3, Z: ⟦perm(2, 1, 3)⟧ }\n" "G^3 != 1"
        caseSays "MDL0291" "fermion N { chirality: right, gen: 3, Z: ⟦perm(1, 1, 2)⟧ }\n" "permutation of 1..3"
        caseSays "MDL0291" "fermion N { chirality: right, gen: 2, Z: ⟦matrix(row(1, 1), row(0, 1))⟧ }\n" "not unitary"
        case "MDL0291" "fermion N { chirality: right, gen: 2, Z: matrix(row(⟦y⟧, 0), row(0, 1)) }\n"
        caseSays "MDL0291" "group Z5 : Z(5)\nfermion N { chirality: right, gen: 3, Z5: ⟦perm(2, 3, 1)⟧ }\n" "divide 12"
        caseSays "MDL0209" "fermion N { chirality: right, gen: 3, U1: ⟦perm(2, 3, 1)⟧ }\n" "by charges only"
        case "MDL0209" "fermion N { chirality: right, gen: 3, U1: (0, ⟦omega⟧, 1) }\n"
        case "MDL0208" "fermion N { chirality: right, gen: 3, SU2: ⟦(1, 2, 1)⟧ }\n"
        caseSays "MDL0226" "fermion N { chirality: right, gen: 2 }\nyukawa -y*bar(L[1])*conj(H)*N[1] + h.c.\ntexture T = matrix(row(y, y, y), row(y, y, y))\ncheck ⟦texture_allowed(T, L, N)⟧\n" "the other way round"
        caseSays "MDL0226" "fermion N { chirality: right, gen: 3 }\ntexture T = matrix(row(y, y, y), row(y, y, y), row(y, y, y))\ncheck ⟦texture_allowed(T, L, N)⟧\n" "No Lagrangian term couples L and N"
        case "MDL0226" "fermion N { chirality: right, gen: 3 }\ncheck ⟦texture_allowed⟧(L, N)\n"
        case "MDL0226" "check texture_allowed(Y, L, ⟦E⟧)\n"
        caseSays "MDL0226" "fermion N { chirality: right, gen: 3 }\nscalar S { complex, gen: 2 }\nyukawa -Y[i,j]*bar(L[i])*S[k]*conj(S[k])*N[j] + h.c.\ntexture T = matrix(row(y, y, y), row(y, y, y), row(y, y, y))\ncheck ⟦texture_allowed(T, L, N)⟧\n" "one generation or a fixed index"
        // a term's coupling (parameter, texture or let) must fit its fields; its index order is the term's (models/README.md)
        caseSays "MDL0216" "fermion N { chirality: right, gen: 3 }\ntexture T = matrix(row(y, y), row(y, y), row(y, y))\nyukawa -T[l,a]*bar(L[l])*conj(H)*N[⟦a⟧] + h.c.\n" "'T' is 3x2"
        caseSays "MDL0216" "fermion N { chirality: right, gen: 2 }\ntexture T = matrix(row(y, y, y), row(y, y, y))\nyukawa -T[l,a]*bar(L[⟦l⟧])*conj(H)*N[a] + h.c.\n" "write T[a,l]"
        caseSays "MDL0216" "fermion N { chirality: right, gen: 2 }\nlet U = pmns(s12: y, s23: y, s13: y, delta: y)\nyukawa -U[l,a]*bar(L[l])*conj(H)*N[⟦a⟧] + h.c.\n" "'U' is 3x3"
        caseSays "MDL0285" "fermion N { chirality: right, gen: 3 }\nparam mN : real\ntexture T = matrix(row(y, y, y), row(y, y, y), row(y, y, y))\nyukawa -⟦T[a,l]⟧*bar(L[l])*conj(H)*N[a] + h.c.\nmajorana -1/2*mN*N[a]*N[a] + h.c.\ncheck seesaw_zero_mass(T, mN)\n" "put the index of L first"
        caseSays "MDL0285" "fermion N { chirality: right, gen: 3 }\ntexture T = matrix(row(y, y, y), row(y, y, y), row(y, y, y))\nyukawa -T[l,a]*bar(L[l])*conj(H)*N[a] + h.c.\nyukawa -⟦T[a,l]⟧*bar(L[l])*conj(H)*N[a] + h.c.\n" "write T[l,a]"
        caseSays "MDL0285" "fermion N { chirality: right, gen: 3 }\ntexture T = matrix(row(y, y, y), row(y, y, y), row(y, y, y))\nyukawa -T[l,a]*bar(L[l])*conj(H)*N[a] + h.c.\ncheck ⟦texture_allowed(T, N, L)⟧\n" "texture_allowed(T, L, N)"
        // a Casas-Ibarra Yukawa has the heavy neutrinos (the states of its M) on its rows: used the other way round
        caseSays "MDL0285" "fermion N { chirality: right, gen: 3 }\nparam M[3] : real mass positive\nparam mnu[3] : real mass\nparam U[3,3], R[3,3] : complex\nlet Yci = casas_ibarra(U: U, mnu: mnu, R: R, M: M, v: 246)\nyukawa -⟦Yci[a,i]⟧*bar(L[a])*conj(H)*N[i] + h.c.\nmajorana -1/2*M[i]*N[i]*N[i] + h.c.\n" "put the index of N first"
        caseSays "MDL0226" "fermion N { chirality: right, gen: 3 }\ntexture T = matrix(row(y, y, y), row(y, y, y), row(y, y, y))\ncheck ⟦texture_allowed(T)⟧\n" "No Lagrangian term has 'T' as its coupling"
        case "MDL0210" "scalar S { ⟦chirality⟧: left }\n"
        case "MDL0211" "⟦model⟧ other\n"
        caseSays "MDL0212" "param q : real ⟦symetric⟧\n" "Did you mean 'symmetric'?"
        case "MDL0213" "param M[⟦0⟧,3] : real\n"
        case "MDL0214" "potential ⟦Y⟧*dag(H)*H\n"
        case "MDL0215" "yukawa -Y[i,⟦j⟧]*bar(L[i])*H*H\n"
        case "MDL0216" "param V[3,2] : complex\nyukawa -V[i,j]*bar(L[i])*conj(H)*L[⟦j⟧]\n"
        case "MDL0217" "potential y*dag(H)*H*⟦L⟧\n"
        caseSays "MDL0218" "check ⟦anomaly⟧\n" "Did you mean 'anomalies'?"
        case "MDL0219" "vev ⟦L⟧ -> vL\n"
        case "MDL0220" "potential ⟦y^2⟧\n"
        case "MDL0221" "potential ⟦dag(H)*H*bar(L[i])*L[i]⟧\n"
        caseSays "MDL0222" "potential ⟦expp⟧(y)*dag(H)*H\n" "Did you mean 'exp'?"
        case "MDL0223" "potential ⟦exp⟧(y, y)*dag(H)*H\n"
        case "MDL0224" "potential y/⟦0⟧*dag(H)*H\n"
        case "MDL0225" "param z : complex\nscalar S { U1: ⟦z⟧ }\n"
        case "MDL0226" "check anomalies(⟦H⟧)\n"
        case "MDL0227" "param ⟦omega⟧ : real\n"
        case "MDL0228" "potential ⟦bar(y)⟧*dag(H)*H\n"
        case "MDL0217" "potential y*dag(⟦H[1]⟧)*H\n"
        case "MDL0209" "scalar S { U1: ⟦omega⟧ }\n"
        case "MDL0209" "scalar S { U1: ⟦sqrt(y)⟧ }\n"
        case "MDL0002" "scalar S { U1: ⟦1e999999999⟧ }\n"
        case "MDL0225" "scalar S { U1: ⟦Y⟧[1,1] }\n"
        caseSays "MDL0200" "scalar ⟦y⟧ { complex }\n" "(as a parameter)"
        case "MDL0214" "potential ⟦y[1,1]⟧*dag(H)*H\n"
        // One mistake, one diagnostic at its cause: no follow-on from a name whose declaration failed,
        // from a value that errored, or from a define expanded many times.
        case "MDL0233" "const c = ⟦1e999⟧\nkernel k = y/c\n"
        case "MDL0002" "const c = ⟦1e99999999⟧\nkernel k = y/c + c\n"
        case "MDL0002" "const c = ⟦1e-99999999⟧\nconst d = 1/c\nkernel k = y/d\n"
        case "MDL0243" "param M[3] : real\nlet U = ⟦pmns⟧(y, y, y)\nlet W = seesaw_mass(U, M, y)\nkernel k = abs(U[1,1])^2/sum(i, abs(U[i,1])^2) + re(W[1,1])\n"
        case "MDL0233" "const c = ⟦sqrt(-2)⟧\nconst d = 2*c\nkernel k = y*d/c\n"
        case "MDL0201" "param M[3] : real\ndefine f(i) = M[i]/⟦q⟧\nkernel k1 = f(1)\nkernel k2 = sum(i, f(i))/f(2)\nkernel k3 = k1/k2\n"
        case "MDL0232" "let X = ⟦2*y⟧\nkernel k = sum(i, abs(X[i,1]))\nkernel k2 = 1/k\n"
        case "MDL0222" "kernel k = y/⟦yy⟧(y)\n"
        case "MDL0201" "potential y/⟦yy⟧*dag(H)*H\n"
        case "MDL0201" "yukawa -Y[i,j]*bar(L[i])*H*⟦LL⟧[j]\n"
        case "MDL0002" "scalar S { U1: 1/⟦2e99999⟧ }\n"
        case "MDL0002" "group G : SU(⟦2e99999⟧)\nscalar S { G: 2 }\n"
        caseSays "MDL0234" "param M[3] : real\ndefine f(i) = g(i)\ndefine g(i) = ⟦f⟧(i)\nkernel k = f(1)\nkernel k2 = g(2)\n" "'f' calls itself"
        caseSays "MDL0234" "param M[3] : real\ndefine f(i) = M[i]*⟦f⟧(i)\nkernel k = f(1) + f(2)\n" "cannot be recursive"
        caseSays "MDL0013" "potential y*⟦(⟧dag(H)*H\n" "never closed"
        caseSays "MDL0013" "param M[3] : real\nkernel k = y*⟦(⟧M[1] + M[2]\nkernel k2 = y\n" "never closed"
        caseSays "MDL0013" "kernel k = exp⟦(⟧y,\nkernel k2 = y\n" "never closed"
        case "MDL0001" "potential y*(1 + 2 ⟦$⟧ 3)*dag(H)*H\n"
        case "MDL0010" "define f ⟦i⟧, j) = y\nkernel k = y\n"
        case "MDL0010" "param a, ⟦,⟧ b : real\npotential a*b*dag(H)*H\n"
        case "MDL0201" "param M[3] : real\nkernel k1 = sum(i, M[i]*⟦qq⟧[i])\nkernel k2 = qq[1] + qq\n"
        case "MDL0222" "param M[3] : real\nkernel k = ⟦ff⟧(M[i], j) + ff(1)\n"
        case "MDL0201" "potential y*dag(⟦S⟧)*S\n"
        case "MDL0010" "scalar S { complex, U1: (1 ⟦}⟧\npotential y*dag(S)*S\nvev S -> vS\n"
        case "MDL0010" "param M[3 ⟦:⟧ real\nkernel k = sum(i, M[i])\n"
        test "exact repeats are reported once (a define expanded many times)" {
            let c = ModelCompilation.Create(basis + "param M[3] : real\ndefine f(i) = M[i]*yy\nkernel k = sum(i, f(i))\n", "rep.mdl")
            Expect.equal (c.Diagnostics |> Seq.map (fun d -> d.Id, d.Line, d.Column) |> List.ofSeq) [ "MDL0201", 10, 20 ] "once"
        }
        test "DiagnosticBag keeps one of exact repeats (same ID, span and message), not of different spans" {
            let text = Text.SourceText.From("model m\n", "b.mdl")
            let bag = DiagnosticBag()
            bag.ReportUnknownName(text, Text.TextSpan(0, 5), "model", null)
            bag.ReportUnknownName(text, Text.TextSpan(0, 5), "model", null)
            bag.ReportUnknownName(text, Text.TextSpan(6, 1), "m", null)
            Expect.equal bag.Count 2 "repeat dropped, other span kept"
        }
        test "MDL0003: an unterminated string" {
            let c = ModelCompilation.Create("model m \"no end\ngroup U1 : U(1)\n", "s.mdl")
            Expect.equal (c.Diagnostics |> Seq.map (fun d -> d.Id, d.Line, d.Column) |> List.ofSeq) [ "MDL0003", 1, 9 ] "one error, located"
        }
        test "MDL0230: an empty file" {
            let c = ModelCompilation.Create("", "empty.mdl")
            Expect.equal (c.Diagnostics |> Seq.map (fun d -> d.Id) |> List.ofSeq) [ "MDL0230" ] "empty"
        }
        test "MDL0014: deep nesting is an error, not a crash" {
            let c = ModelCompilation.Create(basis + "potential " + String.replicate 5000 "(" + "y", "deep.mdl")
            Expect.contains (c.Diagnostics |> Seq.map (fun d -> d.Id)) "MDL0014" "too deep"
        }
        test "MDL0015: the error list stops at the limit" {
            let c = ModelCompilation.Create(basis + String.replicate 500 "$ ", "many.mdl")
            Expect.equal c.Diagnostics.Count (DiagnosticBag.Limit + 1) "capped"
            Expect.equal (Seq.last c.Diagnostics).Id "MDL0015" "last says why"
        }
        test "several mistakes are all reported in one run" {
            let c = ModelCompilation.Create(basis + "param Y2[3,3] : complx\nfermion E { chirality: up }\ncheck anomaly\n", "multi.mdl")
            Expect.equal (c.Diagnostics |> Seq.map (fun d -> d.Id) |> List.ofSeq) [ "MDL0212"; "MDL0205"; "MDL0218" ] "three errors, in source order"
        }
        test "models/README.md: the grammar and the keyword list name every keyword the lexer knows" {
            let readme = System.IO.File.ReadAllText(System.IO.Path.Combine(ModelDsl.Tests.TestSupport.repoRoot, "models", "README.md"))
            let grammar = readme.Substring(readme.IndexOf "```ebnf").Split("```").[1]
            let keywords =
                System.Enum.GetNames<ModelDsl.Syntax.SyntaxKind>()
                |> Array.filter (fun n -> n.EndsWith "Keyword")
                |> Array.map (fun n -> n.Replace("Keyword", "").ToLowerInvariant())
            let listStart = readme.IndexOf "Keywords (reserved, not usable as names): `"
            let reserved = readme.Substring(listStart).Split('`').[1].Split([| ' '; '\n' |], System.StringSplitOptions.RemoveEmptyEntries)
            Expect.isNonEmpty keywords "the lexer has keywords"
            Expect.equal (Set.ofArray reserved) (Set.ofArray keywords) "the keyword list is exactly the lexer's keywords"
            for k in keywords do
                Expect.isTrue (ModelDsl.Syntax.SyntaxFacts.KeywordKind k <> ModelDsl.Syntax.SyntaxKind.Identifier) $"'{k}' is a keyword"
                Expect.stringContains grammar $"\"{k}\"" $"the grammar has '{k}'"
                Expect.contains reserved k $"the keyword list has '{k}'"
        }
        test "MDL0251: a library with its own errors: they are reported at the library's lines, and the use that pulled it in says so" {
            use f = new ModelDsl.Tests.TestSupport.TempFile("library broken\ninput x : real\nkernel k = x*yy\n")
            let c = ModelCompilation.Create(basis + $"use b = \"{f.Path}\" {{ x = y }}\nkernel k2 = b.k\n", "case.mdl")
            let errors = c.Diagnostics |> Seq.filter (fun d -> d.IsError) |> List.ofSeq
            let shown = DiagnosticPrinter.FormatAll errors
            Expect.equal (errors |> List.map (fun d -> d.Id, d.Source.Path)) [ "MDL0201", f.Path; "MDL0251", "case.mdl" ] shown
            Expect.equal (errors.[0].Line, errors.[0].Column) (3, 14) "at the library's own line"
            Expect.equal (errors.[1].Line, errors.[1].Column) (9, 9) "at the use's path"
            Expect.stringContains errors.[1].Message "has 1 error(s)" "which use pulled it in"
        }
        test "MDL0252: a library declares only inputs, consts, defines and kernels (one message per kind)" {
            let c = ModelCompilation.Create("library l\ninput x : real\nparam p : real\nparam q : real\ngroup U1 : U(1)\nkernel k = x\n", "l.mdl")
            let errors = c.Diagnostics |> Seq.filter (fun d -> d.IsError) |> List.ofSeq
            Expect.equal (errors |> List.map (fun d -> d.Id, d.Line)) [ "MDL0252", 3; "MDL0252", 5 ] (DiagnosticPrinter.FormatAll errors)
        }
        test "a library checked on its own compiles: its inputs are its parameters, its kernels formulas in them" {
            let c = ModelCompilation.FromFile lib
            Expect.isNotNull c.Spec (DiagnosticPrinter.FormatAll c.Diagnostics)
            Expect.equal [ for p in c.Spec.Parameters -> p.Name ] [ "Y"; "M"; "v"; "m_atm" ] "inputs"
            Expect.equal [ for k in c.Spec.Kernels -> k.Name ] [ "Gamma1"; "mtilde1"; "K"; "eps1"; "eps_DI" ] "kernels"
        }
        test "printed form: file(line,col): error ID, the source line, a marker under the span" {
            let c = ModelCompilation.Create(basis + "potential yy*dag(H)*H\n", "models/x.mdl")
            let printed = DiagnosticPrinter.FormatAll c.Diagnostics
            Expect.equal printed "models/x.mdl(9,11): error MDL0201: Unknown name 'yy'. Did you mean 'y'?\n    potential yy*dag(H)*H\n              ^^\n" "printed"
        }
    ]
