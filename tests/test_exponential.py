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
from refimpl.exponential_linear import SELU_ALPHA, SELU_SCALE, xielu_minimum
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


# -- xIELU -------------------------------------------------------------------------------------
XIELU_SETS = [
    {},  # the defaults: the initial values of transformers' XIELUActivation
    {"eps": 0.0},  # no clamp
    {"alpha_p": 166.0, "alpha_n": 41.25, "eps": -9.98e-7},  # large learned values
    {"alpha_p": 0.48, "alpha_n": 0.55},  # alpha_n just above beta
    {"alpha_p": 2.0, "alpha_n": 3.0, "beta": 0.1, "eps": -0.5},
    {"alpha_n": 1.0000001, "beta": 1.0, "eps": 0.0},  # minimum far out, at x = -16.1
]


def _mp_params(p):
    q = {**refimpl.xielu.defaults, **p}
    return {k: mp.mpf(v) for k, v in q.items()}


@pytest.mark.parametrize("params", XIELU_SETS)
def test_xielu_against_the_oracle_at_other_parameters(params):
    # the contract's budget (4 + kappa, 8 + kappa') at parameters the generic tests do not use
    from refimpl.oracles.exponential_linear import _dxielu, _xielu_special_points

    q = {**refimpl.xielu.defaults, **params}
    special = _xielu_special_points(q["alpha_n"], q["beta"], q["eps"])
    xs = list(sample_points(n=120, seed=7))
    for s in (*special, 0.0):
        xs += [s, np.nextafter(s, -np.inf), np.nextafter(s, np.inf)]
    f, df = refimpl.xielu, refimpl.xielu.derivative
    for x in xs:
        for what, fn in (("value", f), ("derivative", df)):
            if what == "derivative" and q["eps"] < 0 and x in (0.0, q["eps"]):
                continue  # the kinks: their convention is tested below
            want = exact("xielu", what, x, **q)
            got = fn(x, **q)
            if want == 0:
                assert got == 0
                continue
            err = ulp_error(got, want)
            if err > (4 if what == "value" else 8):
                with mp.workdps(50):  # kappa from the exact functions, as test_numerics does
                    xm = mp.mpf(float(x))
                    slope = (exact("xielu", "derivative", x, **q) if what == "value" else
                             mp.diff(lambda t: _dxielu(t, **_mp_params(params)), xm))
                    kappa = float(abs(xm * slope / want))
                assert err <= (4 if what == "value" else 8) + kappa, (params, what, x, err)


def test_xielu_eps_zero_is_c1_at_zero():
    # without the clamp: f(0) = 0 and both one-sided slopes are beta
    assert refimpl.xielu(0.0, eps=0.0) == 0.0
    left = refimpl.xielu.derivative(np.array([-1e-300, -0.0, 0.0]), eps=0.0)
    right = refimpl.xielu.derivative(1e-300, eps=0.0)
    np.testing.assert_array_equal(left, 0.5)
    assert right == 0.5


def test_xielu_default_eps_jumps_at_zero_and_bends_at_eps():
    eps = refimpl.xielu.defaults["eps"]
    with mp.workdps(40):
        jump = mp.mpf(0.8) * mp.expm1(mp.mpf(eps))  # f(0) = alpha_n (e^eps - 1)
        left_slope = mp.mpf(0.8) * mp.expm1(mp.mpf(eps)) + mp.mpf(0.5)
    assert refimpl.xielu(0.0) == float(jump)
    assert -8.0e-7 < float(jump) < -7.99e-7
    # the slope just left of eps is ~0.5, on [eps, 0] it is beta - alpha_n
    assert refimpl.xielu.derivative(np.nextafter(eps, -np.inf)) == pytest.approx(float(left_slope), rel=1e-15)
    assert refimpl.xielu.derivative(-5e-7) == 0.5 - 0.8 == refimpl.xielu.derivative(eps)
    assert [k.at for k in refimpl.xielu.kinks] == [eps, 0.0]


def test_xielu_minimum_is_the_root_of_the_derivative():
    x_min, f_min = xielu_minimum()
    with mp.workdps(40):
        a, b = mp.mpf(0.8), mp.mpf(0.5)
        root = mp.findroot(lambda t: a * mp.expm1(t) + b, -1)
        value = a * (mp.expm1(root) - root) + b * root
    assert x_min == float(root) and f_min == float(value)
    assert refimpl.xielu.declared.range[0] == f_min
    assert refimpl.xielu(x_min) == pytest.approx(f_min, rel=1e-15)
    assert abs(refimpl.xielu.derivative(x_min)) < 1e-16


@pytest.mark.parametrize("params", XIELU_SETS)
def test_xielu_limits(params):
    q = {**refimpl.xielu.defaults, **params}
    assert refimpl.xielu(-np.inf, **q) == np.inf == refimpl.xielu(np.inf, **q)
    assert refimpl.xielu.derivative(-np.inf, **q) == q["beta"] - q["alpha_n"]
    assert refimpl.xielu.derivative(np.inf, **q) == np.inf


def test_xielu_textbook_form_loses_digits_near_the_root():
    # transformers' Python expression, in NumPy: fine away from the roots of f, but near the root
    # at -2.43 its absolute error is that of terms of size 1 (~1e-16), refimpl's that of
    # alpha_n e^x (~1e-17), the one rounding its double-double sum keeps
    textbook, p = refimpl.xielu.textbook, refimpl.xielu.defaults
    x = np.linspace(-10, 10, 2001)
    away = np.abs(refimpl.xielu(x)) > 0.05
    np.testing.assert_allclose(textbook(x[away], **p), refimpl.xielu(x[away]), rtol=1e-14)
    near = np.array([-2.4, -2.43248, -2.4324842769314, -2.432484276931448])
    want = np.array([float(exact("xielu", "value", v)) for v in near])
    assert np.all(np.abs(refimpl.xielu(near) - want) < 1e-17)
    assert np.max(np.abs(textbook(near, **p) - want)) > 5e-17


@pytest.mark.parametrize("bad, match", [
    ({"alpha_n": 0.5}, r"alpha_n=0.5 <= beta=0.5"),
    ({"alpha_n": 0.3}, r"alpha_n=0.3 <= beta=0.5"),
    ({"alpha_p": 0.0}, r"alpha_p=0.0; expected a real number with alpha_p > 0"),
    ({"beta": -0.5}, r"beta=-0.5; expected a real number with beta > 0"),
    ({"eps": 1e-6}, r"eps=1e-06; expected a real number with eps <= 0"),
    ({"eps": float("-inf")}, r"eps=-inf"),
    ({"alpha_n": float("nan")}, r"alpha_n=nan; expected a real number with alpha_n > beta"),
    ({"alpha_n": -1.0}, r"alpha_n=-1.0; expected a real number with alpha_n > beta"),
])
def test_xielu_bad_parameters_are_value_errors_naming_them(bad, match):
    for fn in (refimpl.xielu, refimpl.xielu.derivative):
        with pytest.raises(ValueError, match=match):
            fn(1.0, **bad)
