"""The numerical contract, against the 50-digit mpmath oracle.

Values:      |y_hat - y| <= (4 + kappa) ulp(y),    kappa  = |x f'(x) / f(x)|
Derivatives: |y_hat' - y'| <= (8 + kappa') ulp(y'), kappa' = |x f''(x) / f'(x)|
Exact zeros are exact; limits at +-inf are exact; NaN propagates; nothing warns.
"""

import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import refimpl
from refimpl.accuracy import sample_points, ulp_error
from refimpl.oracles import DPS, ORACLES, exact

NAMES = sorted(ORACLES)
POINTS = sample_points(n=300, seed=1)


def kappa(name, what, x):
    """Condition number of f (what="value") or of f' (what="derivative") at x, from mpmath."""
    with mp.workdps(DPS):
        f, df = ORACLES[name]
        g = f if what == "value" else df
        xm = mp.mpf(float(x))
        y = g(xm)
        if y == 0 or xm == 0:
            return mp.mpf(0)
        slope = mp.diff(g, xm) if abs(xm) > 1e-30 else mp.mpf(0)
        return abs(xm * slope / y)


def check(name, what, x):
    entry = refimpl.get(name)
    fn = entry if what == "value" else entry.derivative
    got = fn(x)
    want = exact(name, what, x)
    if want == 0:
        assert got == 0, f"{name} {what} at x={x!r}: {got!r}, want exact 0"
        return
    err = ulp_error(got, want)
    budget = (4 if what == "value" else 8) + float(kappa(name, what, x))
    assert err <= budget, f"{name} {what} at x={x!r}: {err:.2f} ulp > {budget:.2f}"


def smooth_points(name):
    """Points away from kinks (mp.diff cannot judge a kink; kink values are tested exactly)."""
    kinks = [k.at for k in refimpl.get(name).kinks]
    return [x for x in POINTS if all(abs(x - k) > 1e-12 for k in kinks)]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("what", ["value", "derivative"])
def test_accuracy_on_grid(name, what):
    for x in smooth_points(name):
        if what == "derivative" and np.isfinite(x) and abs(x) > 700 and name != "relu":
            continue  # f'' underflows in mpmath's numerical differentiation; values checked below
        check(name, what, x)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=200, deadline=None)
@given(x=st.floats(allow_nan=False, allow_infinity=False, min_value=-745, max_value=745))
def test_accuracy_random(name, x):
    if any(x == k.at for k in refimpl.get(name).kinks):
        return
    check(name, "value", x)
    check(name, "derivative", x)


def test_subnormal_results_are_not_flushed():
    assert refimpl.sigmoid(-710.0) == pytest.approx(4.476286225675130e-309, rel=1e-15)
    assert 0 < refimpl.sigmoid(-740.0) < np.finfo(float).tiny
    assert refimpl.sigmoid.derivative(-710.0) > 0


LIMITS = {
    "step": ((0.0, 1.0), (0.0, 0.0)),
    "sigmoid": ((0.0, 1.0), (0.0, 0.0)),
    "tanh": ((-1.0, 1.0), (0.0, 0.0)),
    "relu": ((0.0, np.inf), (0.0, 1.0)),
}


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_exact_limits_at_infinity(name):
    (f_lo, f_hi), (d_lo, d_hi) = LIMITS[name]
    entry = refimpl.get(name)
    assert entry(-np.inf) == f_lo and entry(np.inf) == f_hi
    assert entry.derivative(-np.inf) == d_lo and entry.derivative(np.inf) == d_hi


def test_limits_table_covers_every_elementwise_entry():
    assert set(LIMITS) == {n for n in refimpl.names() if refimpl.get(n).kind == "elementwise"}


@pytest.mark.parametrize("name", sorted(LIMITS))
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_nan_propagates_and_nothing_warns(name, dtype):
    entry = refimpl.get(name)
    info = np.finfo(dtype)
    x = np.array([np.nan, -np.inf, np.inf, info.max, -info.max, info.tiny, -info.tiny,
                  info.smallest_subnormal, 0.0, -0.0, 1.0], dtype=dtype)
    # numpy's default error state, set explicitly in case a caller changed it
    with warnings.catch_warnings(), np.errstate(divide="warn", over="warn", under="ignore", invalid="warn"):
        warnings.simplefilter("error")
        y, dy = entry(x), entry.derivative(x)
        entry.vjp(x, np.ones_like(x))
    assert np.isnan(y[0]) and np.isnan(dy[0])
    assert not np.isnan(y[1:]).any() and not np.isnan(dy[1:]).any()


@pytest.mark.parametrize("name", sorted(LIMITS))
@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_low_precision_within_a_few_ulp(name, dtype):
    # computed in float16/32 arithmetic, judged against the float64 result rounded to that dtype:
    # values within 4 ulp, derivatives within 8 (the float64 contract's fixed terms)
    x = np.linspace(-12, 12, 481).astype(dtype)
    entry = refimpl.get(name)
    for fn, budget in ((entry, 4), (entry.derivative, 8)):
        got = fn(x).astype(np.float64)
        ref = fn(x.astype(np.float64)).astype(dtype)
        ulp = np.where(ref == 0, np.finfo(dtype).smallest_subnormal, np.spacing(np.abs(ref)))
        err = np.abs(got - ref.astype(np.float64)) / ulp.astype(np.float64)
        assert err.max() <= budget, f"{name}: {err.max():.1f} ulp at x={x[err.argmax()]}"
