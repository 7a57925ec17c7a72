module ModelDsl.Tests.Checks.ColemanWeinbergTests

open System
open Expecto
open ModelDsl
open ModelDsl.Checks
open ModelDsl.Symbolics.Algebra
open ModelDsl.Symbolics.Parsing
open ModelDsl.Tests.TestSupport
open ModelDsl.Tests.Kernels.ConformalKernelTests

let private compile (text: string) =
    match ModelCompilation.Create(text, "cw.mdl").Spec with
    | null -> failtestf "did not compile: %s" text
    | s -> s

let private conformal () =
    match (ModelCompilation.FromFile(modelPath "conformal-bl.mdl")).Spec with
    | null -> failtest "conformal-bl.mdl must compile"
    | s -> s

/// A formula typed in from seed 000 (Q_phi = 2, so g_CW -> 2 gBL; phi stands for |phi|).
let private paper text = Infix.ParseOrThrow(text, Infix.AllReal)

let private derive spec scalar =
    let d, problem = ColemanWeinberg.Derive(spec, scalar)
    match d with
    | null -> failtestf "no derivation: %s" problem
    | d -> d

/// The paper neglects the Majorana-fermion loop, of order (Y^M)^4 ~ 1e-20 here: set its trace to 0.
let private withoutFermionLoop (e: Symbolics.Expressions.Expr) =
    Rewriting.Substitute(e, Symbolics.Expressions.Expr.Real "tr((YM'YM)^2)", Symbolics.Expressions.Expr.Zero)

let private rhs (d: CwDerivation) label = withoutFermionLoop (d.Relations |> Seq.find (fun r -> r.Label = label)).Rhs

let private same a b = Expect.isTrue (ZeroTest.IsZero(a - b)) $"{a} = {b}"

