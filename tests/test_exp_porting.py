"""Porting between forms of an activation (refimpl.experiments.porting): the forms against the
frameworks' formulas written out independently, the measurements against a recomputation, the
ordering of the gaps on held-out seeds (1000 on) the page's numbers were not computed from. The
page's claims: tests/test_exp_claims.py."""

import json
import math
from pathlib import Path

import numpy as np
import pytest

import held_out as held_out_results

import refimpl
from refimpl.experiments import porting

DOCS = Path(__file__).resolve().parent.parent / "docs"
X = np.concatenate([np.linspace(-30, 30, 60001), [-1e300, -0.0, 0.0, 1e300]])


@pytest.fixture(scope="module")
def small():
    return porting.run(size="small")


@pytest.fixture(scope="module")
def held_out():
    return held_out_results.result("porting")  # shared with tests/test_exp_claims.py


# The formulas as the frameworks' sources write them (the files the guide cites), in plain NumPy.
def clip01(v):
    return np.minimum(np.maximum(v, 0.0), 1.0)


@pytest.mark.parametrize("form, expected", [
    ("hard_sigmoid_0.2", lambda x: clip01(0.2 * x + 0.5)),  # Keras 2.15 backend.hard_sigmoid, ONNX defaults
    ("hard_sigmoid_paddle", lambda x: clip01(0.1666667 * x + 0.5)),  # paddle F.hardsigmoid defaults
    ("hard_sigmoid", lambda x: np.minimum(np.maximum(x + 3, 0), 6) / 6),  # torch decomposition
    ("gelu_sigmoid", lambda x: x / (1 + np.exp(np.minimum(-1.702 * x, 700)))),  # CLIP QuickGELU
    ("gelu_tanh", lambda x: 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))),
    ("selu_mlx", lambda x: 1.0507 * np.where(x > 0, x, 1.67326 * (np.exp(np.minimum(x, 0)) - 1))),
    ("selu_onnx1", lambda x: 1.0507 * np.where(x > 0, x, 1.6732 * (np.exp(np.minimum(x, 0)) - 1))),
    ("celu_2", lambda x: np.maximum(0, x) + np.minimum(0, 2 * (np.exp(np.minimum(x, 0) / 2) - 1))),
    ("leaky_0.1", lambda x: np.where(x > 0, x, 0.1 * x)),  # darknet leaky_activate
])
def test_forms_are_the_frameworks_formulas(form, expected):
    x = np.linspace(-20, 20, 40001)
    np.testing.assert_allclose(porting.FORMS[form](x), expected(x), rtol=1e-14, atol=1e-15)


def test_softplus_threshold_returns_x_only_above_the_threshold():
    x = np.array([-5.0, 1.0, 19.999, 20.0, np.nextafter(20.0, 21.0), 25.0, 1e300])
    got = porting.softplus_thresholded(x)
    above = x > 20.0
    assert np.array_equal(got[above], x[above])
    np.testing.assert_allclose(got[~above], np.log1p(np.exp(x[~above])), rtol=1e-15)
    np.testing.assert_array_equal(porting.softplus_thresholded(np.array([0.3]), beta=100.0), [0.3])


def test_relu6_and_hardtanh_0_6_agree_bit_for_bit_everywhere():
    assert np.array_equal(porting.FORMS["relu6"](X), porting.FORMS["hard_tanh_0_6"](X))


@pytest.mark.parametrize("f, g, expected, at", [
    ("hard_sigmoid", "hard_sigmoid_0.2", 1 / 12, 2.5),  # 0.2x + 0.5 reaches 1 at x = 2.5
    ("celu_2", "elu_2", 0.5, -2 * math.log(2)),  # 2(u - u²), u = e^{x/2}: largest at u = 1/2
])
def test_largest_difference_finds_the_analytic_maximum(f, g, expected, at):
    d, x = porting.largest_difference(porting.FORMS[f], porting.FORMS[g])
    assert d == pytest.approx(expected, rel=1e-12)
    assert abs(x) == pytest.approx(abs(at), abs=1e-6)


def test_largest_difference_per_unit_is_the_slope_difference():
    d, x = porting.largest_difference(porting.FORMS["leaky_0.01"], porting.FORMS["leaky_0.3"], per_unit=True)
    assert d == pytest.approx(0.29, rel=1e-12) and x < 0


