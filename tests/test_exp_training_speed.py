"""Training speed on two spirals (refimpl.experiments.training_speed): its result on 20
held-out seeds, and the backpropagation the experiment uses. The page's claims, each activation at
its own best rate of the same sweep: tests/test_exp_claims.py."""

import json

import numpy as np
import pytest

import held_out as held_out_results

from refimpl.experiments import training_speed as ts
from refimpl.experiments.mlp import MLP, softmax_cross_entropy


@pytest.fixture(scope="module")
def held_out():
    return held_out_results.result("training_speed")  # shared with tests/test_exp_claims.py


def test_result_is_strict_json(held_out):
    assert json.loads(json.dumps(held_out, allow_nan=False)) == held_out
    assert len(held_out["epochs"]) == len(held_out["curves"]["relu"]["0.1"][0])


def test_seeds_trained_together_equal_the_mlp_trained_alone():
    # The batched training loop against refimpl.experiments.mlp.MLP (itself checked against finite
    # differences below), one seed, a few epochs of momentum descent.
    curves, _ = ts.train_seeds("tanh", [3, 4], 6, 0.3)
    rng = np.random.default_rng(4)
    x, y = ts.two_spirals(ts.N_PER_CLASS, rng)
    net = MLP([2, *ts.HIDDEN, 2], "tanh", init=ts.INIT["tanh"], rng=rng)
    params = net.weights + net.biases
    velocity = [np.zeros_like(p) for p in params]
    for _ in range(6):
        loss, grad = softmax_cross_entropy(net.forward(x), y)
        grads_w, grads_b = net.backward(grad)
        for p, v, g in zip(params, velocity, grads_w + grads_b):
            v *= ts.MOMENTUM
            v -= 0.3 * g
            p += v
    assert curves[1, -1] == pytest.approx(softmax_cross_entropy(net.forward(x), y)[0], rel=1e-9)


def test_a_diverged_run_is_recorded_as_such():
    curves, accuracy = ts.train_seeds("selu", [0], 30, 1e4)
    assert np.isnan(curves[0, -1]) and accuracy[0] == 0.5


def test_the_claims_can_fail():
    # On a result where every activation ends at the linear classifier's loss at every rate, no
    # claim that an activation learns or differs holds.
    rates = ts.LEARNING_RATES
    same = {"learning_rates": list(rates), "seeds": [0, 1, 2, 3],
            "curves": {a: {str(lr): [[0.6, 0.6]] * 4 for lr in rates} for a in [*ts.ACTIVATIONS, "linear"]},
            "accuracy": {a: {str(lr): [0.6] * 4 for lr in rates} for a in [*ts.ACTIVATIONS, "linear"]}}
    for key in ts.CLAIMS:
        if key != "sigmoid-stalls-at-0.1":
            assert not ts.claim(same, key)["holds"], key
    same["curves"]["sigmoid"]["0.1"] = [[0.6, 0.3]] * 4
    assert not ts.claim(same, "sigmoid-stalls-at-0.1")["holds"]


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
