"""Claims specific to the self-gated family: GELU (exact and tanh), QuickGELU, SiLU, Swish, Mish."""

import math
import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import refimpl
from refimpl.accuracy import ulp_error
from refimpl.oracles import _exact
from refimpl.self_gated import (_QUICK_GELU_SLOPE_LO, _SLOPE_HI, _SLOPE_MID, GELU_TANH_CUBIC,
                                QUICK_GELU_SLOPE, SQRT_2_OVER_PI)

FINITE = st.floats(allow_nan=False, allow_infinity=False, width=64)
GRID = np.concatenate([np.linspace(-60, 60, 4801), [-745.0, -710.0, -700.5, 700.0, 1e300]])


def _sigmoid(x):
    return refimpl.sigmoid(x)


# -- identities ------------------------------------------------------------------------------
def test_swish_beta_one_is_silu_bit_for_bit():
    x = np.concatenate([GRID, [np.inf, -np.inf, np.nan, 0.0, -0.0, 5e-324]])
    np.testing.assert_array_equal(refimpl.swish(x, beta=1.0), refimpl.silu(x))
    np.testing.assert_array_equal(refimpl.swish.derivative(x, beta=1.0),
                                  refimpl.silu.derivative(x))
    assert refimpl.swish.defaults == {"beta": 1.0}


@settings(max_examples=300, deadline=None)
@given(x=st.floats(-700, 700))
def test_silu_is_x_times_sigmoid(x):
    # x·σ(x) rounds twice; the two agree to 2 ulp wherever both are normal
    want = x * _sigmoid(x)
    assert abs(refimpl.silu(x) - want) <= 2 * np.spacing(abs(want))


@settings(max_examples=200, deadline=None)
@given(x=st.floats(-30, 30), beta=st.floats(0.05, 20))
def test_swish_is_silu_rescaled(x, beta):
    # swish_beta(x) = silu(beta x) / beta: every swish with beta > 0 is the SiLU zoomed
    want = _exact("silu", "value", beta * x) / beta  # exact at the rounded beta*x
    got = refimpl.swish(x, beta=beta)
    kappa = abs(float(mp.mpf(beta * x) * _exact("silu", "derivative", beta * x)
                      / _exact("silu", "value", beta * x))) if beta * x != 0 else 0
    assert ulp_error(got, want) <= 4 + 2 * kappa


@pytest.mark.parametrize("beta", [0.5, 2.0, -1.0, -3.0])
def test_negative_beta_mirrors(beta):
    # σ(-t) = 1 - σ(t): swish_{-beta}(x) = x - swish_beta(x)
    x = np.linspace(-10, 10, 2001)
    gap = np.abs(refimpl.swish(x, beta=-beta) - (x - refimpl.swish(x, beta=beta)))
    assert np.all(gap <= 4e-15 * np.maximum(1, np.abs(x)))


def test_beta_zero_is_half_x_and_large_beta_approaches_relu():
    x = np.array([-np.inf, -3.0, -0.0, 0.0, 2.0, np.inf])
    np.testing.assert_array_equal(refimpl.swish(x, beta=0.0), x / 2)
    np.testing.assert_array_equal(refimpl.swish.derivative(x[1:-1], beta=0.0), 0.5)
    y = np.linspace(-5, 5, 101)
    gap = [np.max(np.abs(refimpl.swish(y, beta=b) - refimpl.relu(y))) for b in (1, 10, 100)]
    assert gap[0] > gap[1] > gap[2] and gap[2] < 3e-3  # max gap is 0.2785/beta


@pytest.mark.parametrize("name", ["gelu", "quick_gelu", "silu", "mish"])
def test_f_minus_f_of_minus_x_is_x_for_gelu_and_silu(name):
    # x·g(x) - (-x)·g(-x) = x (g(x) + g(-x)) = x exactly when g(-x) = 1 - g(x) (Φ, σ); not mish
    x = np.linspace(-8, 8, 1601)
    f = refimpl.get(name)
    diff = f(x) - f(-x)
    if name == "mish":
        assert np.max(np.abs(diff - x)) > 1e-2  # tanh(softplus) is not a symmetric gate
    else:
        assert np.all(np.abs(diff - x) <= 8e-15 * np.maximum(1, np.abs(x)))


