"""Vanishing and exploding gradients at initialisation, measured layer by layer.

Claim: with the initialisation matched to the activation, the gradient that reaches the first
hidden layer of a ReLU (He) or SELU (LeCun normal) network stays within a modest factor from depth
2 to depth 50, while that of a sigmoid network (Xavier) shrinks by orders of magnitude; with a
mismatched initialisation (ReLU or GELU with Xavier, tanh or SELU with He) it shrinks or grows
geometrically, by a roughly constant factor per layer.

Setup: an MLP (refimpl.experiments.mlp.MLP) with ``depth`` hidden layers of width 64, input and
output width 64, zero biases; a batch of 64 standard-normal inputs; backpropagation of a random
standard-normal upstream gradient d loss / d output (the loss L = sum(G * output) for a fixed random
G). Measured: the Frobenius norm of d L / d z over the batch at each hidden pre-activation z. Depths
2, 5, 10, 20, 50; five seeds. For square layers (fan_in = fan_out), Xavier's variance
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

from refimpl.experiments.mlp import MLP

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
SIZES = {
    "full": {"depths": [2, 5, 10, 20, 50], "seeds": [0, 1, 2, 3, 4]},
    "small": {"depths": [2, 10, 30], "seeds": [0, 1, 2]},
}


def layer_grad_norms(activation: str, init: str, depth: int, seed: int) -> list[float]:
    """The gradient norm at each hidden pre-activation (first hidden layer first) of one freshly
    initialised network, for one batch of standard-normal inputs and a random upstream gradient."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((BATCH, WIDTH))
    upstream = rng.standard_normal((BATCH, WIDTH))
    net = MLP([WIDTH] * (depth + 2), activation, init=init, rng=rng)
    net.forward(x)
    net.backward(upstream)
    return net.pre_activation_grad_norms


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
        first, profile = [], []
        for seed in spec["seeds"]:
            row = []
            for depth in spec["depths"]:
                norms = layer_grad_norms(activation, init, depth, seed)
                row.append(norms[0])
            first.append(row)
            profile.append(norms)
        configs.append({"activation": activation, "init": init, "matched": matched,
                        "first_layer": first, "profile": profile})
    return {"depths": spec["depths"], "seeds": spec["seeds"], "width": WIDTH, "batch": BATCH,
            "configs": configs}


def depth_ratio(config: dict, depths: list[int], deep: int, shallow: int = 2) -> list[float]:
    """Per seed: first-layer gradient norm at depth ``deep`` over that at depth ``shallow``."""
    i, j = depths.index(deep), depths.index(shallow)
    return [row[i] / row[j] for row in config["first_layer"]]


def find(result: dict, activation: str, init: str) -> dict:
    """The configuration of ``result`` with this activation and initialisation."""
    return next(c for c in result["configs"] if c["activation"] == activation and c["init"] == init)
