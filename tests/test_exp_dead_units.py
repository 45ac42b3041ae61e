"""Dead units (refimpl.experiments.dead_units): the gradient the experiment uses, and that its
claims can fail. The claims themselves, on held-out seeds: tests/test_exp_claims.py."""

import numpy as np
import pytest

import refimpl
from refimpl.experiments import dead_units as du
from refimpl.experiments.mlp import MLP, softmax_cross_entropy


def test_hand_gradient_matches_the_mlp():
    # The experiment's one-hidden-layer backprop agrees with refimpl.experiments.mlp (itself tested
    # against finite differences) for each activation, for one net and for a stack of nets.
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
        stacked = {k: np.stack([v, 2 * v]) for k, v in params.items()}
        losses, stacked_grads = du.loss_and_grads(stacked, np.stack([x, x]), np.stack([labels, labels]),
                                                  refimpl.get(name))
        assert losses[0] == pytest.approx(loss, rel=1e-12)
        np.testing.assert_allclose(stacked_grads["w1"][0], grads["w1"], rtol=1e-12, atol=1e-15)


def test_training_seeds_together_equals_training_each_alone():
    together = du.train_seeds("relu", 1.0, [5, 6], epochs=3)
    alone = du.train("relu", 1.0, 6, epochs=3)
    np.testing.assert_allclose(together[0]["w1"][1], alone[0]["w1"], rtol=1e-12, atol=1e-14)
    assert together[3][1] == alone[3]


def test_a_dead_relu_unit_stays_dead():
    # Full-batch or minibatch, a unit with z <= 0 on every training input gets zero gradient on
    # every batch, so its incoming weights never move again.
    params, x, labels, _ = du.train("relu", 3.0, seed=4)
    z = x @ params["w1"] + params["b1"]
    dead = np.all(z <= 0, axis=0)
    assert dead.any()
    _, grads = du.loss_and_grads(params, x, labels, refimpl.get("relu"))
    assert np.all(grads["w1"][:, dead] == 0) and np.all(grads["b1"][dead] == 0)


def test_the_claims_can_fail():
    # Each claim's statement is false on a made-up result where the opposite happened, so the
    # held-out test above is a test of the experiment, not of the definitions.
    rates = list(du.LEARNING_RATES)
    flat = {"learning_rates": rates, "seeds": [0, 1]}
    for quantity, value in (("dead", 0.5), ("inactive", 0.5), ("accuracy", 0.8)):
        flat[quantity] = {a: [[value, value] for _ in rates] for a in du.ACTIVATIONS}
    for key in du.CLAIMS:
        if key != "elu-dies":
            assert not du.claim(flat, key)["holds"], key
    flat["dead"]["elu"] = [[0.0, 0.0] for _ in rates]
    assert not du.claim(flat, "elu-dies")["holds"]
