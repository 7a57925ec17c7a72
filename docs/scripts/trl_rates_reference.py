#!/usr/bin/env python3
"""Independent reference numbers for seed 001's Boltzmann rates (issue 10), with mpmath only.

Run from anywhere: python3 docs/scripts/trl_rates_reference.py   (about a minute)

This script does not read the spec. It computes, from the formulas of shared/reference/trl-formulas.md
(sections 4.3 and 5) written out again here, the numbers the compiled `integral(...)` rates of
models/drafts/trl-boltzmann.mdl.part must reproduce:

1. The Luty integrals of the Delta L = 1 top scatterings for degenerate masses (a_al = 1), in the
   ORIGINAL variable x = s/m_N^2 (the spec uses t = z sqrt(x); an independent form on purpose):
     I_s(z) = int_1^inf ((x - 1)/x)^2 sqrt(x) K1(z sqrt x) dx                          (s-channel)
     I_t(z) = int_1^inf f_t(x, a_r) sqrt(x) K1(z sqrt x) dx,  a_r = m_L^2/m_N^2 = c_L/z^2  (one t-channel process)
     f_t(y, a) = (y - 1)/y [ (y - 2 + 2a)/(y - 1 + a) + (1 - 2a)/(y - 1) ln((y - 1 + a)/a) ],
     c_L = (3 g^2 + g'^2)/32 with g = 0.65, g' = 0.36 (m_L^2 = c_L T^2, T = m_N/z).
   Both f_s = ((x-1)/x)^2 and f_t are the reduced cross sections divided by 3 h_t^2 |h|^2/(4 pi).
   Check of f_t: it is recomputed here by integrating |M|^2 ~ u (m^2 + u)/(u + m_reg^2)^2 over
   u in [0, s - m^2] numerically (sigma_hat = 6 |h|^2 h_t^2/(8 pi s) * int du ...).
   The rates: gamma_s/n_gamma = 2 x m^4/(64 pi^4 z) x (3 h_t^2/(4 pi)) sum_l |h_l|^2 x I_s / n_gamma
   (2: the process and its CP conjugate, gamma^X_Y of (4.33)), n_gamma = 2 zeta(3) T^3/pi^2; the
   t-channel has two processes, so 4 x ... x I_t. Also given: the ratios to the decay rate
   gamma_D = n_eq K1/K2 Gamma (n_eq = m^2 T K2/pi^2), which do not depend on the couplings:
     S_s/D = 3 h_t^2 I_s/(16 pi^2 K1(z)),  S_t/D = 3 h_t^2 2 I_t/(16 pi^2 K1(z)).

2. The single-N Delta L = 2 reduced cross sections (section 4.3, [R]) with the RIS-subtracted
   propagator, at z = 1, LITERALLY at the finite c = (Gamma/m)^2 of a = b = c = 1e-4
   ((h^dagger h)_aa = 3e-8, Gamma/m = 3e-8/(8 pi)), in high precision with the pole resolved:
     J(z) = int_0^inf [b_s(x) + b_t(x)] sqrt(x) K1(z sqrt x) dx,
     b_s = 1 + 1/D + (x/2) P_RIS - (1 + (x + 1)/D) ln(1 + x)/x,  1/D = (x - 1)/((x - 1)^2 + c),
     P_RIS = ((x - 1)^2 - c)/((x - 1)^2 + c)^2,   b_t = x/(1 + x) + ln(1 + x)/(x + 2),
   (sigma_hat = (h^dagger h)^2/(2 pi) b). The spec writes the c -> 0 limit (principal values, the
   x/2 P_RIS term integrated by parts); this script also evaluates that form, as a check of the
   rewrite (they must agree to O(sqrt c) = 1e-9).
   Rate: Gamma^W(l)/n_gamma... = sum_al |h_l al|^2 (h^dagger h)_al al x 2 m^4/(64 pi^4 z) J/(2 pi) / n_gamma.

3. K = Gamma_N1/H(m_N) of samples/trl/strong-washout.card (a = b = c = 1e-4, h = h0, m_N = 1 TeV) with
   the tree width m (h^dagger h)_11/(8 pi) and H(T) = sqrt(4 pi^3 g_eff/45) T^2/M_Pl (4.21),
   M_Pl = 1.22e19 GeV, for g_eff = 106.75 and HP model C's g_eff(1 TeV) = 104.46173 (the table row
   at T = 1000 GeV), and Section 5's approximate solutions (5.3), (5.8), (5.11), (5.13)/(5.14) there,
   with eps_N = 1.3689770 (the pinned tri-resonant value of tests/.../TrlKernelTests.fs) and d = 1/27.
"""
import functools

