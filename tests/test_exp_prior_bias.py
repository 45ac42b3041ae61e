"""The bias-from-a-prior experiment: the identities it rests on (unit tests, not evidence), and
its result on 20 held-out seeds. The page's claims: tests/test_exp_claims.py."""

import json
import math

import numpy as np
import pytest

import held_out as held_out_results

import refimpl
from refimpl.experiments import prior_bias as pb
from refimpl.experiments.mlp import MLP
from refimpl.experiments.output_loss import bce_log_sigmoid


@pytest.fixture(scope="module")
def held_out():
    return held_out_results.result("prior_bias")  # shared with tests/test_exp_claims.py


@pytest.mark.parametrize("p", [0.001, 0.01, 0.05, 0.2, 0.5, 0.9])
def test_the_prior_bias_predicts_the_base_rate_and_costs_its_entropy(p):
    b = pb.prior_bias(p)
    assert math.isclose(refimpl.sigmoid(b), p, rel_tol=1e-12)
    loss = p * bce_log_sigmoid(b, 1.0) + (1 - p) * bce_log_sigmoid(b, 0.0)
    assert math.isclose(loss, pb.entropy(p), rel_tol=1e-12)
    grid = b + np.linspace(-2, 2, 401)
    others = p * bce_log_sigmoid(grid, 1.0) + (1 - p) * bce_log_sigmoid(grid, 0.0)
    assert np.all(others >= loss - 1e-15)


def test_seeds_trained_together_equal_the_mlp_trained_alone():
    p, seed, n = 0.05, 1003, 200
    together = pb.train_seeds(p, [seed], True, n=n, steps=3)["loss"][0]
    x, y = pb.make_data(p, seed, n)
    net = MLP([4, pb.HIDDEN, 1], "tanh", init="xavier", rng=np.random.default_rng(1000 + seed))
    net.weights[-1] = np.random.default_rng(2000 + seed).normal(0.0, 0.01, (pb.HIDDEN, 1))
    net.biases[-1][:] = pb.prior_bias(p)
    for step in range(4):
        z = net.forward(x)[:, 0]
        assert together[step] == pytest.approx(float(np.mean(bce_log_sigmoid(z, y))), rel=1e-12)
        net.step(*net.backward((refimpl.sigmoid(z) - y)[:, None] / n), 1.0)


def test_a_run_that_never_catches_up_is_reported_as_such():
    rate = {"zero": [{"loss": [0.7, 0.6, 0.5]}], "prior": [{"loss": [0.1, 0.1, 0.1]}]}
    assert pb.caught_up(rate) == [None]


def test_held_out_result_is_strict_json(held_out):
    json.loads(json.dumps(held_out, allow_nan=False))
