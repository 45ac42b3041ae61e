"""The bias-from-a-prior experiment: the identities it rests on, and the direction of its claims
across seeds at small size."""

import math

import numpy as np
import pytest

import refimpl
from refimpl.experiments import prior_bias as pb
from refimpl.experiments.output_loss import bce_log_sigmoid


@pytest.fixture(scope="module")
def small():
    return pb.run(size="small")


@pytest.mark.parametrize("p", [0.001, 0.01, 0.05, 0.2, 0.5, 0.9])
def test_the_prior_bias_predicts_the_base_rate_and_costs_its_entropy(p):
    b = pb.prior_bias(p)
    assert math.isclose(refimpl.sigmoid(b), p, rel_tol=1e-12)
    loss = p * bce_log_sigmoid(b, 1.0) + (1 - p) * bce_log_sigmoid(b, 0.0)
    assert math.isclose(loss, pb.entropy(p), rel_tol=1e-12)
    # the entropy is the lowest loss of any constant prediction
    grid = b + np.linspace(-2, 2, 401)
    others = p * bce_log_sigmoid(grid, 1.0) + (1 - p) * bce_log_sigmoid(grid, 0.0)
    assert np.all(others >= loss - 1e-15)


def test_initial_predictions_loss_and_bias_gradient(small):
    for key, rate in small["rates"].items():
        p, h = rate["p"], rate["entropy"]
        for prior, zero in zip(rate["prior"], rate["zero"]):
            assert abs(prior["mean_prediction"] - p) < 0.05 * p
            assert abs(zero["mean_prediction"] - 0.5) < 0.01
            assert abs(prior["loss"][0] - h) < 0.02
            assert abs(zero["loss"][0] - math.log(2)) < 0.01
            assert abs(prior["bias_gradient"]) < 0.01
            assert abs(zero["bias_gradient"] - (0.5 - p)) < 0.01


def test_the_prior_start_is_ahead_in_the_first_steps(small):
    for rate in small["rates"].values():
        for prior, zero in zip(rate["prior"], rate["zero"]):
            gap = np.array(zero["loss"][:6]) - np.array(prior["loss"][:6])
            assert np.all(gap > 0.02)


def _catch_up(rate, steps):
    """Mean over seeds of the first step where the zero-bias loss is no longer above the prior's
    (steps + 1 if never)."""
    found = []
    for prior, zero in zip(rate["prior"], rate["zero"]):
        behind = np.array(zero["loss"]) > np.array(prior["loss"])
        found.append(int(np.argmin(behind)) if not behind.all() else steps + 1)
    return float(np.mean(found))


def test_the_rarer_the_positives_the_longer_the_zero_start_lags(small):
    steps = len(next(iter(small["rates"].values()))["prior"][0]["loss"]) - 1
    lags = [_catch_up(small["rates"][str(p)], steps) for p in small["base_rates"]]
    assert small["base_rates"] == sorted(small["base_rates"])
    assert lags[0] > lags[1] > lags[2] > 5


def test_full_run_is_strict_json():
    import json

    result = pb.run()
    json.loads(json.dumps(result, allow_nan=False))
    assert len(result["seeds"]) == 5
    steps = len(result["rates"]["0.01"]["prior"][0]["loss"]) - 1
    lags = [_catch_up(result["rates"][str(p)], steps) for p in result["base_rates"]]
    assert lags[0] > lags[1] > lags[2] and lags[0] <= steps  # the curves meet within the run
