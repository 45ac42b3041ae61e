"""Dead units: how many hidden units stop receiving gradient, as the learning rate grows.

Claims (``CLAIMS``), each a rate over seeds. With ReLU, a hidden unit whose pre-activation is
≤ 0 on every training input gets a zero gradient on every input (refimpl's ReLU has derivative 0
on x ≤ 0), so gradient descent can never move its incoming weights again: it is *dead*. Large
learning rates push units there: at rate 10 nearly every unit dies on most seeds, at 0.1 and 0.3
none does. Leaky ReLU (Maas et al., 2013) has derivative ``negative_slope`` = 0.01 below 0, so
by construction none of its units is dead (a definition, not a finding); ELU (Clevert et al.,
2015) has derivative α·eˣ below 0, which falls below the threshold once x is negative enough,
and does at rate 5. Neither rescues training at the largest rate: the remedy the experiment
supports is a smaller learning rate.

Definition used here. A hidden unit is *dead* when |f'(z)| ≤ ``DEAD_THRESHOLD`` (1e-8) at its
pre-activation z for every training input, measured after training. For ReLU that is exactly
"z ≤ 0 on every input"; for leaky ReLU it never happens (|f'| ≥ 0.01); for ELU with α = 1 it
means z < ln(1e-8) ≈ −18.4 on every input. Separately we count *inactive* units (z ≤ 0 on every
input), which for leaky ReLU and ELU still receive gradient.

Setup. One hidden layer of ``WIDTH`` = 64 units, inputs x ∈ U(−1, 1)², labels sign(x₁x₂) (an XOR
of quadrants, 128 points), softmax cross-entropy over 2 logits, He-normal first layer, LeCun-
normal output layer, zero biases, minibatch SGD (batch 16, 30 epochs), learning rates
``LEARNING_RATES`` = 0.1 … 10; the page's seeds 0–99, the tests' held-out seeds 1000–1039 (each
seed draws data, weights and batch order). All seeds train at once, as stacks of arrays. The
gradient is computed by hand for this one-hidden-layer net (the tests check it against
refimpl.experiments.mlp); the activation and its derivative come from the refimpl registry.

    >>> r = run(size="small")
    >>> r["learning_rates"], len(r["dead"]["relu"][0])
    ([0.1, 0.3, 1.0, 3.0, 5.0, 10.0], 3)
"""

from __future__ import annotations

import math

import numpy as np

import refimpl
from refimpl.experiments.claims import held_out, meets, rate

ACTIVATIONS = ("relu", "leaky_relu", "elu")
LEARNING_RATES = (0.1, 0.3, 1.0, 3.0, 5.0, 10.0)
SEEDS = tuple(range(100))
SIZES = {"full": SEEDS, "small": (0, 1, 2), "held_out": tuple(held_out(SEEDS, 40))}
WIDTH = 64
N_POINTS = 128
BATCH = 16
EPOCHS = 30
DEAD_THRESHOLD = 1e-8

# The page's claims, keyed by the anchor the page gives each. A claim is a per-seed statement;
# it holds when it is true on at least the fraction `at_least` of the seeds run. The page prints
# the rate on its seeds, the tests assert `at_least` on held-out seeds, the guides link the key.
CLAIMS = {
    # at rate 10, at least 90 % of the ReLU units are dead
    "relu-dies": {"rate": 10.0, "fraction": 0.9, "at_least": 0.9},
    # at rates 0.1 and 0.3, no ReLU unit is dead
    "relu-lives": {"rates": [0.1, 0.3], "at_least": 0.95},
    # at rate 5, at least one ELU unit is dead (its gradient below the threshold on every input)
    "elu-dies": {"rate": 5.0, "at_least": 0.95},
    # at rate 10, Leaky ReLU and ELU nets both stay below 70 % training accuracy (0.8, not 0.9:
    # 97 of the page's 100 seeds but 35 of the 40 held out)
    "leaky-elu-fail": {"rate": 10.0, "accuracy": 0.7, "at_least": 0.8},
    # at every rate up to 1, all three activations reach 85 % training accuracy
    "lower-the-rate": {"up_to": 1.0, "accuracy": 0.85, "at_least": 0.95},
}


