"""Training speed of one small MLP with different hidden activations, on two spirals.

Claim (for this task, network and learning rate only): with sigmoid hidden layers the network
ends 400 epochs at the loss of a linear classifier trained the same way, while with tanh it learns the
spirals more slowly than with ReLU, Leaky ReLU, GELU or SELU; the last four finish close together.
The ranking is a measurement on one task, not a general law: another learning rate, depth, width
or optimiser can change it.

Setup: two interleaved spirals (1.5 turns each, 100 points per class, Gaussian noise of standard
deviation 0.05 on coordinates of radius up to 2), generated with ``numpy.random.default_rng``.
MLP [2, 32, 32, 2] (refimpl.experiments.mlp.MLP) with softmax cross-entropy; full-batch gradient
descent with momentum 0.9 and learning rate 0.1 for 400 epochs, the same for every activation.
Each activation gets the initialisation usually paired with it: Xavier for sigmoid and tanh, He
for ReLU, Leaky ReLU (slope 0.01) and GELU, LeCun normal for SELU. GELU is its tanh approximation
(``approximate="tanh"``, within 1e-3 of the exact function), which is faster. Five seeds:
seed s draws the data and the weights. The result holds the training loss every 4 epochs per
seed, and the final training accuracy; a linear classifier (softmax regression on the raw
coordinates), trained the same way, is the baseline.

References: Glorot & Bengio (2010) on sigmoid hidden layers saturating;
Glorot, Bordes & Bengio (2011) on rectifier networks.

    >>> x, y = two_spirals(100, np.random.default_rng(0))
    >>> x.shape, int(y.sum())
    ((200, 2), 100)
"""

from __future__ import annotations

import math

import numpy as np

from refimpl.experiments.mlp import MLP, softmax_cross_entropy

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "gelu", "selu")
INIT = {"sigmoid": "xavier", "tanh": "xavier", "relu": "he", "leaky_relu": "he", "gelu": "he",
        "selu": "lecun"}
PARAMS = {"gelu": {"approximate": "tanh"}}
HIDDEN = [32, 32]
LEARNING_RATE = 0.1
MOMENTUM = 0.9
RECORD_EVERY = 4
SIZES = {
    "full": {"activations": list(ACTIVATIONS), "seeds": [0, 1, 2, 3, 4], "epochs": 400},
    "small": {"activations": ["sigmoid", "tanh", "relu"], "seeds": [0, 1, 2], "epochs": 400},
}


def two_spirals(n_per_class: int, rng: np.random.Generator, noise: float = 0.05,
                turns: float = 1.5) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved spirals: points (n_per_class * 2, 2) and integer labels 0/1.

    The angle t is drawn so that points are spread evenly along the arc; the radius grows with t
    up to 2; the second class is the first rotated by half a turn.
    """
    t = np.sqrt(rng.uniform(0.0, 1.0, n_per_class)) * turns * 2 * math.pi
    arm = 2 * np.stack([t * np.cos(t), t * np.sin(t)], axis=1) / (turns * 2 * math.pi)
    x = np.concatenate([arm, -arm]) + noise * rng.standard_normal((2 * n_per_class, 2))
    y = np.concatenate([np.zeros(n_per_class, dtype=int), np.ones(n_per_class, dtype=int)])
    return x, y


def train(activation: str, seed: int, epochs: int) -> tuple[list[float], float]:
    """Train one network; return its training loss every RECORD_EVERY epochs (from epoch 0, plus
    the loss after the last step) and its final training accuracy.

    ``activation="linear"`` trains the baseline: no hidden layer, softmax regression on the two
    coordinates, a linear classifier, with the same data, optimiser and epochs.
    """
    rng = np.random.default_rng(seed)
    x, y = two_spirals(100, rng)
    if activation == "linear":
        net = MLP([2, 2], "identity", init="xavier", rng=rng)
    else:
        net = MLP([2, *HIDDEN, 2], activation, init=INIT[activation], rng=rng,
                  params=PARAMS.get(activation, {}))
    params = net.weights + net.biases
    velocity = [np.zeros_like(p) for p in params]
    curve = []
    for epoch in range(epochs):
        loss, grad = softmax_cross_entropy(net.forward(x), y)
        if epoch % RECORD_EVERY == 0:
            curve.append(loss)
        grads_w, grads_b = net.backward(grad)
        for p, v, g in zip(params, velocity, grads_w + grads_b):
            v *= MOMENTUM
            v -= LEARNING_RATE * g
            p += v
    logits = net.forward(x)
    curve.append(softmax_cross_entropy(logits, y)[0])
    return curve, float(np.mean(logits.argmax(axis=1) == y))


def run(size: str = "full") -> dict:
    """Loss curves and final accuracies of every activation and seed.

    Returns a dict: ``epochs`` (the epoch of each recorded loss), ``seeds``, ``activations``,
    ``init``, ``curves`` ({activation: [[loss per record] per seed]}) and ``accuracy``
    ({activation: [final training accuracy per seed]}); both also hold ``"linear"``, the
    linear-classifier baseline.
    """
    spec = SIZES[size]
    curves, accuracy = {}, {}
    for activation in [*spec["activations"], "linear"]:
        runs = [train(activation, seed, spec["epochs"]) for seed in spec["seeds"]]
        curves[activation] = [c for c, _ in runs]
        accuracy[activation] = [a for _, a in runs]
    epochs = list(range(0, spec["epochs"], RECORD_EVERY)) + [spec["epochs"]]
    return {"epochs": epochs, "seeds": spec["seeds"], "activations": spec["activations"],
            "init": {a: INIT[a] for a in spec["activations"]}, "curves": curves,
            "accuracy": accuracy, "learning_rate": LEARNING_RATE, "momentum": MOMENTUM,
            "hidden": HIDDEN}


def mean_loss(curve: list[float]) -> float:
    """The mean of a recorded loss curve: the area under it per epoch, a measure of speed."""
    return float(np.mean(curve))
