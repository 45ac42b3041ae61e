"""Claims specific to ELU, SELU and CELU (the generic contract is in test_numerics /
test_registry / test_properties)."""

import math
import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import refimpl
from refimpl.accuracy import sample_points, ulp_error
from refimpl.exponential_linear import SELU_ALPHA, SELU_SCALE
from refimpl.oracles import exact

X = np.concatenate([np.linspace(-40, 40, 8001), [-1e-300, -5e-324, -0.0, 0.0, 1e-300]])


def test_selu_constants_are_the_doubles_nearest_the_fixed_point():
    # Klambauer et al. (2017): alpha_01 makes E[selu(Z)] = 0 and lambda_01 then makes
    # E[selu(Z)^2] = 1 for Z ~ N(0, 1); solved here at 60 digits from the closed-form moments
    with mp.workdps(60):
        e_half, e_two = mp.e ** mp.mpf(0.5), mp.e ** 2
        alpha = 1 / mp.sqrt(2 * mp.pi) / (mp.mpf(1) / 2 - e_half * mp.ncdf(-1))
        scale = 1 / mp.sqrt(mp.mpf(1) / 2 + alpha ** 2 * (e_two * mp.ncdf(-2)
                                                          - 2 * e_half * mp.ncdf(-1) + mp.mpf(1) / 2))
        assert SELU_ALPHA == float(alpha) and SELU_SCALE == float(scale)  # nearest doubles


def test_celu_with_alpha_one_is_elu():
    np.testing.assert_array_equal(refimpl.celu(X), refimpl.elu(X))
    np.testing.assert_array_equal(refimpl.celu.derivative(X), refimpl.elu.derivative(X))


def test_selu_is_scaled_elu():
    np.testing.assert_array_equal(refimpl.selu(X), SELU_SCALE * refimpl.elu(X, alpha=SELU_ALPHA))


@pytest.mark.parametrize("alpha", [0.25, 1.0, 2.0, 7.5])
def test_exact_limits_for_every_alpha(alpha):
    assert refimpl.elu(-np.inf, alpha=alpha) == -alpha
    assert refimpl.celu(-np.inf, alpha=alpha) == -alpha
    assert refimpl.elu.derivative(-np.inf, alpha=alpha) == 0
    assert refimpl.celu.derivative(-np.inf, alpha=alpha) == 0
    assert refimpl.elu(np.inf, alpha=alpha) == np.inf


def test_selu_limits():
    assert refimpl.selu(-np.inf) == -(SELU_SCALE * SELU_ALPHA)
    assert refimpl.selu.derivative(np.inf) == SELU_SCALE


def test_expm1_keeps_small_negative_inputs():
    # alpha (e^x - 1) with exp: e^x rounds to 1 for |x| < 2^-54, every digit is lost
    x = np.array([-1e-20, -1e-10, -1e-5])
    naive = np.exp(x) - 1
    assert naive[0] == 0
    for name in ("elu", "celu"):
        got = refimpl.get(name)(x)
        for xi, gi in zip(x, got):
            assert ulp_error(gi, exact(name, "value", xi)) <= 1
    assert refimpl.elu(-1e-20) == -1e-20


@pytest.mark.parametrize("alpha", [0.5, 2.0])
def test_elu_derivative_at_zero_follows_pytorch(alpha):
    # PyTorch's elu_backward takes the x <= 0 branch (alpha * e^x) at exactly 0: a jump for alpha != 1
    assert refimpl.elu.derivative(0.0, alpha=alpha) == alpha
    assert refimpl.elu.derivative(-0.0, alpha=alpha) == alpha
    assert refimpl.elu.derivative(1e-300, alpha=alpha) == 1.0


def test_selu_kink_value():
    assert refimpl.selu.derivative(0.0) == SELU_SCALE * SELU_ALPHA
    assert refimpl.selu.derivative(np.nextafter(0, 1)) == SELU_SCALE


@pytest.mark.parametrize("alpha", [0.1, 0.5, 2.0, 10.0])
def test_celu_derivative_is_continuous_for_every_alpha(alpha):
    d = refimpl.celu.derivative(np.array([-1e-12, 0.0, 1e-12]), alpha=alpha)
    np.testing.assert_allclose(d, 1.0, rtol=1e-10)
    # and ELU's is not, unless alpha = 1
    e = refimpl.elu.derivative(np.array([0.0, 1e-12]), alpha=alpha)
    assert e[0] == alpha and e[1] == 1.0