import mpmath as mp

mp.mp.dps = 20   # 40 digits inside j_literal
Z3 = mp.zeta(3)
H_T, G_W, G_Y = mp.mpf('0.99'), mp.mpf('0.65'), mp.mpf('0.36')
C_L = (3 * G_W**2 + G_Y**2) / 32
M_PL = mp.mpf('1.22e19')


def k1(x):
    return mp.besselk(1, x)


def f_t(y, a):
    """t-channel reduced cross section / (3 h_t^2 |h|^2/(4 pi)), trl-formulas.md 4.3."""
    return (y - 1) / y * ((y - 2 + 2 * a) / (y - 1 + a) + (1 - 2 * a) / (y - 1) * mp.log((y - 1 + a) / a))


def f_t_from_amplitude(y, a):
    """The same, from |M|^2 ~ u(1 + u)/(u + a)^2 (units of m_N^2) integrated over u in [0, y - 1]:
    sigma_hat = (1/(8 pi s)) 6 |h|^2 h_t^2 m^2 int du ... = (3 h_t^2 |h|^2/(4 pi)) (1/y) int du ..."""
    return mp.quad(lambda u: u * (1 + u) / (u + a)**2, [0, y - 1]) / y


def luty(f, z):
    """int_1^inf f(x) sqrt(x) K1(z sqrt x) dx, split where K1 varies (scale 1/z^2 in x)."""
    s = 1 / z**2
    pts = [1, 1 + s / 100, 1 + s, 1 + 10 * s, 1 + 100 * s, 1 + 2000 * s, mp.inf]
    pts = sorted(set(p for p in pts if p >= 1))
    return mp.quad(lambda x: f(x) * mp.sqrt(x) * k1(z * mp.sqrt(x)), pts)


@functools.lru_cache(maxsize=None)
def i_s(z):
    return luty(lambda x: ((x - 1) / x)**2, z)


@functools.lru_cache(maxsize=None)
def i_t(z):
    a = C_L / z**2
    return luty(lambda x: f_t(x, a), z)


def b_t(x):
    return x / (1 + x) + mp.log1p(x) / (x + 2)


def j_literal(z, c):
    """Delta L = 2, single N, RIS-subtracted, at finite c: the pole region resolved by breakpoints."""
    def b_s(x):
        u = x - 1
        inv_d = u / (u * u + c)
        p_ris = (u * u - c) / (u * u + c)**2
        return 1 + inv_d + x / 2 * p_ris - (1 + (x + 1) * inv_d) * mp.log1p(x) / x

    def g(x):
        return (b_s(x) + b_t(x)) * mp.sqrt(x) * k1(z * mp.sqrt(x))

    with mp.workdps(40):   # terms of size 1/c cancel near the pole
        r = mp.sqrt(c)
        near = [1 + s * r * 10**k for k in range(0, 8) for s in (-1, 1)]
        pts = sorted(set([mp.mpf(0), mp.mpf('0.5'), mp.mpf(1), mp.mpf(2), mp.mpf(4) / z**2 + 2] + near)) + [mp.inf]
        return +mp.quad(g, pts)


