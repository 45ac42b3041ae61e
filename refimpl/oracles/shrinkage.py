"""50-digit oracles for softshrink, hardshrink, tanhshrink, threshold.

Soft shrink, hard shrink and threshold are exact in mpmath (one subtraction at most, which mpf
carries out exactly at these precisions for double inputs). Tanhshrink's x - tanh(x) cancels
about 2*log10(1/|x|) digits near 0, so the working precision is raised by that much.
"""

import mpmath as mp

INF = float("inf")


def _softshrink(x, lambd):
    lam = mp.mpf(lambd)
    return x - lam if x > lam else x + lam if x < -lam else mp.mpf(0)


def _hardshrink(x, lambd):
    return x if abs(x) > mp.mpf(lambd) else mp.mpf(0)


def _shrink_derivative(x, lambd):
    return mp.mpf(1 if abs(x) > mp.mpf(lambd) else 0)


def _tanhshrink(x):
    if x == 0:
        return mp.mpf(0)
    # x - tanh x ~ x^3/3: the subtraction loses 2*log10(1/|x|) + 1 digits; add them back
    extra = 10 + max(0, int(2 * -mp.log10(abs(x))))
    with mp.extradps(extra):
        return +(x - mp.tanh(x))


def _threshold(x, threshold, value):
    return x if x > mp.mpf(threshold) else mp.mpf(value)


def _threshold_derivative(x, threshold, value):
    return mp.mpf(1 if x > mp.mpf(threshold) else 0)


ORACLES = {
    "softshrink": (_softshrink, _shrink_derivative),
    "hardshrink": (_hardshrink, _shrink_derivative),
    "tanhshrink": (_tanhshrink, lambda x: mp.tanh(x) ** 2),
    "threshold": (_threshold, _threshold_derivative),
}

LIMITS = {
    "softshrink": ((-INF, INF), (1.0, 1.0)),
    "hardshrink": ((-INF, INF), (1.0, 1.0)),
    "tanhshrink": ((-INF, INF), (1.0, 1.0)),
    "threshold": lambda threshold, value: ((value, INF), (0.0, 1.0)),
}

# roots of f and f' and where refimpl switches formula (the kinks are added by the tests)
SPECIAL_POINTS = {
    "softshrink": (0.0,),
    "hardshrink": (0.0,),
    "tanhshrink": (0.0, -1.0, 1.0),
    "threshold": (0.0,),
}
