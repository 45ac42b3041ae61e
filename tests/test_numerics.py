"""The numerical contract of every entry, against the mpmath oracles (refimpl/oracles/).

Values:      |y_hat - y| <= (4 + kappa) ulp(y),    kappa  = |x f'(x) / f(x)|
Derivatives: |y_hat' - y'| <= (8 + kappa') ulp(y'), kappa' = |x f''(x) / f'(x)|
Vector/shaping entries: kappa_i = sum_j |x_j df_i/dx_j| / |f_i|.
Exact zeros are exact; limits at +-inf are exact, and NaN where there is none (Snake's f'
oscillates: refimpl.oracles.LIMITS says NaN); NaN propagates and appears nowhere else; nothing
warns; float16/32 results are within 2 ulp of the correctly rounded result.
"""

import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import refimpl
from refimpl.accuracy import VECTORS, sample_points, ulp_error
from refimpl.oracles import (DPS, LIMITS, ORACLES, SPECIAL_POINTS, VECTOR_ORACLES, exact,
                             exact_vector, limits)

ELEMENTWISE = sorted(n for n in refimpl.names() if refimpl.get(n).kind == "elementwise")
VECTORISH = sorted(n for n in refimpl.names() if refimpl.get(n).kind != "elementwise")
DEFAULT_ERRSTATE = dict(divide="warn", over="warn", under="ignore", invalid="warn")


def test_every_entry_has_an_oracle_and_limits():
    assert set(ELEMENTWISE) <= set(ORACLES), "elementwise entries without an oracle"
    assert set(ELEMENTWISE) <= set(LIMITS), "elementwise entries without exact limits"
    assert set(VECTORISH) <= set(VECTOR_ORACLES), "vector/shaping entries without an oracle"


# -- the adversarial set ---------------------------------------------------------------------------
def adversarial_points(name):
    """±0, subnormals, ±1 ulp around every kink and special point (roots of f and f', formula
    switches), powers of two up to 2^1023, |x| up to 1e3 and beyond, plus a dense grid."""
    entry = refimpl.get(name)
    tiny = np.finfo(float)
    base = [0.0, -0.0, tiny.smallest_subnormal, tiny.tiny, 1e-300, 1e-30, 1e-8, 0.5, 1.0, 2.0,
            20.0, 40.0, 709.0, 710.0, 745.0, 1e3, 1e10, 1e100, 1e300, tiny.max]
    pts = set(base) | {-v for v in base}
    pts |= {2.0 ** k for k in range(-1074, 1024, 7)} | {-(2.0 ** k) for k in range(-1074, 1024, 7)}
    for p in [k.at for k in entry.kinks] + list(SPECIAL_POINTS.get(name, ())):
        pts |= {p, np.nextafter(p, -np.inf), np.nextafter(p, np.inf)}
    pts |= set(np.linspace(-60, 60, 241)) | set(sample_points(n=120, seed=2))
    return sorted(pts)


def kappa(name, what, x, params):
    """Condition number of f ("value") or f' ("derivative") at x, from the exact functions."""
    f, df = ORACLES[name]
    with mp.workdps(DPS):
        xm = mp.mpf(float(x))
        y = (f if what == "value" else df)(xm, **params)
        if y == 0 or xm == 0:
            return 0.0
        if what == "value":
            slope = df(xm, **params)
        else:
            # mp.diff steps by h = 2^-(prec + addprec) at 2(prec + 2 addprec) bits: beyond
            # |x| ~ 2^196, x ± h would round to x and f'' come out 0 (Snake's f'' oscillates
            # there). The bits of |x| added to addprec keep x ± h apart.
            slope = mp.diff(lambda t: df(t, **params), xm, addprec=10 + max(0, int(mp.mag(xm))))
        return float(abs(xm * slope / y))


