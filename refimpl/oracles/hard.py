"""50-digit oracles for hard_sigmoid, hard_swish, hard_mish, hard_tanh, sparse_sigmoid.

Written piece by piece from the textbook definitions. Each piece is a polynomial of degree at
most 2 in an exact mpf x, so nothing cancels beyond what the working precision absorbs: the
only subtraction, x + 3 (or x + 2, x + 1), is exact in mpf for every double x.
"""

import mpmath as mp

_ZERO, _ONE = mp.mpf(0), mp.mpf(1)


def _hard_sigmoid(x):
    return _ZERO if x <= -3 else _ONE if x >= 3 else (x + 3) / 6


def _hard_sigmoid_d(x):
    return mp.mpf(1) / 6 if -3 < x < 3 else _ZERO


def _hard_swish(x):
    return _ZERO if x <= -3 else x if x >= 3 else x * (x + 3) / 6


def _hard_swish_d(x):
    return _ZERO if x <= -3 else _ONE if x >= 3 else (2 * x + 3) / 6


def _hard_mish(x):
    return _ZERO if x <= -2 else x if x >= 0 else x * (x + 2) / 2


def _hard_mish_d(x):
    return _ZERO if x <= -2 else _ONE if x >= 0 else x + 1


def _hard_tanh(x, min_val, max_val):
    a, b = mp.mpf(min_val), mp.mpf(max_val)
    return a if x <= a else b if x >= b else x


def _hard_tanh_d(x, min_val, max_val):
    return _ONE if mp.mpf(min_val) < x < mp.mpf(max_val) else _ZERO


def _sparse_sigmoid(x):
    return _ZERO if x <= -1 else _ONE if x >= 1 else (x + 1) / 2


def _sparse_sigmoid_d(x):
    return mp.mpf(1) / 2 if -1 < x < 1 else _ZERO


ORACLES = {
    "hard_sigmoid": (_hard_sigmoid, _hard_sigmoid_d),
    "hard_swish": (_hard_swish, _hard_swish_d),
    "hard_mish": (_hard_mish, _hard_mish_d),
    "hard_tanh": (_hard_tanh, _hard_tanh_d),
    "sparse_sigmoid": (_sparse_sigmoid, _sparse_sigmoid_d),
}

LIMITS = {
    "hard_sigmoid": ((0.0, 1.0), (0.0, 0.0)),
    "hard_swish": ((0.0, float("inf")), (0.0, 1.0)),
    "hard_mish": ((0.0, float("inf")), (0.0, 1.0)),
    "hard_tanh": lambda min_val, max_val: ((min_val, max_val), (0.0, 0.0)),
    "sparse_sigmoid": ((0.0, 1.0), (0.0, 0.0)),
}

# roots of f and f' and the points where a piece ends (the kinks are added by the tests)
SPECIAL_POINTS = {
    "hard_sigmoid": (-3.0, 0.0, 3.0),
    "hard_swish": (-3.0, -1.5, 0.0, 3.0),
    # the corner at -2, the minimum at -1, the C1 join at 0 (f'' jumps there)
    "hard_mish": (-2.0, -1.0, 0.0),
    "hard_tanh": (-1.0, 0.0, 1.0),
    "sparse_sigmoid": (-1.0, 0.0, 1.0),
}
