"""Vanishing/exploding gradients at initialisation (refimpl.experiments.gradient_flow): the
direction of each claim, per seed, at small size (depths 2, 10, 30; three seeds)."""

import numpy as np
import pytest

from refimpl.experiments import gradient_flow as gf
from refimpl.experiments.mlp import MLP


@pytest.fixture(scope="module")
def result():
    return gf.run(size="small")


def ratios(result, activation, init, deep=30):
    return np.array(gf.depth_ratio(gf.find(result, activation, init), result["depths"], deep))


@pytest.mark.parametrize("activation, init", [("relu", "he"), ("selu", "lecun")])
def test_matched_relu_and_selu_stay_within_a_modest_factor(result, activation, init):
    r = ratios(result, activation, init)
    assert np.all((r > 0.2) & (r < 10)), r


def test_sigmoid_vanishes_by_orders_of_magnitude(result):
    assert np.all(ratios(result, "sigmoid", "xavier") < 1e-10)
    # and far below the matched rectifier at the same depth, for every seed
    assert np.all(ratios(result, "sigmoid", "xavier") < 1e-8 * ratios(result, "relu", "he"))


def per_layer_factor(result, activation, init, shallow, deep):
    """Per seed: the geometric-mean factor per added layer between two depths."""
    c = gf.find(result, activation, init)
    d = result["depths"]
    r = np.array(gf.depth_ratio(c, d, deep, shallow))
    return r ** (1 / (deep - shallow))


def test_relu_with_xavier_shrinks_geometrically_by_about_one_over_root_two(result):
    # Theory: each layer multiplies the squared norm by 64 * (1/64) * (1/2) = 1/2.
    for shallow, deep in ((2, 10), (10, 30)):
        f = per_layer_factor(result, "relu", "xavier", shallow, deep)
        assert np.all((f > 0.62) & (f < 0.80)), (shallow, deep, f)


@pytest.mark.parametrize("activation, init", [("relu", "xavier"), ("gelu", "xavier")])
def test_mismatched_small_init_shrinks(result, activation, init):
    f = per_layer_factor(result, activation, init, 2, 30)
    assert np.all(f < 0.85), f
    assert np.all(ratios(result, activation, init) < 1e-3)


@pytest.mark.parametrize("activation, init, floor", [("tanh", "he", 1.02), ("selu", "he", 1.06)])
def test_mismatched_large_init_grows(result, activation, init, floor):
    first = np.array(gf.find(result, activation, init)["first_layer"])
    assert np.all(np.diff(first, axis=1) > 0), first  # grows with depth, every seed
    f = per_layer_factor(result, activation, init, 10, 30)
    assert np.all(f > floor), f


def test_mismatch_is_worse_than_match(result):
    # He doubles the variance: for SELU the gradient grows faster than with LeCun's, every seed
    assert np.all(ratios(result, "selu", "he") > 3 * ratios(result, "selu", "lecun"))
    assert np.all(ratios(result, "relu", "xavier") < 1e-2 * ratios(result, "relu", "he"))


@pytest.mark.parametrize("activation", ["sigmoid", "selu", "gelu"])
def test_recorded_first_layer_gradient_matches_finite_differences(activation):
    # With L = sum(G * output), dL/db1 is the batch sum of the first pre-activation gradient, whose
    # norm the experiment records; check the backward pass against central differences.
    rng = np.random.default_rng(3)
    net = MLP([4, 6, 6, 6, 3], activation, init="xavier", rng=rng)
    x, upstream = rng.standard_normal((5, 4)), rng.standard_normal((5, 3))
    net.forward(x)
    _, grads_b = net.backward(upstream)
    b, h = net.biases[0], 1e-6
    numeric = np.zeros_like(b)
    for j in range(b.size):
        old = b[j]
        b[j] = old + h
        up = np.sum(upstream * net.forward(x))
        b[j] = old - h
        down = np.sum(upstream * net.forward(x))
        b[j] = old
        numeric[j] = (up - down) / (2 * h)
    np.testing.assert_allclose(grads_b[0], numeric, rtol=1e-6, atol=1e-9)
    assert len(net.pre_activation_grad_norms) == 3


def test_result_is_json_and_complete(result):
    import json

    r = result
    assert json.loads(json.dumps(r)) == r
    assert len(r["configs"]) == len(gf.CONFIGS)
    assert all(len(c["profile"][0]) == r["depths"][-1] for c in r["configs"])
