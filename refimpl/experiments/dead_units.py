"""Dead units: how many hidden units stop receiving gradient, as the learning rate grows.

Claim. With ReLU, a hidden unit whose pre-activation is ≤ 0 on every training input gets a zero
gradient on every input (refimpl's ReLU has derivative 0 on x ≤ 0), so gradient descent can never
move its incoming weights again: it is *dead*. Large learning rates push many units there; the
dead fraction grows with the learning rate. Leaky ReLU (Maas et al., 2013) has derivative
``negative_slope`` = 0.01 below 0, so by construction none of its units is dead. ELU (Clevert et
al., 2015) has derivative α·eˣ below 0: never exactly 0, but it falls below any fixed threshold
once x is negative enough.

Definition used here. A hidden unit is *dead* when |f'(z)| ≤ ``DEAD_THRESHOLD`` (1e-8) at its
pre-activation z for every training input, measured after training. For ReLU that is exactly
"z ≤ 0 on every input"; for leaky ReLU it never happens (|f'| ≥ 0.01); for ELU with α = 1 it
means z < ln(1e-8) ≈ −18.4 on every input. Separately we count *inactive* units (z ≤ 0 on every
input), which for leaky ReLU and ELU still receive gradient.

Setup. One hidden layer of ``WIDTH`` = 64 units, inputs x ∈ U(−1, 1)², labels sign(x₁x₂) (an XOR
of quadrants, 128 points), softmax cross-entropy over 2 logits, He-normal first layer, LeCun-
normal output layer, zero biases, minibatch SGD (batch 16, 30 epochs), learning rates
``LEARNING_RATES`` = 0.1 … 10, ``SEEDS`` = 10 seeds (each seed draws data, weights and batch
order). The gradient is computed by hand for this one-hidden-layer net (the tests check it against
refimpl.experiments.mlp); the activation and its derivative come from the refimpl registry.

    >>> r = run(size="small")
    >>> r["dead"]["leaky_relu"][-1]            # no leaky-ReLU unit is ever dead
    [0.0, 0.0, 0.0]
"""

from __future__ import annotations

import math

import numpy as np

import refimpl

ACTIVATIONS = ("relu", "leaky_relu", "elu")
LEARNING_RATES = (0.1, 0.3, 1.0, 3.0, 10.0)
SEEDS = tuple(range(10))
SMALL_SEEDS = (0, 1, 2)
WIDTH = 64
N_POINTS = 128
BATCH = 16
EPOCHS = 30
DEAD_THRESHOLD = 1e-8


def make_data(rng: np.random.Generator, n: int = N_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """n points uniform on the square (−1, 1)², label 1 where x₁x₂ > 0 (quadrants I and III)."""
    x = rng.uniform(-1.0, 1.0, (n, 2))
    return x, (x[:, 0] * x[:, 1] > 0).astype(int)


def init_params(rng: np.random.Generator, width: int = WIDTH) -> dict[str, np.ndarray]:
    """He-normal first layer (variance 2/fan_in), LeCun-normal output layer, zero biases."""
    return {"w1": rng.normal(0.0, math.sqrt(2.0 / 2), (2, width)), "b1": np.zeros(width),
            "w2": rng.normal(0.0, math.sqrt(1.0 / width), (width, 2)), "b2": np.zeros(2)}


def loss_and_grads(params: dict, x: np.ndarray, labels: np.ndarray, entry):
    """Mean softmax cross-entropy of the net and its gradient w.r.t. every parameter."""
    z = x @ params["w1"] + params["b1"]
    h = entry(z)
    logits = h @ params["w2"] + params["b2"]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = len(labels)
    loss = -float(log_p[np.arange(n), labels].mean())
    d = np.exp(log_p)
    d[np.arange(n), labels] -= 1
    d /= n
    dz = (d @ params["w2"].T) * entry.derivative(z)
    grads = {"w1": x.T @ dz, "b1": dz.sum(axis=0), "w2": h.T @ d, "b2": d.sum(axis=0)}
    return loss, grads


def unit_census(params: dict, x: np.ndarray, entry) -> tuple[float, float]:
    """(dead fraction, inactive fraction) of the hidden units on the inputs x."""
    z = x @ params["w1"] + params["b1"]
    dead = np.all(np.abs(entry.derivative(z)) <= DEAD_THRESHOLD, axis=0)
    inactive = np.all(z <= 0, axis=0)
    return float(dead.mean()), float(inactive.mean())


def train(activation: str, lr: float, seed: int, epochs: int = EPOCHS):
    """Train one net; return (params, x, labels, training accuracy)."""
    entry = refimpl.get(activation)
    rng = np.random.default_rng(seed)
    x, labels = make_data(rng)
    params = init_params(rng)
    with np.errstate(under="ignore"):
        for _ in range(epochs):
            order = rng.permutation(len(x))
            for start in range(0, len(x), BATCH):
                idx = order[start:start + BATCH]
                _, grads = loss_and_grads(params, x[idx], labels[idx], entry)
                for k in params:
                    params[k] -= lr * grads[k]
        z = x @ params["w1"] + params["b1"]
        accuracy = float(np.mean((entry(z) @ params["w2"] + params["b2"]).argmax(axis=1) == labels))
    return params, x, labels, accuracy


def run(size: str = "full") -> dict:
    """Dead and inactive fractions and training accuracy, per activation, learning rate and seed:
    ``result["dead"][activation][i_lr][i_seed]``. ``size="small"`` uses 3 seeds."""
    seeds = SEEDS if size == "full" else SMALL_SEEDS
    out = {"activations": list(ACTIVATIONS), "learning_rates": list(LEARNING_RATES),
           "seeds": list(seeds), "width": WIDTH, "epochs": EPOCHS, "batch": BATCH,
           "threshold": DEAD_THRESHOLD, "dead": {}, "inactive": {}, "accuracy": {}}
    for activation in ACTIVATIONS:
        entry = refimpl.get(activation)
        dead, inactive, accuracy = [], [], []
        for lr in LEARNING_RATES:
            row_d, row_i, row_a = [], [], []
            for seed in seeds:
                params, x, _, acc = train(activation, lr, seed)
                d, i = unit_census(params, x, entry)
                row_d.append(d)
                row_i.append(i)
                row_a.append(acc)
            dead.append(row_d)
            inactive.append(row_i)
            accuracy.append(row_a)
        out["dead"][activation] = dead
        out["inactive"][activation] = inactive
        out["accuracy"][activation] = accuracy
    return out