def test_silu_minimum_is_root_plus_one():
    # at the root x0 of silu', x0·σ(-x0) = -1, so silu(x0) = x0·(1 - σ(-x0)) = x0 + 1
    x0 = -1.2784645427610737
    assert abs(refimpl.silu.derivative(x0)) < 1e-16
    assert refimpl.silu(x0) == pytest.approx(x0 + 1, rel=1e-15)


def test_declared_minima_match_the_oracle_roots():
    for name, x0 in (("gelu", -0.7517915246935645), ("silu", -1.2784645427610737),
                     ("mish", -1.1924312145154952), ("quick_gelu", -0.751154255441289)):
        entry = refimpl.get(name)
        lo = entry.declared.range[0]
        assert entry(x0) == pytest.approx(lo, rel=1e-15)
        assert np.all(entry(np.linspace(-5, 5, 100001)) >= lo - 1e-16)


# -- GELU ---------------------------------------------------------------------------------------
def test_sqrt_2_over_pi_is_the_nearest_double_and_the_oracle_has_its_50_digits():
    from refimpl.oracles import self_gated as oracle

    with mp.workdps(60):
        root = mp.sqrt(2 / mp.pi)
        assert SQRT_2_OVER_PI == float(root)  # mpmath rounds to the nearest double
        assert abs(mp.mpf(oracle.SQRT_2_OVER_PI) - root) < mp.mpf(10) ** -50


def test_gelu_does_not_flush_below_minus_37():
    # Φ(x) becomes subnormal below x ≈ -37.5; x·Φ(x) stays nonzero down to x ≈ -38.6
    x = np.array([-37.0, -37.5, -38.0, -38.4])
    y = refimpl.gelu(x)
    assert np.all(y < 0)
    assert y[2] < -np.finfo(float).smallest_subnormal and abs(y[2]) < np.finfo(float).tiny
    for xi, yi in zip(x, y):
        assert ulp_error(yi, _exact("gelu", "value", xi, approximate="none")) <= 2
    assert refimpl.gelu(-39.0) == 0 and refimpl.gelu.derivative(-39.0) == 0


@pytest.mark.parametrize("what", ["value", "derivative"])
def test_gelu_tanh_form_against_mpmath(what):
    # test_numerics checks the default (exact) form; this checks the tanh form to the same contract
    from test_numerics import adversarial_points, kappa

    fn = refimpl.gelu if what == "value" else refimpl.gelu.derivative
    params = {"approximate": "tanh"}
    for x in adversarial_points("gelu"):
        got = fn(x, **params)
        want = _exact("gelu", what, x, **params)
        if want == 0:
            assert got == 0
            continue
        err, base = ulp_error(got, want), (4 if what == "value" else 8)
        if err > base:  # only then is kappa (slow: a derivative at 50 digits) needed
            assert err <= base + kappa("gelu", what, x, params), (x, what)


def test_gelu_tanh_negative_tail_does_not_cancel():
    # the textbook 0.5x(1 + tanh u) is exactly 0 once tanh u rounds to -1 (x ≈ -5.6 and below)
    x = np.array([-6.0, -10.0, -20.0, -21.5])
    u = SQRT_2_OVER_PI * (x + GELU_TANH_CUBIC * x ** 3)
    textbook = 0.5 * x * (1 + np.tanh(u))
    assert np.all(textbook[1:] == 0)
    got = refimpl.gelu(x, approximate="tanh")
    assert np.all(got < 0)
    for xi, yi in zip(x, got):
        assert ulp_error(yi, _exact("gelu", "value", xi, approximate="tanh")) <= 4 + 6 * abs(
            float(SQRT_2_OVER_PI * (xi + GELU_TANH_CUBIC * xi ** 3)))


def test_gelu_tanh_is_close_to_exact():
    x = np.linspace(-8, 8, 16001)
    diff = refimpl.gelu(x, approximate="tanh") - refimpl.gelu(x)
    assert np.max(np.abs(diff)) < 5e-4


@pytest.mark.parametrize("bad", ["exact", "Tanh", True, None, 1, "erf"])
def test_gelu_approximate_outside_its_domain_names_it(bad):
    with pytest.raises(ValueError, match=r"gelu: invalid approximate=.*one of 'none', 'tanh'"):
        refimpl.gelu(1.0, approximate=bad)
    with pytest.raises(ValueError, match="approximate"):
        refimpl.gelu.derivative(1.0, approximate=bad)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf"), "1", True, None])
