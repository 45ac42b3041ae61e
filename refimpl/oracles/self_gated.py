"""50-digit oracles for gelu, quick_gelu, gelu_10, silu, swish, mish.

Each is written from the textbook definition in a form without cancellation at the working
precision: the GELU's Φ(x) as erfc(−x/√2)/2 (erfc keeps its relative precision in the negative
tail, where 1 + erf(x/√2) cancels), the sigmoid and softplus from exp(−|t|), and tanh(softplus)
as a ratio of positive terms. The GELU-tanh constants are those of its definition, not the doubles
refimpl stores: the oracle takes nothing from the code it judges, and rounding √(2/π) to a
double moves u by at most one part in 2^53, an error the contract's κ allows for.
"""

import mpmath as mp

# The tanh form's constants (Hendrycks & Gimpel 2016, §2), as strings so that mpmath reads them
# at the working precision. √(2/π) at 50 significant digits, computed from its definition by
# mpmath (mp.sqrt(2 / mp.pi) at 60 digits); 0.044715 is the exact decimal the paper defines.
SQRT_2_OVER_PI = "0.79788456080286535587989211986876373695171726232987"
GELU_TANH_CUBIC = "0.044715"
# QuickGELU's slope, the exact decimal of its definition (Hendrycks & Gimpel 2016, §2; CLIP's code).
QUICK_GELU_SLOPE = "1.702"


def _sigmoid(t):
    # 1/(1 + e^-t) without evaluating e^{+large}
    if t >= 0:
        return 1 / (1 + mp.exp(-t))
    e = mp.exp(t)
    return e / (1 + e)


def _phi(x):
    return mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)


def _Phi(x):
    if abs(x) <= 10 ** 8:
        return mp.erfc(-x / mp.sqrt(2)) / 2
    # mpmath's erfc gives up on arguments near 1e300: the asymptotic series of the Mills
    # ratio, whose terms fall by 1e-16 or more each, 8 of them for 100 digits
    if x > 0:
        return 1 - _Phi(-x)
    series = sum((-1) ** k * mp.fac2(2 * k - 1) / x ** (2 * k) for k in range(8))
    return _phi(x) / -x * series


def _gelu(x, approximate):
    if approximate == "none":
        return x * _Phi(x)
    return x * _sigmoid(2 * _u(x))


def _u(x):
    return mp.mpf(SQRT_2_OVER_PI) * (x + mp.mpf(GELU_TANH_CUBIC) * x ** 3)


def _gelu_derivative(x, approximate):
    if approximate == "none":
        return _Phi(x) + x * _phi(x)
    s = 2 * _u(x)
    du = mp.mpf(SQRT_2_OVER_PI) * (1 + 3 * mp.mpf(GELU_TANH_CUBIC) * x ** 2)
    return _sigmoid(s) + x * 2 * du * _sigmoid(s) * _sigmoid(-s)


def _swish(x, beta):
    return x * _sigmoid(mp.mpf(beta) * x)


def _swish_derivative(x, beta):
    t = mp.mpf(beta) * x
    return _sigmoid(t) + t * _sigmoid(t) * _sigmoid(-t)


def _extra_digits(x):
    # e^{-1.702|x|} keeps 50 digits only if 1.702·x has 50 digits after its point: raise the
    # working precision by the digits of |x| before it (up to 309, at the largest doubles)
    return int(mp.log10(abs(x))) + 1 if abs(x) > 1 else 0


def _quick_gelu(x):
    with mp.extradps(_extra_digits(x)):
        return _swish(x, mp.mpf(QUICK_GELU_SLOPE))


def _quick_gelu_derivative(x):
    with mp.extradps(_extra_digits(x)):
        return _swish_derivative(x, mp.mpf(QUICK_GELU_SLOPE))


