"""50-digit oracles for softplus, sqrt_softplus, squareplus, sparse_plus, log_sigmoid, exponential.

Written from the definitions in forms that do not cancel: ln(1 + e^t) only through log1p of
e^(-|t|) (t = βx), squareplus on the negative side as b / (2(√(x² + b) − x)), whose denominator
is a sum of two positive numbers. mpmath's exponent range is unbounded, so e^(±1e308) and x² for
x near the largest double are exact here, not overflows.
"""

import math

import mpmath as mp


def _log1pexp(t):
    """ln(1 + e^t) without cancellation: t + log1p(e^-t) for t > 0, log1p(e^t) otherwise."""
    return t + mp.log1p(mp.exp(-t)) if t > 0 else mp.log1p(mp.exp(t))


def _sigmoid(t):
    return 1 / (1 + mp.exp(-t))


def _softplus(x, beta):
    beta = mp.mpf(beta)
    return _log1pexp(beta * x) / beta


def _softplus_derivative(x, beta):
    return _sigmoid(mp.mpf(beta) * x)


def _squareplus(x, b):
    s = mp.sqrt(x * x + b)
    return (x + s) / 2 if x >= 0 else b / (2 * (s - x))


def _squareplus_derivative(x, b):
    s = mp.sqrt(x * x + b)
    return (1 + x / s) / 2 if x >= 0 else b / (2 * s * (s - x))


def _sparse_plus(x):
    return mp.mpf(0) if x <= -1 else x if x >= 1 else (x + 1) ** 2 / 4


def _sparse_plus_derivative(x):
    return mp.mpf(0) if x <= -1 else mp.mpf(1) if x >= 1 else (x + 1) / 2


ORACLES = {
    "softplus": (_softplus, _softplus_derivative),
    "sqrt_softplus": (lambda x: mp.sqrt(_log1pexp(x)),
                      lambda x: _sigmoid(x) / (2 * mp.sqrt(_log1pexp(x)))),
    "squareplus": (_squareplus, _squareplus_derivative),
    "sparse_plus": (_sparse_plus, _sparse_plus_derivative),
    "log_sigmoid": (lambda x: -_log1pexp(-x), lambda x: _sigmoid(-x)),
    "exponential": (mp.exp, mp.exp),
}

LIMITS = {
    "softplus": ((0.0, math.inf), (0.0, 1.0)),
    "sqrt_softplus": ((0.0, math.inf), (0.0, 0.0)),
    "squareplus": ((0.0, math.inf), (0.0, 1.0)),
    "sparse_plus": ((0.0, math.inf), (0.0, 1.0)),
    "log_sigmoid": ((-math.inf, 0.0), (1.0, 0.0)),
    "exponential": ((0.0, math.inf), (0.0, math.inf)),
}

_LN_MAX = 709.782712893384  # ln(largest double), rounded: exp overflows just above it
SPECIAL_POINTS = {
    # the switch of the stable form at 0; PyTorch's threshold 20 (its linear switch); where
    # e^(-|x|) falls below 2^-53 and where it underflows to a subnormal and to 0
    "softplus": (0.0, 20.0, 20.5, 36.7368005696771, -36.7368005696771, -708.4, -745.2),
    # the branch switch at 0; PyTorch's threshold 20; where e^(-|x|) falls below 2^-53; where
    # softplus turns subnormal and 0 (the root does not); where e^(x/2) turns subnormal and 0
    "sqrt_softplus": (0.0, 20.0, 20.5, 36.7368005696771, -36.7368005696771, -708.4, -745.2,
                      -1416.0, -1488.0, -1490.0),
    # the branch switch at 0; where x² would overflow (|x| = sqrt(largest double))
    "squareplus": (0.0, 1.3407807929942596e154, -1.3407807929942596e154, 1e8, -1e8, -1e9),
    # the two joins of the pieces
    "sparse_plus": (-1.0, 1.0),
    "log_sigmoid": (0.0, -20.5, 36.7368005696771, -36.7368005696771, 708.4, 745.2),
    # overflow of e^x to inf, and underflow to a subnormal and to 0
    "exponential": (_LN_MAX, -708.4, -745.1332191019412),
}
