"""Universal approximation: the error of N random-feature units with a least-squares output layer
falls with N, for sigmoid and ReLU units."""

import numpy as np
import pytest

from refimpl.experiments import universal_approximation as ua


@pytest.fixture(scope="module")
def small():
    return ua.run(size="small")


@pytest.mark.parametrize("activation", ua.ACTIVATIONS)
def test_error_falls_with_width(small, activation):
    rms = np.array(small["rms"][activation])  # (width, seed)
    median = np.median(rms, axis=1)
    assert np.all(rms[-1] < rms[0] / 5)  # every seed: 32 units beat 1 unit by 5x
    assert median[-1] < median[0] / 10
    assert np.all(median[1:] <= median[:-1] * 1.05)  # the median never rises beyond noise
    assert rms[0].min() > 0.8 * small["target_rms"]  # one unit barely beats predicting the mean


def test_sigmoid_beats_relu_at_32_units(small):
    # the figure's alt text says so; a property of this setup (smooth target, these slopes)
    assert np.median(small["rms"]["sigmoid"][-1]) < np.median(small["rms"]["relu"][-1])


def test_relu_difference_is_sigmoidal():
    # ReLU(t) - ReLU(t - 1) -> 0 as t -> -inf and -> 1 as t -> +inf: Cybenko's condition.
    import refimpl

    t = np.array([-1e6, -1.0, 0.0, 0.5, 1.0, 2.0, 1e6])
    np.testing.assert_array_equal(refimpl.relu(t) - refimpl.relu(t - 1), [0, 0, 0, 0.5, 1, 1, 1])


def test_fit_is_deterministic():
    assert ua.fit("relu", 8, 3)["rms"] == ua.fit("relu", 8, 3)["rms"]
