module ModelDsl.Tests.Checks.AnomalyTests

open Expecto
open ModelDsl
open ModelDsl.Checks
open ModelDsl.Symbolics.Expressions

/// The outcomes of compiling and checking spec text (it must compile).
let check (text: string) =
    let c = ModelCompilation.Create(text, "test.mdl")
    match c.Spec with
    | null -> failtestf "spec did not compile:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
    | _ -> c.RunChecks()

let outcome (report: CheckReport) item =
    match report.Outcomes |> Seq.tryFind (fun o -> o.Item = item) with
    | Some o -> o
    | None -> failtestf "no outcome %s in %A" item (report.Outcomes |> Seq.map (fun o -> o.Item) |> List.ofSeq)

let expectFailsWith (report: CheckReport) item value =
    let o = outcome report item
    Expect.isTrue (o.Verdict :? Fails) $"{item} must fail, got {o.Verdict}"
    Expect.equal o.Value value $"{item} coefficient"

let expectHolds (report: CheckReport) =
    Expect.equal report.Overall (Holds.Instance :> Verdict) $"all hold: {report.Outcomes |> Seq.filter (fun o -> not (o.Verdict :? Holds)) |> List.ofSeq}"

/// SM x U(1)_B-L with `nuR` generations of right-handed neutrinos (none when 0).
let smBL nuR =
    let nu = if nuR > 0 then $"fermion nuR {{ chirality: right, gen: {nuR}, U1BL: -1 }}" else ""
    $"""
model sm_bl
group SU3c : SU(3)
group SU2L : SU(2)
group U1Y : U(1)
group U1BL : U(1)
fermion Q  {{ chirality: left,  gen: 3, SU3c: 3, SU2L: 2, U1Y: 1/6, U1BL: 1/3 }}
fermion uR {{ chirality: right, gen: 3, SU3c: 3, U1Y: 2/3, U1BL: 1/3 }}
fermion dR {{ chirality: right, gen: 3, SU3c: 3, U1Y: -1/3, U1BL: 1/3 }}
fermion L  {{ chirality: left,  gen: 3, SU2L: 2, U1Y: -1/2, U1BL: -1 }}
fermion eR {{ chirality: right, gen: 3, U1Y: -1, U1BL: -1 }}
{nu}
check anomalies
"""

/// SM x U(1)_X with X = xH Y + xBL (B - L), charges symbolic.
let smX nuR =
    $"""
model sm_x
group SU3c : SU(3)
group SU2L : SU(2)
group U1Y : U(1)
group U1X : U(1)
param xH, xBL : real
fermion Q  {{ chirality: left,  gen: 3, SU3c: 3, SU2L: 2, U1Y: 1/6,  U1X: xH/6 + xBL/3 }}
fermion uR {{ chirality: right, gen: 3, SU3c: 3, U1Y: 2/3,  U1X: 2*xH/3 + xBL/3 }}
fermion dR {{ chirality: right, gen: 3, SU3c: 3, U1Y: -1/3, U1X: -xH/3 + xBL/3 }}
fermion L  {{ chirality: left,  gen: 3, SU2L: 2, U1Y: -1/2, U1X: -xH/2 - xBL }}
fermion eR {{ chirality: right, gen: 3, U1Y: -1, U1X: -xH - xBL }}
fermion nuR {{ chirality: right, gen: {nuR}, U1X: -xBL }}
check anomalies
"""

let smLepton = """
model sm_lmu_ltau
group SU3c : SU(3)
group SU2L : SU(2)
group U1Y : U(1)
group U1mt : U(1)
fermion Q  { chirality: left,  gen: 3, SU3c: 3, SU2L: 2, U1Y: 1/6 }
fermion uR { chirality: right, gen: 3, SU3c: 3, U1Y: 2/3 }
fermion dR { chirality: right, gen: 3, SU3c: 3, U1Y: -1/3 }
fermion Le   { chirality: left, SU2L: 2, U1Y: -1/2 }
fermion Lmu  { chirality: left, SU2L: 2, U1Y: -1/2, U1mt: 1 }
fermion Ltau { chirality: left, SU2L: 2, U1Y: -1/2, U1mt: -1 }
fermion eR   { chirality: right, U1Y: -1 }
fermion muR  { chirality: right, U1Y: -1, U1mt: 1 }
fermion tauR { chirality: right, U1Y: -1, U1mt: -1 }
check anomalies
"""

