"""Claims specific to the rectifiers: leaky_relu, prelu, rrelu, relu6, crelu."""

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
