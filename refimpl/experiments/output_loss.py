"""Output layer and loss: why a sigmoid or softmax output is trained with cross-entropy.

**Claim.** For a sigmoid output p = σ(z) and binary cross-entropy, the gradient with respect to the
logit z is exactly p − y: when the unit is confidently wrong (y = 1, z ≪ 0) it stays near −1.
With squared error L = (σ(z) − y)² the chain rule adds a factor σ'(z), and the gradient
2(σ(z) − y)σ'(z) vanishes like e^z. Softmax behaves the same way: cross-entropy gives
softmax(z) − onehot(y), squared error goes through the softmax Jacobian, and its component on
the true class's logit, the one that raises that class, vanishes with the class's probability. The losses are computed from the logits in fused forms (BCE with
logits, log-softmax + NLL) that stay finite where log(σ(z)) or log(softmax(z)) give inf or NaN.

**Setup.** (1) The gradients on a grid of logits z from −10 to 0 with y = 1; for softmax, 10
classes, the true class's logit is z and the 9 others are 0. Squared error is taken *with* the
factor 2: L = Σ(p − y)², ∂L/∂p = 2(p − y), the convention of `mlp.mse_loss`. (2) The losses at
|z| up to 1000 in float64, naive and fused, against a 50-digit mpmath reference. These two are
exact computations, not claims over seeds. (3) Logistic regression on 200 generated points in
2-D, labels from a random direction w*, started at w = −c·w* for c in ``STARTS`` (c = 0: at the
origin; c = 8: confidently wrong), trained by full-batch gradient descent for at most 300 steps
with every learning rate of ``LEARNING_RATES``, the same sweep for both losses; the page's seeds
0–99, the tests' held-out seeds 1000–1099. All runs train at once, as stacks of arrays.

**Claims** (``CLAIMS``), each a per-seed statement about the steps to 90 % training accuracy:
from the most wrong start, squared error is slower at every rate and at its own fastest rate;
from a start near the origin each loss at its fastest rate arrives within a step of the other;
at rate 1, cross-entropy recovers and squared error does not within the budget.

**Reference.** Glorot & Bengio (2010), §4.1, found the log-likelihood cost with softmax outputs
"worked much better (for classification problems) than the quadratic cost", with fewer plateaus.

    >>> import numpy as np
    >>> print(binary_gradients(np.array([-10.0]))["ce"][0] < -0.9999)
    True
"""

from __future__ import annotations

import math

import numpy as np

import refimpl
from refimpl.experiments.claims import held_out, meets, rate

N_CLASSES = 10
SEEDS = tuple(range(100))
SIZES = {"full": SEEDS, "small": tuple(range(10)), "held_out": tuple(held_out(SEEDS, 100))}
STARTS = (0.0, 1.0, 2.0, 4.0, 8.0)  # w = −c·w* at step 0
LEARNING_RATES = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
N_POINTS = 200
STEPS = 300  # the step budget
LEVEL = 0.9  # "arrived": this training accuracy

# The page's claims, keyed by the anchor the page gives each: a per-seed statement and the share
# of seeds it must hold on. The page prints the rate on its seeds, the tests assert the margin on
# held-out seeds, the guides link the key.
CLAIMS = {
    # from w = −8w*, at every rate at which cross-entropy arrives, squared error takes at least
    # `factor` times as many steps, or does not arrive
    "same-rate": {"start": 8.0, "factor": 5, "at_least": 0.95},
    # from w = −8w*, each loss at its fastest rate of the sweep, squared error takes at least
    # `factor` times as many steps as cross-entropy
    "fastest-rates": {"start": 8.0, "factor": 5, "at_least": 0.95},
    # from w = −w* and −2w*, each loss at its fastest rate of the sweep, squared error arrives
    # within `within` steps of cross-entropy
    "near-zero": {"starts": [1.0, 2.0], "within": 1, "at_least": 0.8},
    # from w = −8w* at rate 1, cross-entropy arrives within `ce_within` steps and squared error
    # does not arrive within the step budget
    "rate-one": {"start": 8.0, "rate": 1.0, "ce_within": 25, "at_least": 0.8},
}


# -- losses, from the logits -----------------------------------------------------------------
def bce_with_logits(z, y):
    """Binary cross-entropy −y·ln σ(z) − (1 − y)·ln(1 − σ(z)) as softplus(z) − y·z.

    Finite for every finite z; its absolute error is about one ulp of max(1, |z|), so where the
    loss is far below that (y = 1, z ≫ 0) it rounds to 0 (see `bce_log_sigmoid`)."""
    z = np.asarray(z, dtype=np.float64)
    return refimpl.softplus(z) - y * z


