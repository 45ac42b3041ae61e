"""Porting a checkpoint between two forms of an activation: how far apart the outputs land, measured
against float32 rounding.

Claims (``CLAIMS``), each a rate over seeds. Run the same weights with the form a checkpoint was
trained with (the *reference*) and with the form another framework computes (the *port*): the
outputs of a deep residual network differ by a *gap* g. Run the reference in float32 instead of
float64: the outputs differ by the float32 *noise* n. A port test with tolerance t = 10 n passes a
correct float32 port and catches a wrong form when g > t. The GELU, hard-sigmoid, leaky-ReLU,
Swish-β and CELU/ELU mix-ups and ONNX opset 1's SELU constants are caught that way on every seed
run; Paddle's hard-sigmoid slope, ONNX opset 6's float32 SELU constants and PyTorch's softplus
threshold stay below n; MLX's SELU constants land between n and 3 t, near the tolerance. The gap
is a fraction G = g / δ of the largest single-layer difference δ at the network's
pre-activations, with 0.05 < G < 1 here: the residual sum does not amplify it.

Setup. A residual MLP without normalisation, h_{k+1} = h_k + W2_k φ(W1_k h_k) / √L, L = ``DEPTH``
= 16 blocks of width ``WIDTH`` = 64, no biases, LeCun-normal weights N(0, 1/64) (so a block's
pre-activations have about the variance of h), the output y = h_L; a batch of ``BATCH`` = 16
standard-normal inputs. Seed s draws the inputs, then every W1, then every W2, from
``default_rng(s)``. Measured per seed, all in one batch of seeds: the relative difference
``max|y_port − y_ref| / max|y_ref|`` of two float64 runs (the gap) and of the reference run in
float32 against float64 (the noise, inputs and weights rounded to float32), and δ, the largest
|φ_ref(z) − φ_port(z)| over every pre-activation z of the float64 reference run. The page's seeds
0–29, the tests' held-out seeds 1000–1029.

    >>> r = run(size="small")
    >>> sorted(r["pairs"]) == sorted(PAIRS), len(r["noise"]["gelu"]) == len(r["seeds"])
    (True, True)
"""

from __future__ import annotations

import math
from functools import partial

import numpy as np
from scipy import optimize

import refimpl
from refimpl.experiments.claims import held_out, meets, rate

WIDTH = 64
DEPTH = 16
BATCH = 16
PAGE_SEEDS = list(range(30))
SIZES = {"full": PAGE_SEEDS, "small": [0, 1, 2], "held_out": held_out(PAGE_SEEDS, 30)}
# A port test's tolerance, in units of the reference's float32 noise n on the same seed.
TOLERANCE_FACTOR = 10.0
EPS32 = float(np.finfo(np.float32).eps)

# SELU's constants as other sources round them (refimpl.selu uses λ and α to 17 digits).
SELU_ONNX6 = (1.05070102214813232421875, 1.67326319217681884765625)  # ONNX Selu-6 on: float32 λ, α
SELU_ONNX1 = (1.0507, 1.6732)  # ONNX Selu-1 defaults (gamma, alpha)
SELU_MLX = (1.0507, 1.67326)  # mlx.nn.selu: elu(x, 1.67326) * 1.0507
PADDLE_SLOPE = 0.1666667  # paddle.nn.functional.hardsigmoid(slope=0.1666667, offset=0.5)


def selu_with(scale: float, alpha: float):
    """SELU with the constants ``scale`` (λ) and ``alpha`` (α): λ·elu(x, α)."""
    return lambda x: scale * refimpl.elu(x, alpha=alpha)


def softplus_thresholded(x, beta: float = 1.0, threshold: float = 20.0):
    """PyTorch's and Paddle's softplus: x where βx > threshold, else the softplus."""
    return np.where(beta * x > threshold, x, refimpl.softplus(x, beta=beta))


# Each form as refimpl computes it at a parameter setting (the hard sigmoid of slope s is
# refimpl.hard_sigmoid(6 s x): clip(x/6 + 1/2) at 6 s x is clip(s x + 1/2)).
FORMS = {
    "gelu": refimpl.gelu,
    "gelu_tanh": partial(refimpl.gelu, approximate="tanh"),
    "gelu_sigmoid": partial(refimpl.swish, beta=1.702),
    "hard_sigmoid": refimpl.hard_sigmoid,
    "hard_sigmoid_0.2": lambda x: refimpl.hard_sigmoid(6 * 0.2 * x),
    "hard_sigmoid_paddle": lambda x: refimpl.hard_sigmoid(6 * PADDLE_SLOPE * x),
    "leaky_0.01": partial(refimpl.leaky_relu, negative_slope=0.01),
    "leaky_0.1": partial(refimpl.leaky_relu, negative_slope=0.1),
    "leaky_0.2": partial(refimpl.leaky_relu, negative_slope=0.2),
    "leaky_0.3": partial(refimpl.leaky_relu, negative_slope=0.3),
    "selu": refimpl.selu,
    "selu_onnx6": selu_with(*SELU_ONNX6),
    "selu_onnx1": selu_with(*SELU_ONNX1),
    "selu_mlx": selu_with(*SELU_MLX),
    "softplus": refimpl.softplus,
    "softplus_threshold": softplus_thresholded,
    "silu": refimpl.silu,
    "swish_1.1": partial(refimpl.swish, beta=1.1),
    "celu_2": partial(refimpl.celu, alpha=2.0),
    "elu_2": partial(refimpl.elu, alpha=2.0),
    "relu6": refimpl.relu6,
    "hard_tanh_0_6": partial(refimpl.hard_tanh, min_val=0.0, max_val=6.0),
}

