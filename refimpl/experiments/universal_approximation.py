"""Universal approximation, measured: error of one hidden layer of N units vs N.

Claim. A sum of N sigmoid (or ReLU) units, f(x) = Σⱼ aⱼ σ(wⱼx + bⱼ) + c, fits a continuous 1-D
target better as N grows: from N = 1 to N = 32 the test error falls at least fivefold on every
seed and by more than an order of magnitude in the median, for both activations.

What the theorem says, and what this shows. Cybenko (1989) proved that such sums are *dense* in
the continuous functions on the unit cube when σ is a continuous sigmoidal function (σ(t) → 1 as
t → +∞, σ(t) → 0 as t → −∞): for every target and every ε some finite N and some weights come
within ε everywhere. It is an existence result; it gives no rate in N and no way to find the
weights. ReLU is not sigmoidal, but ReLU(t) − ReLU(t − 1) is a continuous sigmoidal function, so
2N ReLU units contain N such units and the theorem carries over. This experiment measures one way
of finding weights at each N; it is not a proof.

Setup. Target g(x) = sin(3x) + 0.3x on [−2, 2]; 200 training points uniform on the interval, error
measured as RMS over 1001 evenly spaced test points. *Random features*: the hidden weights are drawn,
not trained: slope w = ±s (random sign, s = 4 for sigmoid, 1 for ReLU) and bias b = −w·c with the
kink/centre c uniform on [−2, 2]; only the output layer (a, c) is fitted, by linear least squares
(numpy.linalg.lstsq). N = 1, 2, 4, 8, 16, 32; 10 seeds. Nothing is trained by gradient descent.

    >>> r = run(size="small")
    >>> r["widths"]
    [1, 2, 4, 8, 16, 32]
"""

from __future__ import annotations

import numpy as np

import refimpl
from refimpl.experiments.claims import held_out, meets, rate

ACTIVATIONS = ("sigmoid", "relu")
WIDTHS = (1, 2, 4, 8, 16, 32)
SEEDS = tuple(range(100))
SIZES = {"full": SEEDS, "small": (0, 1, 2), "held_out": tuple(held_out(SEEDS, 100))}
SLOPE = {"sigmoid": 4.0, "relu": 1.0}
# Other sigmoid slopes, run beside the main one: which activation fits better depends on it.
# (ReLU's slope only scales its units, which the least-squares output layer undoes.)
SIGMOID_SLOPES = (1.0, 4.0, 16.0)
INTERVAL = (-2.0, 2.0)
N_TRAIN = 200
N_TEST = 1001

# The page's claims, keyed by the anchor the page gives each; per seed, and true on at least the
# fraction `at_least` of seeds. The page prints each rate on its seeds, the tests assert
# `at_least` on held-out seeds, the guides link the key.
CLAIMS = {
    # for each activation, 32 units beat 1 unit at least `factor`-fold
    "error-falls": {"factor": 5.0, "at_least": 0.9},
    # with slope 4, sigmoid units fit better than ReLU units at N = 32
    "sigmoid-wins-at-slope-4": {"slope": 4.0, "at_least": 0.95},
    # with slope 16, sigmoid units fit better than ReLU units on no more than 3 seeds in 4
    "no-win-at-slope-16": {"slope": 16.0, "at_most": 0.75},
}


def target(x: np.ndarray) -> np.ndarray:
    return np.sin(3 * x) + 0.3 * x


def features(x: np.ndarray, w: np.ndarray, b: np.ndarray, activation: str) -> np.ndarray:
    """The hidden layer's outputs σ(w x + b), one column per unit, plus a column of ones."""
    h = refimpl.get(activation)(np.outer(x, w) + b)
    return np.column_stack([h, np.ones(len(x))])


def fit(activation: str, width: int, seed: int, slope: float | None = None) -> dict:
    """Random hidden weights, least-squares output layer; the test RMS error and the fit.

    The test points are evenly spaced between the smallest and the largest training point: the
    fit is judged where it was fitted, not extrapolated to the ends of the interval."""
    rng = np.random.default_rng(seed)
    x_train = rng.uniform(*INTERVAL, N_TRAIN)
    w = (SLOPE[activation] if slope is None else slope) * rng.choice([-1.0, 1.0], width)
    centres = rng.uniform(*INTERVAL, width)
    b = -w * centres
    coef, *_ = np.linalg.lstsq(features(x_train, w, b, activation), target(x_train), rcond=None)
    x_test = np.linspace(x_train.min(), x_train.max(), N_TEST)
    pred = features(x_test, w, b, activation) @ coef
    return {"rms": float(np.sqrt(np.mean((pred - target(x_test)) ** 2))), "x": x_test, "pred": pred}


def run(size: str = "full") -> dict:
    """``result["rms"][activation][i_width][i_seed]`` (sigmoid at slope 4), the sigmoid at every
    slope of SIGMOID_SLOPES in ``result["sigmoid_slopes"][str(slope)]``, and the fits of the first
    seed at a few widths (every 10th test point) for the figure. ``size``: "full" (the page's
    seeds), "small" (3 seeds, the notebook) or "held_out" (the tests' seeds)."""
    seeds = SIZES[size]
    rms, curves = {}, {}
    for activation in ACTIVATIONS:
        rms[activation] = [[fit(activation, n, s)["rms"] for s in seeds] for n in WIDTHS]
        curves[activation] = {str(n): fit(activation, n, seeds[0])["pred"][::10].tolist()
                              for n in (2, 8, 32)}
    slopes = {str(k): [[fit("sigmoid", n, s, k)["rms"] for s in seeds] for n in WIDTHS]
              for k in SIGMOID_SLOPES}
    x = fit("sigmoid", 1, seeds[0])["x"][::10]
    grid = np.linspace(*INTERVAL, N_TEST)
    return {"activations": list(ACTIVATIONS), "widths": list(WIDTHS), "seeds": list(seeds),
            "rms": rms, "sigmoid_slopes": slopes,
            "target_rms": float(np.sqrt(np.mean(target(grid) ** 2))),
            "curve_x": x.tolist(), "curve_target": target(x).tolist(), "curves": curves}


def holds(result: dict, key: str) -> np.ndarray:
    """Per seed of ``result``: whether claim ``key`` is true on that seed."""
    c = CLAIMS[key]
    relu_32 = np.array(result["rms"]["relu"][-1])
    if key == "error-falls":
        return np.all([np.array(e[-1]) * c["factor"] < np.array(e[0])
                       for e in result["rms"].values()], axis=0)
    if key in ("sigmoid-wins-at-slope-4", "no-win-at-slope-16"):
        return np.array(result["sigmoid_slopes"][str(c["slope"])][-1]) < relu_32
    raise KeyError(f"universal_approximation.holds: unknown claim {key!r}; expected one of {sorted(CLAIMS)}")


def claim(result: dict, key: str) -> dict:
    """The measured rate of claim ``key`` and whether it meets its stated margin."""
    measured = rate(holds(result, key))
    return {"rate": measured, "holds": meets(measured, CLAIMS[key])}
