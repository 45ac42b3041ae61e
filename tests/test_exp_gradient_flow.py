"""Vanishing/exploding gradients at initialisation (refimpl.experiments.gradient_flow): the
per-layer factors on held-out seeds (1000 on) the page's numbers were not computed from; the
recorded gradient against finite differences. The page's claims: tests/test_exp_claims.py."""

import numpy as np
import pytest

import held_out as held_out_results

from refimpl.experiments import gradient_flow as gf
from refimpl.experiments.mlp import MLP


@pytest.fixture(scope="module")
def result():
    return gf.run(size="small")


@pytest.fixture(scope="module")
def held_out():
    return held_out_results.result("gradient_flow")  # shared with tests/test_exp_claims.py


def test_the_claims_can_fail():
    # Every claim is false on a result where no gradient changes with depth (ratio 1 everywhere)
    # except relu-he-holds and selu-lecun-holds, which are false where it grows 100-fold.
    def flat(ratio):
        return {"depths": [2, 50], "seeds": [0, 1],
                "configs": [{"activation": a, "init": i, "first_layer": [[1.0, ratio]] * 2}
                            for a, i, _ in gf.CONFIGS]}
    for key in gf.CLAIMS:
        expect_false = flat(100.0) if key.endswith("holds") else flat(1.0)
        assert not gf.claim(expect_false, key)["holds"], key


def test_seeds_pushed_together_equal_each_alone():
    together = gf.grad_norms("selu", "he", 4, [7, 8])
    np.testing.assert_allclose(together[1], gf.layer_grad_norms("selu", "he", 4, 8), rtol=1e-12)


def ratios(result, activation, init, deep=50):
    return np.array(gf.depth_ratio(gf.find(result, activation, init), result["depths"], deep))


def per_layer_factor(result, activation, init, shallow, deep):
    """Per seed: the geometric-mean factor per added layer between two depths."""
    c = gf.find(result, activation, init)
    d = result["depths"]
    r = np.array(gf.depth_ratio(c, d, deep, shallow))
    return r ** (1 / (deep - shallow))


def test_relu_with_xavier_shrinks_geometrically_by_about_one_over_root_two(held_out):
    # Theory: each layer multiplies the squared norm by 64 * (1/64) * (1/2) = 1/2.
    for shallow, deep in ((2, 10), (10, 50)):
        f = per_layer_factor(held_out, "relu", "xavier", shallow, deep)
        assert np.all((f > 0.62) & (f < 0.80)), (shallow, deep, f)


@pytest.mark.parametrize("activation, init", [("relu", "xavier"), ("gelu", "xavier")])
def test_mismatched_small_init_shrinks(held_out, activation, init):
    f = per_layer_factor(held_out, activation, init, 2, 50)
    assert np.all(f < 0.85), f
    assert np.all(ratios(held_out, activation, init) < 1e-3)


@pytest.mark.parametrize("activation, init, floor", [("tanh", "he", 1.02), ("selu", "he", 1.06)])
def test_mismatched_large_init_grows(held_out, activation, init, floor):
    first = np.array(gf.find(held_out, activation, init)["first_layer"])
    assert np.all(np.diff(first, axis=1) > 0), first  # grows with depth, every seed
    f = per_layer_factor(held_out, activation, init, 10, 50)
    assert np.all(f > floor), f


def test_mismatch_is_worse_than_match(held_out):
    # He doubles the variance: for SELU the gradient grows faster than with LeCun's, every seed
    assert np.all(ratios(held_out, "selu", "he") > 3 * ratios(held_out, "selu", "lecun"))
    assert np.all(ratios(held_out, "relu", "xavier") < 1e-2 * ratios(held_out, "relu", "he"))


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
