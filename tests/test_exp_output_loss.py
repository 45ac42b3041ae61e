"""The output-layer-and-loss experiment: its gradients against finite differences, the direction
of each claim across seeds at small size, and the fused losses against a 50-digit reference."""

import math

import numpy as np
import pytest

import refimpl
from refimpl.experiments import output_loss as ol


@pytest.fixture(scope="module")
def small():
    return ol.run(size="small")


def _central(f, z, h=1e-6):
    """Central differences of a scalar function of a vector."""
    z = np.asarray(z, dtype=np.float64)
    grad = np.zeros_like(z)
    for i in range(z.size):
        up, down = z.copy(), z.copy()
        up.flat[i] += h
        down.flat[i] -= h
        grad.flat[i] = (f(up) - f(down)) / (2 * h)
    return grad


@pytest.mark.parametrize("y", [0.0, 1.0])
@pytest.mark.parametrize("z", [-8.0, -2.0, -0.3, 0.0, 1.5, 6.0])
def test_binary_gradients_match_finite_differences(z, y):
    g = ol.binary_gradients(np.array([z]), y)
    ce = _central(lambda v: ol.bce_log_sigmoid(v, y)[0], [z])
    se = _central(lambda v: ((refimpl.sigmoid(v) - y) ** 2)[0], [z])
    np.testing.assert_allclose(g["ce"], ce, rtol=1e-6, atol=1e-10)
    np.testing.assert_allclose(g["se"], se, rtol=1e-6, atol=1e-10)
    assert g["ce"][0] == refimpl.sigmoid(z) - y  # exactly p - y, by construction


@pytest.mark.parametrize("z_true", [-7.0, -1.0, 0.0, 2.0])
def test_softmax_gradients_match_finite_differences_and_the_jacobian(z_true):
    rng = np.random.default_rng(3)
    logits, label = ol.softmax_logits(z_true, n_classes=5)
    logits = logits + 0.3 * rng.standard_normal(5)
    onehot = np.eye(5)[label]
    g = ol.softmax_gradients(logits, label)
    np.testing.assert_allclose(g["ce"], _central(lambda v: ol.nll_log_softmax(v, label), logits),
                               rtol=1e-6, atol=1e-9)
    sq = _central(lambda v: np.sum((refimpl.softmax(v) - onehot) ** 2), logits)
    np.testing.assert_allclose(g["se"], sq, rtol=1e-6, atol=1e-9)
    p = refimpl.softmax(logits)
    jac = refimpl.softmax.jacobian(logits)
    np.testing.assert_allclose(g["se"], jac.T @ (2 * (p - onehot)), rtol=1e-12, atol=1e-15)


def test_cross_entropy_gradient_stays_large_squared_error_vanishes(small):
    g = small["gradients"]
    z = np.array(g["z"])
    wrong = z <= -5
    # cross-entropy: near -1 on the true class's logit when confidently wrong
    assert np.all(np.array(g["binary_ce"])[wrong] < -0.99)
    assert np.all(np.array(g["softmax_ce"])[wrong] < -0.95)
    # squared error: at least 100 times smaller there, 1000 times at z = -10
    for se, ce in (("binary_se", "binary_ce"), ("softmax_se", "softmax_ce")):
        ratio = np.abs(np.array(g[se])) / np.abs(np.array(g[ce]))
        assert np.all(ratio[wrong] < 2e-2) and ratio[0] < 1e-3
        # and it keeps shrinking as the output gets more wrong
        assert np.all(np.diff(np.abs(np.array(g[se]))[z <= -2]) > 0)


def test_softmax_squared_error_loses_the_true_class_even_with_unequal_wrong_logits():
    # The wrong classes' components need not vanish (squared error also reshuffles the wrong
    # classes), but the one that raises the true class does, and cross-entropy's stays near -1.
    for z_true in (-5.0, -10.0, -20.0):
        logits = np.array([z_true, 1.0, 0.0, -0.5])
        g = ol.softmax_gradients(logits, 0)
        assert g["ce"][0] < -0.99
        assert abs(g["se"][0]) < 10 * refimpl.softmax(logits)[0]


def test_naive_losses_overflow_fused_ones_stay_finite_and_accurate(small):
    eps = np.finfo(np.float64).eps
    rows = small["stability"]["binary"]
    for row in rows:
        z, exact = row["z"], row["exact"]
        assert isinstance(row["softplus"], float) and isinstance(row["log_sigmoid"], float)
        assert abs(row["softplus"] - exact) <= 2 * eps * max(1.0, abs(z))
        assert abs(row["log_sigmoid"] - exact) <= 4 * eps * abs(exact)
    non_finite = {(r["z"], r["y"]) for r in rows if isinstance(r["naive"], str)}
    # the wrong side at |z| = 1000 gives inf; the right side from z = 40 gives NaN (0 * inf)
    assert {(-1000.0, 1), (40.0, 1), (1000.0, 1), (40.0, 0), (1000.0, 0), (-1000.0, 0)} <= non_finite
    assert "nan" in {r["naive"] for r in rows} and "inf" in {r["naive"] for r in rows}
    for row in small["stability"]["softmax"]:
        assert abs(row["log_softmax"] - row["exact"]) <= 4 * eps * row["exact"]
        if row["shift"] >= 800:
            assert row["log_of_softmax"] == "inf" and isinstance(row["naive"], str)


def test_two_class_softmax_is_the_sigmoid_of_the_difference():
    z = np.array([[3.0, -1.5], [-40.0, 2.0], [0.0, 0.0]])
    np.testing.assert_allclose(refimpl.softmax(z)[:, 0], refimpl.sigmoid(z[:, 0] - z[:, 1]),
                               rtol=1e-14, atol=0)


def test_cross_entropy_recovers_from_a_confidently_wrong_start_faster(small):
    t = small["training"]
    assert len(t["seeds"]) >= 3
    for ce, se in zip(t["runs"]["ce"], t["runs"]["se"]):
        assert ce["accuracy"][0] < 0.1 and se["accuracy"][0] < 0.1  # confidently wrong start
        assert ce["accuracy"][50] - se["accuracy"][50] > 0.5
        assert ce["bce"][50] < 0.5 * se["bce"][50]
    for ce_steps, se_steps in zip(t["steps_to_90"]["ce"], t["steps_to_90"]["se"]):
        assert ce_steps is not None and ce_steps <= 40
        assert se_steps is None or se_steps > 3 * ce_steps


def test_full_run_is_json_and_keeps_its_claims():
    import json

    result = ol.run()
    json.loads(json.dumps(result, allow_nan=False))  # strict JSON: no inf or NaN left in it
    steps = result["training"]["steps_to_90"]
    assert max(steps["ce"]) <= 25  # the figure's alt text says "within 25 steps"
    assert all(s is None or s >= 250 for s in steps["se"])  # "only near step 300, or not at all"
    assert math.isclose(result["gradients"]["z"][0], -10.0)