def j_narrow_width(z):
    """The c -> 0 form the spec writes: regular part + PV int_0^inf G(x)/(x - 1) dx with
    G = [1 - (x + 1) ln(1 + x)/x] k(x) + d/dx[(x/2) k(x)], k(x) = sqrt(x) K1(z sqrt x),
    d/dx[(x/2) k] = sqrt(x) K1(z sqrt x)/2 - z x K0(z sqrt x)/4."""
    def k(x):
        return mp.sqrt(x) * k1(z * mp.sqrt(x))

    def G(x):
        w = z * mp.sqrt(x)
        return (1 - (x + 1) * mp.log1p(x) / x) * k(x) + mp.sqrt(x) * k1(w) / 2 - z * x * mp.besselk(0, w) / 4

    reg = mp.quad(lambda x: (1 - mp.log1p(x) / x + b_t(x)) * k(x), [0, 1, 2, 4 / z**2 + 2, mp.inf])
    pv = mp.quad(lambda u: (G(1 + u) - G(1 - u)) / u, [0, 1]) \
        + mp.quad(lambda x: G(x) / (x - 1), [2, 4 / z**2 + 2, mp.inf])
    return reg + pv


def main():
    print("c_L = (3 g^2 + g'^2)/32 =", mp.nstr(C_L, 10))
    print("check f_t against the |M|^2 integral (y, a_r):")
    for y, a in [('1.5', '0.044'), ('10', '0.0044'), ('3', '4.4')]:
        y, a = mp.mpf(y), mp.mpf(a)
        print("  f_t(%s, %s) = %s   from |M|^2: %s" % (y, a, mp.nstr(f_t(y, a), 15), mp.nstr(f_t_from_amplitude(y, a), 15)))

    print("\n1. Delta L = 1 top scatterings, degenerate masses (x = s/m_N^2, threshold 1)")
    print("   z        I_s(z)                 I_t(z) [a_r = c_L/z^2]     S_s/D                  S_t/D (both t processes)")
    for z in ['0.1', '1', '10']:
        z = mp.mpf(z)
        s, t = i_s(z), i_t(z)
        ss_d = 3 * H_T**2 * s / (16 * mp.pi**2 * k1(z))
        st_d = 3 * H_T**2 * 2 * t / (16 * mp.pi**2 * k1(z))
        print("   %-8s %-22s %-26s %-22s %s" % (mp.nstr(z, 3), mp.nstr(s, 15), mp.nstr(t, 15), mp.nstr(ss_d, 15), mp.nstr(st_d, 15)))

    # absolute rates at a = b = c = 1e-4, m = 1 TeV, per flavour l (|h_l al|^2 = a^2 for every al), summed over al:
    a, m = mp.mpf('1e-4'), mp.mpf(1000)
    print("\n   absolute, a = b = c = 1e-4 (tree |h_l al|^2 = 1e-8), m_N = 1 TeV, per flavour l, summed over the 3 N:")
    print("   z        Gamma^D(l)/n_gamma [GeV]  Gamma^S_s(l) [GeV]        Gamma^S_t(l) [GeV]")
    for z in ['0.1', '1', '10']:
        z = mp.mpf(z)
        T = m / z
        n_g = 2 * Z3 * T**3 / mp.pi**2
        gam_partial = m * 2 * a**2 / (16 * mp.pi)     # N_al -> L_l Phi + CP conjugate, tree
        n_eq = m**2 * T * mp.besselk(2, z) / mp.pi**2
        gD = 3 * n_eq * k1(z) / mp.besselk(2, z) * gam_partial / n_g
        pref = m**4 / (64 * mp.pi**4 * z) / n_g * 3 * H_T**2 / (4 * mp.pi) * a**2
        gS_s = 3 * 2 * pref * i_s(z)
        gS_t = 3 * 4 * pref * i_t(z)
        print("   %-8s %-25s %-25s %s" % (mp.nstr(z, 3), mp.nstr(gD, 12), mp.nstr(gS_s, 12), mp.nstr(gS_t, 12)))

    print("\n2. Delta L = 2, single N, RIS-subtracted, z = 1")
    gam_over_m = 3 * a**2 / (8 * mp.pi)
    c = gam_over_m**2
    z = mp.mpf(1)
    jl = j_literal(z, c)
    jn = j_narrow_width(z)
    print("   c = (Gamma/m)^2 =", mp.nstr(c, 10))
    print("   J(1), literal at finite c :", mp.nstr(jl, 15))
    print("   J(1), narrow-width (spec) :", mp.nstr(jn, 15))
    jt = mp.quad(lambda x: b_t(x) * mp.sqrt(x) * k1(mp.sqrt(x)), [0, 1, 10, mp.inf])
    print("   of which b_t (LL -> Phi^+ Phi^+) part:", mp.nstr(jt, 15))
    for zz in ['0.1', '10']:
        print("   J(%s), literal at finite c: %s   narrow-width: %s"
              % (zz, mp.nstr(j_literal(mp.mpf(zz), c), 15), mp.nstr(j_narrow_width(mp.mpf(zz)), 15)))
    T = m / z
    n_g = 2 * Z3 * T**3 / mp.pi**2
    gW = 3 * a**2 * (3 * a**2) * 2 * m**4 / (64 * mp.pi**4 * z) * jn / (2 * mp.pi) / n_g
    print("   Gamma^W(l)/n_gamma at z = 1, m_N = 1 TeV, a = b = c = 1e-4 [GeV]:", mp.nstr(gW, 12))
    gD = 3 * (m**2 * T / mp.pi**2) * k1(z) * (m * 2 * a**2 / (16 * mp.pi)) / n_g
    print("   ratio 2 Gamma^W(l)/Gamma^D(l) there:", mp.nstr(2 * gW / gD, 12))

    print("\n3. Strong-washout card: K and Section 5 at m_N = 1 TeV")
    S = 3 * a**2
    gamma_tree = m * S / (8 * mp.pi)
    eps_n = mp.mpf('1.3689770')
    z_sph = m / 132
    for label, g_eff in [('g_eff = 106.75', mp.mpf('106.75')), ('HP-C g_eff(1 TeV) = 104.46173', mp.mpf('104.46173'))]:
        hub = mp.sqrt(4 * mp.pi**3 * g_eff / 45) * m**2 / M_PL
        K = gamma_tree / hub
        A = eps_n / (2 * Z3)
        B = K / (3 * Z3)
        z1 = (4 / K)**(mp.mpf(1) / 3)
        z2 = (2 / B)**(mp.mpf(1) / 3)
        L = mp.log(B * mp.sqrt(mp.pi / 2))
        zf = L + mp.mpf(5) / 2 * mp.log(L)
        zf_root = mp.findroot(lambda zz: B * zz**3 * k1(zz) - 1, zf)
        eta_b = -mp.mpf(28) / 51 / 27 * A / (B * min(zf, z_sph))
        print("  ", label)
        print("     Gamma_N1 (tree) = %s GeV, H(m_N) = %s GeV, K = %s" % (mp.nstr(gamma_tree, 10), mp.nstr(hub, 10), mp.nstr(K, 10)))
        print("     K x (m_N/1 TeV) for this texture and a: the scaling K ~ 1/m_N holds exactly for constant g_eff")
        print("     z1 = %s, z2 = %s, A = %s, B = %s" % (mp.nstr(z1, 10), mp.nstr(z2, 10), mp.nstr(A, 10), mp.nstr(B, 10)))
        print("     zf (5.11) = %s, root of B z^3 K1(z) = 1: %s, z_sph = %s" % (mp.nstr(zf, 10), mp.nstr(zf_root, 10), mp.nstr(z_sph, 10)))
        print("     etaB_approx (%s) = %s" % ("5.13" if zf < z_sph else "5.14", mp.nstr(eta_b, 10)))


if __name__ == "__main__":
    main()