# key -> (reference form: what the checkpoint was trained with, port form: what a port computes)
PAIRS = {
    "gelu-tanh": ("gelu", "gelu_tanh"),
    "gelu-sigmoid": ("gelu", "gelu_sigmoid"),
    "hard-sigmoid-keras2": ("hard_sigmoid", "hard_sigmoid_0.2"),
    "hard-sigmoid-paddle": ("hard_sigmoid", "hard_sigmoid_paddle"),
    "leaky-torch-tf": ("leaky_0.01", "leaky_0.2"),
    "leaky-keras-layer": ("leaky_0.3", "leaky_0.2"),
    "leaky-darknet": ("leaky_0.01", "leaky_0.1"),
    "selu-onnx6": ("selu", "selu_onnx6"),
    "selu-onnx1": ("selu", "selu_onnx1"),
    "selu-mlx": ("selu", "selu_mlx"),
    "softplus-threshold": ("softplus", "softplus_threshold"),
    "swish-beta": ("silu", "swish_1.1"),
    "celu-elu": ("celu_2", "elu_2"),
    "relu6-hardtanh": ("relu6", "hard_tanh_0_6"),
}

# The page's claims, keyed by the anchor the page gives each; every one is a per-seed statement
# that must hold on at least the fraction `at_least` of the seeds (the page prints the rate on its
# seeds, the tests assert the margin on held-out seeds).
#   caught: g > t = TOLERANCE_FACTOR · n    hidden: g < n    between: n < g < 3 t
#   identical: g == 0 exactly
#   growth-range: low < G = g / δ < high for every pair in `pairs`
#   noise-few-ulps: n < `ulps` · ε₃₂ for every reference form
CAUGHT = ("gelu-tanh", "gelu-sigmoid", "hard-sigmoid-keras2", "leaky-torch-tf", "leaky-keras-layer",
          "leaky-darknet", "selu-onnx1", "swish-beta", "celu-elu")
HIDDEN = ("hard-sigmoid-paddle", "selu-onnx6", "softplus-threshold")
CLAIMS = {
    **{f"{p}-caught": {"kind": "caught", "pair": p, "at_least": 0.95} for p in CAUGHT},
    **{f"{p}-hidden": {"kind": "hidden", "pair": p, "at_least": 0.9} for p in HIDDEN},
    "selu-mlx-between": {"kind": "between", "pair": "selu-mlx", "at_least": 0.95},
    "relu6-hardtanh-identical": {"kind": "identical", "pair": "relu6-hardtanh", "at_least": 1.0},
    "growth-range": {"kind": "growth-range", "pairs": CAUGHT, "low": 0.05, "high": 1.0, "at_least": 0.95},
    "noise-few-ulps": {"kind": "noise-few-ulps", "ulps": 4, "at_least": 0.95},
}


def _draw(seeds) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Inputs (S, BATCH, WIDTH) and weights (S, DEPTH, WIDTH, WIDTH) twice, seed by seed."""
    xs, w1s, w2s = [], [], []
    for s in seeds:
        rng = np.random.default_rng(s)
        xs.append(rng.standard_normal((BATCH, WIDTH)))
        w1s.append(rng.normal(0.0, 1 / math.sqrt(WIDTH), (DEPTH, WIDTH, WIDTH)))
        w2s.append(rng.normal(0.0, 1 / math.sqrt(WIDTH), (DEPTH, WIDTH, WIDTH)))
    return np.stack(xs), np.stack(w1s), np.stack(w2s)


def forward(phi, x: np.ndarray, w1: np.ndarray, w2: np.ndarray, keep: bool = False):
    """The residual network on a stack of seeds, in the dtype of its arguments: the outputs
    (S, BATCH, WIDTH), and with ``keep`` the pre-activations of every block as well.

    h ← h + φ(h W1_k) W2_k / √L for k = 1 … L.
    """
    h, pre = x, []
    scale = x.dtype.type(1 / math.sqrt(w1.shape[1]))
    for k in range(w1.shape[1]):
        z = h @ w1[:, k]
        if keep:
            pre.append(z)
        h = h + (phi(z) @ w2[:, k]) * scale
    return (h, pre) if keep else h


def relative_difference(y: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Per seed (axis 0): max|y − reference| / max|reference|, in float64."""
    y, reference = np.asarray(y, np.float64), np.asarray(reference, np.float64)
    axes = tuple(range(1, y.ndim))
    return np.max(np.abs(y - reference), axis=axes) / np.max(np.abs(reference), axis=axes)


