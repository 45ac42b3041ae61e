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
|z| up to 1000 in float64, naive and fused, against a 50-digit mpmath reference. (3) Logistic
regression on 200 generated points in 2-D, labels from a random direction w*, started confidently
wrong at w = −8·w*, trained by full-batch gradient descent with one learning rate for both losses,
5 seeds.

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

SEEDS = (0, 1, 2, 3, 4)
N_CLASSES = 10


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
def make_task(seed: int, n: int = 200) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Points x ~ N(0, I₂), a random unit direction w*, labels y = [x·w* > 0]."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, 2))
    w_star = rng.standard_normal(2)
    w_star /= np.linalg.norm(w_star)
    return x, (x @ w_star > 0).astype(np.float64), w_star


def train_logistic(loss: str, seed: int, n: int = 200, steps: int = 300, lr: float = 1.0,
                   wrong: float = 8.0) -> dict:
    """Logistic regression p = σ(x·w + b) from w = −wrong·w*, b = 0, by full-batch gradient
    descent on the mean loss ("ce" or "se"). Returns the accuracy and the cross-entropy at every
    step (step 0 is the start), whichever loss is minimised."""
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


def steps_to(curve: list[float], level: float) -> int | None:
    """The first step at which `curve` reaches `level`, None if it never does."""
    return next((i for i, v in enumerate(curve) if v >= level), None)


def training(seeds=SEEDS, **kwargs) -> dict:
    runs = {loss: [train_logistic(loss, s, **kwargs) for s in seeds] for loss in ("ce", "se")}
    return {"seeds": list(seeds), "runs": runs,
            "steps_to_90": {loss: [steps_to(r["accuracy"], 0.9) for r in rs]
                            for loss, rs in runs.items()}}


def run(size: str = "full") -> dict:
    """The whole result: gradient curves, the stability table and the training runs.
    size="small" (notebook, tests): fewer grid points, 3 seeds, 150 steps, 100 points."""
    small = size == "small"
    z = np.linspace(-10.0, 0.0, 41 if small else 201)
    train = training(SEEDS[:3], n=100, steps=150) if small else training(SEEDS)
    return {"gradients": gradient_curves(z), "stability": stability(), "training": train,
            "convention": "squared error L = sum (p - y)^2, dL/dp = 2 (p - y)"}
