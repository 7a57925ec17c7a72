/// Quantities derived from the Lagrangian terms (issue 11; src/ModelDsl.Model/Derivations): each against a value computed
/// here from the formula in the literature, exactly (the derived Expr minus the expected one is zero) where the result is
/// symbolic, or numerically at a card written in the test; and the MDL0292 diagnostics in annotated-text style.
module ModelDsl.Tests.Model.DerivationTests

open System
open System.Numerics
open Expecto
open MathNet.Numerics.LinearAlgebra
open ModelDsl
open ModelDsl.Symbolics.Expressions
open ModelDsl.Symbolics.Algebra
open ModelDsl.Tests.Syntax.DiagnosticTests

/// The compiled spec, or the formatted diagnostics as a failure.
let private compile (text: string) =
    let c = ModelCompilation.Create(text, "derivation.mdl")
    if isNull c.Spec then failtestf "did not compile:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll c.Diagnostics)
    c

/// The matrix of a derived quantity (bound as a texture).
let private derived (c: ModelCompilation) (name: string) = (c.Spec.Textures |> Seq.find (fun t -> t.Name = name)).Matrix

/// Kernel values in GeV (the internal unit) by name, at a card given as text.
let private evaluate (c: ModelCompilation) (card: string) (sets: string[]) =
    let r = c.CreateNumeric(Text.SourceText.From(card, "c.card"), sets)
    match r.Model with
    | null -> failtestf "evaluation failed:\n%s" (Diagnostics.DiagnosticPrinter.FormatAll r.Diagnostics)
    | m -> m.Evaluate().Values |> Seq.map (fun v -> v.Name, v.Value) |> Map.ofSeq

let private re (name: string) = Expr.Real name :> Expr
let private cx (name: string) = Expr.Complex name :> Expr
let private sqrt2 = Expr.Sqrt(Expr.Number 2)
let private frac (p: int) (q: int) = Expr.Fraction(p, q)

/// Exact equality: the difference is zero (ZeroTest: expansion, |z|^2 = z conj(z)).
let private same (what: string) (got: Expr) (want: Expr) = Expect.isTrue (ZeroTest.IsZero(got - want)) $"{what}: {got} = {want}"

/// Every entry of a derived n x m matrix equals `want i j` (1-based).
let private sameMatrix (c: ModelCompilation) (name: string) (want: int -> int -> Expr) =
    let m = derived c name
    for i in 1..m.Rows do
        for j in 1..m.Columns do
            same $"{name}[{i},{j}]" m.[i - 1, j - 1] (want i j)

/// The SM lepton sector with three N: the doublet Yukawa written `yukawa` (either orientation), a diagonal Majorana mass,
/// the charged-lepton Yukawa, and a Majorana Yukawa to a complex singlet phi with a vev (M = y w/sqrt2 when M is absent).
let private leptons (yukawa: string) (extra: string) =
    $"""model w
group SU3c : SU(3) coupling g3
group SU2L : SU(2) coupling g2
group U1Y  : U(1)  coupling g1
fermion Q  {{ chirality: left,  gen: 3, SU3c: 3, SU2L: 2, U1Y: 1/6 }}
fermion L  {{ chirality: left,  gen: 3, SU2L: 2, U1Y: -1/2 }}
fermion eR {{ chirality: right, gen: 3, U1Y: -1 }}
fermion N  {{ chirality: right, gen: 3 }}
scalar  H  {{ complex, SU2L: 2, U1Y: 1/2 }}
param h[3,3], Y[3,3], Ye[3,3] : complex
param M[3] : real mass positive
param v : real mass positive = 246
{yukawa}
yukawa -Ye[a,b]*bar(L[a])*H*eR[b] + h.c.
vev H -> v
{extra}"""