let sm (eRGen: int) (extra: string) = $"""
model sm
group SU3c : SU(3)
group SU2L : SU(2)
group U1Y : U(1)
fermion Q  {{ chirality: left,  gen: 3, SU3c: 3, SU2L: 2, U1Y: 1/6 }}
fermion uR {{ chirality: right, gen: 3, SU3c: 3, U1Y: 2/3 }}
fermion dR {{ chirality: right, gen: 3, SU3c: 3, U1Y: -1/3 }}
fermion L  {{ chirality: left,  gen: 3, SU2L: 2, U1Y: -1/2 }}
fermion eR {{ chirality: right, gen: {eRGen}, U1Y: -1 }}
{extra}
check anomalies
"""

[<Tests>]
let tests =
    testList "Checks/Anomalies" [
        test "SM x U(1)_B-L with three nu_R is anomaly-free" { expectHolds (check (smBL 3)) }
        test "SM x U(1)_B-L with two nu_R: X^3 and grav coefficients -1" {
            let r = check (smBL 2)
            expectFailsWith r "U1BL^3" "-1"
            expectFailsWith r "grav^2 U1BL" "-1"
            Expect.equal (outcome r "[SU3c]^3").Verdict (Holds.Instance :> Verdict) "colour still fine"
        }
        test "SM x U(1)_B-L without nu_R: X^3 and grav coefficients -3" {
            let r = check (smBL 0)
            expectFailsWith r "U1BL^3" "-3"
            expectFailsWith r "grav^2 U1BL" "-3"
        }
        test "U(1)_{L_mu - L_tau} is anomaly-free without nu_R" { expectHolds (check smLepton) }
        test "U(1)_X = xH Y + xBL (B-L) is anomaly-free for all xH, xBL with three nu_R" { expectHolds (check (smX 3)) }
        test "U(1)_X with two nu_R holds iff xBL = 0" {
            let r = check (smX 2)
            match r.Overall with
            | :? HoldsIff as h -> Expect.equal (List.ofSeq h.Conditions) [ Expr.Real "xBL" :> Expr ] "conditions"
            | v -> failtestf "expected HoldsIff, got %A" v
            let x3 = outcome r "U1X^3"
            Expect.isTrue (x3.Verdict :? HoldsIff) "the X^3 coefficient is conditional"
            Expect.equal x3.Value "-xBL^3" "X^3 residual"
        }
        test "the SM with one e_R removed fails" {
            // each e_R contributes -(-1)^3 = +1 to Y^3 and -(-1) = +1 to grav^2 Y
            let r = check (sm 2 "")
            expectFailsWith r "U1Y^3" "-1"
            expectFailsWith r "grav^2 U1Y" "-1"
        }
        test "an extra lepton doublet fails the Witten check" {
            let r = check (sm 3 "fermion L4 { chirality: left, SU2L: 2, U1Y: -1/2 }")
            let w = outcome r "Witten SU2L"
            Expect.isTrue (w.Verdict :? Fails) "odd number of doublets"
            Expect.equal w.Value "13 doublets" "count"
        }
        test "a pair of vector-like lepton doublets keeps the Witten check" {
            let r = check (sm 3 "fermion L4 { chirality: left, SU2L: 2, U1Y: -1/2 }\nfermion L4c { chirality: right, SU2L: 2, U1Y: -1/2 }")
            expectHolds r
        }
        test "a right-handed doublet counts with its conjugate" {
            // replacing L by a right-handed doublet of opposite hypercharge leaves every coefficient unchanged
            let r = check ((sm 3 "").Replace("fermion L  { chirality: left,  gen: 3, SU2L: 2, U1Y: -1/2 }", "fermion L  { chirality: right, gen: 3, SU2L: 2, U1Y: 1/2 }"))
            expectHolds r
        }
        test "anomaly coefficients do not depend on the order of the fields" {
            let text = smBL 2
            let lines = text.Split('\n')
            let fields = lines |> Array.filter (fun l -> l.StartsWith "fermion")
            let others = lines |> Array.filter (fun l -> not (l.StartsWith "fermion"))
            let reordered = String.concat "\n" (Array.append others (Array.rev fields))
            let a = check text |> fun r -> r.Outcomes |> Seq.map (fun o -> o.Item, o.Value) |> List.ofSeq
            let b = check reordered |> fun r -> r.Outcomes |> Seq.map (fun o -> o.Item, o.Value) |> List.ofSeq
            Expect.equal b a "same coefficients"
        }
    ]