def _tanh_softplus(x):
    # tanh(ln(1 + e^x)) = ((1+e^x)^2 - 1)/((1+e^x)^2 + 1), from e = e^-|x| <= 1
    if x <= 0:
        e = mp.exp(x)
        n = e * (e + 2)
        return n / (n + 2)
    e = mp.exp(-x)
    return (1 + 2 * e) / (1 + 2 * e + 2 * e * e)


def _mish(x):
    return x * _tanh_softplus(x)


def _sech2_softplus(x):
    # 1 - tanh²(softplus x) = (1 - t)(1 + t) with each factor a ratio of positive terms
    if x <= 0:
        e = mp.exp(x)
        n = e * (e + 2)
        return 2 / (n + 2) * (2 * n + 2) / (n + 2)
    e = mp.exp(-x)
    d = 1 + 2 * e + 2 * e * e
    return 2 * e * e / d * (2 + 4 * e + 2 * e * e) / d


def _mish_derivative(x):
    return _tanh_softplus(x) + x * _sech2_softplus(x) * _sigmoid(x)


def _guarded(fn):
    """fn at 40 more digits, rounded back: near the root of f' the two terms of each
    derivative cancel to about 1e-17 of their size, which the extra digits absorb."""
    def wrapped(x, **params):
        with mp.extradps(40):
            y = fn(x, **params)
        return +y
    return wrapped


ORACLES = {
    "gelu": (_guarded(_gelu), _guarded(_gelu_derivative)),
    "quick_gelu": (_guarded(_quick_gelu), _guarded(_quick_gelu_derivative)),
    "silu": (_guarded(lambda x: _swish(x, 1)), _guarded(lambda x: _swish_derivative(x, 1))),
    "swish": (_guarded(_swish), _guarded(_swish_derivative)),
    "mish": (_guarded(_mish), _guarded(_mish_derivative)),
}

LIMITS = {
    "gelu": ((0.0, float("inf")), (0.0, 1.0)),
    "quick_gelu": ((0.0, float("inf")), (0.0, 1.0)),
    "silu": ((0.0, float("inf")), (0.0, 1.0)),
    "swish": ((0.0, float("inf")), (0.0, 1.0)),
    "mish": ((0.0, float("inf")), (0.0, 1.0)),
}

# Roots of f' (the minimum of each curve) and the switch points of refimpl's formulas
# (t = -700 where the tail forms start; GELU: the ends of its series intervals; QuickGELU: the
# root -1.2784645427610737/1.702, the tail's start -700/1.702 and |x| = 1e4, where the
# correction of its argument stops).
SPECIAL_POINTS = {
    "gelu": (-0.7517915246935645, -0.5017915246935645, -1.0017915246935645, -0.5, -1.0, -3.0,
             *(-3.0 + j / 4 for j in range(10))),
    "quick_gelu": (-0.751154255441289, -411.28084606345476, -1e4, 1e4),
    "silu": (-1.2784645427610737, -700.0),
    "swish": (-1.2784645427610737, -700.0),
    "mish": (-1.1924312145154952, -700.0),
}


# gelu_10: the GELU clipped to [a, b]; f' is the GELU's strictly inside, 0 outside (at x = 10,
# a kink by the registry's convention, the exact f' is the GELU's: gelu(10) < 10 by 7.6e-23)
def _gelu_10(x, clip_min, clip_max):
    return min(max(ORACLES["gelu"][0](x, approximate="none"), mp.mpf(clip_min)), mp.mpf(clip_max))


def _gelu_10_derivative(x, clip_min, clip_max):
    g = ORACLES["gelu"][0](x, approximate="none")
    return ORACLES["gelu"][1](x, approximate="none") if clip_min < g < clip_max else mp.mpf(0)


ORACLES["gelu_10"] = (_gelu_10, _gelu_10_derivative)
LIMITS["gelu_10"] = lambda clip_min, clip_max: ((min(max(0.0, clip_min), clip_max), clip_max),
                                                (0.0, 0.0))
# the corner at 10 and the GELU's own special points
SPECIAL_POINTS["gelu_10"] = (10.0, *SPECIAL_POINTS["gelu"])