def test_swish_beta_outside_its_domain_names_it(bad):
    with pytest.raises(ValueError, match=r"swish: invalid beta=.*a finite real number"):
        refimpl.swish(1.0, beta=bad)


# -- QuickGELU ------------------------------------------------------------------------------------
def test_quick_gelu_slope_is_1702_to_twice_double_precision():
    # the double nearest 1.702 plus the rest, and Dekker's split of it into 26-bit halves
    with mp.workdps(40):
        assert QUICK_GELU_SLOPE == float(mp.mpf("1.702"))
        assert _QUICK_GELU_SLOPE_LO == float(mp.mpf("1.702") - mp.mpf(QUICK_GELU_SLOPE))
    assert _SLOPE_HI + _SLOPE_MID == QUICK_GELU_SLOPE
    assert _SLOPE_HI * 2.0 ** 26 == int(_SLOPE_HI * 2.0 ** 26)  # at most 27 significant bits


def test_quick_gelu_is_silu_rescaled():
    # quick_gelu(x) = silu(1.702x)/1.702; the minimum is silu's, (t0 + 1)/1.702
    x = np.linspace(-20, 20, 4001)
    gap = np.abs(refimpl.quick_gelu(x) - refimpl.silu(QUICK_GELU_SLOPE * x) / QUICK_GELU_SLOPE)
    assert np.all(gap <= 1e-15 * np.maximum(1, np.abs(x)))
    t0 = -1.2784645427610737
    assert refimpl.quick_gelu(t0 / 1.702) == pytest.approx((t0 + 1) / 1.702, rel=1e-15)
    assert abs(refimpl.quick_gelu.derivative(t0 / 1.702)) < 1e-16


@pytest.mark.parametrize("x", [-30.0, -100.0, -400.0, -411.0, -411.5, -420.0, -437.0])
def test_quick_gelu_argument_is_carried_beyond_double(x):
    # x·σ(fl(1.702x)) loses up to |t|/2 ulp or so; the corrected form keeps a few ulp, also in the
    # tail form below t = -700 (x < -411.28), whose four factors round once each
    want = _exact("quick_gelu", "value", x)
    naive = x * _sigmoid(QUICK_GELU_SLOPE * x)
    assert ulp_error(refimpl.quick_gelu(x), want) <= 3
    assert ulp_error(refimpl.quick_gelu.derivative(x), _exact("quick_gelu", "derivative", x)) <= 4
    if x <= -100:
        assert ulp_error(naive, want) > 20


def test_quick_gelu_far_from_gelu_tanh_close():
    # the figure's and the page's claim: QuickGELU within 0.021 of the GELU, tanh within 5e-4
    x = np.linspace(-8, 8, 16001)
    assert 0.02 < np.max(np.abs(refimpl.quick_gelu(x) - refimpl.gelu(x))) < 0.021


# -- Mish ---------------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(x=st.floats(-30, 30))
def test_mish_is_x_tanh_softplus(x):
    want = x * math.tanh(math.log1p(math.exp(x)))
    assert refimpl.mish(x) == pytest.approx(want, rel=1e-14, abs=1e-300)


def test_mish_tails():
    # below -700: tanh(softplus(x)) = e^x to the last bit, so mish(x) = x e^x; no overflow at +
    x = np.array([-720.0, -740.0, -745.0])
    for xi, yi in zip(x, refimpl.mish(x)):
        assert ulp_error(yi, _exact("mish", "value", xi)) <= 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert refimpl.mish(1e308) == 1e308 and refimpl.mish.derivative(1e308) == 1.0
    assert refimpl.mish.derivative(0.0) == pytest.approx(0.6, rel=1e-16)  # tanh(ln 2) = 3/5


# -- shared properties --------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["gelu", "quick_gelu", "silu", "mish"])
@settings(max_examples=100, deadline=None)
@given(x=FINITE)
def test_between_the_declared_minimum_and_relu(name, x):
    # x·g(x) with 0 <= g <= 1 lies between min(0, x) and max(0, x), and above the minimum
    y = refimpl.get(name)(x)
    assert refimpl.get(name).declared.range[0] - 1e-16 <= y
    assert min(0.0, x) <= y <= max(0.0, x)
