"""Measured accuracy of refimpl against the 50-digit oracle, in units in the last place (ulp)."""

import mpmath as mp
import numpy as np

import refimpl
from refimpl.oracles import DPS, ORACLES, exact


def ulp_error(computed, exact_value, dtype=np.float64):
    """|computed - exact| in ulps of the exact value rounded to `dtype` (0 when both are 0)."""
    with mp.workdps(DPS):
        rounded = dtype(float(exact_value))
        ulp = np.spacing(np.abs(rounded)) if rounded != 0 else np.finfo(dtype).smallest_subnormal
        return float(abs(mp.mpf(float(computed)) - exact_value) / mp.mpf(float(ulp)))


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
            y = fn(x)
            errs = np.array([ulp_error(yi, exact(name, what, xi)) for xi, yi in zip(x, y)])
            worst = int(np.argmax(errs))
            record[what] = {"max_ulp": float(errs[worst]), "points": int(x.size),
                            "worst_x": float(x[worst])}
        results[name] = record
    return results
