"""Vanishing and exploding gradients at initialisation, measured layer by layer.

Claims (``CLAIMS``, each a rate over seeds): with the initialisation matched to the activation,
the gradient that reaches the first hidden layer of a ReLU (He) or SELU (LeCun normal) network
stays within a modest factor from depth 2 to depth 50 on most seeds (not all), while that of a
sigmoid network (Xavier) shrinks by orders of magnitude; GELU with He loses most of it in the
median; with a mismatched initialisation (ReLU or GELU with Xavier, tanh or SELU with He) it
shrinks or grows geometrically, by a roughly constant factor per layer.

Setup: an MLP (as refimpl.experiments.mlp.MLP builds it) with ``depth`` hidden layers of width 64, input and
output width 64, zero biases; a batch of 64 standard-normal inputs; backpropagation of a random
standard-normal upstream gradient d loss / d output (the loss L = sum(G * output) for a fixed random
G). Measured: the Frobenius norm of d L / d z over the batch at each hidden pre-activation z. Depths
2, 5, 10, 20, 50; the page's seeds 0–49, the tests' held-out seeds 1000–1029, pushed
through together as stacks of arrays. For square layers (fan_in = fan_out), Xavier's variance
2 / (fan_in + fan_out) equals LeCun's 1 / fan_in, so SELU's mismatched case is He (twice the
variance), not Xavier.

Why a per-layer factor: backpropagation through one layer multiplies the mean squared gradient per
unit by about fan_out · Var(w) · E[f'(z)²] (with the square layers here, the squared norm too).
For ReLU that is 64 · (1/64) · (1/2) = 1/2 under Xavier (the norm shrinks by 1/√2 per layer)
and 64 · (2/64) · (1/2) = 1 under He (He et al. 2015, eq. 13).
The sigmoid's derivative is at most 1/4, so its factor is far below one under either scheme.

References: Bengio, Simard & Frasconi (1994), doi:10.1109/72.279181; Glorot & Bengio (2010),
https://proceedings.mlr.press/v9/glorot10a.html; He et al. (2015), arXiv:1502.01852;
Klambauer et al. (2017), arXiv:1706.02515.

    >>> norms = layer_grad_norms("relu", "he", depth=3, seed=0)  # one norm per hidden layer
    >>> len(norms), all(n > 0 for n in norms)
    (3, True)
"""

from __future__ import annotations

import numpy as np

import refimpl
from refimpl.experiments.claims import held_out, meets, quartiles, rate
from refimpl.experiments.mlp import init_weight

WIDTH = 64
BATCH = 64
# (activation, init, matched): the matched scheme of each, then the mismatched ones.
CONFIGS = (
    ("sigmoid", "xavier", True),
    ("tanh", "xavier", True),
    ("relu", "he", True),
    ("gelu", "he", True),
    ("selu", "lecun", True),
    ("relu", "xavier", False),
    ("gelu", "xavier", False),
    ("tanh", "he", False),
    ("selu", "he", False),
)
PAGE_SEEDS = list(range(50))
SIZES = {
    "full": {"depths": [2, 5, 10, 20, 50], "seeds": PAGE_SEEDS},
    "small": {"depths": [2, 10, 30], "seeds": [0, 1, 2]},
    # the tests' second sample: seeds the page's numbers were not computed from
    "held_out": {"depths": [2, 10, 50], "seeds": held_out(PAGE_SEEDS, 30)},
}
# Seeds are pushed through together in chunks of this many: one (CHUNK, BATCH, WIDTH) product per
# layer instead of CHUNK small ones, with the chunk's weights for a depth-50 net near 80 MB.
CHUNK = 25

# Each claim: the first-layer gradient at depth 50 over that at depth 2, r, for one configuration.
# "range": low < r < high on at least the fraction `at_least` of seeds; "median": the median of r
# over the seeds lies in (low, high). The page prints each claim's measured rate; the tests assert
# it on held-out seeds; the guides link to the page's anchor, which is the key.
CLAIMS = {
    "relu-he-holds": {"activation": "relu", "init": "he", "kind": "range", "low": 0.2,
                      "high": 10.0, "at_least": 0.9},
    "selu-lecun-holds": {"activation": "selu", "init": "lecun", "kind": "range", "low": 0.2,
                         "high": 10.0, "at_least": 0.9},
    "sigmoid-vanishes": {"activation": "sigmoid", "init": "xavier", "kind": "range", "low": 0.0,
                         "high": 1e-20, "at_least": 1.0},
    "relu-xavier-vanishes": {"activation": "relu", "init": "xavier", "kind": "range", "low": 0.0,
                             "high": 1e-5, "at_least": 0.95},
    "gelu-he-falls": {"activation": "gelu", "init": "he", "kind": "median", "low": 0.0,
                      "high": 1e-2},
    "tanh-he-grows": {"activation": "tanh", "init": "he", "kind": "range", "low": 2.0,
                           "high": np.inf, "at_least": 0.95},
    "selu-he-grows": {"activation": "selu", "init": "he", "kind": "range", "low": 20.0,
                      "high": np.inf, "at_least": 0.95},
}