[<Tests>]
let invarianceTests =
    testList "Checks/Invariance" [
        test "a Majorana term phi nuR nuR with phi of charge 1 fails" {
            let r = check """
model m
group U1BL : U(1)
fermion nuR { chirality: right, gen: 3, U1BL: -1 }
scalar phi { complex, U1BL: 1 }
param YM[3,3] : complex symmetric
majorana -1/2*YM[i,j]*phi*nuR[i]*nuR[j] + h.c.
check invariance
"""
            let o = r.Outcomes |> Seq.exactlyOne
            match o.Verdict with
            // phi + nuR + nuR = 1 - 1 - 1 (fields listed in canonical order)
            | :? Fails as f -> Expect.stringContains f.Witness "U1BL charge of nuR*nuR*phi = -1" "witness"
            | v -> failtestf "expected Fails, got %A" v
            Expect.stringContains o.Item "line 7" "located"
        }
        test "the same term with phi of charge 2 holds" {
            let r = check """
model m
group U1BL : U(1)
fermion nuR { chirality: right, gen: 3, U1BL: -1 }
scalar phi { complex, U1BL: 2 }
param YM[3,3] : complex symmetric
majorana -1/2*YM[i,j]*phi*nuR[i]*nuR[j] + h.c.
check invariance
"""
            expectHolds r
        }
        test "Z(3) charges add modulo 3" {
            let spec q = $"""
model m
group Z3 : Z(3)
fermion N1 {{ chirality: right, Z3: 1 }}
fermion N2 {{ chirality: right, Z3: {q} }}
param mN : real
majorana -mN*N1*N2 + h.c.
"""
            expectHolds (check (spec 2))
            expectHolds (check (spec -1))
            Expect.isTrue ((check (spec 1)).Overall :? Fails) "1 + 1 = 2 mod 3"
        }
        test "SU(2): a term with three doublets has no singlet" {
            let r = check """
model m
group SU2L : SU(2)
fermion L { chirality: left, SU2L: 2 }
fermion E { chirality: right }
scalar H { complex, SU2L: 2 }
param y : real
yukawa -y*bar(L)*H*E + h.c.
yukawa -y*bar(L)*H*H*E + h.c.
check invariance
"""
            Expect.equal (r.Outcomes.[0].Verdict) (Holds.Instance :> Verdict) "L-bar H E: two doublets"
            Expect.isTrue (r.Outcomes.[1].Verdict :? Fails) "L-bar H H E: three doublets"
        }
        test "symbolic charges give holds-iff per term" {
            let r = check """
model m
group U1X : U(1)
param q : real
fermion L { chirality: left, U1X: -1 }
fermion N { chirality: right, U1X: q }
scalar H { complex }
param y : real
yukawa -y*bar(N)*H*L + h.c.
check invariance
"""
            match r.Overall with
            | :? HoldsIff as h -> Expect.equal (string h.Conditions.[0]) "q + 1" "q = -1"
            | v -> failtestf "expected HoldsIff, got %A" v
        }
    ]