/// -h[a,i] bar(L_a) H~ N_i + h.c. (H~ = conj(H) up to the SU(2) epsilon, which the spec leaves implicit) and -1/2 M_i N_i N_i.
let private typeI = leptons "yukawa -h[a,i]*bar(L[a])*conj(H)*N[i] + h.c.\nmajorana -1/2*M[i]*N[i]*N[i] + h.c."
/// The same coupling written the other way round, -Y[i,a] bar(N_i) H L_a + h.c. (Y = h^dagger).
let private typeIReversed = leptons "yukawa -Y[i,a]*bar(N[i])*H*L[a] + h.c.\nmajorana -1/2*M[i]*N[i]*N[i] + h.c."

// A complex h[3,3] (row a = flavour, column i = heavy neutrino) and M[3] for the width tests, written out here and in the cards.
let private hCard =
    array2D [ [ Complex(1e-3, 2e-4); Complex(-3e-3, 1e-3); Complex(2e-2, -5e-3) ]
              [ Complex(4e-4, -6e-4); Complex(2e-3, 2e-3); Complex(-1e-2, 3e-2) ]
              [ Complex(-7e-4, 1e-4); Complex(5e-3, -4e-3); Complex(6e-3, 1e-2) ] ]
let private mCard = [| 1e9; 3e9; 1e10 |]
/// A complex number as a card writes it (the test's numbers have few digits: %g is exact for them).
let private cardNumber (z: Complex) = if z.Imaginary >= 0.0 then sprintf "%g+%gi" z.Real z.Imaginary else sprintf "%g%gi" z.Real z.Imaginary
/// A matrix as a card's row-major list.
let private cardMatrix (m: Complex[,]) = [ for r in 0..Array2D.length1 m - 1 do for c in 0..Array2D.length2 m - 1 -> cardNumber m.[r, c] ] |> String.concat ", "
let private cardOf (name: string) (m: Complex[,]) =
    let entries = cardMatrix m
    $"card \"c\" for w\nM = (1e9, 3e9, 1e10) GeV\n{name} = ({entries})\n"

/// (h^dagger h)_ii = sum_a |h_ai|^2 from the card's numbers.
let private hdh i = Seq.sum (seq { for a in 0..2 -> hCard.[a, i].Magnitude ** 2.0 })

let private widthKernels = "let Gamma = decay_width(N)\nkernel G1 = Gamma[1]\nkernel G2 = Gamma[2]\nkernel G3 = Gamma[3]\n"

/// N_i (two states, a diagonal Majorana mass M_i) decays into a lighter Majorana fermion X (mass mX) and a complex singlet S.
let private toMajoranaDaughter = """model d
fermion N { chirality: right, gen: 2 }
fermion X { chirality: left }
scalar S { complex }
param y[2] : complex
param M[2] : real mass positive
param mX : real mass positive
yukawa -y[i]*bar(N[i])*S*X + h.c.
majorana -1/2*M[i]*N[i]*N[i] + h.c.
majorana -1/2*mX*X*X + h.c.
let Gamma = decay_width(N)
kernel G1 = Gamma[1]
kernel G2 = Gamma[2]
"""

/// Three doublets L, two N with a general (not symmetric) complex Majorana coupling MR[i,j] and Yukawas yD[3,2].
let private nonDiagonalTerms = """model s
fermion L { chirality: left, gen: 3 }
fermion N { chirality: right, gen: 2 }
scalar H { complex }
param yD[3,2], MR[2,2] : complex   # MR in GeV (a complex coupling takes no unit)
param v : real mass positive = 246
yukawa -yD[a,i]*bar(L[a])*conj(H)*N[i] + h.c.
majorana -1/2*MR[i,j]*N[i]*N[j] + h.c.
vev H -> v
let mnu = light_mass(L, N)
"""
let private nonDiagonal =
    nonDiagonalTerms + String.concat "" [ for a in 1..3 do for b in 1..3 -> $"kernel re{a}{b} = re(mnu[{a},{b}])\nkernel im{a}{b} = im(mnu[{a},{b}])\n" ]