def check(name, what, x, params=None):
    entry = refimpl.get(name)
    params = params or entry.defaults
    if what == "derivative" and any(k.at == x for k in entry.kinks):
        return  # no derivative to judge: the stated convention is tested in test_registry.py
    got = (entry if what == "value" else entry.derivative)(x, **params)
    want = exact(name, what, x, **params)
    if want == 0:
        assert got == 0, f"{name} {what} at x={x!r}: {got!r}, want exactly 0"
        return
    err = ulp_error(got, want)
    base = 4 if what == "value" else 8
    if err <= base:
        return  # within budget whatever kappa is: its derivative at 50 digits is the slow part
    budget = base + kappa(name, what, x, params)
    assert err <= budget, f"{name} {what} at x={x!r}: {err:.2f} ulp > {budget:.2f}"


@pytest.mark.parametrize("name", ELEMENTWISE)
@pytest.mark.parametrize("what", ["value", "derivative"])
def test_accuracy_on_the_adversarial_set(name, what):
    for x in adversarial_points(name):
        check(name, what, x)


@pytest.mark.parametrize("name", ELEMENTWISE)
@settings(max_examples=150, deadline=None)
@given(x=st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_accuracy_random(name, x):
    check(name, "value", x)
    check(name, "derivative", x)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_oracle_agrees_with_itself_at_twice_the_precision(name):
    f, df = ORACLES[name]
    p = refimpl.get(name).defaults
    for x in adversarial_points(name)[::9]:
        for g in (f, df):
            with mp.workdps(DPS):
                low = g(mp.mpf(x), **p)
            with mp.workdps(2 * DPS):
                high = g(mp.mpf(x), **p)
            with mp.workdps(2 * DPS):
                assert abs(low - high) <= abs(high) * mp.mpf(10) ** (5 - DPS), (name, x)


def test_subnormal_results_are_not_flushed():
    assert refimpl.sigmoid(-710.0) == pytest.approx(4.476286225675130e-309, rel=1e-15)
    assert 0 < refimpl.sigmoid(-740.0) < np.finfo(float).tiny
    assert refimpl.sigmoid.derivative(-710.0) > 0


# -- limits, NaN, warnings, dtypes -----------------------------------------------------------------
def _is_limit(got, limit):
    """got is the exact limit, or NaN where there is none (LIMITS says NaN)."""
    return bool(np.isnan(got)) if np.isnan(limit) else got == limit


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_exact_limits_at_infinity(name):
    entry = refimpl.get(name)
    p = entry.defaults
    (f_lo, f_hi), (d_lo, d_hi) = limits(name, **p)
    assert _is_limit(entry(-np.inf, **p), f_lo) and _is_limit(entry(np.inf, **p), f_hi)
    assert _is_limit(entry.derivative(-np.inf, **p), d_lo)
    assert _is_limit(entry.derivative(np.inf, **p), d_hi)


@pytest.mark.parametrize("name", ELEMENTWISE)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_nan_propagates_and_nothing_warns(name, dtype):
    entry = refimpl.get(name)
    info = np.finfo(dtype)
    x = np.array([np.nan, -np.inf, np.inf, info.max, -info.max, info.tiny, -info.tiny,
                  info.smallest_subnormal, 0.0, -0.0, 1.0], dtype=dtype)
    with warnings.catch_warnings(), np.errstate(**DEFAULT_ERRSTATE):
        warnings.simplefilter("error")
        y, dy = entry(x, **entry.defaults), entry.derivative(x, **entry.defaults)
        entry.vjp(x, np.ones_like(x), **entry.defaults)
    # NaN at NaN, and at -inf and +inf only where the limit does not exist (LIMITS says NaN)
    (f_lo, f_hi), (d_lo, d_hi) = limits(name, **entry.defaults)
    for got, lo, hi in ((y, f_lo, f_hi), (dy, d_lo, d_hi)):
        expected = [True, np.isnan(lo), np.isnan(hi)] + [False] * (x.size - 3)
        np.testing.assert_array_equal(np.isnan(got), expected)


@pytest.mark.parametrize("name", ELEMENTWISE)
@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_low_precision_within_two_ulp_of_correctly_rounded(name, dtype):
    x = np.concatenate([np.linspace(-12, 12, 481), [-100.0, 100.0]]).astype(dtype)
    entry = refimpl.get(name)
    for fn, what in ((entry, "value"), (entry.derivative, "derivative")):
        got = fn(x, **entry.defaults)
        assert got.dtype == dtype
        for xi, yi in zip(x, got):
            kink = next((k for k in entry.kinks if k.at == xi), None)
            if what == "derivative" and kink is not None:
                continue
            assert ulp_error(yi, exact(name, what, xi), dtype) <= 2, (name, what, dtype, xi)


# -- vector and shaping entries --------------------------------------------------------------------
def vector_kappas(name, x, params):
    """kappa_i = sum_j |x_j d f_i / d x_j| / |f_i| from the exact function."""
    f = VECTOR_ORACLES[name]
    with mp.workdps(DPS):
        xm = [mp.mpf(v) for v in x]
        y = f(xm, **params)
        kap = []
        for i, yi in enumerate(y):
            total = mp.mpf(0)
            for j, xj in enumerate(xm):
                if xj == 0:
                    continue

                def fi(t, i=i, j=j):
                    z = list(xm)
                    z[j] = t
                    return f(z, **params)[i]

                total += abs(xj * mp.diff(fi, xj))
            kap.append(float(total / abs(yi)) if yi != 0 else 0.0)
        return y, kap


def check_vector(name, x):
    entry = refimpl.get(name)
    params = entry.defaults
    got = entry(np.array(x), **params)
    want, kap = vector_kappas(name, x, params)
    assert got.shape == (len(want),)
    for gi, wi, ki in zip(got, want, kap):
        if wi == 0:
            assert gi == 0, (name, list(x), gi)
        else:
            assert ulp_error(gi, wi) <= 4 + ki, (name, list(x), gi, wi)


@pytest.mark.parametrize("name", VECTORISH)
def test_vector_accuracy_on_the_adversarial_vectors(name):
    for x in VECTORS:
        check_vector(name, x)


@pytest.mark.parametrize("name", VECTORISH)
@settings(max_examples=25, deadline=None)
@given(x=hnp.arrays(np.float64, st.sampled_from([2, 4, 6]),  # even: the GLUs halve, maxout pairs
                    elements=st.one_of(st.floats(-50, 50), st.floats(-1e6, 1e6),
                                       st.sampled_from([0.1, -0.3, 0.7, 1e3]))))
def test_vector_accuracy_random(name, x):
    check_vector(name, x)


@pytest.mark.parametrize("name", VECTORISH)
@pytest.mark.parametrize("seed, scale", [(0, 1.0), (1, 3.0), (2, 3.0), (3, 10.0), (4, 30.0)])
def test_vector_vjp_and_jacobian_agree_with_central_differences(name, seed, scale):
    entry = refimpl.get(name)
    params = entry.defaults
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(12) * scale
    y = entry(x, **params)
    up = rng.standard_normal(y.shape)
    jac, vjp = entry.jacobian(x, **params), entry.vjp(x, up, **params)
    h = 1e-6
    atol = 1e-7 * (1 + np.abs(y).max())  # the rounding of f(x ± h), divided by 2h
    compared = 0
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = h
        ahead, behind = entry(x + e, **params), entry(x - e, **params)
        if not np.allclose((ahead - y) / h, (y - behind) / h, rtol=1e-4, atol=1e-4):
            continue  # f has a kink or a tie within h of x_j: no derivative to compare with
        fd = (ahead - behind) / (2 * h)
        np.testing.assert_allclose(jac[:, j], fd, rtol=1e-6, atol=atol, err_msg=f"{name}, x_{j}")
        np.testing.assert_allclose(vjp[j], up @ fd, rtol=1e-6, atol=atol, err_msg=f"{name}, x_{j}")
        compared += 1
    assert compared >= x.size // 2, f"{name}: only {compared} of {x.size} inputs away from kinks"
