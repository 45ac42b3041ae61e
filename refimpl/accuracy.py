"""Measured accuracy of refimpl against the 50-digit oracle, in units in the last place (ulp)."""

import math

import mpmath as mp
import numpy as np

import refimpl
from refimpl.oracles import DPS, ORACLES, VECTOR_ORACLES, exact, exact_vector


def ulp_error(computed, exact_value, dtype=np.float64):
    """|computed - exact| in ulps of the exact value rounded to `dtype` (0 when both are 0)."""
    if math.isinf(computed) and mp.isfinite(exact_value):
        # overflow to ±inf is the correctly rounded result when |y| >= max + ulp(max)/2
        info = np.finfo(dtype)
        limit = mp.ldexp(1, int(info.maxexp)) - mp.ldexp(1, int(info.maxexp) - info.nmant - 2)
        ok = exact_value >= limit if computed > 0 else exact_value <= -limit
        return 0.0 if ok else math.inf
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


def worst(xs, computed, exact_values):
    """The largest ulp error and where; results that are NaN or infinite where the exact value is
    finite (or the reverse) are counted apart, with the first input where it happens."""
    errs, bad = [], []
    for x, y, e in zip(xs, computed, exact_values):
        if np.isinf(y) and mp.isfinite(e) and ulp_error(y, e) == 0:
            errs.append((0.0, float(x)))  # an overflow that is the correctly rounded result
        elif mp.isfinite(e) != np.isfinite(y) or (np.isnan(y) and not mp.isnan(e)):
            bad.append(float(x))
        elif mp.isfinite(e):
            errs.append((ulp_error(y, e), float(x)))
        elif y != float(e):  # both infinite: the sign must agree
            bad.append(float(x))
    max_ulp, worst_x = max(errs) if errs else (0.0, None)
    return {"max_ulp": max_ulp, "worst_x": worst_x, "points": len(xs),
            "nonfinite": len(bad), "nonfinite_x": bad[0] if bad else None}


# Inputs for vector and shaping entries (1-D, along the last axis): spreads that overflow a naive
# exp, ties, subnormals, a dominant entry; all of even length so halving and pairing apply.
VECTORS = [
    [0.0, 0.0, 0.0, 0.0],
    [1.0, 2.0, 3.0, 4.0],
    [-1000.0, 0.0, 1000.0, 1.0],
    [750.0, 749.0, -750.0, 0.5],
    [1e-300, -1e-300, 5e-324, 0.0],
    [-30.0, 30.0, -0.5, 0.25],
    [3.0, 3.0, 3.0 + 2 ** -51, -2.0],
    [-1e6, 1e-6, 2.5, -2.5],
    [0.0, -40.0, 0.6, 0.7, 0.8, 0.8],
]


def vector_grid(vectors=None, seed=0):
    """Worst error of every vector/shaping entry's outputs over VECTORS and random rows."""
    rng = np.random.default_rng(seed)
    rows = (VECTORS if vectors is None else vectors) + [list(rng.standard_normal(6) * 10)
                                                        for _ in range(20)]
    results = {}
    for name in sorted(VECTOR_ORACLES):
        try:
            entry = refimpl.get(name)
        except KeyError:
            continue
        worst_err, worst_row, count = 0.0, None, 0
        for row in rows:
            got = entry(np.array(row), **entry.defaults)
            for g, e in zip(got, exact_vector(name, row, **entry.defaults)):
                err = ulp_error(g, e) if mp.isfinite(e) else (0.0 if g == float(e) else math.inf)
                count += 1
                if err > worst_err:
                    worst_err, worst_row = err, row
        results[name] = {"value": {"max_ulp": worst_err, "worst_x": worst_row, "points": count,
                                   "nonfinite": 0, "nonfinite_x": None}}
    return results


def scipy_functions():
    """name -> the same function in scipy.special, where it has one (at the default parameters)."""
    from scipy import special

    return {
        "sigmoid": special.expit,
        "log_sigmoid": special.log_expit,
        "softplus": special.softplus,
        "gelu": lambda x: x * special.ndtr(x),
        "silu": lambda x: x * special.expit(x),
        "swish": lambda x: x * special.expit(x),
    }


def grid(points=None):
    """For every elementwise entry with an oracle, at its default parameters: the worst error of
    refimpl's value and derivative, and of the entry's textbook formula and scipy.special's
    function where they exist, over the same points."""
    scipy = scipy_functions()
    x = sample_points() if points is None else points
    results = {}
    for name in sorted(ORACLES):
        try:
            entry = refimpl.get(name)
        except KeyError:
            continue
        p = entry.defaults
        record = {}
        for what, fn in (("value", entry), ("derivative", entry.derivative)):
            want = [exact(name, what, xi, **p) for xi in x]
            record[what] = worst(x, fn(x, **p), want)
            if what == "value":
                others = (("textbook", entry.textbook and (lambda v: entry.textbook(v, **p))),
                          ("scipy", scipy.get(name)))
                for label, fn in others:
                    if fn is not None:
                        with np.errstate(all="ignore"):  # the textbook forms overflow and cancel
                            record[label] = worst(x, fn(x), want)
        results[name] = record
    results.update(vector_grid())
    return results
