"""A small multilayer perceptron in NumPy that backpropagates through any registry entry.

The forward pass applies ``entry(z, **params)`` after each hidden affine layer; the backward pass
uses ``entry.vjp`` (what a backprop step needs), so elementwise, vector and shaping entries all
work: a shaping entry such as GLU halves the width it receives, and the next layer is sized to
what the activation returns. Everything is float64 and seeded: an experiment's numbers follow
from its seed.

    >>> import numpy as np
    >>> from refimpl.experiments.mlp import MLP
    >>> net = MLP([2, 8, 1], "tanh", init="xavier", rng=np.random.default_rng(0))
    >>> net.forward(np.zeros((3, 2))).shape
    (3, 1)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

import refimpl

# The gain of each initialisation: weights ~ N(0, gain^2 / fan_in) (normal), or the uniform with
# that variance. Xavier/Glorot uses 2 / (fan_in + fan_out) instead of 1 / fan_in.
INITS = ("xavier", "xavier_uniform", "he", "lecun")


def init_weight(fan_in: int, fan_out: int, scheme: str, rng: np.random.Generator) -> np.ndarray:
    """A (fan_in, fan_out) weight matrix.

    - ``xavier``: N(0, 2 / (fan_in + fan_out)), Glorot & Bengio (2010);
    - ``xavier_uniform``: U(-a, a), a = sqrt(6 / (fan_in + fan_out)), the same variance;
    - ``he``: N(0, 2 / fan_in), He et al. (2015), for ReLU;
    - ``lecun``: N(0, 1 / fan_in), LeCun et al. (1998), the one SELU needs.
    """
    if scheme == "xavier":
        return rng.normal(0.0, math.sqrt(2.0 / (fan_in + fan_out)), (fan_in, fan_out))
    if scheme == "xavier_uniform":
        a = math.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-a, a, (fan_in, fan_out))
    if scheme == "he":
        return rng.normal(0.0, math.sqrt(2.0 / fan_in), (fan_in, fan_out))
    if scheme == "lecun":
        return rng.normal(0.0, math.sqrt(1.0 / fan_in), (fan_in, fan_out))
    raise ValueError(f"init: unknown scheme {scheme!r}; expected one of {INITS}")


@dataclass
class MLP:
    """Affine layers with an activation between them; the last layer is affine only.

    sizes: [inputs, hidden..., outputs]: the widths of the affine layers' inputs and outputs.
    activation: a registry name (or alias); params: its keyword parameters.
    """

    sizes: list[int]
    activation: str
    init: str = "xavier"
    rng: np.random.Generator = field(default_factory=lambda: np.random.default_rng(0))
    params: dict = field(default_factory=dict)
    weights: list[np.ndarray] = field(init=False)
    biases: list[np.ndarray] = field(init=False)

    def __post_init__(self) -> None:
        self.entry = refimpl.get(self.activation)
        self.weights, self.biases = [], []
        fan_in = self.sizes[0]
        for i, width in enumerate(self.sizes[1:]):
            self.weights.append(init_weight(fan_in, width, self.init, self.rng))
            self.biases.append(np.zeros(width))
            if i < len(self.sizes) - 2:  # hidden: the next layer sees what the activation returns
                fan_in = self.entry(np.zeros((1, width)), **self.params).shape[-1]

    def forward(self, x: np.ndarray) -> np.ndarray:
        """The network's output; the inputs of every layer and activation are kept for backward."""
        self._inputs, self._pre = [], []
        h = np.asarray(x, dtype=np.float64)
        for i, (w, b) in enumerate(zip(self.weights, self.biases)):
            self._inputs.append(h)
            z = h @ w + b
            if i == len(self.weights) - 1:
                return z
            self._pre.append(z)
            h = self.entry(z, **self.params)
        return h

    def backward(self, grad_out: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Gradients of the loss w.r.t. every weight and bias, given d loss / d output.

        Also records the gradient norm reaching each hidden layer's pre-activation in
        ``self.pre_activation_grad_norms`` (first hidden layer first), for the experiments.
        """
        grads_w, grads_b, norms = [], [], []
        g = grad_out
        for i in reversed(range(len(self.weights))):
            grads_w.append(self._inputs[i].T @ g)
            grads_b.append(g.sum(axis=0))
            if i == 0:
                break
            g = g @ self.weights[i].T
            g = self.entry.vjp(self._pre[i - 1], g, **self.params)
            norms.append(float(np.sqrt(np.sum(g * g))))  # np.linalg.norm: BLAS threads, slower here
        self.pre_activation_grad_norms = norms[::-1]
        return grads_w[::-1], grads_b[::-1]

    def step(self, grads_w, grads_b, lr: float) -> None:
        """Plain gradient descent."""
        for w, b, gw, gb in zip(self.weights, self.biases, grads_w, grads_b):
            w -= lr * gw
            b -= lr * gb


def mse_loss(y_hat: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean squared error over the batch and its gradient w.r.t. y_hat."""
    diff = y_hat - y
    return float(np.mean(diff**2)), 2 * diff / diff.size


def softmax_cross_entropy(logits: np.ndarray, labels: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean cross-entropy of integer labels under softmax(logits), from log-softmax (stable),
    and its gradient w.r.t. the logits: (softmax - one_hot) / batch."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = logits.shape[0]
    loss = -float(log_p[np.arange(n), labels].mean())
    grad = np.exp(log_p)
    grad[np.arange(n), labels] -= 1
    return loss, grad / n
