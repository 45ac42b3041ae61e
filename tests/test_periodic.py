"""Claims specific to the periodic family: Snake and SnakeBeta (refimpl/periodic.py)."""

import math
import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import refimpl
from refimpl.accuracy import ulp_error
from refimpl.properties import normal_moments

GRID = np.concatenate([np.linspace(-30, 30, 6001), [-1e300, -1e10, 1e10, 1e300, 5e-324, 0.0,
                                                    -0.0, np.inf, -np.inf, np.nan]])
ROOT = -0.7853981633974483  # the double nearest −π/4, a double root of snake' at α = 1


def test_snake_beta_with_beta_alpha_is_snake_bit_for_bit():
    for a in (1.0, 0.3, 7.5):
        np.testing.assert_array_equal(refimpl.snake_beta(GRID, alpha=a, beta=a),
                                      refimpl.snake(GRID, alpha=a))
        np.testing.assert_array_equal(refimpl.snake_beta.derivative(GRID, alpha=a, beta=a),
                                      refimpl.snake.derivative(GRID, alpha=a))
    assert refimpl.snake.defaults == {"alpha": 1.0}
    assert refimpl.snake_beta.defaults == {"alpha": 1.0, "beta": 1.0}


def test_the_shape_text_describes_alpha_one():
    # the entries' `shape` clauses (the figure's alt text) state the curve at α = β = 1
    x = np.linspace(-10, 10, 20001)
    y, d = refimpl.snake(x), refimpl.snake.derivative(x)
    assert np.all(y >= x) and np.max(y - x) <= 1 and np.max(y - x) > 1 - 1e-6
    assert np.all((d >= 0) & (d <= 2))
    np.testing.assert_allclose(refimpl.snake.derivative([ROOT, ROOT + np.pi]), 0, atol=1e-15)
    np.testing.assert_allclose(refimpl.snake.derivative([-ROOT, -ROOT + np.pi]), 2, rtol=1e-15)


# -- parameters ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name, param", [("snake", "alpha"), ("snake_beta", "alpha"),
                                         ("snake_beta", "beta")])
@pytest.mark.parametrize("bad", [0.0, -1.0, -0.0, np.nan, np.inf, True, "1", [1.0, 0.0],
                                 np.array([0.5, -0.5])])
def test_alpha_and_beta_must_be_positive_and_finite(name, param, bad):
    with pytest.raises(ValueError, match=rf"^{name}: invalid {param}=.*expected a finite real "
                                         rf"number > 0, or an array of them"):
        refimpl.get(name)(1.0, **{param: bad})


def test_one_alpha_per_channel_broadcasts_like_bigvgan():
    # BigVGAN and DAC hold α with shape (C,) or (1, C, 1) against an (N, C, T) input
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 3, 5))
    alpha = np.array([0.5, 1.0, 4.0])
    y = refimpl.snake(x, alpha=alpha.reshape(3, 1))
    d = refimpl.snake.derivative(x, alpha=alpha.reshape(3, 1))
    for c, a in enumerate(alpha):
        np.testing.assert_array_equal(y[:, c], refimpl.snake(x[:, c], alpha=a))
        np.testing.assert_array_equal(d[:, c], refimpl.snake.derivative(x[:, c], alpha=a))
    up = rng.standard_normal(x.shape)
    np.testing.assert_array_equal(refimpl.snake.vjp(x, up, alpha=alpha.reshape(3, 1)), up * d)
    # a 1-D x against per-channel α gives f of the broadcast shape; its Jacobian is diagonal
    jac = refimpl.snake.jacobian(np.array([-1.0, 0.5]), alpha=alpha.reshape(3, 1))
    assert jac.shape == (3, 2, 2) and np.all(jac[:, 0, 1] == 0) and np.all(jac[:, 1, 0] == 0)


def test_derivative_with_respect_to_alpha():
    # the docstring's ∂f/∂α = x sin(2αx)/α − sin²(αx)/α², against a central difference
    x = np.array([-3.0, -0.4, 0.7, 2.5])
    a, h = 1.3, 1e-6
    fd = (refimpl.snake(x, alpha=a + h) - refimpl.snake(x, alpha=a - h)) / (2 * h)
    exact = x * np.sin(2 * a * x) / a - np.sin(a * x) ** 2 / a ** 2
    np.testing.assert_allclose(fd, exact, rtol=1e-8, atol=1e-10)


