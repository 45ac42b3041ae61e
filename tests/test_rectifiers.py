"""Claims specific to the rectifiers: leaky_relu, prelu, rrelu, relu6, squared_relu, crelu."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import refimpl

FINITE = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False)
X = np.array([-np.inf, -1e300, -3.5, -1.0, -0.0, 0.0, 1e-310, 2.0, 7.0, 1e300, np.inf])


@settings(max_examples=200, deadline=None)
@given(x=FINITE, a=st.floats(min_value=0, max_value=1))
def test_leaky_relu_is_max_of_x_and_ax_for_slopes_up_to_one(x, a):
    assert refimpl.leaky_relu(x, negative_slope=a) == max(x, a * x)


def test_leaky_relu_with_slope_zero_is_relu_even_at_minus_infinity():
    np.testing.assert_array_equal(refimpl.leaky_relu(X, negative_slope=0.0), refimpl.relu(X))


def test_slopes_above_one_overflow_to_inf_without_warning():
    with np.errstate(all="raise"):
        assert refimpl.leaky_relu(-1e308, negative_slope=10.0) == -np.inf
        assert refimpl.prelu(-1e308, weight=-10.0) == np.inf


@pytest.mark.parametrize("name, slope", [("leaky_relu", 0.01), ("prelu", 0.25),
                                         ("rrelu", (1 / 8 + 1 / 3) / 2)])
def test_the_leaky_family_agrees_at_equal_slopes(name, slope):
    entry = refimpl.get(name)
    np.testing.assert_array_equal(entry(X), refimpl.leaky_relu(X, negative_slope=slope))
    np.testing.assert_array_equal(entry.derivative(X),
                                  refimpl.leaky_relu.derivative(X, negative_slope=slope))


@pytest.mark.parametrize("name, slope", [("leaky_relu", 0.01), ("prelu", 0.25)])
def test_kink_takes_the_left_slope_like_pytorch(name, slope):
    # PyTorch: leaky_relu_backward passes grad only where x > 0; at 0 and -0 the slope
    entry = refimpl.get(name)
    assert entry.derivative(0.0) == slope and entry.derivative(-0.0) == slope


def test_leaky_relu_minus_leaky_relu_of_minus_x():
    # f(x) - f(-x) = (1 + a) x, exact for these x
    x = np.array([-4.0, -1.0, 0.0, 2.0, 8.0])
    a = 0.25
    np.testing.assert_array_equal(refimpl.leaky_relu(x, negative_slope=a)
                                  - refimpl.leaky_relu(-x, negative_slope=a), (1 + a) * x)


@pytest.mark.parametrize("bad", [-0.1, float("nan"), float("inf"), "0.1", True, [0.1, 0.2]])
def test_leaky_relu_slope_domain(bad):
    with pytest.raises(ValueError, match="negative_slope"):
        refimpl.leaky_relu(1.0, negative_slope=bad)


def test_prelu_per_channel_weight_broadcasts_like_torch_channels():
    x = -np.arange(1.0, 25.0).reshape(2, 3, 4)  # (N, C, L)
    w = np.array([0.1, 0.2, 0.3])
    y = refimpl.prelu(x, weight=w.reshape(3, 1))
    np.testing.assert_array_equal(y, x * w.reshape(1, 3, 1))
    d = refimpl.prelu.derivative(x, weight=w.reshape(3, 1))
    np.testing.assert_array_equal(d, np.broadcast_to(w.reshape(1, 3, 1), x.shape))


@pytest.mark.parametrize("bad", [np.array([0.1, np.nan]), "a", np.inf, True])
def test_prelu_weight_domain(bad):
    with pytest.raises(ValueError, match="weight"):
        refimpl.prelu(1.0, weight=bad)


def test_prelu_negative_weight_is_not_monotonic():
    y = refimpl.prelu(np.array([-2.0, -1.0, 0.0, 1.0]), weight=-0.5)
    assert y[0] > y[1] > y[2] < y[3]


def test_rrelu_eval_slope_is_the_mean_of_lower_and_upper():
    assert refimpl.rrelu(-48.0) == -11.0  # (1/8 + 1/3)/2 = 11/48
    assert refimpl.rrelu(-2.0, lower=0.1, upper=0.3) == -0.4
    assert refimpl.rrelu.derivative(-1.0) == (1 / 8 + 1 / 3) / 2


def test_rrelu_sample_slopes_is_deterministic_given_the_generator():
    a = refimpl.rrelu.sample_slopes((1000,), np.random.default_rng(7))
    b = refimpl.rrelu.sample_slopes((1000,), np.random.default_rng(7))
    np.testing.assert_array_equal(a, b)
    assert a.shape == (1000,) and a.dtype == np.float64
    assert a.min() >= 1 / 8 and a.max() < 1 / 3
    # the mean of U(1/8, 1/3) is the eval slope; 1000 draws: standard error 0.0019
    assert abs(a.mean() - (1 / 8 + 1 / 3) / 2) < 0.01


def test_rrelu_training_slopes_apply_per_element_and_to_the_derivative():
    x = np.array([-1.0, -2.0, 3.0, 0.0])
    s = refimpl.rrelu.sample_slopes(x.shape, np.random.default_rng(0))
    np.testing.assert_array_equal(refimpl.rrelu(x, slopes=s), np.where(x > 0, x, s * x))
    np.testing.assert_array_equal(refimpl.rrelu.derivative(x, slopes=s), np.where(x > 0, 1.0, s))


def test_rrelu_parameter_errors():
    with pytest.raises(ValueError, match="lower=0.5 > upper=0.25"):
        refimpl.rrelu(-1.0, lower=0.5, upper=0.25)
    with pytest.raises(ValueError, match="lower"):
        refimpl.rrelu.derivative(-1.0, lower=0.5, upper=0.25)
    with pytest.raises(ValueError, match="slopes"):
        refimpl.rrelu(-1.0, slopes=0.5)  # outside [1/8, 1/3]
    with pytest.raises(ValueError, match="lower"):
        refimpl.rrelu(-1.0, lower=-0.1)
    with pytest.raises(ValueError, match="upper"):
        refimpl.rrelu.sample_slopes(3, np.random.default_rng(0), upper=2.0)
    with pytest.raises(ValueError, match="lower <= upper"):
        refimpl.rrelu.sample_slopes(3, np.random.default_rng(0), lower=0.3, upper=0.2)
    with pytest.raises(TypeError, match="Generator"):
        refimpl.rrelu.sample_slopes(3, np.random.RandomState(0))


def test_relu6_is_relu_clipped_and_its_derivative_is_zero_at_both_kinks():
    x = np.linspace(-10, 10, 2001)
    np.testing.assert_array_equal(refimpl.relu6(x), np.minimum(refimpl.relu(x), 6))
    np.testing.assert_array_equal(refimpl.relu6.derivative([0.0, -0.0, 6.0, 3.0, np.nan]),
                                  [0.0, 0.0, 0.0, 1.0, np.nan])
    assert refimpl.relu6.derivative(np.nextafter(6.0, 0)) == 1.0
    assert refimpl.relu6.derivative(np.nextafter(0.0, 1)) == 1.0


@settings(max_examples=200, deadline=None)
@given(x=arrays(np.float64, st.integers(1, 6), elements=FINITE))
def test_crelu_halves_are_the_positive_and_negative_parts(x):
    y = refimpl.crelu(x)
    pos, neg = np.split(y, 2)
    np.testing.assert_array_equal(pos - neg, x)  # relu(x) - relu(-x) = x, exact
    assert (y >= 0).all() and ((pos == 0) | (neg == 0)).all()


def test_crelu_doubles_the_chosen_axis_and_keeps_dtype():
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4) - 12
    for axis, shape in ((-1, (2, 3, 8)), (0, (4, 3, 4)), (1, (2, 6, 4))):
        y = refimpl.crelu(x, axis=axis)
        assert y.shape == shape and y.dtype == np.float32
        up = np.random.default_rng(axis + 5).standard_normal(shape)
        g, h = np.split(up, 2, axis=axis)
        np.testing.assert_array_equal(refimpl.crelu.vjp(x, up, axis=axis),
                                      (g * (x > 0) - h * (x < 0)).astype(np.float32))


def test_crelu_gradient_at_zero_is_zero_and_nan_propagates():
    up = np.array([1.0, 1.0, 1.0, 1.0])
    np.testing.assert_array_equal(refimpl.crelu.vjp(np.array([0.0, np.nan]), up), [0.0, np.nan])
    np.testing.assert_array_equal(refimpl.crelu(np.array([np.nan, -np.inf])),
                                  [np.nan, 0.0, np.nan, np.inf])


def test_crelu_errors():
    with pytest.raises(ValueError, match="crelu: x must have at least one axis"):
        refimpl.crelu(1.0)
    with pytest.raises(ValueError, match="upstream"):
        refimpl.crelu.vjp(np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError, match="axis"):
        refimpl.crelu(np.zeros(3), axis=1.5)


# -- squared ReLU --------------------------------------------------------------------------------
def _rounded(q):
    """The double nearest the rational q >= 0, inf from max + ulp(max)/2 on (IEEE overflow)."""
    from fractions import Fraction

    biggest = np.finfo(float).max  # its ulp is 2^971
    return np.inf if q >= Fraction(biggest) + Fraction(2) ** 970 else float(q)


@settings(max_examples=300, deadline=None)
@given(x=st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_squared_relu_and_its_derivative_are_correctly_rounded(x):
    from fractions import Fraction

    r = Fraction(max(x, 0.0))
    assert refimpl.squared_relu(x) == _rounded(r * r)
    assert refimpl.squared_relu.derivative(x) == _rounded(2 * r)


def test_squared_relu_is_relu_squared_and_overflows_quietly():
    with np.errstate(over="ignore"):
        np.testing.assert_array_equal(refimpl.squared_relu(X), refimpl.relu(X) ** 2)
    with np.errstate(all="raise"):
        assert refimpl.squared_relu(1e155) == np.inf
        assert refimpl.squared_relu.derivative(1e155) == 2e155
        assert refimpl.squared_relu.derivative(1e308) == np.inf
    np.testing.assert_array_equal(refimpl.squared_relu(np.array([-np.inf, np.nan, np.inf])),
                                  [0.0, np.nan, np.inf])


def test_squared_relu_derivative_is_continuous_at_zero_with_a_corner():
    # f' = 2 max(0, x): 0 on both sides of the origin, second derivative 0 then 2
    h = 1e-8
    d = refimpl.squared_relu.derivative(np.array([-h, -0.0, 0.0, h]))
    np.testing.assert_array_equal(d, [0.0, 0.0, 0.0, 2 * h])
    assert refimpl.squared_relu.kinks == () and refimpl.squared_relu.declared.smoothness == "C1"

# -- StarReLU ------------------------------------------------------------------------------------
def test_star_relu_at_its_defaults_is_the_squared_relu():
    # s = 1, b = 0: StarReLU() in sail-sg/metaformer and timm starts as relu(x)²; the entry's
    # summary and `shape` text state those values
    assert refimpl.star_relu.defaults == {"scale": 1.0, "bias": 0.0}
    with np.errstate(over="ignore"):  # X holds 1e300: its square is inf, as star_relu's is
        np.testing.assert_array_equal(refimpl.star_relu(X), refimpl.relu(X) ** 2)
    np.testing.assert_array_equal(refimpl.star_relu.derivative(X[1:-1]), 2 * refimpl.relu(X[1:-1]))


def test_star_relu_constants_that_normalise_a_standard_normal_input():
    # E relu(Z)² = 1/2 and E relu(Z)⁴ = 3/2, so Var relu(Z)² = 5/4: s = 1/√(5/4), b = −s/2 give
    # mean 0 and variance 1 (the page's 0.8944 and −0.4472)
    from refimpl.properties import normal_moments

    s = 1 / np.sqrt(5 / 4)
    mean, var = normal_moments(lambda z: refimpl.star_relu(z, scale=s, bias=-s / 2), [0.0])
    assert abs(mean) < 1e-12 and var == pytest.approx(1, rel=1e-10)
    assert (round(s, 4), round(-s / 2, 4)) == (0.8944, -0.4472)


def test_star_relu_zero_scale_is_the_constant_bias_even_at_infinity():
    np.testing.assert_array_equal(refimpl.star_relu(X, scale=0.0, bias=-0.5),
                                  np.full(X.shape, -0.5))
    np.testing.assert_array_equal(refimpl.star_relu.derivative(X, scale=0.0, bias=-0.5), 0.0)
    y = refimpl.star_relu(np.array([np.nan, 1.0]), scale=0.0, bias=2.0)
    assert np.isnan(y[0]) and y[1] == 2.0


def test_star_relu_overflows_to_the_sign_of_the_scale_without_warning():
    with np.errstate(all="raise"):
        assert refimpl.star_relu(1e200, scale=-2.0, bias=1.0) == -np.inf
        assert refimpl.star_relu.derivative(1e308, scale=3.0, bias=0.0) == np.inf
        # s·r first: r² alone would overflow at 1.5e154, s·r² = 1.125e308 does not
        assert refimpl.star_relu(1.5e154, scale=0.5, bias=0.0) == 0.5 * 1.5e154 * 1.5e154


@pytest.mark.parametrize("param", ["scale", "bias"])
@pytest.mark.parametrize("bad", [np.nan, np.inf, "1", True, [1.0, 2.0]])
def test_star_relu_parameter_domain(param, bad):
    with pytest.raises(ValueError, match=rf"^star_relu: invalid {param}=.*finite real number"):
        refimpl.star_relu(1.0, **{param: bad})


@settings(max_examples=300, deadline=None)
@given(x=st.floats(-1e150, 1e150), scale=st.floats(-1e3, 1e3), bias=st.floats(-1e3, 1e3))
def test_star_relu_any_scale_and_bias_within_four_ulp_plus_kappa(x, scale, bias):
    import mpmath as mp

    from refimpl.accuracy import ulp_error
    from refimpl.oracles import exact

    want = exact("star_relu", "value", x, scale=scale, bias=bias)
    got = refimpl.star_relu(x, scale=scale, bias=bias)
    if want == 0:
        assert got == 0
        return
    kappa = float(abs(2 * mp.mpf(scale) * max(mp.mpf(x), 0) ** 2 / want))  # |x f'/f|
    assert ulp_error(got, want) <= 4 + kappa, (x, scale, bias)
    assert ulp_error(refimpl.star_relu.derivative(x, scale=scale, bias=bias),
                     exact("star_relu", "derivative", x, scale=scale, bias=bias)) <= 1
