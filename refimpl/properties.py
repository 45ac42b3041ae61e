"""Computed properties of an entry: f(0), f'(0), and the mean and variance of f(Z), Z ~ N(0, 1).

The mean and variance matter for initialisation: a layer keeps its activations' scale only if
its activation function maps N(0, 1) input to output of a known mean and variance. SELU's
fixed point (mean 0, variance 1) shows up here.
"""

import math

import numpy as np
from scipy import integrate

SQRT_2PI = math.sqrt(2 * math.pi)
LIMIT = 40.0


def normal_moments(f, breakpoints=()):
    """E[f(Z)] and Var[f(Z)] for Z ~ N(0, 1), by adaptive quadrature split at the breakpoints."""
    # Beyond |z| = 40 the normal density is below 1e-347: nothing an activation of at most
    # exponential growth does there reaches a double, and f(z)**2 could overflow.
    inner = sorted({float(b) for b in breakpoints if -LIMIT < b < LIMIT} | {0.0})
    cuts = [-LIMIT, *inner, LIMIT]

    def expect(g):
        total = 0.0
        for a, b in zip(cuts, cuts[1:]):
            value, _ = integrate.quad(lambda z: g(z) * math.exp(-z * z / 2) / SQRT_2PI, a, b,
                                      epsabs=1e-14, epsrel=1e-12, limit=200)
            total += value
        return total

    mean = expect(lambda z: float(f(z)))
    second = expect(lambda z: float(f(z)) ** 2)
    return mean, max(second - mean * mean, 0.0)


def compute(entry):
    """The full property record of an entry, at its default parameters."""
    props = {"at_defaults": entry.defaults}
    declared = entry.declared
    if declared is None:
        props["applies"] = ()
        return props
    if entry.kind != "elementwise":
        # Of a vector or shaping function only the range of its outputs is a property of one
        # number; monotonicity, f(0) and moments of one input do not apply.
        props.update(applies=("range",), range=declared.range, attained=declared.attained)
        return props
    lo, hi = declared.range
    at = entry.defaults
    f = lambda z: entry(float(z), **at)  # noqa: E731
    mean, var = normal_moments(f, [k.at for k in entry.kinks])
    kink_at_0 = any(k.at == 0 for k in entry.kinks)
    props.update(
        applies=("range", "monotonic", "smoothness", "f(0)", "f'(0)", "saturates",
                 "normal mean", "normal variance"),
        range=(lo, hi),
        attained=declared.attained,
        bounded_below=bool(np.isfinite(lo)),
        bounded_above=bool(np.isfinite(hi)),
        monotonic=declared.monotonic,
        smoothness=declared.smoothness,
        saturates=declared.saturates,
        f0=float(entry(0.0, **at)),
        df0=float(entry.derivative(0.0, **at)),
        df0_is_convention=kink_at_0,
        zero_centred=bool(abs(mean) < 1e-12 and float(entry(0.0, **at)) == 0.0),
        normal_mean=mean,
        normal_variance=var,
    )
    return props