def grad_norms(activation: str, init: str, depth: int, seeds) -> np.ndarray:
    """The gradient norm at each hidden pre-activation, shape (len(seeds), depth), first hidden
    layer first: one freshly initialised network per seed, one batch of standard-normal inputs
    and a random standard-normal upstream gradient, all drawn from ``default_rng(seed)`` in that
    order (inputs, upstream gradient, then the weights layer by layer)."""
    entry = refimpl.get(activation)
    out = []
    for start in range(0, len(seeds), CHUNK):
        rngs = [np.random.default_rng(s) for s in seeds[start:start + CHUNK]]
        x = np.stack([r.standard_normal((BATCH, WIDTH)) for r in rngs])
        upstream = np.stack([r.standard_normal((BATCH, WIDTH)) for r in rngs])
        weights = np.stack([np.stack([init_weight(WIDTH, WIDTH, init, r) for _ in range(depth + 1)])
                            for r in rngs], axis=1)  # (layer, seed, fan_in, fan_out)
        pre, h = [], x
        for w in weights[:-1]:
            pre.append(h @ w)  # zero biases
            h = entry(pre[-1])
        g = upstream @ weights[-1].transpose(0, 2, 1)
        norms = []
        for z, w in zip(reversed(pre), reversed(weights[:-1])):
            g = entry.vjp(z, g)
            norms.append(np.sqrt(np.einsum("sbw,sbw->s", g, g)))
            g = g @ w.transpose(0, 2, 1)
        out.append(np.stack(norms[::-1], axis=1))
    return np.concatenate(out)


def layer_grad_norms(activation: str, init: str, depth: int, seed: int) -> list[float]:
    """The gradient norm at each hidden pre-activation of the network of one seed."""
    return grad_norms(activation, init, depth, [seed])[0].tolist()


def run(size: str = "full") -> dict:
    """The first-layer gradient norm for every configuration, depth and seed, and the per-layer
    profile of the deepest network.

    Returns a dict: ``depths``, ``seeds``, ``width``, ``batch`` and ``configs``, a list of
    ``{"activation", "init", "matched", "first_layer": [[norm per depth] per seed],
    "profile": [[norm per layer] per seed]}`` (profile at the largest depth).
    """
    spec = SIZES[size]
    configs = []
    for activation, init, matched in CONFIGS:
        runs = [grad_norms(activation, init, depth, spec["seeds"]) for depth in spec["depths"]]
        configs.append({"activation": activation, "init": init, "matched": matched,
                        "first_layer": np.stack([r[:, 0] for r in runs], axis=1).tolist(),
                        "profile": runs[-1].tolist()})
    return {"depths": spec["depths"], "seeds": spec["seeds"], "width": WIDTH, "batch": BATCH,
            "configs": configs}


def depth_ratio(config: dict, depths: list[int], deep: int, shallow: int = 2) -> list[float]:
    """Per seed: first-layer gradient norm at depth ``deep`` over that at depth ``shallow``."""
    i, j = depths.index(deep), depths.index(shallow)
    return [row[i] / row[j] for row in config["first_layer"]]


def find(result: dict, activation: str, init: str) -> dict:
    """The configuration of ``result`` with this activation and initialisation."""
    return next(c for c in result["configs"] if c["activation"] == activation and c["init"] == init)


def ratios_at(result: dict, activation: str, init: str, deep: int = 50) -> np.ndarray:
    """Per seed, the first-layer gradient at depth ``deep`` over that at depth 2."""
    return np.array(depth_ratio(find(result, activation, init), result["depths"], deep))


def claim(result: dict, key: str) -> dict:
    """The measured form of claim ``key`` on ``result``'s seeds: its rate (per-seed claims) or the
    median and quartiles of the ratio, and whether the claim holds with its stated margin."""
    spec = CLAIMS[key]
    r = ratios_at(result, spec["activation"], spec["init"])
    inside = (r > spec["low"]) & (r < spec["high"])
    q1, median, q3 = quartiles(r)
    measured = {"rate": rate(inside), "q1": q1, "median": median, "q3": q3, "max": float(r.max()),
                "min": float(r.min())}
    if spec["kind"] == "median":
        measured["holds"] = spec["low"] < median < spec["high"]
    else:
        measured["holds"] = meets(measured["rate"], spec)
    return measured
