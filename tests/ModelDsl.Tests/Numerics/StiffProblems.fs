/// Stiff test problems as IOdeSystem, shared by the CVODE tests and the CVODE-Rosenbrock cross-checks.
module ModelDsl.Tests.Numerics.StiffProblems

open System
open ModelDsl.Numerics.Ode

/// Robertson's chemical kinetics (Hairer and Wanner, Solving ODEs II, 2nd ed., IV.1, eq. (1.4)), y(0) = (1, 0, 0).
let robertson =
    { new IOdeSystem with
        member _.Dimension = 3
        member _.Evaluate(_, y, f) =
            f.[0] <- -0.04 * y.[0] + 1e4 * y.[1] * y.[2]
            f.[2] <- 3e7 * y.[1] * y.[1]
            f.[1] <- -f.[0] - f.[2]
        member _.Jacobian(_, y, j, dfdt) =
            j.[0] <- -0.04; j.[1] <- 1e4 * y.[2]; j.[2] <- 1e4 * y.[1]
            j.[6] <- 0.0; j.[7] <- 6e7 * y.[1]; j.[8] <- 0.0
            for k in 0 .. 2 do j.[3 + k] <- -j.[k] - j.[6 + k]
            dfdt.Fill 0.0 }

/// Reference solution of Robertson at t = 1e11 from the Test Set for IVP Solvers (Mazzia and Magherini, University of
/// Bari, release 2.4, problem ROBER), computed there with RADAU5 at tight tolerance.
let robertsonAt1e11 = [| 0.2083340149701255e-07; 0.8333360770334713e-13; 0.9999999791665050 |]

/// Robertson at t = 40 to the seven digits printed with the ODEPACK LSODE demonstration problem (Hindmarsh 1983), the
/// same digits as the SUNDIALS example cvRoberts_dns prints to five.
let robertsonAt40 = [| 7.158271e-01; 9.185535e-06; 2.841637e-01 |]

/// Van der Pol in Hairer and Wanner's scaled form (Solving ODEs II, IV.1, eq. (1.5')): y1' = y2,
/// y2' = ((1 - y1^2) y2 - y1) / eps, here with eps = 1e-6 as in the test set's VDPOL, y(0) = (2, 0), t in [0, 2].
let vanDerPol (eps: float) =
    { new IOdeSystem with
        member _.Dimension = 2
        member _.Evaluate(_, y, f) =
            f.[0] <- y.[1]
            f.[1] <- ((1.0 - y.[0] * y.[0]) * y.[1] - y.[0]) / eps
        member _.Jacobian(_, y, j, dfdt) =
            j.[0] <- 0.0; j.[1] <- 1.0
            j.[2] <- (-2.0 * y.[0] * y.[1] - 1.0) / eps; j.[3] <- (1.0 - y.[0] * y.[0]) / eps
            dfdt.Fill 0.0 }

/// Van der Pol (eps = 1e-6) at t = 2 from the Test Set for IVP Solvers (Mazzia and Magherini, problem VDPOL), to the 15
/// digits Hairer's RADAU5 drivers quote.
let vanDerPolAt2 = [| 1.70616773217048; -0.892809701024798 |]

/// y' = A y with A = [[-500.5, 499.5], [499.5, -500.5]] (eigenvalues -1 on (1, 1) and -1000 on (1, -1)); from
/// y(0) = (2, 0) the exact solution is y = e^-t (1, 1) + e^-1000t (1, -1).
let stiffLinear =
    { new IOdeSystem with
        member _.Dimension = 2
        member _.Evaluate(_, y, f) =
            f.[0] <- -500.5 * y.[0] + 499.5 * y.[1]
            f.[1] <- 499.5 * y.[0] - 500.5 * y.[1]
        member _.Jacobian(_, _, j, dfdt) =
            j.[0] <- -500.5; j.[1] <- 499.5; j.[2] <- 499.5; j.[3] <- -500.5
            dfdt.Fill 0.0 }

/// The exact solution of <see cref="stiffLinear"/>.
let stiffLinearExact (t: float) = [| exp -t + exp (-1000.0 * t); exp -t - exp (-1000.0 * t) |]

/// Prothero and Robinson's non-autonomous test equation y' = -1000 (y - cos t) - sin t, y(0) = 0, with exact solution
/// y = cos t - e^-1000t (Prothero and Robinson, Math. Comp. 28 (1974) 145, with g = cos).
let protheroRobinson =
    { new IOdeSystem with
        member _.Dimension = 1
        member _.Evaluate(t, y, f) = f.[0] <- -1000.0 * (y.[0] - cos t) - sin t
        member _.Jacobian(t, _, j, dfdt) =
            j.[0] <- -1000.0
            dfdt.[0] <- -1000.0 * sin t - cos t }

/// The exact solution of <see cref="protheroRobinson"/>.
let protheroRobinsonExact (t: float) = cos t - exp (-1000.0 * t)
