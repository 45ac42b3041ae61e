"""Claims specific to identity, LeCun tanh and softsign (the generic contract is in
test_numerics / test_registry / test_properties)."""

import math
import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import refimpl
from refimpl.accuracy import ulp_error
from refimpl.oracles import exact

FINITE = st.floats(allow_nan=False, allow_infinity=False, width=64)


# -- identity ------------------------------------------------------------------------------------
def test_linear_is_identity():
    assert refimpl.get("linear") is refimpl.identity


@settings(max_examples=200, deadline=None)
@given(x=st.floats(width=64))
def test_identity_returns_its_input_bit_for_bit(x):
    y = refimpl.identity(x)
    assert (math.isnan(x) and math.isnan(y)) or (y == x and math.copysign(1, y) == math.copysign(1, x))


def test_identity_returns_a_copy():
    x = np.array([1.0, -2.0])
    y = refimpl.identity(x)
    y[0] = 99.0
    assert x[0] == 1.0


def test_identity_derivative_is_one_and_keeps_nan():
    d = refimpl.identity.derivative(np.array([-np.inf, -1.0, 0.0, np.inf, np.nan]))
    np.testing.assert_array_equal(d[:4], 1.0)
    assert np.isnan(d[4])


# -- LeCun tanh ----------------------------------------------------------------------------------
def test_lecun_tanh_scale_is_the_papers_four_digits_of_one_over_tanh_two_thirds():
    # LeCun et al. (1998), 4.4: A is chosen so that f(1) = A tanh(2/3) = 1, and printed as 1.7159
    with mp.workdps(30):
        assert refimpl.classic.LECUN_TANH_SCALE == float(mp.nstr(1 / mp.tanh(mp.mpf(2) / 3), 5))
    x = np.linspace(-5, 5, 1001)
    np.testing.assert_allclose(refimpl.lecun_tanh(x), 1.7159 * np.tanh(2 * x / 3), rtol=4e-16,
                               atol=1e-300)


def test_lecun_tanh_maps_plus_minus_one_close_to_plus_minus_one():
    # LeCun et al. (1998), 4.4, property (a): f(+-1) = +-1, which holds to about 3e-6
    y = refimpl.lecun_tanh(np.array([-1.0, 1.0]))
    np.testing.assert_allclose(y, [-1.0, 1.0], atol=3e-6)
    assert abs(y[1] - 1) > 1e-7  # not exactly: 0.99999729...


def test_lecun_tanh_second_derivative_peaks_near_one():
    # property (b), "the second derivative is a maximum at x = 1": |f''| peaks at
    # x = 1.5 artanh(1/sqrt 3) = 0.98699, close to but not at 1
    x = np.linspace(0.5, 1.5, 100_001)
    d = refimpl.lecun_tanh.derivative(x)
    peak = x[np.argmax(-np.gradient(d, x))]
    assert abs(peak - 1.5 * math.atanh(1 / math.sqrt(3))) < 1e-4
    assert 0.98 < peak < 0.99


def test_lecun_tanh_is_a_scaled_tanh():
    x = np.linspace(-10, 10, 2001)
    np.testing.assert_allclose(refimpl.lecun_tanh.derivative(x),
                               1.7159 * 2 / 3 * refimpl.tanh.derivative(2 * x / 3), rtol=1e-14)
    assert refimpl.lecun_tanh.derivative(0.0) == 1.7159 * 2 / 3


def test_lecun_tanh_derivative_tail_vs_oracle():
    # the argument 2x/3 carries one rounding; its error is magnified ~4|x|/3 in sech^2
    for x in np.linspace(-500, 500, 1001):
        want = exact("lecun_tanh", "derivative", x)
        got = refimpl.lecun_tanh.derivative(x)
        assert want == 0 and got == 0 or ulp_error(got, want) <= 8 + 4 * abs(x) / 3, x


# -- softsign ------------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(x=FINITE)
def test_softsign_is_odd_and_bounded(x):
    y = refimpl.softsign(x)
    assert refimpl.softsign(-x) == -y
    assert -1 <= y <= 1
    if abs(x) < 2 ** 52:  # beyond, 1/(1+|x|) is below half an ulp of 1
        assert abs(y) < 1


@settings(max_examples=300, deadline=None)
@given(x=FINITE)
def test_softsign_derivative_is_one_minus_abs_f_squared(x):
    # f' = 1/(1+|x|)^2 = (1 - |f|)^2; compare in relative terms where 1 - |f| is exact enough
    if abs(x) < 1e6:
        f = refimpl.softsign(x)
        np.testing.assert_allclose(refimpl.softsign.derivative(x), (1 - abs(f)) ** 2,
                                   rtol=1e-9)


def test_softsign_limits_and_no_nan_at_infinity():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = refimpl.softsign(np.array([-np.inf, np.inf, np.nan]))
    assert y[0] == -1 and y[1] == 1 and np.isnan(y[2])


def test_softsign_derivative_keeps_subnormal_tail():
    # (1+|x|)^2 overflows for |x| > 1.3e154; r*r with r = 1/(1+|x|) does not
    d = refimpl.softsign.derivative(1e160)
    assert 0 < d < np.finfo(float).tiny
    assert ulp_error(d, exact("softsign", "derivative", 1e160)) <= 1


def test_softsign_tails_are_heavier_than_tanh():
    x = np.array([2.0, 5.0, 10.0, 100.0])
    assert (1 - refimpl.softsign(x) > 1 - refimpl.tanh(x)).all()
    assert (refimpl.softsign.derivative(x) > refimpl.tanh.derivative(x)).all()


def test_softsign_second_derivative_jumps_at_zero():
    # C1 but not C2: f''(0-) = 2, f''(0+) = -2
    h = 1e-7
    d = refimpl.softsign.derivative
    left = (d(0.0) - d(-h)) / h
    right = (d(h) - d(0.0)) / h
    assert left == pytest.approx(2, rel=1e-5) and right == pytest.approx(-2, rel=1e-5)


def test_oracles_use_the_stored_constants():
    with mp.workdps(50):
        want = mp.mpf(1.7159) * mp.tanh(mp.mpf(2) / 3)  # the double 1.7159, exact 2/3
        assert abs(exact("lecun_tanh", "value", 1.0) - want) < mp.mpf(10) ** -45
