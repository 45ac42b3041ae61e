"""Claims specific to the hard family: identities, kinks, parameter checks, exact limits."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import refimpl

FINITE = st.floats(allow_nan=False, allow_infinity=False, width=64)


def test_hard_silu_is_an_alias_of_hard_swish():
    assert refimpl.get("hard_silu") is refimpl.hard_swish
    assert refimpl.hard_swish.page == "hard_swish"


# -- hard sigmoid --------------------------------------------------------------------------------
def test_hard_sigmoid_is_relu6_shifted_and_scaled_on_a_grid():
    # relu6(x + 3)/6 written out; equal to the last bit where x + 3 is exact (|x| <= 2^50)
    x = np.linspace(-8, 8, 16001)
    np.testing.assert_array_equal(refimpl.hard_sigmoid(x), np.minimum(np.maximum(x + 3, 0), 6) / 6)


def test_hard_sigmoid_corners_and_slope():
    assert refimpl.hard_sigmoid(-3.0) == 0 and refimpl.hard_sigmoid(3.0) == 1
    assert refimpl.hard_sigmoid(0.0) == 0.5
    assert refimpl.hard_sigmoid.derivative(0.0) == 1 / 6
    # PyTorch's convention at both corners: 0
    assert refimpl.hard_sigmoid.derivative(-3.0) == 0 and refimpl.hard_sigmoid.derivative(3.0) == 0


@settings(max_examples=200, deadline=None)
@given(x=FINITE)
def test_hard_sigmoid_symmetry(x):
    # h(-x) = 1 - h(x) in exact arithmetic; in floating point each side carries a rounding,
    # so they agree within one ulp of 1
    a, b = refimpl.hard_sigmoid(-x), 1 - refimpl.hard_sigmoid(x)
    assert abs(a - b) <= np.spacing(1.0)


def test_keras2_form_differs_from_hard_sigmoid_except_at_zero_and_far_out():
    x = np.linspace(-6, 6, 1201)
    keras2 = np.clip(0.2 * x + 0.5, 0, 1)
    h = refimpl.hard_sigmoid(x)
    assert keras2[600] == h[600] == 0.5  # x = 0
    assert np.all((keras2 == h) == ((np.abs(x) >= 3) | (x == 0)))
    # the largest gap, 1/12, is at |x| = 2.5, where Keras 2 has already saturated
    assert np.max(np.abs(keras2 - h)) == pytest.approx(1 / 12, abs=1e-15)


# -- hard swish ----------------------------------------------------------------------------------
def test_hard_swish_is_x_times_hard_sigmoid_for_finite_x():
    x = np.linspace(-8, 8, 16001)
    got = refimpl.hard_swish(x)
    want = x * refimpl.hard_sigmoid(x)
    np.testing.assert_allclose(got, want, rtol=4 * np.finfo(float).eps, atol=0)


def test_hard_swish_minus_infinity_is_zero_not_nan():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert refimpl.hard_swish(-np.inf) == 0
        assert refimpl.hard_swish(np.inf) == np.inf
    with np.errstate(invalid="ignore"):
        assert np.isnan(-np.inf * refimpl.hard_sigmoid(-np.inf))  # the naive product


def test_hard_swish_minimum_and_derivative_root():
    assert refimpl.hard_swish(-1.5) == -0.375
    assert refimpl.hard_swish.derivative(-1.5) == 0
    x = np.linspace(-3, 3, 60001)
    assert x[np.argmin(refimpl.hard_swish(x))] == pytest.approx(-1.5, abs=1e-12)


def test_hard_swish_derivative_jumps_at_both_kinks():
    # one-sided difference quotients: C0, not C1
    h = 2.0 ** -30
    f = refimpl.hard_swish
    left3, right3 = (f(3.0) - f(3.0 - h)) / h, (f(3.0 + h) - f(3.0)) / h
    leftm3, rightm3 = (f(-3.0) - f(-3.0 - h)) / h, (f(-3.0 + h) - f(-3.0)) / h
    assert left3 == pytest.approx(1.5, abs=1e-8) and right3 == 1.0
    assert leftm3 == 0.0 and rightm3 == pytest.approx(-0.5, abs=1e-8)
    # the values refimpl returns there, those of PyTorch 2.14.1 and JAX 0.10.2
    assert refimpl.hard_swish.derivative(-3.0) == 0.0
    assert refimpl.hard_swish.derivative(3.0) == 1.0


@settings(max_examples=200, deadline=None)
@given(x=st.floats(min_value=-2.999, max_value=2.999))
def test_hard_swish_derivative_formula_inside(x):
    assert refimpl.hard_swish.derivative(x) == pytest.approx((2 * x + 3) / 6, rel=1e-15, abs=1e-16)


def test_hard_swish_is_close_to_silu():
    x = np.linspace(-60, 60, 120001)
    silu = x * refimpl.sigmoid(x)
    assert np.max(np.abs(refimpl.hard_swish(x) - silu)) < 0.15


# -- hard tanh -----------------------------------------------------------------------------------
def test_hard_tanh_is_exact_clip():
    x = np.array([-np.inf, -2.0, -1.0, -0.0, 0.0, 0.25, 1.0, 7.0, np.inf])
    y = refimpl.hard_tanh(x)
    np.testing.assert_array_equal(y, [-1, -1, -1, 0, 0, 0.25, 1, 1, 1])
    assert np.signbit(y[3]) and not np.signbit(y[4])


@settings(max_examples=200, deadline=None)
@given(x=FINITE)
def test_hard_tanh_is_odd_and_bounded(x):
    y = refimpl.hard_tanh(x)
    assert -1 <= y <= 1 and refimpl.hard_tanh(-x) == -y


def test_hard_tanh_with_custom_bounds_is_relu6():
    x = np.linspace(-10, 10, 2001)
    np.testing.assert_array_equal(refimpl.hard_tanh(x, min_val=0.0, max_val=6.0),
                                  np.minimum(np.maximum(x, 0), 6))
    d = refimpl.hard_tanh.derivative(np.array([0.0, 3.0, 6.0]), min_val=0.0, max_val=6.0)
    np.testing.assert_array_equal(d, [0.0, 1.0, 0.0])


@pytest.mark.parametrize("lo, hi", [(1.0, -1.0), (0.5, 0.5)])
def test_hard_tanh_needs_min_below_max(lo, hi):
    with pytest.raises(ValueError, match=r"min_val=.*max_val=.*expected min_val < max_val"):
        refimpl.hard_tanh(0.0, min_val=lo, max_val=hi)
    with pytest.raises(ValueError, match="min_val < max_val"):
        refimpl.hard_tanh.derivative(0.0, min_val=lo, max_val=hi)


@pytest.mark.parametrize("name, value", [("min_val", math.inf), ("min_val", math.nan),
                                         ("max_val", "1"), ("max_val", True)])
def test_hard_tanh_bound_outside_domain_is_a_value_error_naming_it(name, value):
    with pytest.raises(ValueError, match=rf"hard_tanh: invalid {name}="):
        refimpl.hard_tanh(0.0, **{name: value})


def test_hard_tanh_kinks_follow_pytorch():
    assert refimpl.hard_tanh.derivative(-1.0) == 0 and refimpl.hard_tanh.derivative(1.0) == 0
    assert refimpl.hard_tanh.derivative(np.nextafter(1.0, 0)) == 1


# -- sparse sigmoid ------------------------------------------------------------------------------
def _sparsemax2(x):
    # Euclidean projection of (x, 0) onto the probability simplex, first coordinate
    p = (x + 1) / 2
    return min(max(p, 0.0), 1.0)


@settings(max_examples=200, deadline=None)
@given(x=st.floats(min_value=-1e6, max_value=1e6))
def test_sparse_sigmoid_is_two_class_sparsemax(x):
    assert refimpl.sparse_sigmoid(x) == _sparsemax2(x)


def test_sparse_sigmoid_reaches_zero_and_one_exactly():
    assert refimpl.sparse_sigmoid(-1.0) == 0 and refimpl.sparse_sigmoid(1.0) == 1
    assert 0 < refimpl.sparse_sigmoid(np.nextafter(-1.0, 0)) < 1e-16


def test_sparse_sigmoid_is_the_derivative_of_sparse_plus_where_defined():
    x = np.array([-2.0, -0.7, 0.3, 0.9, 2.5])
    np.testing.assert_array_equal(refimpl.sparse_plus.derivative(x), refimpl.sparse_sigmoid(x))


def test_sparse_sigmoid_is_hard_sigmoid_rescaled():
    # sparse_sigmoid(x) = hard_sigmoid(3x): both are clip(line through (0, 1/2))
    x = np.linspace(-2, 2, 4001)
    np.testing.assert_allclose(refimpl.sparse_sigmoid(x), refimpl.hard_sigmoid(3 * x),
                               rtol=2 * np.finfo(float).eps, atol=1e-16)