let private yDCard = array2D [ [ Complex(1e-6, 2e-7); Complex(-3e-6, 1e-6) ]; [ Complex(4e-7, -6e-7); Complex(2e-6, 2e-6) ]; [ Complex(-7e-7, 1e-7); Complex(5e-6, -4e-6) ] ]
let private mRCard = array2D [ [ Complex(1000.0, 0.0); Complex(300.0, 200.0) ]; [ Complex(100.0, -400.0); Complex(2500.0, 500.0) ] ]

[<Tests>]
let tests =
    testList "Model/Derivations" [
        // ---- decay widths ----
        // Gamma(N_i -> L H) + Gamma(N_i -> Lbar H*) = M_i (h^dagger h)_ii/(8 pi) (Buchmuller, Di Bari, Plumacher,
        // hep-ph/0401240, eq. 9; Davidson, Nardi, Nir 0802.2962, eq. 61 with massless daughters). Same formula in double: 1e-12.
        test "decay_width: Gamma_i = M_i (h^dagger h)_ii/(8 pi) for -h[a,i] bar(L[a]) conj(H) N[i] + h.c., at a card with complex h" {
            let k = evaluate (compile (typeI widthKernels)) (cardOf "h" hCard) [||]
            for i in 0..2 do
                let want = mCard.[i] * hdh i / (8.0 * Math.PI)
                Expect.floatClose { absolute = 0.0; relative = 1e-12 } k.[$"G{i + 1}"].Real want $"Gamma_{i + 1}"
                Expect.equal k.[$"G{i + 1}"].Imaginary 0.0 "real"
            Expect.isGreaterThan k.["G1"].Real 0.0 "not 0 = 0"
        }
        test "decay_width reads the term written the other way round: -Y[i,a] bar(N[i]) H L[a] + h.c. with Y = h^dagger, the same widths" {
            let hDagger = Array2D.init 3 3 (fun i a -> Complex.Conjugate hCard.[a, i])
            let k = evaluate (compile (typeIReversed widthKernels)) (cardOf "Y" hDagger) [||]
            for i in 0..2 do
                Expect.floatClose { absolute = 0.0; relative = 1e-12 } k.[$"G{i + 1}"].Real (mCard.[i] * hdh i / (8.0 * Math.PI)) $"Gamma_{i + 1}"
        }
        // N_i -> X S and N_i -> X S* (complex S, two distinct final states, no interference), each with one chirality:
        // sum over spins |M|^2 = 2 |y|^2 p.k = |y|^2 (M^2 + m^2), |p| = (M^2 - m^2)/(2M), Gamma = |p| |y|^2 (M^2 + m^2)/(16 pi M^2)
        // per channel, so both: |y|^2 M (1 - r^2)/(16 pi), r = m^2/M^2 (computed here by hand); zero for m >= M.
        test "decay_width into a Majorana daughter: the factor 1 - r^2, r = (mX/M_i)^2, and the threshold (closed for mX >= M_i)" {
            let c = compile toMajoranaDaughter
            let y1, y2 = Complex(0.1, 0.2), Complex(0.3, -0.1)
            let card mX = $"card \"c\" for d\nM = (100, 300) GeV\nmX = {mX} GeV\ny = (0.1+0.2i, 0.3-0.1i)\n"
            let width (y: Complex) (m: float) (mX: float) =
                if mX >= m then 0.0
                else let r = (mX / m) ** 2.0 in y.Magnitude ** 2.0 * m * (1.0 - r * r) / (16.0 * Math.PI)
            for mX in [ 50.0; 200.0; 299.0; 300.0; 400.0 ] do
                let k = evaluate c (card mX) [||]
                Expect.floatClose { absolute = 1e-300; relative = 1e-12 } k.["G1"].Real (width y1 100.0 mX) $"Gamma_1 at mX = {mX}"
                Expect.floatClose { absolute = 1e-300; relative = 1e-12 } k.["G2"].Real (width y2 300.0 mX) $"Gamma_2 at mX = {mX}"
            // a control: mX = 50 GeV is not the massless width (the factor 1 - r^2 = 1 - 1/256 for N_1 is applied)
            let k = evaluate c (card 50.0) [||]
            Expect.isLessThan k.["G1"].Real (y1.Magnitude ** 2.0 * 100.0 / (16.0 * Math.PI) * (1.0 - 1e-3)) "below the massless width"
        }
        test "decay_width into a massless daughter (no Majorana mass for X): exactly |y_i|^2 M_i/(16 pi)" {
            let c = compile (toMajoranaDaughter.Replace("majorana -1/2*mX*X*X + h.c.\n", ""))
            let k = evaluate c "card \"c\" for d\nM = (100, 300) GeV\nmX = 1 GeV\ny = (0.1+0.2i, 0.3-0.1i)\n" [||]
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } k.["G2"].Real (0.1 * 300.0 / (16.0 * Math.PI)) "|0.3-0.1i|^2 = 0.1"
        }

        // A real S: N -> X S from the term and from its h.c. is one final state; for a massless X the helicities do not
        // interfere and sum |M|^2 = 4 |y|^2 p.k gives again |y|^2 M/(16 pi); a massive Majorana X is refused (MDL0292, below).
        test "decay_width with a real scalar and a massless daughter: |y_i|^2 M_i/(16 pi)" {
            let c = compile (toMajoranaDaughter.Replace("majorana -1/2*mX*X*X + h.c.\n", "").Replace("scalar S { complex }", "scalar S { real }"))
            let k = evaluate c "card \"c\" for d\nM = (100, 300) GeV\nmX = 1 GeV\ny = (0.1+0.2i, 0.3-0.1i)\n" [||]
            Expect.floatClose { absolute = 0.0; relative = 1e-12 } k.["G1"].Real (0.05 * 100.0 / (16.0 * Math.PI)) "|0.1+0.2i|^2 = 0.05"
        }

        // ---- mass matrices after the vevs (exact) ----
        test "yukawa_matrix(L, N) is h in -h bar(L) H~ N, and Y^dagger when the term is -Y bar(N) H L" {
            sameMatrix (compile (typeI "let hh = yukawa_matrix(L, N)\n")) "hh" (fun a i -> cx $"h[{a},{i}]")
            sameMatrix (compile (typeIReversed "let hh = yukawa_matrix(L, N)\n")) "hh" (fun a i -> Expr.Conj(cx $"Y[{i},{a}]"))
        }
        // <H> = v/sqrt2 (v = 246 GeV): the neutral components give m_D = h v/sqrt2 (0802.2962 eq. 3)
        test "dirac_mass(L, N) = h v/sqrt2 exactly (and Y^dagger v/sqrt2 for the reversed term)" {
            sameMatrix (compile (typeI "let mD = dirac_mass(L, N)\n")) "mD" (fun a i -> cx $"h[{a},{i}]" * re "v" / sqrt2)
            sameMatrix (compile (typeIReversed "let mD = dirac_mass(L, N)\n")) "mD" (fun a i -> Expr.Conj(cx $"Y[{i},{a}]") * re "v" / sqrt2)
        }
        test "majorana_mass of -1/2*M[i]*N[i]*N[i] is diag(M) exactly" {
            sameMatrix (compile (typeI "let MN = majorana_mass(N)\n")) "MN" (fun i j -> if i = j then re $"M[{i}]" else Expr.Zero)
        }
        // L = -1/2 y_ij phi N_i N_j + h.c., <phi> = w/sqrt2: M = y w/sqrt2 for symmetric y; N_i N_j = N_j N_i, so a general
        // y enters through its symmetric part (y + y^T)/2 (seed 000 eq. 2.12 with |<phi>| = w/sqrt2)
        test "majorana_mass of -1/2*y[i,j]*phi*N[i]*N[j] with vev phi -> w is (y + y^T)/2 w/sqrt2; of -1/2*y[i]*phi*N[i]*N[i], diag(y) w/sqrt2" {
            let spec term = leptons "" $"scalar phi {{ complex }}\nparam yM[3,3], yd[3] : complex\nparam w : real mass positive\n{term}\nvev phi -> w\nlet MN = majorana_mass(N)\n"
            let c = compile (spec "majorana -1/2*yM[i,j]*phi*N[i]*N[j] + h.c.")
            sameMatrix c "MN" (fun i j -> (cx $"yM[{i},{j}]" + cx $"yM[{j},{i}]") / Expr.Number 2 * re "w" / sqrt2)
            let d = compile (spec "majorana -1/2*yd[i]*phi*N[i]*N[i] + h.c.")
            sameMatrix d "MN" (fun i j -> if i = j then cx $"yd[{i}]" * re "w" / sqrt2 else Expr.Zero)
        }

        // ---- seesaw ----
        // m_nu = -m_D M^-1 m_D^T (0802.2962 eq. 3), M the symmetric part of MR; inverted here with MathNet.Numerics (LU).
        // The 2x2 M of the card has condition number ~3; double rounding ~1e-15 relative, 1e-12 to the largest entry.
        test "light_mass with a non-diagonal Majorana matrix equals -m_D M^-1 m_D^T computed with MathNet (M = (MR + MR^T)/2)" {
            let card = $"card \"c\" for s\nyD = ({cardMatrix yDCard})\nMR = ({cardMatrix mRCard})\n"
            let k = evaluate (compile nonDiagonal) card [||]
            let mD = Matrix<Complex>.Build.DenseOfArray(yDCard).Multiply(Complex(246.0 / sqrt 2.0, 0.0))
            let mr = Matrix<Complex>.Build.DenseOfArray mRCard
            let m = (mr + mr.Transpose()).Divide(Complex(2.0, 0.0))
            let light = (mD * m.Inverse() * mD.Transpose()).Negate()
            let scale = light.Enumerate() |> Seq.map (fun x -> x.Magnitude) |> Seq.max
            for a in 1..3 do
                for b in 1..3 do
                    let want = light.[a - 1, b - 1]
                    Expect.floatClose { absolute = 1e-12 * scale; relative = 0.0 } k.[$"re{a}{b}"].Real want.Real $"re m[{a},{b}]"
                    Expect.floatClose { absolute = 1e-12 * scale; relative = 0.0 } k.[$"im{a}{b}"].Real want.Imaginary $"im m[{a},{b}]"
            // a control: the symmetric part matters (MR itself would give another matrix)
            let unsymmetrised = (mD * mr.Inverse() * mD.Transpose()).Negate()
            Expect.isGreaterThan (abs (unsymmetrised.[0, 1].Real - light.[0, 1].Real)) (1e-6 * scale) "MR != (MR + MR^T)/2 here"
        }

        // ---- thermal masses (m^2/T^2) ----
        // Weldon PRD 26 (1982) 2789: a Weyl fermion gets m^2/T^2 = (1/8) sum g^2 C2(r) from gauge bosons; SU(2) doublet C2 = 3/4,
        // U(1)_Y: Y^2 = 1/4 for L; so (3 g^2 + g'^2)/32 (Giudice et al. hep-ph/0310123, Table 4).
        test "thermal_mass(L, gauge) = (3 g2^2 + g1^2)/32 on the diagonal, exactly" {
            let c = compile (typeI "let mL2 = thermal_mass(L, gauge)\n")
            sameMatrix c "mL2" (fun a b -> if a = b then (Expr.Number 3 * Expr.Pow(re "g2", 2) + Expr.Pow(re "g1", 2)) / Expr.Number 32 else Expr.Zero)
        }
        // Q: C2(3) = 4/3 of SU(3), 3/4 of SU(2), Y = 1/6: g3^2/6 + 3 g2^2/32 + g1^2/288
        test "thermal_mass(Q, gauge) = g3^2/6 + 3 g2^2/32 + g1^2/288, exactly" {
            let c = compile (typeI "let mQ2 = thermal_mass(Q, gauge)\n")
            let want = Expr.Pow(re "g3", 2) / Expr.Number 6 + frac 3 32 * Expr.Pow(re "g2", 2) + Expr.Pow(re "g1", 2) / Expr.Number 288
            sameMatrix c "mQ2" (fun a b -> if a = b then want else Expr.Zero)
        }
        // Yukawa parts (hep-ph/0310123): m_L^2/T^2 gets (h h^dagger)/16 from the N coupling (one N per doublet component) and
        // (Ye Ye^dagger)/16 from e_R; the singlet N gets (h^dagger h)/8 (it couples to both doublet components).
        test "thermal_mass(L, h) = (h h^dagger)/16, thermal_mass(L, Ye) = (Ye Ye^dagger)/16, thermal_mass(L) = gauge + both" {
            let c = compile (typeI "let mh = thermal_mass(L, h)\nlet me = thermal_mass(L, Ye)\nlet mall = thermal_mass(L)\nlet mgh = thermal_mass(L, gauge, h)\n")
            let hhd a b = Expr.Add [ for i in 1..3 -> cx $"h[{a},{i}]" * Expr.Conj(cx $"h[{b},{i}]") ]
            let yyd a b = Expr.Add [ for j in 1..3 -> cx $"Ye[{a},{j}]" * Expr.Conj(cx $"Ye[{b},{j}]") ]
            let gauge a b = if a = b then (Expr.Number 3 * Expr.Pow(re "g2", 2) + Expr.Pow(re "g1", 2)) / Expr.Number 32 else Expr.Zero
            sameMatrix c "mh" (fun a b -> hhd a b / Expr.Number 16)
            sameMatrix c "me" (fun a b -> yyd a b / Expr.Number 16)
            sameMatrix c "mall" (fun a b -> gauge a b + (hhd a b + yyd a b) / Expr.Number 16)
            sameMatrix c "mgh" (fun a b -> gauge a b + hhd a b / Expr.Number 16)
        }
        test "thermal_mass(N) of a singlet from the doublet Yukawa: (h^dagger h)/8, no gauge part; the same for the reversed term" {
            sameMatrix (compile (typeI "let mN2 = thermal_mass(N)\n")) "mN2" (fun i j -> Expr.Add [ for a in 1..3 -> Expr.Conj(cx $"h[{a},{i}]") * cx $"h[{a},{j}]" ] / Expr.Number 8)
            // h = Y^dagger: (h^dagger h)_ij = sum_a Y[i,a] conj(Y[j,a])
            sameMatrix (compile (typeIReversed "let mN2 = thermal_mass(N)\n")) "mN2" (fun i j -> Expr.Add [ for a in 1..3 -> cx $"Y[{i},{a}]" * Expr.Conj(cx $"Y[{j},{a}]") ] / Expr.Number 8)
        }
        // Seed 000 (3.23): Delta M^2(T) = Delta|Y^M|^2 (|<phi>|^2 Theta + T^2/16), i.e. m_i^2/T^2 = |y_i|^2/16 for
        // -1/2 y_i phi N_i N_i (and (3.21): V^M = |Y^M|^2_ij T/32 = m^2_ij/(2T), a general symmetric Y^M gives (Y^M^dagger Y^M)/16).
        test "thermal_mass(N, yd) = |y_i|^2/16 for -1/2*yd[i]*phi*N[i]*N[i] (seed 000 eq. 3.23); with the doublet Yukawa, selection by name" {
            let c = compile (typeI "scalar phi { complex }\nparam yd[3] : complex\nmajorana -1/2*yd[i]*phi*N[i]*N[i] + h.c.\nlet mphi = thermal_mass(N, yd)\nlet mh = thermal_mass(N, h)\nlet mall = thermal_mass(N)\n")
            let phiPart i j = if i = j then Expr.Pow(Expr.Abs(cx $"yd[{i}]"), 2) / Expr.Number 16 else Expr.Zero
            let hPart i j = Expr.Add [ for a in 1..3 -> Expr.Conj(cx $"h[{a},{i}]") * cx $"h[{a},{j}]" ] / Expr.Number 8
            sameMatrix c "mphi" phiPart
            sameMatrix c "mh" hPart
            sameMatrix c "mall" (fun i j -> phiPart i j + hPart i j)
        }
        test "thermal_mass(N) for a general -1/2*yM[i,j]*phi*N[i]*N[j]: (S^dagger S)/16 with S = (yM + yM^T)/2 (seed 000 eq. 3.21)" {
            let c = compile (leptons "" "scalar phi { complex }\nparam yM[3,3] : complex\nmajorana -1/2*yM[i,j]*phi*N[i]*N[j] + h.c.\nlet mphi = thermal_mass(N, yM)\n")
            let s i j = (cx $"yM[{i},{j}]" + cx $"yM[{j},{i}]") / Expr.Number 2
            sameMatrix c "mphi" (fun i j -> Expr.Add [ for k in 1..3 -> Expr.Conj(s k i) * s k j ] / Expr.Number 16)
        }

        // Regressions of the second reading: one operator written in two terms adds before squaring; a massless state has no width
        test "decay_width: two terms with the same operator add before squaring, |h + dh|^2 M/(8 pi) (exact)" {
            let c = compile (leptons "yukawa -h[a,i]*bar(L[a])*conj(H)*N[i] + h.c.\nyukawa -Y[a,i]*bar(L[a])*conj(H)*N[i] + h.c.\nmajorana -1/2*M[i]*N[i]*N[i] + h.c." "let Gamma = decay_width(N)\n")
            let g = derived c "Gamma"
            for i in 1..3 do
                let sum = Expr.Add [ for a in 1..3 -> Expr.Pow(Expr.Abs(cx $"h[{a},{i}]" + cx $"Y[{a},{i}]"), Expr.Number 2) ]
                same $"Gamma[{i}]" g.[i - 1, 0] (Expr.Abs(re $"M[{i}]") * sum / (Expr.Number 8 * re "pi"))
        }
        test "decay_width: a state with zero Majorana mass has width 0 (no division by its mass), the others M_i |y_i|^2/(16 pi)" {
            let text = "model z\nfermion N { chirality: right, gen: 2 }\nfermion X { chirality: right }\nscalar S { complex }\nparam y[2] : complex\nparam mX : real mass positive\ntexture MN = matrix(row(0, 0), row(0, 5))\nyukawa -y[i]*bar(N[i])*S*X + h.c.\nmajorana -1/2*MN[i,j]*N[i]*N[j] + h.c.\nmajorana -1/2*mX*X*X + h.c.\nlet G = decay_width(N)\n"
            let g = derived (compile text) "G"
            same "G[1]" g.[0, 0] Expr.Zero
            Expect.isFalse g.[1, 0].IsZero "the massive state decays"
        }
        // ---- MDL0292: exactly one error, at the marked span (the basis of Syntax/Diagnostics: L, H, y, Y; U1 has no coupling name) ----
        let n = "fermion N { chirality: right, gen: 3 }\n"
        let yukawa = "yukawa -Y[a,i]*bar(L[a])*conj(H)*N[i] + h.c.\n"
        let majorana = "param M[3] : real mass positive\nmajorana -1/2*M[i]*N[i]*N[i] + h.c.\n"
        let n2 = "fermion N { chirality: right, gen: 2 }\nparam Y2[3,2] : complex\nyukawa -Y2[a,i]*bar(L[a])*conj(H)*N[i] + h.c.\nvev H -> y\n"
        caseSays "MDL0292" (n + majorana + "let m = majorana_mass(⟦Nx⟧)\n") "'Nx' is not a field of the model"
        caseSays "MDL0292" (n + majorana + yukawa + "vev H -> y\nlet m = dirac_mass(L, ⟦H⟧)\n") "'H' is not a fermion field"
        caseSays "MDL0292" (n + yukawa + "let G = ⟦decay_width(N)⟧\n") "N has no Majorana mass term"
        caseSays "MDL0292" (n + yukawa + "param MR[3,3] : complex\nmajorana -1/2*MR[i,j]*N[i]*N[j] + h.c.\nlet G = ⟦decay_width(N)⟧\n") "in its mass basis"
        caseSays "MDL0292" ("fermion N { chirality: right, gen: 2 }\nfermion X { chirality: right, gen: 2 }\nscalar S { complex }\nparam yy[2,2] : complex\nparam MM[2] : real mass positive\nparam MX[2,2] : complex symmetric\nyukawa -yy[i,k]*bar(N[i])*S*X[k] + h.c.\nmajorana -1/2*MM[i]*N[i]*N[i] + h.c.\nmajorana -1/2*MX[k,l]*X[k]*X[l] + h.c.\nlet G = ⟦decay_width(N)⟧\n") "whose Majorana mass matrix has off-diagonal entries"
        caseSays "MDL0292" ("fermion N { chirality: right, gen: 2 }\nfermion X { chirality: left }\nscalar S { real }\nparam yy[2] : complex\nparam MM[2] : real mass positive\nyukawa -yy[i]*bar(N[i])*S*X + h.c.\nmajorana -1/2*MM[i]*N[i]*N[i] + h.c.\nmajorana -1/2*y*X*X + h.c.\nlet G = ⟦decay_width(N)⟧\n") "make S complex or X massless"
        caseSays "MDL0292" (n2 + "majorana -1/2*y*N[1]*N[1] + h.c.\nlet m = ⟦light_mass(L, N)⟧\n") "singular"
        caseSays "MDL0292" (n2 + "texture T = matrix(row(y, y), row(y, y))\nmajorana -1/2*T[i,j]*N[i]*N[j] + h.c.\nlet m = ⟦light_mass(L, N)⟧\n") "singular"
        caseSays "MDL0292" (n + majorana + yukawa + "let m = ⟦dirac_mass(L, N)⟧\n") "no vev for H: declare it, e.g. vev H -> v"
        caseSays "MDL0292" (n + "scalar Phi { complex, SU2: 2, U1: 1/2 }\nyukawa -Y[a,i]*bar(L[a])*conj(Phi)*N[i] + h.c.\nlet m = ⟦dirac_mass(L, N)⟧\n") "no vev for Phi: declare it, e.g. vev Phi -> v"
        caseSays "MDL0292" "let m = thermal_mass(⟦H⟧)\n" "a scalar's also depends on its quartic couplings"
        caseSays "MDL0292" (n + yukawa + "let m = thermal_mass(L, ⟦gauje⟧)\n") "neither 'gauge' nor a coupling of L's Yukawa or Majorana terms (Y)"
        caseSays "MDL0292" (n + yukawa + "let m = ⟦thermal_mass(L, gauge)⟧\n") "U1, which has no coupling name"
        caseSays "MDL0292" (n + yukawa + "scalar H2 { complex, SU2: 2, U1: 1/2 }\nparam Y3[3,3] : complex\nyukawa -Y3[a,i]*bar(L[a])*conj(H2)*N[i] + h.c.\nlet h = ⟦yukawa_matrix(L, N)⟧\n") "name the scalar, e.g. yukawa_matrix(L, N, H)"
        caseSays "MDL0292" (n + "yukawa -T[a,i]*bar(L[a])*conj(H)*N[i] + h.c.\nvev H -> y\nlet m = ⟦dirac_mass⟧(L, N)\ntexture T = matrix(row(y, y, y), row(y, y, y), row(y, y, y))\n") "the coupling 'T' of one of them is declared below this line"
        caseSays "MDL0292" (n + majorana + "let m = majorana_mass(⟦N[1]⟧)\n") "are names (fields), not expressions"
        caseSays "MDL0292" (n + majorana + "let m = majorana_mass(⟦2*N⟧)\n") "are names (fields), not expressions"
        caseSays "MDL0292" (n + majorana + "let m = ⟦majorana_mass()⟧\n") "takes 1 argument, not 0"
    ]
