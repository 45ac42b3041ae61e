"""Identities and claims of the softplus-like and log/exp entries (refimpl/softplus_like.py)."""

import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import refimpl
from refimpl.accuracy import ulp_error
from refimpl.oracles import exact

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
moderate = st.floats(min_value=-700, max_value=700, allow_nan=False)


# -- softplus --------------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(x=finite)
def test_softplus_derivative_is_the_sigmoid(x):
    assert refimpl.softplus.derivative(x) == refimpl.sigmoid(x)


@pytest.mark.parametrize("beta", [0.25, 1.0, 3.0])
def test_softplus_derivative_is_the_sigmoid_of_beta_x(beta):
    x = np.linspace(-30, 30, 601)
    np.testing.assert_array_equal(refimpl.softplus.derivative(x, beta=beta),
                                  refimpl.sigmoid(beta * x))


@settings(max_examples=300, deadline=None)
@given(x=moderate)
def test_softplus_odd_part_is_x(x):
    # softplus(x) - softplus(-x) = x: two roundings of numbers of size up to |x| + ln 2
    diff = refimpl.softplus(x) - refimpl.softplus(-x)
    assert abs(diff - x) <= 2 * np.spacing(max(abs(x), np.log(2)))


@settings(max_examples=300, deadline=None)
@given(x=finite)
def test_log_sigmoid_is_minus_softplus_of_minus_x(x):
    assert refimpl.log_sigmoid(x) == -refimpl.softplus(-x)
    assert refimpl.log_sigmoid.derivative(x) == refimpl.sigmoid(-x)


def test_softplus_tends_to_relu_as_beta_grows():
    x = np.linspace(-5, 5, 1001)
    gaps = [np.max(refimpl.softplus(x, beta=b) - refimpl.relu(x)) for b in (1, 10, 100, 1000)]
    # the largest gap is at x = 0 and equals ln(2)/beta
    np.testing.assert_allclose(gaps, np.log(2) / np.array([1, 10, 100, 1000]), rtol=1e-15)
    assert all(g > 0 for g in gaps)
    assert refimpl.softplus(1e-3, beta=1e6) == pytest.approx(1e-3, rel=1e-15)


def test_softplus_is_above_relu_and_below_relu_plus_ln2():
    x = np.linspace(-40, 40, 8001)
    y = refimpl.softplus(x)
    assert (y >= refimpl.relu(x)).all() and (y <= refimpl.relu(x) + np.log(2)).all()
    # strictly above where float64 resolves the gap log1p(e^-|x|) next to relu(x)
    inner = np.abs(x) <= 30
    assert (y[inner] > refimpl.relu(x[inner])).all()


def test_softplus_has_no_threshold_switch():
    # PyTorch returns x where x > 20; the exact value is x + log1p(e^-x)
    x = 20.5
    assert refimpl.softplus(x) > x
    assert ulp_error(refimpl.softplus(x), exact("softplus", "value", x)) <= 1
    assert ulp_error(x, exact("softplus", "value", x)) > 3e5


def test_softplus_left_tail_keeps_relative_precision():
    for x in (-50.0, -300.0, -700.0, -740.0):
        want = exact("softplus", "value", x)
        assert ulp_error(refimpl.softplus(x), want) <= 2
    assert 0 < refimpl.softplus(-740.0) < np.finfo(float).tiny  # subnormal, not flushed


@pytest.mark.parametrize("beta", [1e-3, 0.5, 2.0, 1e3])
def test_softplus_beta_against_the_oracle(beta):
    for x in (-800.0, -30.0, -1.0, -1e-9, 0.0, 1e-9, 0.7, 30.0, 1e5, 1e300):
        want = exact("softplus", "value", x, beta=beta)
        got = refimpl.softplus(x, beta=beta)
        if want == 0 or float(want) == 0:
            assert got == 0 or ulp_error(got, want) <= 1
        else:
            kappa = abs(float(x * exact("softplus", "derivative", x, beta=beta) / want))
            assert ulp_error(got, want) <= 4 + kappa, (beta, x)


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), float("inf") * 0, "1", True])
def test_softplus_beta_must_be_positive(bad):
    with pytest.raises(ValueError, match="beta"):
        refimpl.softplus(1.0, beta=bad)


# -- squareplus ------------------------------------------------------------------------------------
def test_squareplus_does_not_cancel_or_overflow():
    x = np.array([-1e9, -1e20, -1e155, -1e300, -np.finfo(float).max])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = refimpl.squareplus(x)
    # exact value b / (2(s - x)) -> b / (4|x|) = 1/|x| for b = 4
    np.testing.assert_allclose(y[:4], 1 / -x[:4], rtol=1e-15)
    assert 0 < y[4] < np.finfo(float).tiny
    assert refimpl.squareplus(1e300) == 1e300
    assert refimpl.squareplus(np.finfo(float).max) == np.finfo(float).max


def test_squareplus_textbook_formula_cancels():
    x = -1e9
    with np.errstate(over="ignore"):
        naive = (x + np.sqrt(x * x + 4)) / 2
    assert naive == 0.0 and refimpl.squareplus(x) == pytest.approx(1e-9, rel=1e-15)


def test_squareplus_derivative_keeps_subnormal_tail():
    # f'(x) = b / (2 s (s - x)) ~ 1/x^2 for b = 4: subnormal near |x| = 1.4e154, where x^2 overflows
    x = -1.5e154
    want = exact("squareplus", "derivative", x)
    assert 0 < float(want) < np.finfo(float).tiny
    assert ulp_error(refimpl.squareplus.derivative(x), want) <= 1


