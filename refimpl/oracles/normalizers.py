"""Oracles for softmax, log_softmax, softmin and sparsemax (vector entries, along the last axis).

Written from the definitions, in forms that do not lose digits at any precision:
- the differences x_j - max(x) are formed exactly (mpmath's exact subtraction), so a shift by a
  huge common constant costs nothing;
- log_softmax uses log1p of the sum without the maximum's own term 1: log(1 + T) at 50 digits
  would round 1 + T to 1 for T below 1e-50 and give the dominant class exactly 0;
- sparsemax is computed in exact rational arithmetic (fractions.Fraction) and rounded once.
Rows with NaN, +inf or only -inf entries follow the rules documented in refimpl/normalizers.py.
"""

from fractions import Fraction

import mpmath as mp

ORACLES = {}


def _special(xs, one_hot_in, one_hot_out):
    """The result of a row the usual formula cannot handle (NaN, +inf, all -inf), else None."""
    if any(mp.isnan(v) for v in xs):
        return [mp.nan] * len(xs)
    n_posinf = sum(1 for v in xs if v == mp.inf)
    if n_posinf == 1:
        return [mp.mpf(one_hot_in if v == mp.inf else one_hot_out) for v in xs]
    if n_posinf > 1 or all(v == -mp.inf for v in xs):
        return [mp.nan] * len(xs)
    return None


def _shifted(xs):
    """x_j - max(x), exactly; the index of the (first) maximum."""
    k = max(range(len(xs)), key=lambda j: (xs[j], -j))
    return [mp.fsub(v, xs[k], exact=True) if v != -mp.inf else -mp.inf for v in xs], k


def softmax(xs):
    special = _special(xs, 1, 0)
    if special is not None:
        return special
    d, _ = _shifted(xs)
    e = [mp.exp(v) for v in d]
    total = mp.fsum(e)
    return [v / total for v in e]


def log_softmax(xs):
    special = _special(xs, 0, -mp.inf)
    if special is not None:
        return special
    d, k = _shifted(xs)
    tail = mp.fsum(mp.exp(v) for j, v in enumerate(d) if j != k)
    lse = mp.log1p(tail)
    return [v - lse for v in d]


def softmin(xs):
    return softmax([-v for v in xs])


def _fraction(v):
    """An mpf (a binary fraction, finite) as the exact rational it is."""
    sign, man, exp, _ = mp.mpf(v)._mpf_
    return (-1) ** sign * Fraction(int(man)) * Fraction(2) ** int(exp)


def sparsemax(xs):
    special = _special(xs, 1, 0)
    if special is not None:
        return special
    finite = [(j, _fraction(v)) for j, v in enumerate(xs) if v != -mp.inf]
    z = sorted((v for _, v in finite), reverse=True)
    k, partial, total = 0, Fraction(0), Fraction(0)
    for r, v in enumerate(z, start=1):
        partial += v
        if 1 + r * v > partial:
            k, total = r, partial
    tau = (total - 1) / k
    out = [mp.mpf(0)] * len(xs)
    for j, v in finite:
        p = max(v - tau, Fraction(0))
        out[j] = mp.mpf(p.numerator) / p.denominator
    return out


VECTOR_ORACLES = {
    "softmax": lambda xs, axis: softmax(xs),
    "log_softmax": lambda xs, axis: log_softmax(xs),
    "softmin": lambda xs, axis: softmin(xs),
    "sparsemax": lambda xs, axis: sparsemax(xs),
}
