"""Training speed on two spirals (refimpl.experiments.training_speed): the direction of the claims
that hold with a margin on every seed, at small size (sigmoid, tanh, ReLU; three seeds)."""

import json

import numpy as np
import pytest

from refimpl.experiments import training_speed as ts
from refimpl.experiments.mlp import MLP, softmax_cross_entropy


@pytest.fixture(scope="module")
def result():
    return ts.run(size="small")


def final(result, activation):
    return np.array([c[-1] for c in result["curves"][activation]])


def area(result, activation):
    return np.array([ts.mean_loss(c) for c in result["curves"][activation]])


def test_sigmoid_hidden_layers_do_no_better_than_a_linear_classifier(result):
    assert np.all(final(result, "sigmoid") > 0.5)  # ln 2 ≈ 0.69 is chance
    assert np.all(final(result, "sigmoid") > final(result, "linear") - 0.02)
    assert np.all(final(result, "relu") < 0.1 * final(result, "linear"))


def test_sigmoid_is_slower_than_tanh_and_relu_on_every_seed(result):
    assert np.all(final(result, "sigmoid") > final(result, "tanh") + 0.1)
    assert np.all(final(result, "sigmoid") > 20 * final(result, "relu"))


def test_relu_fits_the_spirals_and_tanh_lags(result):
    assert np.all(final(result, "relu") < 0.05)
    assert np.all(np.array(result["accuracy"]["relu"]) >= 0.98)
    assert np.all(area(result, "tanh") > 1.5 * area(result, "relu"))


def test_spirals_are_balanced_and_seeded():
    x1, y1 = ts.two_spirals(50, np.random.default_rng(7))
    x2, y2 = ts.two_spirals(50, np.random.default_rng(7))
    assert x1.shape == (100, 2) and np.array_equal(x1, x2) and np.array_equal(y1, y2)
    assert y1.sum() == 50
    assert np.allclose(x1[:50].mean(axis=0), -x1[50:].mean(axis=0), atol=0.05)  # point-symmetric


def test_backprop_with_activation_parameters_matches_finite_differences():
    # the experiment passes approximate="tanh" to GELU through MLP(params=...)
    rng = np.random.default_rng(5)
    net = MLP([2, 5, 4, 2], "gelu", init="he", rng=rng, params={"approximate": "tanh"})
    x, y = rng.standard_normal((6, 2)), rng.integers(0, 2, 6)
    grads_w, _ = net.backward(softmax_cross_entropy(net.forward(x), y)[1])
    w, h = net.weights[0], 1e-6
    numeric = np.zeros_like(w)
    for idx in np.ndindex(w.shape):
        old = w[idx]
        w[idx] = old + h
        up = softmax_cross_entropy(net.forward(x), y)[0]
        w[idx] = old - h
        down = softmax_cross_entropy(net.forward(x), y)[0]
        w[idx] = old
        numeric[idx] = (up - down) / (2 * h)
    np.testing.assert_allclose(grads_w[0], numeric, rtol=1e-5, atol=1e-9)


def test_result_is_json(result):
    assert json.loads(json.dumps(result)) == result
    assert len(result["epochs"]) == len(result["curves"]["relu"][0])
