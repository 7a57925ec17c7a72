"""Chebyshev coefficients of the scaled modified Bessel functions used by ModelDsl for x > 2
(src/ModelDsl.Symbolics/Functions/ModifiedBessel.cs).

    g_n(x) = sqrt(x) e^x K_n(x)   (n = 0, 1), expanded in t = a/x + b on two ranges:
      2 <= x <= 8:   t = 16/(3x) - 5/3   (t = 1 at x = 2, -1 at x = 8)
      x >= 8:        t = 16/x - 1        (t = 1 at x = 8, -1 as x -> infinity, where g_n -> sqrt(pi/2), A&S 9.7.2)

The coefficients c_k of g_n = sum_k c_k T_k(t) come from interpolation at N Chebyshev points of the first kind, with
mpmath at 40 digits; a coefficient below 1e-17 |c_0| ends the list (what is left out is below 1e-17 relative).
Run: python3 docs/scripts/bessel_k_chebyshev.py (mpmath 1.3.0).
"""
import mpmath as mp

mp.mp.dps = 40
N = 80
RANGES = {"2 <= x <= 8": (mp.mpf(16) / 3, -mp.mpf(5) / 3), "x >= 8": (mp.mpf(16), mp.mpf(-1))}


def coefficients(order, a, b):
    nodes = [mp.cos(mp.pi * (j + mp.mpf(1) / 2) / N) for j in range(N)]
    values = []
    for t in nodes:
        x = a / (t - b)
        values.append(mp.sqrt(x) * mp.exp(x) * mp.besselk(order, x))
    c = []
    for k in range(N):
        s = mp.fsum(values[j] * mp.cos(mp.pi * k * (j + mp.mpf(1) / 2) / N) for j in range(N))
        c.append(2 * s / N)
    c[0] /= 2
    kept = []
    for ck in c:
        if abs(ck) < mp.mpf("1e-17") * abs(c[0]):
            break
        kept.append(ck)
    return kept


for name, (a, b) in RANGES.items():
    for order in (0, 1):
        c = coefficients(order, a, b)
        print(f"// {name}: sqrt(x) e^x K{order}(x), {len(c)} coefficients")
        print(",\n".join(mp.nstr(ck, 20, min_fixed=0, max_fixed=0) for ck in c))