def test_seeds_pushed_together_equal_each_alone():
    x, w1, w2 = porting._draw([4, 5])
    together = porting.forward(refimpl.selu, x, w1, w2)
    x5, w1_5, w2_5 = porting._draw([5])
    np.testing.assert_array_equal(together[1], porting.forward(refimpl.selu, x5, w1_5, w2_5)[0])


def test_forward_is_the_residual_formula():
    # h_{k+1} = h_k + φ(h_k W1_k) W2_k / √L, written out for one seed, one row at a time
    x, w1, w2 = porting._draw([3])
    h = x[0, 2]
    for k in range(porting.DEPTH):
        h = h + np.tanh(h @ w1[0, k]) @ w2[0, k] / math.sqrt(porting.DEPTH)
    np.testing.assert_allclose(porting.forward(np.tanh, x, w1, w2)[0, 2], h, rtol=1e-12)


def test_float32_run_stays_float32():
    x, w1, w2 = (a.astype(np.float32) for a in porting._draw([0]))
    for form in ("gelu", "selu_mlx", "hard_sigmoid_0.2", "softplus_threshold"):
        assert porting.forward(porting.FORMS[form], x, w1, w2).dtype == np.float32, form


def test_recorded_delta_and_gap_match_a_recomputation(small):
    x, w1, w2 = porting._draw(small["seeds"])
    ref, port = porting.PAIRS["gelu-tanh"]
    y_ref, pre = porting.forward(porting.FORMS[ref], x, w1, w2, keep=True)
    y_port = porting.forward(porting.FORMS[port], x, w1, w2)
    for s in range(len(small["seeds"])):
        gap = np.max(np.abs(y_port[s] - y_ref[s])) / np.max(np.abs(y_ref[s]))
        delta = max(np.max(np.abs(porting.FORMS[ref](z[s]) - porting.FORMS[port](z[s]))) for z in pre)
        assert small["pairs"]["gelu-tanh"]["gap"][s] == pytest.approx(gap, rel=1e-12)
        assert small["pairs"]["gelu-tanh"]["delta"][s] == pytest.approx(delta, rel=1e-12)


def test_the_claims_can_fail():
    # Every claim is false on a result where every gap equals the noise and δ is 100 times the gap
    # (no caught, no hidden, no between, no identical, G out of range), and noise-few-ulps is
    # false where the noise is 10 eps32.
    def flat(noise):
        return {"seeds": [0, 1], "noise": {ref: [noise, noise] for ref, _ in porting.PAIRS.values()},
                "pairs": {k: {"gap": [noise, noise], "delta": [100 * noise] * 2} for k in porting.PAIRS}}
    for key in porting.CLAIMS:
        expect_false = flat(10 * porting.EPS32)
        assert not porting.claim(expect_false, key)["holds"], key


def test_gaps_follow_the_size_of_the_difference(held_out):
    # On every held-out seed: the sigmoid form of GELU lands further off than the tanh form; SELU's
    # constants rounded to four digits further than MLX's, MLX's further than float32's.
    g = {k: porting.gap(held_out, k) for k in porting.PAIRS}
    assert np.all(g["gelu-sigmoid"] > g["gelu-tanh"])
    assert np.all(g["selu-onnx1"] > g["selu-mlx"]) and np.all(g["selu-mlx"] > g["selu-onnx6"])
    assert np.all(g["leaky-torch-tf"] > g["leaky-darknet"])
    assert np.all(g["relu6-hardtanh"] == 0) and np.all(g["softplus-threshold"] == 0)


def test_every_claim_is_anchored_on_the_guide_in_both_languages():
    for page in ("porting.md", "porting.zh.md"):
        text = (DOCS / "guides" / page).read_text()
        for key in porting.CLAIMS:
            assert f"{{: #{key} }}" in text, f"{page}: claim {key!r} has no anchor"


def test_result_is_json_and_complete(small):
    assert json.loads(json.dumps(small)) == small
    assert set(small["pairs"]) == set(porting.PAIRS)
    assert set(small["noise"]) == {ref for ref, _ in porting.PAIRS.values()}
    assert all(len(v["gap"]) == len(small["seeds"]) for v in small["pairs"].values())
