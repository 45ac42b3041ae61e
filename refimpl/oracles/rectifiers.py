"""50-digit oracles for the rectifiers."""

import mpmath as mp

ORACLES = {
    "relu": (lambda x: max(mp.mpf(0), x), lambda x: mp.mpf(1 if x > 0 else 0)),
}

LIMITS = {
    "relu": ((0.0, float("inf")), (0.0, 1.0)),
}
