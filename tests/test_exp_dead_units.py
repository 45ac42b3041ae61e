"""Dead units: ReLU's dead fraction grows with the learning rate; leaky ReLU's never leaves 0."""

import numpy as np
import pytest

import refimpl
from refimpl.experiments import dead_units as du
from refimpl.experiments.mlp import MLP, softmax_cross_entropy


@pytest.fixture(scope="module")
def small():
    return du.run(size="small")


def test_hand_gradient_matches_the_mlp(small):
    # The experiment's one-hidden-layer backprop agrees with refimpl.experiments.mlp (itself tested
    # against finite differences) for each activation.
    rng = np.random.default_rng(3)
    x, labels = du.make_data(rng, 20)
    for name in du.ACTIVATIONS:
        net = MLP([2, 7, 2], name, init="he", rng=np.random.default_rng(4))
        for b in net.biases:
            b += rng.normal(0, 0.5, b.shape)
        params = {"w1": net.weights[0], "b1": net.biases[0], "w2": net.weights[1], "b2": net.biases[1]}
        loss, grads = du.loss_and_grads(params, x, labels, refimpl.get(name))
        ref_loss, g = softmax_cross_entropy(net.forward(x), labels)
        gw, gb = net.backward(g)
        assert loss == pytest.approx(ref_loss, rel=1e-12)
        for mine, ref in ((grads["w1"], gw[0]), (grads["b1"], gb[0]), (grads["w2"], gw[1]), (grads["b2"], gb[1])):
            np.testing.assert_allclose(mine, ref, rtol=1e-10, atol=1e-14)


def test_relu_dead_fraction_grows_with_the_learning_rate(small):
    dead = np.array(small["dead"]["relu"])  # (learning rate, seed)
    assert np.all(dead[:2] == 0)  # the two smallest rates: no dead unit on any seed
    assert np.all(dead[-1] >= 0.9)  # the largest: nearly every unit, on every seed
    assert dead[-2:].mean(axis=0).min() > dead[:2].mean(axis=0).max() + 0.2  # high vs low, per seed
    assert np.all(np.diff(dead.mean(axis=1)) >= -0.02)  # the mean never falls by more than noise


def test_leaky_relu_never_dead_and_elu_not_below_the_largest_rate(small):
    assert np.all(np.array(small["dead"]["leaky_relu"]) == 0)  # |f'| >= 0.01 everywhere
    elu = np.array(small["dead"]["elu"])
    assert np.all(elu[:-1] == 0)
    # At the largest rate ELU's units are pushed so far below 0 that α·eᶻ < 1e-8: saturation,
    # not an exact zero. (The page and the figure say so.)
    assert elu[-1].mean() > 0.2


def test_leaky_units_can_be_inactive_yet_not_dead(small):
    inactive = np.array(small["inactive"]["leaky_relu"])
    assert inactive[-1].mean() > 0.5 and np.all(np.array(small["dead"]["leaky_relu"]) == 0)


def test_a_dead_relu_unit_stays_dead():
    # Full-batch or minibatch, a unit with z <= 0 on every training input gets zero gradient on
    # every batch, so its incoming weights never move again.
    params, x, labels, _ = du.train("relu", 3.0, seed=4)
    z = x @ params["w1"] + params["b1"]
    dead = np.all(z <= 0, axis=0)
    assert dead.any()
    _, grads = du.loss_and_grads(params, x, labels, refimpl.get("relu"))
    assert np.all(grads["w1"][:, dead] == 0) and np.all(grads["b1"][dead] == 0)


def test_accuracy_is_high_where_no_unit_dies(small):
    acc = np.array(small["accuracy"]["relu"])
    assert acc[:2].min() > 0.9 and acc[-1].max() < 0.7  # all dead: the net predicts one class
