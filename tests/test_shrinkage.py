"""Claims specific to softshrink, hardshrink, tanhshrink and threshold."""

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import refimpl

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
lambdas = st.floats(min_value=0.0, max_value=1e6, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(x=finite, lambd=lambdas)
def test_softshrink_is_x_minus_its_clip(x, lambd):
    # softshrink(x) = x - clip(x, -lambda, lambda): the proximal operator of lambda*|.|
    want = x - min(max(x, -lambd), lambd)
    assert refimpl.softshrink(x, lambd=lambd) == want


@settings(max_examples=300, deadline=None)
@given(x=finite, lambd=lambdas)
def test_hardshrink_keeps_or_kills(x, lambd):
    y = refimpl.hardshrink(x, lambd=lambd)
    assert y == (x if abs(x) > lambd else 0.0)
    # soft = hard moved lambda towards 0, wherever hard keeps x
    if abs(x) > lambd:
        assert refimpl.softshrink(x, lambd=lambd) == x - math.copysign(lambd, x)


@settings(max_examples=200, deadline=None)
@given(x=finite, lambd=lambdas)
def test_shrinks_are_odd(x, lambd):
    for f in (refimpl.softshrink, refimpl.hardshrink):
        assert f(-x, lambd=lambd) == -f(x, lambd=lambd)
    assert refimpl.tanhshrink(-x) == -refimpl.tanhshrink(x)


def test_lambda_zero_gives_the_identity():
    x = np.array([-3.0, -1e-300, 0.0, 2.5])
    np.testing.assert_array_equal(refimpl.softshrink(x, lambd=0.0), x)
    np.testing.assert_array_equal(refimpl.hardshrink(x, lambd=0.0), x)


@pytest.mark.parametrize("name", ["softshrink", "hardshrink"])
@pytest.mark.parametrize("bad", [-0.1, float("inf"), float("nan"), "0.5", True])
def test_lambda_outside_its_domain_is_a_value_error_naming_it(name, bad):
    with pytest.raises(ValueError, match=r"lambd=.*expected a real number with lambd >= 0"):
        refimpl.get(name)(1.0, lambd=bad)


def test_threshold_parameters_are_required_and_checked():
    with pytest.raises(TypeError, match="missing required parameter 'threshold'"):
        refimpl.threshold(1.0)
    with pytest.raises(TypeError, match="missing required parameter 'value'"):
        refimpl.threshold(1.0, threshold=0.0)
    for bad in (float("nan"), float("inf"), "1"):
        with pytest.raises(ValueError, match="invalid value="):
            refimpl.threshold(1.0, threshold=0.0, value=bad)
        with pytest.raises(ValueError, match="invalid threshold="):
            refimpl.threshold(1.0, threshold=bad, value=0.0)


def test_threshold_with_zero_zero_is_relu():
    x = np.concatenate([np.linspace(-5, 5, 1001), [-np.inf, np.inf, np.nan]])
    np.testing.assert_array_equal(refimpl.threshold(x, threshold=0.0, value=0.0), refimpl.relu(x))
    np.testing.assert_array_equal(refimpl.threshold.derivative(x, threshold=0.0, value=0.0),
                                  refimpl.relu.derivative(x))


@settings(max_examples=200, deadline=None)
@given(x=finite, t=finite, v=finite)
def test_threshold_definition(x, t, v):
    y = refimpl.threshold(x, threshold=t, value=v)
    assert y == (x if x > t else v)
    assert refimpl.threshold.derivative(x, threshold=t, value=v) == (1.0 if x > t else 0.0)


def test_values_and_derivatives_at_the_kinks_follow_pytorch():
    # PyTorch: softshrink/hardshrink backward is 0 for -lambd <= x <= lambd; threshold's for x <= t
    for f in (refimpl.softshrink, refimpl.hardshrink):
        np.testing.assert_array_equal(f([-0.5, 0.5]), [0.0, 0.0])
        np.testing.assert_array_equal(f.derivative([-0.5, 0.5]), [0.0, 0.0])
        up = np.nextafter(0.5, 1.0)
        assert f.derivative(up) == 1.0 and f.derivative(-up) == 1.0
    assert refimpl.threshold(1.0, threshold=1.0, value=7.0) == 7.0
    assert refimpl.threshold.derivative(1.0, threshold=1.0, value=7.0) == 0.0


def test_hardshrink_jumps_by_lambda():
    up = np.nextafter(0.5, 1.0)
    assert refimpl.hardshrink(0.5) == 0.0 and refimpl.hardshrink(up) == up
    assert refimpl.softshrink(up) == up - 0.5  # continuous: tiny just above the kink


def test_nan_propagates_in_values_and_derivatives():
    p = dict(threshold=1.0, value=0.0)
    assert np.isnan(refimpl.softshrink(np.nan)) and np.isnan(refimpl.softshrink.derivative(np.nan))
    assert np.isnan(refimpl.hardshrink(np.nan)) and np.isnan(refimpl.hardshrink.derivative(np.nan))
    assert np.isnan(refimpl.threshold(np.nan, **p)) and np.isnan(
        refimpl.threshold.derivative(np.nan, **p))


def test_threshold_derivative_does_not_overflow_far_from_the_threshold():
    with np.errstate(all="raise"):
        assert refimpl.threshold.derivative(1e308, threshold=-1e308, value=0.0) == 1.0
        assert refimpl.threshold.derivative(-1e308, threshold=1e308, value=0.0) == 0.0


# -- tanhshrink ---------------------------------------------------------------------------------
def _tanhshrink_exact(x):
    with mp.workdps(60 + int(2 * max(0.0, -math.log10(abs(x))))):
        return x - mp.tanh(mp.mpf(x))


@pytest.mark.parametrize("x", [1e-100, 1e-20, 1e-8, 1e-3, 0.1, 0.5, 0.99, 1.0])
def test_tanhshrink_keeps_relative_precision_where_the_textbook_form_cancels(x):
    exact = _tanhshrink_exact(x)
    got = refimpl.tanhshrink(x)
    assert abs(got - exact) <= 4 * np.spacing(float(exact))  # within 4 ulp
    if x <= 1e-3:
        # the textbook form has lost at least 4 of the 16 digits here
        naive = x - np.tanh(x)
        assert abs(naive - exact) > 1e-12 * abs(exact)


def test_tanhshrink_starts_as_x_cubed_over_three():
    x = np.geomspace(1e-100, 1e-6, 50)
    np.testing.assert_allclose(refimpl.tanhshrink(x), x ** 3 / 3, rtol=1e-11)
    assert refimpl.tanhshrink(1e-8) > 0  # the textbook form gives exactly 0 here
    assert 1e-8 - np.tanh(1e-8) == 0.0


def test_tanhshrink_series_and_direct_form_meet_at_the_switch():
    below, at = np.nextafter(1.0, 0.0), 1.0
    a, b = refimpl.tanhshrink(below), refimpl.tanhshrink(at)
    assert 0 < b - a < 1e-15  # continuous and increasing across the switch


@settings(max_examples=300, deadline=None)
@given(x=finite)
def test_tanhshrink_derivative_is_tanh_squared_and_in_unit_interval(x):
    d = refimpl.tanhshrink.derivative(x)
    assert 0.0 <= d <= 1.0
    assert d == np.tanh(x) ** 2


def test_tanhshrink_tends_to_x_minus_one():
    x = np.array([20.0, 100.0, 1e10])
    np.testing.assert_array_equal(refimpl.tanhshrink(x), x - 1)
    np.testing.assert_array_equal(refimpl.tanhshrink(-x), -x + 1)
    x = np.linspace(0, 15, 151)  # above the asymptote, approaching it
    assert (refimpl.tanhshrink(x) > x - 1).all()
