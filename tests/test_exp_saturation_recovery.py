"""Sigmoid saturation and centring (refimpl.experiments.saturation_recovery): quadrature against an
independent rule and against sampling, and the direction of the claim for every seed."""

import json

import numpy as np
import pytest

import refimpl
from refimpl.experiments import saturation_recovery as sr


@pytest.fixture(scope="module")
def result():
    return sr.run(size="small")


def test_quadrature_agrees_with_gauss_hermite():
    z, w = np.polynomial.hermite_e.hermegauss(120)
    w = w / np.sqrt(2 * np.pi)
    for mu in (0.0, 2.5, 4.0, 6.0):
        for s in (0.5, 1.0, 2.0):
            gh = np.sum(w * refimpl.sigmoid.derivative(s * z + mu))
            assert sr.expected_slope(mu, s) == pytest.approx(gh, rel=1e-7)


def test_symmetric_in_mu():
    assert sr.expected_slope(-3.0) == pytest.approx(sr.expected_slope(3.0), rel=1e-10)


def test_sampling_agrees_with_quadrature(result):
    exact = np.array(result["exact"]["1"])
    for row in result["sampled"]:
        # the standard deviation of σ'(Z + μ) is below 0.1, so 5 standard errors < 5 * 0.1 / √n
        assert np.all(np.abs(np.array(row) - exact) < 5 * 0.1 / np.sqrt(result["samples"]))


def test_centring_regains_gradient(result):
    mu = result["mu"]
    exact = result["exact"]["1"]
    assert np.all(np.diff(exact) < 0)  # the average slope falls as the mean moves away from 0
    assert result["ratio"]["4"] > 5 and result["ratio"]["6"] > 25
    for row in result["sampled"]:  # and from the samples alone, for every seed
        assert row[0] / row[mu.index(4.0)] > 5 and row[0] / row[mu.index(6.0)] > 25


def test_never_above_a_quarter(result):
    for values in result["exact"].values():
        assert max(values) <= 0.25


def test_result_is_json(result):
    assert json.loads(json.dumps(result)) == result
