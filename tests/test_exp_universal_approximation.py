"""Universal approximation (refimpl.experiments.universal_approximation): the errors on 100
held-out seeds the page's numbers were not computed from. The page's claims, with their margins:
tests/test_exp_claims.py."""

import numpy as np
import pytest

import held_out as held_out_results

from refimpl.experiments import universal_approximation as ua


@pytest.fixture(scope="module")
def held_out():
    return held_out_results.result("universal_approximation")  # shared with tests/test_exp_claims.py


def test_median_error_falls_tenfold_and_at_each_width(held_out):
    for e in held_out["rms"].values():
        median = np.median(e, axis=1)
        assert median[-1] < median[0] / 10
        assert np.all(median[1:] < median[:-1])
        assert np.array(e)[0].min() > 0.8 * held_out["target_rms"]  # one unit barely beats the mean


def test_the_fit_is_judged_inside_the_training_range():
    rng = np.random.default_rng(11)
    x_train = rng.uniform(*ua.INTERVAL, ua.N_TRAIN)
    x_test = ua.fit("relu", 4, 11)["x"]
    assert x_test.min() == x_train.min() and x_test.max() == x_train.max()


def test_the_claims_can_fail():
    # A result where 32 units do no better than one, at every slope: every claim is false.
    flat = [[0.5] * 2 for _ in ua.WIDTHS]
    result = {"rms": {"sigmoid": flat, "relu": flat},
              "sigmoid_slopes": {str(k): [[0.1] * 2 for _ in ua.WIDTHS] for k in ua.SIGMOID_SLOPES}}
    assert not ua.claim(result, "error-falls")["holds"]
    assert ua.claim(result, "no-win-at-slope-16")["rate"].fraction == 1.0
    assert not ua.claim(result, "no-win-at-slope-16")["holds"]
    result["sigmoid_slopes"]["4.0"] = [[0.9] * 2 for _ in ua.WIDTHS]
    assert not ua.claim(result, "sigmoid-wins-at-slope-4")["holds"]


def test_relu_difference_is_sigmoidal():
    # ReLU(t) - ReLU(t - 1) -> 0 as t -> -inf and -> 1 as t -> +inf: Cybenko's condition
    # (a unit test of the page's argument, not evidence from the experiment).
    import refimpl

    t = np.array([-1e6, -1.0, 0.0, 0.5, 1.0, 2.0, 1e6])
    np.testing.assert_array_equal(refimpl.relu(t) - refimpl.relu(t - 1), [0, 0, 0, 0.5, 1, 1, 1])