def make_data(rng: np.random.Generator, n: int = N_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """n points uniform on the square (−1, 1)², label 1 where x₁x₂ > 0 (quadrants I and III)."""
    x = rng.uniform(-1.0, 1.0, (n, 2))
    return x, (x[:, 0] * x[:, 1] > 0).astype(int)


def init_params(rng: np.random.Generator, width: int = WIDTH) -> dict[str, np.ndarray]:
    """He-normal first layer (variance 2/fan_in), LeCun-normal output layer, zero biases."""
    return {"w1": rng.normal(0.0, math.sqrt(2.0 / 2), (2, width)), "b1": np.zeros(width),
            "w2": rng.normal(0.0, math.sqrt(1.0 / width), (width, 2)), "b2": np.zeros(2)}


def _t(a: np.ndarray) -> np.ndarray:
    """The transpose of the last two axes: a matrix, or a stack of them (one per seed)."""
    return np.swapaxes(a, -1, -2)


def loss_and_grads(params: dict, x: np.ndarray, labels: np.ndarray, entry):
    """Mean softmax cross-entropy of the net and its gradient w.r.t. every parameter.

    Works on one net (x of shape (n, 2)) or on a stack of nets, one per seed (every array with a
    leading seed axis); the loss is then one per seed."""
    z = x @ params["w1"] + params["b1"][..., None, :]
    h = entry(z)
    logits = h @ params["w2"] + params["b2"][..., None, :]
    shifted = logits - logits.max(axis=-1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    n = labels.shape[-1]
    onehot = np.eye(2)[labels]
    loss = -(log_p * onehot).sum(axis=-1).mean(axis=-1)
    d = (np.exp(log_p) - onehot) / n
    dz = (d @ _t(params["w2"])) * entry.derivative(z)
    grads = {"w1": _t(x) @ dz, "b1": dz.sum(axis=-2), "w2": _t(h) @ d, "b2": d.sum(axis=-2)}
    return (float(loss) if loss.ndim == 0 else loss), grads


def unit_census(params: dict, x: np.ndarray, entry) -> tuple[np.ndarray, np.ndarray]:
    """(dead fraction, inactive fraction) of the hidden units on the inputs x, per net."""
    z = x @ params["w1"] + params["b1"][..., None, :]
    dead = np.all(np.abs(entry.derivative(z)) <= DEAD_THRESHOLD, axis=-2)
    inactive = np.all(z <= 0, axis=-2)
    return dead.mean(axis=-1), inactive.mean(axis=-1)


def train_seeds(activation: str, lr: float, seeds, epochs: int = EPOCHS):
    """Train one net per seed, all at once; return (params, x, labels, training accuracy), each
    with a leading seed axis. Seed s draws, from ``default_rng(s)``, its data, then its weights,
    then each epoch's batch order."""
    entry = refimpl.get(activation)
    rngs = [np.random.default_rng(s) for s in seeds]
    data = [make_data(r) for r in rngs]
    x, labels = np.stack([d[0] for d in data]), np.stack([d[1] for d in data])
    inits = [init_params(r) for r in rngs]
    params = {k: np.stack([p[k] for p in inits]) for k in inits[0]}
    with np.errstate(under="ignore"):
        for _ in range(epochs):
            order = np.stack([r.permutation(x.shape[1]) for r in rngs])
            for start in range(0, x.shape[1], BATCH):
                idx = order[:, start:start + BATCH]
                xb = np.take_along_axis(x, idx[..., None], axis=1)
                _, grads = loss_and_grads(params, xb, np.take_along_axis(labels, idx, axis=1), entry)
                for k in params:
                    params[k] -= lr * grads[k]
        z = x @ params["w1"] + params["b1"][:, None, :]
        logits = entry(z) @ params["w2"] + params["b2"][:, None, :]
        accuracy = np.mean(logits.argmax(axis=-1) == labels, axis=-1)
    return params, x, labels, accuracy


def train(activation: str, lr: float, seed: int, epochs: int = EPOCHS):
    """Train the net of one seed; return (params, x, labels, training accuracy)."""
    params, x, labels, accuracy = train_seeds(activation, lr, [seed], epochs)
    return {k: v[0] for k, v in params.items()}, x[0], labels[0], float(accuracy[0])


def run(size: str = "full") -> dict:
    """Dead and inactive fractions and training accuracy, per activation, learning rate and seed:
    ``result["dead"][activation][i_lr][i_seed]``. ``size``: "full" (the page's seeds), "small"
    (3 seeds, the notebook) or "held_out" (the tests' seeds)."""
    seeds = SIZES[size]
    out = {"activations": list(ACTIVATIONS), "learning_rates": list(LEARNING_RATES),
           "seeds": list(seeds), "width": WIDTH, "epochs": EPOCHS, "batch": BATCH,
           "threshold": DEAD_THRESHOLD, "dead": {}, "inactive": {}, "accuracy": {}}
    for activation in ACTIVATIONS:
        entry = refimpl.get(activation)
        dead, inactive, accuracy = [], [], []
        for lr in LEARNING_RATES:
            params, x, _, acc = train_seeds(activation, lr, seeds)
            d, i = unit_census(params, x, entry)
            dead.append(d.tolist())
            inactive.append(i.tolist())
            accuracy.append(acc.tolist())
        out["dead"][activation] = dead
        out["inactive"][activation] = inactive
        out["accuracy"][activation] = accuracy
    return out


def at(result: dict, quantity: str, activation: str, lr: float) -> np.ndarray:
    """Per seed: ``quantity`` ("dead", "inactive" or "accuracy") of one activation at rate lr."""
    return np.array(result[quantity][activation][result["learning_rates"].index(lr)])


def holds(result: dict, key: str) -> np.ndarray:
    """Per seed of ``result``: whether claim ``key`` is true on that seed."""
    c = CLAIMS[key]
    if key == "relu-dies":
        return at(result, "dead", "relu", c["rate"]) >= c["fraction"]
    if key == "relu-lives":
        return np.all([at(result, "dead", "relu", lr) == 0 for lr in c["rates"]], axis=0)
    if key == "elu-dies":
        return at(result, "dead", "elu", c["rate"]) > 0
    if key == "leaky-elu-fail":
        return np.all([at(result, "accuracy", a, c["rate"]) < c["accuracy"]
                       for a in ("leaky_relu", "elu")], axis=0)
    if key == "lower-the-rate":
        return np.all([at(result, "accuracy", a, lr) > c["accuracy"] for a in ACTIVATIONS
                       for lr in result["learning_rates"] if lr <= c["up_to"]], axis=0)
    raise KeyError(f"dead_units.holds: unknown claim {key!r}; expected one of {sorted(CLAIMS)}")


def claim(result: dict, key: str) -> dict:
    """The measured rate of claim ``key`` and whether it meets its stated margin."""
    measured = rate(holds(result, key))
    return {"rate": measured, "holds": meets(measured, CLAIMS[key])}