def bce_log_sigmoid(z, y):
    """The same loss as −y·log_sigmoid(z) − (1 − y)·log_sigmoid(−z): accurate to a few ulp
    relative, even where the loss is tiny (no subtraction of two large numbers)."""
    z = np.asarray(z, dtype=np.float64)
    return -y * refimpl.log_sigmoid(z) - (1 - y) * refimpl.log_sigmoid(-z) + 0.0  # no -0.0


def bce_naive(z, y):
    """The textbook composition: σ(z) = 1/(1 + e^{−z}), then −y·ln σ − (1 − y)·ln(1 − σ).
    Gives inf, or NaN (0·inf), once σ(z) rounds to 0 or 1; warnings are silenced."""
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        s = 1 / (1 + np.exp(-z))
        return -y * np.log(s) - (1 - y) * np.log(1 - s)


def nll_log_softmax(z, label: int):
    """−log_softmax(z)[label]: finite for every finite z."""
    return -refimpl.log_softmax(np.asarray(z, dtype=np.float64))[..., label]


def nll_log_of_softmax(z, label: int):
    """−log(refimpl.softmax(z))[label]: inf once that probability underflows to 0."""
    with np.errstate(divide="ignore"):
        return -np.log(refimpl.softmax(np.asarray(z, dtype=np.float64))[..., label])


def nll_naive_softmax(z, label: int):
    """−log(e^z / Σe^z)[label] without the max shift: NaN (inf/inf) once a logit exceeds ~709."""
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        e = np.exp(z)
        return -np.log(e / e.sum(axis=-1, keepdims=True))[..., label]


# -- gradients w.r.t. the logits ---------------------------------------------------------------
def binary_gradients(z: np.ndarray, y: float = 1.0) -> dict:
    """dL/dz for a sigmoid output: cross-entropy σ(z) − y; squared error 2(σ(z) − y)σ'(z)."""
    s = refimpl.sigmoid(z)
    return {"ce": s - y, "se": 2 * (s - y) * refimpl.sigmoid.derivative(z)}


def softmax_logits(z_true: float, n_classes: int = N_CLASSES) -> tuple[np.ndarray, int]:
    """Logits with the true class (index 0) at z_true and the others at 0, and the label."""
    logits = np.zeros(n_classes)
    logits[0] = z_true
    return logits, 0


def softmax_gradients(logits: np.ndarray, label: int) -> dict:
    """dL/dz for a softmax output: cross-entropy softmax(z) − onehot(y); squared error
    L = Σ(p − onehot)², its gradient J(z)ᵀ·2(p − onehot) through `refimpl.softmax.vjp`."""
    p = refimpl.softmax(logits)
    onehot = np.zeros_like(p)
    onehot[label] = 1.0
    return {"ce": p - onehot, "se": refimpl.softmax.vjp(logits, 2 * (p - onehot))}


def gradient_curves(z: np.ndarray) -> dict:
    """dL/dz on the true class's logit: sigmoid (y = 1) and softmax (label 0, the other logits
    0), under cross-entropy and squared error."""
    binary = binary_gradients(z)
    ce, se = [], []
    for v in z:
        logits, label = softmax_logits(float(v))
        g = softmax_gradients(logits, label)
        ce.append(float(g["ce"][label]))
        se.append(float(g["se"][label]))
    return {"z": z.tolist(), "binary_ce": binary["ce"].tolist(), "binary_se": binary["se"].tolist(),
            "softmax_ce": ce, "softmax_se": se, "n_classes": N_CLASSES}


# -- numerical stability -------------------------------------------------------------------------
def _num(x) -> float | str:
    """A float for JSON; inf and NaN as the strings 'inf', '-inf', 'nan'."""
    x = float(x)
    return x if math.isfinite(x) else str(x)


def _exact_bce(z: float, y: int) -> float:
    import mpmath

    with mpmath.workdps(50):
        z = mpmath.mpf(z)
        return float(mpmath.log1p(mpmath.exp(-z)) if y == 1 else mpmath.log1p(mpmath.exp(z)))


def _exact_nll(logits: np.ndarray, label: int) -> float:
    import mpmath

    with mpmath.workdps(50):
        v = [mpmath.mpf(float(t)) for t in logits]
        return float(mpmath.log(mpmath.fsum(mpmath.exp(t) for t in v)) - v[label])


