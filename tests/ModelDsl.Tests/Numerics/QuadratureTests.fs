module ModelDsl.Tests.Numerics.QuadratureTests

open System
open Expecto
open ModelDsl.Numerics.Quadrature

/// K_nu(w) = integral_0^inf exp(-w cosh s) cosh(nu s) ds (DLMF 10.32.9), by the same quadrature; the integrand written as
/// (e^(nu s - w cosh s) + e^(-nu s - w cosh s)) / 2 so that it is 0, not inf * 0, for large s.
let private besselK nu w =
    let g s = 0.5 * (exp (nu * s - w * cosh s) + exp (-nu * s - w * cosh s))
    (GaussKronrod.Integrate(g, 0.0, infinity, 1e-300, 1e-14)).Value

[<Tests>]
let tests =
    testList "Numerics/Quadrature" [
        test "x^22 on [0, 1] (K15 is exact to degree 22)" {
            let r = GaussKronrod.Integrate((fun x -> pown x 22), 0.0, 1.0, 1e-14, 1e-14)
            Expect.isTrue r.Converged "converged"
            Expect.floatClose { absolute = 1e-15; relative = 1e-14 } r.Value (1.0 / 23.0) "1/23"
        }
        test "integral_0^inf e^-x x^n = n! with an honest error estimate" {
            for n in 0 .. 8 do
                let r = GaussKronrod.Integrate((fun x -> exp -x * pown x n), 0.0, infinity, 1e-12, 1e-10)
                let exact = Seq.fold (*) 1.0 (seq { 1.0 .. float n })
                let actual = abs (r.Value - exact)
                printfn "n = %d: value %.16g, error %.2e, estimate %.2e, %d evaluations" n r.Value actual r.Error r.Evaluations
                Expect.isTrue r.Converged $"converged n={n}"
                Expect.isLessThanOrEqual actual (r.Error + 4e-16 * exact) $"actual error within the estimate, n={n}"
                Expect.isLessThan actual (1e-10 * exact + 1e-12) $"within tolerance, n={n}"
        }
        test "integral_1^inf sqrt(x) K1(z sqrt x) dx = 2 K2(z)/z" {
            // Closed form from d/du[u^2 K2(zu)] = -z u^2 K1(zu) (DLMF 10.29.4) with x = u^2; values checked with mpmath
            // (mp.dps = 30, quad and besselk): z = 1: 3.24967779727035496562, z = 2: 0.253759754566055862937.
            for z, exact in [ 1.0, 3.24967779727035496562; 2.0, 0.253759754566055862937 ] do
                let r = GaussKronrod.Integrate((fun x -> sqrt x * besselK 1.0 (z * sqrt x)), 1.0, infinity, 1e-300, 1e-10)
                printfn "z = %g: value %.16g, error %.2e, estimate %.2e" z r.Value (abs (r.Value - exact)) r.Error
                Expect.isTrue r.Converged "converged"
                // The inner K1 carries relative error ~1e-14, far below the outer estimate.
                Expect.isLessThanOrEqual (abs (r.Value - exact)) (r.Error + 1e-13 * exact) "within the estimate"
                Expect.isLessThan (abs (r.Value - exact)) (1e-10 * exact) "within tolerance"
        }
        test "a non-finite integrand gives NaN and not converged" {
            let r = GaussKronrod.Integrate((fun x -> log (x - 0.5)), 0.0, 1.0, 1e-10, 1e-10)
            Expect.isFalse r.Converged "not converged"
            Expect.isTrue (Double.IsNaN r.Value) "NaN"
        }
        test "a divergent integral is not converged, without an exception" {
            let r = GaussKronrod.Integrate((fun x -> 1.0 / x), 0.0, 1.0, 1e-10, 1e-10, 50)
            Expect.isFalse r.Converged "1/x on [0, 1]"
        }
    ]
