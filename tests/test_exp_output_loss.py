"""The output-layer-and-loss experiment: its gradients against finite differences, the fused losses
against a 50-digit reference, the vectorised sweep against single runs, and that its claims can
fail. The claims themselves, on held-out seeds: tests/test_exp_claims.py."""

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


@pytest.mark.parametrize("loss, start, lr, seed", [("ce", 8.0, 0.3, 3), ("se", 8.0, 3.0, 1003),
                                                   ("se", 2.0, 0.1, 7), ("ce", 1.0, 30.0, 0)])
def test_all_runs_at_once_equal_each_run_alone(loss, start, lr, seed):
    # The vectorised sweep (runs leave the batch as they arrive) against one plain loop of
    # gradient descent using binary_gradients.
    together = ol.steps_to_accuracy(loss, [seed + 1, seed], starts=[0.0, start], learning_rates=[lr, 0.1])
    alone = ol.train_logistic(loss, seed, lr=lr, wrong=start)["accuracy"]
    expected = next((i for i, a in enumerate(alone) if a >= ol.LEVEL), -1)
    assert together[1, 0, 1] == expected


def test_confidently_wrong_start_misclassifies_every_point():
    for seed in (0, 1000):
        assert ol.train_logistic("ce", seed, steps=0, wrong=1.0)["accuracy"][0] == 0.0


def test_the_claims_can_fail():
    # Made-up results where squared error keeps pace with cross-entropy, or lags it everywhere:
    # each claim is false on one, so the held-out test tests the experiment, not its definitions.
    rates, starts = list(ol.LEARNING_RATES), list(ol.STARTS)
    def fake(ce_steps, se_steps):
        grid = lambda v: [[[v, v] for _ in rates] for _ in starts]
        return {"training": {"learning_rates": rates, "starts": starts, "seeds": [0, 1],
                             "steps_to_90": {"ce": grid(ce_steps), "se": grid(se_steps)}}}
    level = fake(10, 10)
    for key in ("same-rate", "fastest-rates", "rate-one"):
        assert not ol.claim(level, key)["holds"], key
    assert ol.claim(level, "near-zero")["holds"]
    assert not ol.claim(fake(10, 40), "near-zero")["holds"]
    assert not ol.claim(fake(30, None), "rate-one")["holds"]  # cross-entropy too slow


def test_full_run_is_json_and_matches_the_figure_alt_text():
    import json

    from refimpl.figures import FIGURES
    import refimpl.figures.exp_output_loss  # noqa: F401  (registers the figures)

    result = ol.run()
    json.loads(json.dumps(result, allow_nan=False))  # strict JSON: no inf or NaN left in it
    alt = FIGURES["exp-output-loss-sweep"].alt
    median = lambda loss, c: np.percentile(np.where(np.isfinite(a := ol.arrivals(result, loss, c)), a, 301),
                                           50, axis=1, method="nearest")
    ce8, se8, ce1, se1 = median("ce", 8.0), median("se", 8.0), median("ce", 1.0), median("se", 1.0)
    rates = result["training"]["learning_rates"]
    # "cross-entropy falls from over 100 steps to 1"; "squared error arrives ... only from rate 3
    # on, and needs 15 steps even at rate 30"
    assert ce8[rates.index(0.1)] > 100 and ce8[-1] == 1 and "falls from over 100 steps to 1" in alt
    assert all((m <= 300) == (r >= 3) for m, r in zip(se8, rates)) and se8[-1] == 15 and "needs 15" in alt
    # "from w = -w* squared error takes about twice as many steps ... both one step from rate 10 on"
    ratio = se1 / ce1
    assert np.all((ratio[:4] > 1.5) & (ratio[:4] < 3)) and np.all(ce1[rates.index(10.0):] == 1)
    assert np.all(se1[rates.index(10.0):] == 1) and "twice as many" in alt
    assert math.isclose(result["gradients"]["z"][0], -10.0)