# -- numerics -----------------------------------------------------------------------------------
def test_infinity_overflow_and_nan_without_warnings():
    x = np.array([-np.inf, np.inf, np.nan, 1e308, -1e308, 0.0])
    with warnings.catch_warnings(), np.errstate(all="warn"):
        warnings.simplefilter("error")
        y, d = refimpl.snake(x, alpha=10.0), refimpl.snake.derivative(x, alpha=10.0)
        yb = refimpl.snake_beta(x, alpha=10.0, beta=1e-300)
        db = refimpl.snake_beta.derivative(x, alpha=10.0, beta=0.5)
    # f → ±inf; f' has no limit at ±inf: NaN; where 10x overflows the phase is lost and the
    # mean over a period is returned: x + 1/(2β) (= x in doubles for Snake) and 1
    np.testing.assert_array_equal(y, [-np.inf, np.inf, np.nan, 1e308, -1e308, 0.0])
    np.testing.assert_array_equal(d, [np.nan, np.nan, np.nan, 1.0, 1.0, 1.0])
    np.testing.assert_array_equal(yb[3:5], [1e308 + 0.5e300, -1e308 + 0.5e300])
    np.testing.assert_array_equal(db, [np.nan, np.nan, np.nan, 1.0, 1.0, 1.0])


def test_double_root_of_the_derivative_to_the_last_bits():
    # next to x0 = −π/4, snake'(x) ≈ 2(x − x0)²: 1 + sin 2x would keep no correct digit
    for x in (ROOT, np.nextafter(ROOT, 0), ROOT + 1e-9, ROOT + np.pi):
        with mp.workdps(60):
            want = 2 * mp.sin(mp.mpf(x) + mp.pi / 4) ** 2
        assert ulp_error(refimpl.snake.derivative(x), want) <= 4, x
    assert 1 + np.sin(2 * ROOT) == 0.0  # the textbook form: no digit at all


def _exact_at_rounded_phase(x, alpha, beta):
    """f and f' of SnakeBeta at the double x, with the phase αx rounded to a double first (as
    refimpl, and every framework, computes it), 50 digits."""
    theta = mp.mpf(float(alpha * x))
    a, b = mp.mpf(alpha), mp.mpf(beta)
    with mp.workdps(90):
        s, c = mp.sin(theta), mp.cos(theta)
        f, t = mp.mpf(x) + s * s / b, s * s / b
        ratio = a / b
        df, u = ratio * (s + c) ** 2 + (1 - ratio), ratio * 2 * s * c
    return f, t, df, u


@settings(max_examples=300, deadline=None)
@given(x=st.floats(-1e3, 1e3), alpha=st.floats(0.05, 20), beta=st.floats(0.05, 20))
def test_any_alpha_and_beta_at_the_rounded_phase(x, alpha, beta):
    # Away from α = 1, αx is rounded before sin: refimpl is then accurate to a few ulp of the
    # function at that rounded phase, times the condition of the final sum (x + t, 1 + u).
    if not math.isfinite(alpha * x):
        return
    f, t, df, u = _exact_at_rounded_phase(x, alpha, beta)
    got = refimpl.snake_beta(x, alpha=alpha, beta=beta)
    dgot = refimpl.snake_beta.derivative(x, alpha=alpha, beta=beta)
    if f != 0:
        assert ulp_error(got, f) <= 4 + 3 * float(abs(t / f)), (x, alpha, beta)
    if df != 0:
        assert ulp_error(dgot, df) <= 8 + 3 * float(abs(u / df)), (x, alpha, beta)


def test_numpy_sin_and_cos_are_within_a_little_over_half_an_ulp():
    # the accuracy claims rest on NumPy's argument reduction: check it where Snake needs it,
    # near multiples of π and for |x| up to 1e300
    rng = np.random.default_rng(3)
    x = np.concatenate([rng.uniform(-1, 1, 300) * 10.0 ** rng.uniform(-5, 300, 300),
                        [float(mp.pi * k) for k in (1, 7, 355, 10 ** 6, 10 ** 15)]])
    for fn, exact in ((np.sin, mp.sin), (np.cos, mp.cos)):
        for xi, yi in zip(x, fn(x)):
            with mp.workdps(60):
                assert ulp_error(yi, exact(mp.mpf(float(xi)))) <= 0.6, (fn.__name__, xi)


# -- the normal moments (the page's variance claim) ----------------------------------------------
@pytest.mark.parametrize("alpha", [0.2, 0.5604532115, 1.0, 3.0])
def test_mean_and_variance_under_a_standard_normal_input(alpha):
    # E sin²(αZ) = (1 − e^{−2α²})/2 and Var sin²(αZ) = (1 + e^{−8α²} − 2e^{−4α²})/8; Z and
    # sin²(αZ) are uncorrelated (their product is odd), so Var f = 1 + Var sin²(αZ)/α²
    mean, var = normal_moments(lambda z: refimpl.snake(z, alpha=alpha))
    assert mean == pytest.approx((1 - math.exp(-2 * alpha ** 2)) / (2 * alpha), rel=1e-9)
    assert var == pytest.approx(1 + (1 + math.exp(-8 * alpha ** 2) - 2 * math.exp(-4 * alpha ** 2))
                                / (8 * alpha ** 2), rel=1e-9)