@pytest.mark.parametrize("b", [1e-6, 0.25, 1.0, 4, 100.0])
def test_squareplus_b_against_the_oracle(b):
    for x in (-1e200, -1e9, -3.0, -1e-8, 0.0, 1e-8, 3.0, 1e9, 1e200):
        for what, fn in (("value", refimpl.squareplus), ("derivative", refimpl.squareplus.derivative)):
            assert ulp_error(fn(x, b=b), exact("squareplus", what, x, b=b)) <= 4, (b, x, what)


def test_squareplus_facts():
    # f(0) = sqrt(b)/2, f'(0) = 1/2; above relu; b -> 0 approaches relu
    assert refimpl.squareplus(0.0) == 1.0 and refimpl.squareplus(0.0, b=1) == 0.5
    assert refimpl.squareplus.derivative(0.0) == 0.5
    x = np.linspace(-10, 10, 2001)
    assert (refimpl.squareplus(x) > refimpl.relu(x)).all()
    assert np.max(refimpl.squareplus(x, b=1e-12) - refimpl.relu(x)) <= 1e-6 / 2 + 1e-15


@pytest.mark.parametrize("bad", [0, -4.0, float("nan"), None])
def test_squareplus_b_must_be_positive(bad):
    with pytest.raises(ValueError, match="b="):
        refimpl.squareplus(1.0, b=bad)


# -- sparse plus -----------------------------------------------------------------------------------
def test_sparse_plus_is_c1_at_the_joins():
    for p in (-1.0, 1.0):
        left, right = np.nextafter(p, -np.inf), np.nextafter(p, np.inf)
        d = refimpl.sparse_plus.derivative(np.array([left, p, right]))
        assert np.ptp(d) <= 1e-15  # no jump of the derivative
        # one-sided difference quotients agree with the derivative at the join
        h = 1e-7
        assert (refimpl.sparse_plus(p + h) - refimpl.sparse_plus(p)) / h == pytest.approx(d[1], abs=1e-6)
        assert (refimpl.sparse_plus(p) - refimpl.sparse_plus(p - h)) / h == pytest.approx(d[1], abs=1e-6)
    # the second derivative jumps: 0 | 1/2 | 0, so it is C1 and not C2
    h = 1e-4
    second = np.diff(refimpl.sparse_plus.derivative(np.array([-1 - 2 * h, -1 - h, -1 + h, -1 + 2 * h]))) / np.array([h, 2 * h, h])
    assert second[0] == 0 and second[2] == pytest.approx(0.5)


def test_sparse_plus_derivative_is_the_sparse_sigmoid():
    x = np.linspace(-3, 3, 601)
    np.testing.assert_array_equal(refimpl.sparse_plus.derivative(x), np.clip((x + 1) / 2, 0, 1))


def test_sparse_plus_exact_zeros_and_identity():
    assert (refimpl.sparse_plus(np.array([-1.0, -2.0, -1e300, -np.inf])) == 0).all()
    x = np.array([1.0, 2.0, 1e300, np.inf])
    np.testing.assert_array_equal(refimpl.sparse_plus(x), x)


@settings(max_examples=300, deadline=None)
@given(x=finite)
def test_sparse_plus_bounds(x):
    y = refimpl.sparse_plus(x)
    assert refimpl.relu(x) <= y <= refimpl.relu(x) + 0.25


# -- log-sigmoid -----------------------------------------------------------------------------------
def test_log_sigmoid_tails():
    assert refimpl.log_sigmoid(-800.0) == -800.0  # log(sigmoid(-800)) would be log(0) = -inf
    assert refimpl.log_sigmoid(40.0) == -refimpl.sigmoid(-40.0)  # -e^-40 to the last bit
    assert -np.finfo(float).tiny < refimpl.log_sigmoid(740.0) < 0  # subnormal, not 0
    assert refimpl.log_sigmoid(-np.inf) == -np.inf and refimpl.log_sigmoid(np.inf) == 0


@settings(max_examples=300, deadline=None)
@given(x=finite)
def test_log_sigmoid_is_negative_and_below_min_x_0(x):
    y = refimpl.log_sigmoid(x)
    assert y <= 0 and y <= min(x, 0.0)


# -- exponential -----------------------------------------------------------------------------------
def test_exponential_overflows_to_inf_without_a_warning():
    with warnings.catch_warnings(), np.errstate(over="warn"):
        warnings.simplefilter("error")
        y = refimpl.exponential(np.array([709.0, 709.782712893384, 709.7827128933841, 1e300]))
        dy = refimpl.exponential.derivative(np.array([710.0]))
    assert np.isfinite(y[:2]).all() and np.isinf(y[2:]).all() and np.isinf(dy).all()
    # inf is the correctly rounded result: the exact value exceeds max + ulp(max)/2
    with mp.workdps(50):
        limit = mp.mpf(np.finfo(float).max) + mp.ldexp(1, 970)
        assert mp.exp(mp.mpf(709.7827128933841)) > limit
        assert mp.exp(mp.mpf(709.782712893384)) < limit


def test_exponential_of_log_sigmoid_is_the_sigmoid():
    x = np.linspace(-30, 30, 601)
    np.testing.assert_allclose(refimpl.exponential(refimpl.log_sigmoid(x)), refimpl.sigmoid(x),
                               rtol=4e-15)