def run(size: str = "full") -> dict:
    """For every pair and seed, the gap g and the single-layer difference δ at the network's
    pre-activations; for every reference form and seed, the float32 noise n.

    Returns a dict: ``seeds``, ``width``, ``depth``, ``batch``, ``noise`` {reference form: [n per
    seed]}, ``pairs`` {key: {"gap": [...], "delta": [...]}}, ``max_preactivation`` [per seed]
    (the largest |z| of the GELU reference run).
    """
    seeds = list(SIZES[size])
    x, w1, w2 = _draw(seeds)
    x32, w1_32, w2_32 = (a.astype(np.float32) for a in (x, w1, w2))
    references, noise = {}, {}
    for ref in dict.fromkeys(r for r, _ in PAIRS.values()):
        references[ref] = forward(FORMS[ref], x, w1, w2, keep=True)
        noise[ref] = relative_difference(forward(FORMS[ref], x32, w1_32, w2_32), references[ref][0]).tolist()
    pairs = {}
    for key, (ref, port) in PAIRS.items():
        y_ref, pre = references[ref]
        gap = relative_difference(forward(FORMS[port], x, w1, w2), y_ref)
        z = np.stack(pre, axis=1)  # (S, DEPTH, BATCH, WIDTH)
        delta = np.max(np.abs(FORMS[ref](z) - FORMS[port](z)), axis=(1, 2, 3))
        pairs[key] = {"gap": gap.tolist(), "delta": delta.tolist()}
    z = np.stack(references["gelu"][1], axis=1)
    return {"seeds": seeds, "width": WIDTH, "depth": DEPTH, "batch": BATCH, "noise": noise,
            "pairs": pairs, "max_preactivation": np.max(np.abs(z), axis=(1, 2, 3)).tolist()}


def gap(result: dict, key: str) -> np.ndarray:
    """Per seed: the relative difference of the outputs of pair ``key``'s two forms."""
    return np.array(result["pairs"][key]["gap"])


def noise(result: dict, key: str) -> np.ndarray:
    """Per seed: the float32 noise of pair ``key``'s reference form."""
    return np.array(result["noise"][PAIRS[key][0]])


def growth(result: dict, key: str) -> np.ndarray:
    """Per seed: G = g / δ, the output's relative difference per unit of the largest single-layer
    difference at the network's pre-activations (NaN where δ = 0: the forms agree there)."""
    g, d = gap(result, key), np.array(result["pairs"][key]["delta"])
    return np.divide(g, d, out=np.full_like(g, np.nan), where=d > 0)  # NaN where the forms agree


def holds(result: dict, key: str) -> np.ndarray:
    """Per seed, whether claim ``key``'s statement is true."""
    spec = CLAIMS[key]
    kind = spec["kind"]
    if kind == "growth-range":
        return np.all([(spec["low"] < growth(result, p)) & (growth(result, p) < spec["high"])
                       for p in spec["pairs"]], axis=0)
    if kind == "noise-few-ulps":
        return np.all([np.array(n) < spec["ulps"] * EPS32 for n in result["noise"].values()], axis=0)
    g, n = gap(result, spec["pair"]), noise(result, spec["pair"])
    if kind == "caught":
        return g > TOLERANCE_FACTOR * n
    if kind == "hidden":
        return g < n
    if kind == "between":
        return (n < g) & (g < 3 * TOLERANCE_FACTOR * n)
    if kind == "identical":
        return g == 0.0
    raise ValueError(f"holds: claim {key!r} has an unknown kind {kind!r}")


def claim(result: dict, key: str) -> dict:
    """The measured rate of claim ``key`` and whether it meets its stated margin."""
    measured = rate(holds(result, key))
    return {"rate": measured, "holds": meets(measured, CLAIMS[key])}


def largest_difference(f, g, lo: float = -10.0, hi: float = 10.0, per_unit: bool = False,
                       points: int = 200_001) -> tuple[float, float]:
    """The largest |f(x) − g(x)| over [lo, hi] and the x where it occurs: a grid of ``points``
    values, then a bounded scalar search between the grid neighbours of the grid's best point.
    With ``per_unit``, the largest |f(x) − g(x)| / |x| instead (for forms whose difference grows
    in proportion to |x|).

        >>> d, at = largest_difference(refimpl.hard_sigmoid, lambda x: refimpl.hard_sigmoid(1.2 * x))
        >>> round(d, 12), round(abs(at), 6)
        (0.083333333333, 2.5)
    """
    def diff(x):
        d = np.abs(np.asarray(f(x), np.float64) - np.asarray(g(x), np.float64))
        return d / np.abs(x) if per_unit else d

    grid = np.linspace(lo, hi, points)
    if per_unit:
        grid = grid[grid != 0]
    i = int(np.argmax(diff(grid)))
    a, b = grid[max(i - 1, 0)], grid[min(i + 1, grid.size - 1)]
    best = optimize.minimize_scalar(lambda x: -float(diff(np.array([x]))[0]), bounds=(a, b),
                                    method="bounded", options={"xatol": 1e-12})
    x = float(best.x) if -best.fun >= diff(grid[i:i + 1])[0] else float(grid[i])
    return float(diff(np.array([x]))[0]), x