def stability(zs=(-1000.0, -100.0, -40.0, -10.0, 0.0, 10.0, 40.0, 100.0, 1000.0),
              shifts=(10.0, 100.0, 800.0, 1000.0)) -> dict:
    """The losses in float64 at large |z|, naive and fused, with a 50-digit reference."""
    binary = []
    for y in (1, 0):
        for z in zs:
            binary.append({"z": z, "y": y, "naive": _num(bce_naive(z, y)),
                           "softplus": _num(bce_with_logits(z, y)),
                           "log_sigmoid": _num(bce_log_sigmoid(z, y)), "exact": _exact_bce(z, y)})
    multi = []
    for s in shifts:  # 3 classes, a wrong class at logit s, the true class (1) and another at 0
        logits, label = np.array([s, 0.0, 0.0]), 1
        multi.append({"shift": s, "naive": _num(nll_naive_softmax(logits, label)),
                      "log_of_softmax": _num(nll_log_of_softmax(logits, label)),
                      "log_softmax": _num(nll_log_softmax(logits, label)),
                      "exact": _exact_nll(logits, label)})
    return {"binary": binary, "softmax": multi}


# -- training from a confidently wrong start ------------------------------------------------------
def make_task(seed: int, n: int = N_POINTS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Points x ~ N(0, I₂), a random unit direction w*, labels y = [x·w* > 0]."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, 2))
    w_star = rng.standard_normal(2)
    w_star /= np.linalg.norm(w_star)
    return x, (x @ w_star > 0).astype(np.float64), w_star


def logit_gradient(loss: str, p: np.ndarray, y: np.ndarray) -> np.ndarray:
    """dL/dz from the output p = σ(z): cross-entropy p − y, squared error 2(p − y)·σ'(z) with
    σ'(z) = p(1 − p) (the same values as `binary_gradients`, without a second sigmoid)."""
    if loss == "ce":
        return p - y
    if loss == "se":
        return 2 * (p - y) * p * (1 - p)
    raise ValueError(f"logit_gradient: loss must be 'ce' or 'se', got {loss!r}")


def steps_to_accuracy(loss: str, seeds, starts=STARTS, learning_rates=LEARNING_RATES,
                      n: int = N_POINTS, steps: int = STEPS, level: float = LEVEL) -> np.ndarray:
    """Logistic regression p = σ(x·w + b) from w = −c·w*, b = 0, by full-batch gradient descent on
    the mean loss ("ce" or "se"), for every start c, learning rate and seed at once. Returns the
    first step at which the training accuracy reaches ``level`` (step 0 is the start), −1 where
    it does not within ``steps``; shape (start, learning rate, seed).

    A run stops once it has arrived, so the work follows the runs still under way."""
    if loss not in ("ce", "se"):
        raise ValueError(f"steps_to_accuracy: loss must be 'ce' or 'se', got {loss!r}")
    tasks = [make_task(s, n) for s in seeds]
    x = np.stack([t[0] for t in tasks])
    y = np.stack([t[1] for t in tasks])
    w_star = np.stack([t[2] for t in tasks])
    shape = (len(starts), len(learning_rates), len(seeds))
    c, lr, seed = (a.ravel() for a in np.meshgrid(np.asarray(starts, float),
                                                  np.asarray(learning_rates, float),
                                                  np.arange(len(seeds)), indexing="ij"))
    # one row per run (start, rate, seed); `live` indexes the runs still under way
    arrived = np.full(c.size, -1)
    live = np.arange(c.size)
    w, b = -c[:, None] * w_star[seed], np.zeros(c.size)
    xs, ys, lrs = x[seed], y[seed], lr
    for step in range(steps + 1):
        z = (xs @ w[:, :, None])[:, :, 0] + b[:, None]
        accuracy = np.mean((z > 0) == (ys == 1), axis=1)
        done = accuracy >= level
        arrived[live[done]] = step
        if done.all() or step == steps:
            break
        if done.any():
            keep = ~done
            live, w, b, xs, ys, lrs, z = live[keep], w[keep], b[keep], xs[keep], ys[keep], lrs[keep], z[keep]
        g = logit_gradient(loss, refimpl.sigmoid(z), ys) / n  # dL/dz of the mean loss
        w = w - lrs[:, None] * (xs.transpose(0, 2, 1) @ g[:, :, None])[:, :, 0]
        b = b - lrs * g.sum(axis=1)
    return arrived.reshape(shape)


def train_logistic(loss: str, seed: int, n: int = N_POINTS, steps: int = STEPS, lr: float = 1.0,
                   wrong: float = 8.0) -> dict:
    """One run, step by step (the notebook and the tests): the accuracy and the cross-entropy at
    every step, whichever loss is minimised."""
    x, y, w_star = make_task(seed, n)
    w, b = -wrong * w_star, 0.0
    accuracy, bce = [], []
    for _ in range(steps + 1):
        z = x @ w + b
        accuracy.append(float(np.mean((z > 0) == (y == 1))))
        bce.append(float(np.mean(bce_log_sigmoid(z, y))))
        g = binary_gradients(z, y)[loss] / n  # dL/dz of the mean loss
        w, b = w - lr * (x.T @ g), b - lr * g.sum()
    return {"accuracy": accuracy, "bce": bce}


def training(seeds, starts=STARTS, learning_rates=LEARNING_RATES, **kwargs) -> dict:
    """Steps to ``LEVEL`` accuracy, ``steps_to_90[loss][i_start][i_rate][i_seed]`` (None: not
    within the step budget), for both losses over the same sweep."""
    out = {"seeds": list(seeds), "starts": list(starts), "learning_rates": list(learning_rates),
           "steps": kwargs.get("steps", STEPS), "points": kwargs.get("n", N_POINTS), "level": LEVEL,
           "steps_to_90": {}}
    for loss in ("ce", "se"):
        arrived = steps_to_accuracy(loss, seeds, starts, learning_rates, **kwargs)
        out["steps_to_90"][loss] = np.where(arrived < 0, None, arrived).tolist()
    return out


def arrivals(result: dict, loss: str, start: float) -> np.ndarray:
    """(rate, seed) steps to 90 % from w = −start·w*, inf where a run did not arrive."""
    t = result["training"]
    a = np.array(t["steps_to_90"][loss][t["starts"].index(start)], dtype=float)  # None -> nan
    return np.where(np.isnan(a), np.inf, a)


def describe(steps: np.ndarray, budget: int) -> str:
    """'median (IQR q1–q3)' of steps to arrive, over seeds, with the runs that never arrived
    counted as beyond the budget ("> 300"), and how many they were. Quartiles by nearest rank,
    so each is a step some run took."""
    a = np.where(np.isfinite(steps), steps, budget + 1)
    q1, median, q3 = (f"> {budget}" if v > budget else f"{v:.0f}"
                      for v in np.percentile(a, [25, 50, 75], method="nearest"))
    never = int(np.sum(~np.isfinite(steps)))
    return f"{median} (IQR {q1}–{q3})" + (f", {never} never" if never else "")


def holds(result: dict, key: str) -> np.ndarray:
    """Per seed of ``result``: whether claim ``key`` is true on that seed."""
    c = CLAIMS[key]
    rates = result["training"]["learning_rates"]
    if key == "same-rate":
        ce, se = arrivals(result, "ce", c["start"]), arrivals(result, "se", c["start"])
        return np.all(~np.isfinite(ce) | (se >= c["factor"] * ce), axis=0)
    if key == "fastest-rates":
        ce, se = arrivals(result, "ce", c["start"]), arrivals(result, "se", c["start"])
        return se.min(axis=0) >= c["factor"] * ce.min(axis=0)
    if key == "near-zero":
        return np.all([arrivals(result, "se", s).min(axis=0) - arrivals(result, "ce", s).min(axis=0)
                       <= c["within"] for s in c["starts"]], axis=0)
    if key == "rate-one":
        i = rates.index(c["rate"])
        ce, se = arrivals(result, "ce", c["start"])[i], arrivals(result, "se", c["start"])[i]
        return (ce <= c["ce_within"]) & ~np.isfinite(se)
    raise KeyError(f"output_loss.holds: unknown claim {key!r}; expected one of {sorted(CLAIMS)}")


def claim(result: dict, key: str) -> dict:
    """The measured rate of claim ``key`` and whether it meets its stated margin."""
    measured = rate(holds(result, key))
    return {"rate": measured, "holds": meets(measured, CLAIMS[key])}


def run(size: str = "full") -> dict:
    """The whole result: gradient curves, the stability table and the training sweep.
    ``size``: "full" (the page's seeds), "small" (10 seeds and a coarser gradient grid, the
    notebook) or "held_out" (the tests' seeds)."""
    z = np.linspace(-10.0, 0.0, 41 if size == "small" else 201)
    return {"gradients": gradient_curves(z), "stability": stability(),
            "training": training(SIZES[size]),
            "convention": "squared error L = sum (p - y)^2, dL/dp = 2 (p - y)"}