[<Tests>]
let tests =
    testList "Checks/Coleman-Weinberg (seed 000 Sec. 2)" [
        test "(2.3): the one-loop potential" {
            let d = derive (conformal ()) "phi"
            same (rhs d "(2.3)") (paper "lamH/2*HH^2 - lamP*HH*phi^2 + lamPhi/24*phi^4 + 3*(2*gBL)^4/(64*pi^2)*phi^4*(log(phi^2/vphi^2) - 25/6)"
                                  |> fun e -> Rewriting.Substitute(e, Symbolics.Expressions.Expr.Real "HH", Symbolics.Expressions.Expr.Real "H'H"))
        }
        test "(2.4): dV/dphi at the vev = (1/6)(lamPhi - 33/(8 pi^2) g^4 - 12 lamP^2/lamH) <phi>^3" {
            let d = derive (conformal ()) "phi"
            same (rhs d "(2.4)") (paper "1/6*(lamPhi - 33/(8*pi^2)*(2*gBL)^4 - 12*lamP^2/lamH)")
        }
        test "(2.5): lamPhi = 33/(8 pi^2) g^4 + 12 lamP^2/lamH" {
            let d = derive (conformal ()) "phi"
            Expect.equal d.QuarticCoupling.Name "lamPhi" "the |phi|^4 coupling"
            same (rhs d "(2.5)") (paper "33/(8*pi^2)*(2*gBL)^4 + 12*lamP^2/lamH")
        }
        test "(2.9)/(2.10): m_phi^2 = 3 (Q g)^4 <phi>^2 / (8 pi^2) when the portal decouples" {
            let d = derive (conformal ()) "phi"
            let m2 = Rewriting.Substitute(rhs d "(2.9)", Symbolics.Expressions.Expr.Real "lamP", Symbolics.Expressions.Expr.Zero)
            same m2 (paper "3*(2*gBL)^4/(8*pi^2)*vphi^2")
        }
        test "the full one-loop potential counts vector, fermion and scalar states with their signs" {
            let d = derive (conformal ()) "phi"
            let full = (d.Relations |> Seq.find (fun r -> r.Label = "(2.3)+")).Rhs
            let paperFull =
                paper "lamH/2*HH^2 - lamP*HH*phi^2 + lamPhi/24*phi^4 + (3*(2*gBL)^4 - 2*T + (lamPhi/2)^2 + (lamPhi/6)^2)/(64*pi^2)*phi^4*(log(phi^2/vphi^2) - 25/6)"
                |> fun e -> Rewriting.Substitute(Rewriting.Substitute(e, Symbolics.Expressions.Expr.Real "HH", Symbolics.Expressions.Expr.Real "H'H"), Symbolics.Expressions.Expr.Real "T", Symbolics.Expressions.Expr.Real "tr((YM'YM)^2)")
            same full paperFull
            // stationarity is lamPhi/6 - (44/3) B with B the r^4 loop coefficient, so lamPhi = 88 B (+ portal):
            // the fermion loop B_f = -2 T/(64 pi^2) adds -(11/4) T/pi^2 to (2.5)
            let kept = (d.Relations |> Seq.find (fun r -> r.Label = "(2.5)")).Rhs
            same kept (paper "66*gBL^4/pi^2 - 11/4*T/pi^2 + 12*lamP^2/lamH" |> fun e -> Rewriting.Substitute(e, Symbolics.Expressions.Expr.Real "T", Symbolics.Expressions.Expr.Real "tr((YM'YM)^2)"))
        }
        test "(2.6) and (4.6): <H'H> = lamP <phi>^2/lamH and M_Z' = 2 gBL <phi>" {
            let d = derive (conformal ()) "phi"
            same (rhs d "(2.6)") (paper "lamP*vphi^2/lamH")
            same (rhs d "(2.8)/(4.6)") (paper "2*gBL*vphi")
        }
        test "check cw_minimum(phi) holds for the conformal model" {
            let r = ModelCompilation.FromFile(modelPath "conformal-bl.mdl").RunChecks()
            let o = r.Outcomes |> Seq.find (fun o -> o.Check = "cw_minimum")
            Expect.equal o.Verdict (Holds.Instance :> Verdict) "a radiative minimum"
            Expect.stringContains o.Value "lamPhi = 12*lamP^2/lamH + 66*gBL^4/pi^2" "the relation (2.5), 33*16/8 = 66"
        }
        test "without a gauge charge there is no Coleman-Weinberg minimum" {
            let text = "model m\ngroup U1 : U(1) coupling g\nscalar phi { complex }\nparam lam : real\npotential lam/24*abs(phi)^4\nvev phi -> v\ncheck cw_minimum(phi)\n"
            let o = ModelCompilation.Create(text, "cw.mdl").RunChecks().Outcomes.[0]
            match o.Verdict with
            | :? Fails as f -> Expect.stringContains f.Witness "no U(1) charge" "why"
            | v -> failtestf "expected Fails, got %A" v
        }
        test "a CW scalar with charge 1 and no portal: lamPhi = 33 g^4/(8 pi^2), m^2 = 3 g^4 v^2/(8 pi^2)" {
            let text = "model m\ngroup U1 : U(1) coupling g\nscalar phi { complex, U1: 1 }\nparam lam : real\npotential lam/24*abs(phi)^4\nvev phi -> v\ncheck cw_minimum(phi, seed000)\n"
            let d = derive (compile text) "phi"
            same (rhs d "(2.5)") (paper "33/(8*pi^2)*g^4")
            same (rhs d "(2.9)") (paper "3*g^4/(8*pi^2)*v^2")
            Expect.equal (ModelCompilation.Create(text, "cw.mdl").RunChecks().Overall) (Holds.Instance :> Verdict) "holds"
        }
        test "relations are labelled generically; seed 000's equation numbers only with cw_minimum(phi, seed000)" {
            let text check = $"model m\ngroup U1 : U(1) coupling g\nscalar phi {{ complex, U1: 1 }}\nparam lam : real\npotential lam/24*abs(phi)^4\nvev phi -> v\ncheck {check}\n"
            let generic = derive (compile (text "cw_minimum(phi)")) "phi"
            Expect.equal (generic.Relations |> Seq.map (fun r -> r.Label) |> List.ofSeq)
                [ "full one-loop potential"; "one-loop potential"; "minimisation condition"; "quartic coupling at the minimum"; "scalar mass"; "vector mass" ] "generic labels"
            Expect.isTrue (generic.Relations |> Seq.forall (fun r -> isNull r.Equation && not (r.Description.Contains "(2.")))  "no equation numbers anywhere"
            let numbered = derive (compile (text "cw_minimum(phi, seed000)")) "phi"
            Expect.equal (numbered.Relations |> Seq.map (fun r -> r.Equation) |> List.ofSeq) [ "(2.3)+"; "(2.3)"; "(2.4)"; "(2.5)"; "(2.9)"; "(2.8)/(4.6)" ] "seed 000's numbers"
            Expect.equal (numbered.Relations |> Seq.map (fun r -> r.Kind) |> List.ofSeq) (generic.Relations |> Seq.map (fun r -> r.Kind) |> List.ofSeq) "same kinds"
        }
        test "cw_minimum's second argument can only be seed000" {
            let ids (text: string) = ModelCompilation.Create(text, "cw.mdl").Diagnostics |> Seq.map (fun d -> d.Id, d.Span.Start) |> List.ofSeq
            let text = "model m\nscalar phi { complex }\nvev phi -> v\ncheck cw_minimum(phi, seed001)\n"
            Expect.equal (ids text) [ "MDL0226", text.IndexOf "seed001" ] "at the argument"
        }
        test "cw_minimum needs a scalar argument" {
            let ids (text: string) = ModelCompilation.Create(text, "cw.mdl").Diagnostics |> Seq.map (fun d -> d.Id) |> List.ofSeq
            Expect.equal (ids "model m\nscalar phi { complex }\ncheck cw_minimum\n") [ "MDL0226" ] "no argument"
            Expect.equal (ids "model m\nscalar phi { complex }\ncheck cw_minimum(psi)\n") [ "MDL0226" ] "not a scalar"
        }
        testList "Table 3 from the shipped cards (printed values, with half a unit of their last printed digit)" [
            // (kernel, value printed in Table 3, half a unit of its last digit)
            // gBL_min for Scenario 6 is left out: the printed 0.15 belongs to <phi> = 1.2e4 GeV (misprint).
            let rows =
                // <Y^D> (footnote 13: the average of sqrt(2 m M)/v) is printed as 4e-8 in every column
                [ "5", [ "lambda_P", 8e-7, 0.5e-7; "YM1", 3.6e-5, 0.05e-5; "YM2", 4e-5, 0.5e-5; "YM3", 4e-5, 0.5e-5; "gBL_min", 0.0175, 0.00005; "YD_avg", 4e-8, 0.5e-8 ]
                  "6", [ "lambda_P", 1e-5, 0.5e-5; "YM1", 1.4e-4, 0.05e-4; "YM2", 1.6e-4, 0.05e-4; "YM3", 1.8e-4, 0.05e-4; "YD_avg", 4e-8, 0.5e-8 ]
                  "7", [ "lambda_P", 0.7e-3, 0.05e-3; "YM1", 1.2e-3, 0.05e-3; "YM2", 1.2e-3, 0.05e-3; "YM3", 1.2e-3, 0.05e-3; "gBL_min", 0.5, 0.05; "YD_avg", 4e-8, 0.5e-8 ] ]
            for scenario, values in rows do
                test $"Scenario {scenario}" {
                    let k = evaluate (cardPath scenario) []
                    for name, printed, halfUnit in values do
                        Expect.floatClose { absolute = halfUnit; relative = 0.0 } k.[name].Real printed $"{name}"
                }
            test "M_Z' upper ends: the printed values are the computed ones truncated (220 and 7.4 TeV); Scenario 6's 56 TeV is not" {
                // printed <= computed < printed + one unit of the last printed digit
                for scenario, printed, unit in [ "5", 220e3, 10e3; "7", 7.4e3, 0.1e3 ] do
                    let v = (evaluate (cardPath scenario) []).["MZp_max"].Real
                    Expect.isTrue (printed <= v && v < printed + unit) $"Scenario {scenario}: {v} truncates to {printed}"
                let v6 = (evaluate (cardPath "6") []).["MZp_max"].Real
                Expect.floatClose Accuracy.veryHigh v6 55e3 "2 x 1.1 x 2.5e4 GeV"
                Expect.isFalse (56e3 <= v6 && v6 < 57e3) "the printed 56 TeV does not follow (documented discrepancy)"
            }
            test "lambda_phi bounds: (4.7) as written vs the printed (2 gBL)^2" {
                for scenario, printed, halfUnit in [ "5", 5e-4, 0.5e-4; "7", 0.4, 0.05 ] do
                    let k = evaluate (cardPath scenario) []
                    let g = k.["gBL_min"].Real
                    Expect.floatClose { absolute = 1e-15; relative = 1e-12 } k.["lamPhi_min"].Real (33.0 / (8.0 * Math.PI ** 2.0) * (2.0 * g) ** 4.0) "(4.7)"
                    // the printed bound is half a unit of its digit away from 33/(8 pi^2) (2 g)^2, not from (4.7)
                    let squared = 33.0 / (8.0 * Math.PI ** 2.0) * (2.0 * g) ** 2.0
                    Expect.floatClose { absolute = halfUnit; relative = 0.0 } squared printed $"Scenario {scenario}: (2g)^2 form"
                    // where 2 gBL is far from 1 the two forms differ: (4.7) gives 6.3e-7 for Scenario 5, not 5e-4
                    // (for Scenario 7, 2 gBL = 1.03 and both round to the printed 0.4)
                    if scenario = "5" then
                        Expect.isGreaterThan (abs (k.["lamPhi_min"].Real - printed)) halfUnit "(4.7) itself does not give the printed value"
            }
        ]
    ]
