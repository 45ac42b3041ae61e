"""XOR: no single threshold unit separates it, one hidden layer does; the perceptron rule converges
on a separable set and cycles on XOR."""

import numpy as np
import pytest

from refimpl.experiments import xor_threshold as xt


@pytest.fixture(scope="module")
def small():
    return xt.run(size="small")


def test_no_weights_on_the_grid_separate_xor(small):
    g = small["grid"]
    assert g["with_4_correct"] == 0 and g["best_correct"] == 3 and g["with_3_correct"] > 0


def test_the_inequalities_have_no_solution_for_either_value_at_zero():
    # XOR needs f(b) = 0, f(w1 + b) = 1, f(w2 + b) = 1, f(w1 + w2 + b) = 0 for a step f with f(0) in
    # {0, 1}: random weights (continuous, so z = 0 is a null event) and exact-zero cases alike fail.
    rng = np.random.default_rng(0)
    w = rng.normal(0, 3, (200_000, 3))
    z = np.stack([w[:, 2], w[:, 0] + w[:, 2], w[:, 1] + w[:, 2], w[:, 0] + w[:, 1] + w[:, 2]], axis=1)
    for at_zero in (0.0, 1.0):
        out = np.where(z > 0, 1.0, np.where(z < 0, 0.0, at_zero))
        assert not np.any(np.all(out == xt.Y, axis=1))


def test_the_best_linear_unit_outputs_one_half_everywhere(small):
    lin = small["linear"]
    np.testing.assert_allclose(lin["outputs"], 0.5, atol=1e-12)
    np.testing.assert_allclose(lin["w"], 0.0, atol=1e-12)


def test_perceptron_cycles_on_xor(small):
    fixed = small["perceptron_xor_fixed"]
    assert not fixed["converged"] and fixed["cycle"] is not None and min(fixed["mistakes"]) >= 1
    for res in small["perceptron_xor_random"]:
        assert not res["converged"] and res["min_mistakes"] >= 1 and res["max_abs_weight"] < 10


def test_perceptron_converges_on_a_separable_set_within_the_bound(small):
    for res in small["perceptron_separable"]:
        assert res["converged"] and 0 < res["updates"] <= res["bound"]


def test_explicit_step_network_computes_xor(small):
    e = small["explicit"]
    assert e["correct"] == 4 and e["outputs"] == [0.0, 1.0, 1.0, 0.0]


def test_trained_mlp_reaches_100_percent(small):
    for res in small["mlp"]["4"]:
        assert res["accuracy"] == 1.0 and res["final_loss"] < 1e-6
