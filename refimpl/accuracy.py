"""Measured accuracy of refimpl against the 50-digit oracle, in units in the last place (ulp)."""

import math

import mpmath as mp
import numpy as np

import refimpl
from refimpl.oracles import DPS, ORACLES, exact


def ulp_error(computed, exact_value, dtype=np.float64):
    """|computed - exact| in ulps of the exact value rounded to `dtype` (0 when both are 0)."""
    with mp.workdps(DPS):
        return float(abs(mp.mpf(float(computed)) - exact_value) / ulp(exact_value, dtype))


def ulp(value, dtype=np.float64):
    """The ulp of `value` rounded to `dtype`: 2^(e - p) for a number in [2^e, 2^(e+1)), and the
    smallest subnormal below the normal range (no overflow at the largest finite number)."""
    info = np.finfo(dtype)
    rounded = float(dtype(float(value)))
    if rounded == 0 or not np.isfinite(rounded):
        exponent = info.minexp if rounded == 0 else info.maxexp - 1
    else:
        exponent = max(math.frexp(abs(rounded))[1] - 1, info.minexp)
    return mp.ldexp(1, exponent - info.nmant)


def sample_points(n=400, seed=0):
    """Points where errors hide: a dense band around 0, wide log-spaced magnitudes of both signs,
    subnormal-producing tails, and random doubles."""
    rng = np.random.default_rng(seed)
    mags = np.geomspace(1e-300, 1e300, n)
    band = np.linspace(-40, 40, n)
    tails = np.linspace(-750, 750, n // 4)
    rand = rng.standard_normal(n) * 10
    x = np.concatenate([mags, -mags, band, tails, rand, [0.0, -0.0, 1.0, -1.0]])
    return np.unique(x)


def grid(points=None):
    """name -> {"value"|"derivative": {max_ulp, points, worst_x}} for every entry with an oracle."""
    x = sample_points() if points is None else points
    results = {}
    for name in sorted(ORACLES):
        entry = refimpl.get(name)
        record = {}
        for what, fn in (("value", entry), ("derivative", entry.derivative)):
            y = fn(x, **entry.defaults)
            errs = np.array([ulp_error(yi, exact(name, what, xi)) for xi, yi in zip(x, y)])
            worst = int(np.argmax(errs))
            record[what] = {"max_ulp": float(errs[worst]), "points": int(x.size),
                            "worst_x": float(x[worst])}
        results[name] = record
    return results
