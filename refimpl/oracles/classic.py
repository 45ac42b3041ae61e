"""50-digit oracles for the classic family and the rectifiers written so far."""

import mpmath as mp


def _sigmoid(x):
    return 1 / (1 + mp.exp(-x))


ORACLES = {
    "step": (lambda x, at_zero=0.0: mp.mpf(1 if x > 0 else 0 if x < 0 else at_zero),
             lambda x, at_zero=0.0: mp.mpf(0)),
    "sigmoid": (_sigmoid, lambda x: _sigmoid(x) * _sigmoid(-x)),
    "tanh": (mp.tanh, lambda x: mp.sech(x) ** 2),
}

LIMITS = {
    "step": ((0.0, 1.0), (0.0, 0.0)),
    "sigmoid": ((0.0, 1.0), (0.0, 0.0)),
    "tanh": ((-1.0, 1.0), (0.0, 0.0)),
}
