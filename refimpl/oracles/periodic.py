"""50-digit oracles for snake and snake_beta.

f = x + sin²(αx)/β from the definition: αx is exact at 50 digits (two doubles' product has at
most 106 bits) and mpmath reduces the argument of sin itself, to full relative precision however
large it is. f' = 1 + (α/β) sin 2αx cancels near its roots, completely so at the double roots of
α = β; it is computed as (α/β)(sin αx + cos αx)² + (1 − α/β), at 40 more digits, which absorb the
cancellation of sin αx + cos αx next to a root (about 17 digits at the double nearest one).
"""

import mpmath as mp

NAN = float("nan")


def _snake(x, alpha, beta):
    return x + mp.sin(mp.mpf(alpha) * x) ** 2 / mp.mpf(beta)


def _snake_derivative(x, alpha, beta):
    theta = mp.mpf(alpha) * x
    ratio = mp.mpf(alpha) / mp.mpf(beta)
    with mp.extradps(40):
        s, c = mp.sin(theta), mp.cos(theta)
        y = ratio * (s + c) ** 2 + (1 - ratio)  # 1 + ratio·2sc, since (s + c)² = 1 + 2sc
    return +y


ORACLES = {
    "snake": (lambda x, alpha: _snake(x, alpha, alpha),
              lambda x, alpha: _snake_derivative(x, alpha, alpha)),
    "snake_beta": (_snake, _snake_derivative),
}

# f → ±inf (x outgrows the bounded term); f' = 1 + (α/β) sin 2αx has no limit: NaN
LIMITS = {
    "snake": ((-float("inf"), float("inf")), (NAN, NAN)),
    "snake_beta": ((-float("inf"), float("inf")), (NAN, NAN)),
}

# At α = 1: the double roots of f' nearest 0 (−π/4, 3π/4, −5π/4), its maximum at π/4, where
# refimpl switches to the root form (sin 2x = −1/2: x = −π/12 and −5π/12), and a root far out
# (10⁶π − π/4); each the nearest double, from mpmath
_ROOTS = (-0.7853981633974483, 2.356194490192345, -3.9269908169872414, 0.7853981633974483,
          -0.26179938779914946, -1.3089969389957472, 3141591.8681916296)
SPECIAL_POINTS = {"snake": _ROOTS, "snake_beta": _ROOTS}