@settings(max_examples=200, deadline=None)
@given(x=st.floats(-1e6, 1e6), alpha=st.floats(0.05, 20))
def test_celu_is_scale_similar(x, alpha):
    # Barron (2017): celu(x, alpha) = alpha * celu(x / alpha, 1)
    np.testing.assert_allclose(refimpl.celu(x, alpha=alpha), alpha * refimpl.celu(x / alpha),
                               rtol=1e-13, atol=1e-300)


@settings(max_examples=200, deadline=None)
@given(x=st.floats(-1e6, 1e6), y=st.floats(-1e6, 1e6), alpha=st.floats(0.05, 20))
def test_monotonic_and_bounded_below(x, y, alpha):
    lo, hi = min(x, y), max(x, y)
    for name in ("elu", "celu"):
        f = refimpl.get(name)
        assert f(lo, alpha=alpha) <= f(hi, alpha=alpha)
        assert f(lo, alpha=alpha) >= -alpha
    assert refimpl.selu(lo) <= refimpl.selu(hi)


@pytest.mark.parametrize("name", ["elu", "celu"])
@pytest.mark.parametrize("alpha", [0.3, 2.0])
def test_non_default_alpha_against_the_oracle(name, alpha):
    entry = refimpl.get(name)
    for x in sample_points(n=200, seed=5):
        for what, fn in (("value", entry), ("derivative", entry.derivative)):
            if what == "derivative" and name == "elu" and x == 0:
                continue  # the kink: checked above
            want = exact(name, what, x, alpha=alpha)
            got = fn(x, alpha=alpha)
            if want == 0:
                assert got == 0
            else:
                # celu divides x by alpha first: one more rounding, magnified by |x/alpha| in e^(x/alpha)
                budget = 4 + (abs(x / alpha) if name == "celu" or what == "derivative" else 1)
                assert ulp_error(got, want) <= budget, (name, what, x, alpha)


def test_celu_small_alpha_does_not_overflow():
    with warnings.catch_warnings(), np.errstate(over="warn", invalid="warn", divide="warn"):
        warnings.simplefilter("error")
        assert refimpl.celu(-1e308, alpha=1e-10) == -1e-10
        assert refimpl.celu.derivative(-1e308, alpha=1e-10) == 0
        assert refimpl.celu(-1e308, alpha=1e306) == pytest.approx(1e306 * math.expm1(-1e2))


@pytest.mark.parametrize("name", ["elu", "celu"])
@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), float("inf"), "1", True])
def test_bad_alpha_is_a_value_error_naming_it(name, bad):
    with pytest.raises(ValueError, match=r"alpha=.*alpha > 0"):
        refimpl.get(name)(1.0, alpha=bad)


def test_selu_has_no_parameters():
    with pytest.raises(TypeError, match="unexpected keyword"):
        refimpl.selu(1.0, alpha=1.0)


def test_selu_fixed_point_closed_form():
    # E[selu(Z)] = 0 and E[selu(Z)^2] = 1 for Z ~ N(0, 1): Klambauer et al.'s fixed point
    with mp.workdps(40):
        a, lam = mp.mpf(SELU_ALPHA), mp.mpf(SELU_SCALE)
        e_half, e_two = mp.e ** mp.mpf(0.5), mp.e ** 2
        mean = lam * (1 / mp.sqrt(2 * mp.pi) + a * (e_half * mp.ncdf(-1) - mp.mpf(1) / 2))
        second = lam ** 2 * (mp.mpf(1) / 2 + a ** 2 * (e_two * mp.ncdf(-2)
                                                        - 2 * e_half * mp.ncdf(-1) + mp.mpf(1) / 2))
    assert abs(mean) < 1e-16 and abs(second - 1) < 1e-15
    p = refimpl.selu.properties
    assert abs(p["normal_mean"] - float(mean)) < 1e-15
    assert abs(p["normal_variance"] - float(second - mean ** 2)) < 1e-14
    assert p["zero_centred"]


def test_elu_moments_are_not_the_fixed_point():
    p = refimpl.elu.properties
    assert 0.16 < p["normal_mean"] < 0.161 and 0.619 < p["normal_variance"] < 0.62
