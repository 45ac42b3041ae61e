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

ACTIVATIONS = ("sigmoid", "relu")
WIDTHS = (1, 2, 4, 8, 16, 32)
SEEDS = tuple(range(10))
SMALL_SEEDS = (0, 1, 2)
SLOPE = {"sigmoid": 4.0, "relu": 1.0}
INTERVAL = (-2.0, 2.0)
N_TRAIN = 200
N_TEST = 1001


def target(x: np.ndarray) -> np.ndarray:
    return np.sin(3 * x) + 0.3 * x


def features(x: np.ndarray, w: np.ndarray, b: np.ndarray, activation: str) -> np.ndarray:
    """The hidden layer's outputs σ(w x + b), one column per unit, plus a column of ones."""
    h = refimpl.get(activation)(np.outer(x, w) + b)
    return np.column_stack([h, np.ones(len(x))])


def fit(activation: str, width: int, seed: int) -> dict:
    """Random hidden weights, least-squares output layer; the test RMS error and the fit."""
    rng = np.random.default_rng(seed)
    x_train = rng.uniform(*INTERVAL, N_TRAIN)
    w = SLOPE[activation] * rng.choice([-1.0, 1.0], width)
    centres = rng.uniform(*INTERVAL, width)
    b = -w * centres
    coef, *_ = np.linalg.lstsq(features(x_train, w, b, activation), target(x_train), rcond=None)
    x_test = np.linspace(*INTERVAL, N_TEST)
    pred = features(x_test, w, b, activation) @ coef
    return {"rms": float(np.sqrt(np.mean((pred - target(x_test)) ** 2))), "x": x_test, "pred": pred}


def run(size: str = "full") -> dict:
    """``result["rms"][activation][i_width][i_seed]``, plus the fits of seed 0 at a few widths
    (every 10th test point) for the figure. ``size="small"`` uses 3 seeds."""
    seeds = SEEDS if size == "full" else SMALL_SEEDS
    rms, curves = {}, {}
    for activation in ACTIVATIONS:
        rms[activation] = [[fit(activation, n, s)["rms"] for s in seeds] for n in WIDTHS]
        curves[activation] = {str(n): fit(activation, n, seeds[0])["pred"][::10].tolist()
                              for n in (2, 8, 32)}
    x = np.linspace(*INTERVAL, N_TEST)[::10]
    return {"activations": list(ACTIVATIONS), "widths": list(WIDTHS), "seeds": list(seeds),
            "rms": rms, "target_rms": float(np.sqrt(np.mean(target(np.linspace(*INTERVAL, N_TEST)) ** 2))),
            "curve_x": x.tolist(), "curve_target": target(x).tolist(), "curves": curves}
