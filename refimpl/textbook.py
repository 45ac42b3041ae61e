"""The textbook formulas: each activation as it is usually written, transcribed into NumPy.

They are here to be compared with refimpl's stable forms (the accuracy page, the pages'
implementation sections), never to be used: most overflow, cancel or lose NaN somewhere.
Evaluate them under ``numpy.errstate(all="ignore")``; they warn. Parameters are the defaults.
"""

import math

import numpy as np
from scipy import special

_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


FORMULAS = {
    "step": lambda x: np.where(x > 0, 1.0, 0.0),
    "identity": lambda x: x,
    "sigmoid": _sigmoid,
    "tanh": lambda x: (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x)),
    "lecun_tanh": lambda x: 1.7159 * np.tanh(2 * x / 3),
    "softsign": lambda x: x / (1 + np.abs(x)),
    "relu": lambda x: np.where(x > 0, x, 0.0),
    "leaky_relu": lambda x: np.where(x > 0, x, 0.01 * x),
    "prelu": lambda x: np.where(x > 0, x, 0.25 * x),
    "rrelu": lambda x: np.where(x > 0, x, (1 / 8 + 1 / 3) / 2 * x),
    "relu6": lambda x: np.minimum(np.maximum(x, 0.0), 6.0),
    "elu": lambda x: np.where(x > 0, x, np.exp(x) - 1),
    "selu": lambda x: _SELU_SCALE * np.where(x > 0, x, _SELU_ALPHA * (np.exp(x) - 1)),
    "celu": lambda x: np.maximum(0.0, x) + np.minimum(0.0, np.exp(x) - 1),
    "gelu": lambda x: 0.5 * x * (1 + special.erf(x / math.sqrt(2))),
    "silu": lambda x: x * _sigmoid(x),
    "swish": lambda x: x * _sigmoid(x),
    "mish": lambda x: x * np.tanh(np.log(1 + np.exp(x))),
    "softplus": lambda x: np.log(1 + np.exp(x)),
    "squareplus": lambda x: (x + np.sqrt(x * x + 4)) / 2,
    "sparse_plus": lambda x: np.where(x <= -1, 0.0, np.where(x >= 1, x, (x + 1) ** 2 / 4)),
    "log_sigmoid": lambda x: np.log(_sigmoid(x)),
    "exponential": np.exp,
    "hard_sigmoid": lambda x: np.clip(x / 6 + 0.5, 0, 1),
    "hard_swish": lambda x: x * np.clip(x + 3, 0, 6) / 6,
    "hard_tanh": lambda x: np.clip(x, -1, 1),
    "sparse_sigmoid": lambda x: np.clip((x + 1) / 2, 0, 1),
    "softshrink": lambda x: np.sign(x) * np.maximum(np.abs(x) - 0.5, 0),
    "hardshrink": lambda x: np.where(np.abs(x) > 0.5, x, 0.0),
    "tanhshrink": lambda x: x - np.tanh(x),
}

# The same function in scipy.special, where it has one (at the default parameters).
SCIPY = {
    "sigmoid": special.expit,
    "log_sigmoid": special.log_expit,
    "softplus": special.softplus,
    "gelu": lambda x: x * special.ndtr(x),
    "silu": lambda x: x * special.expit(x),
    "swish": lambda x: x * special.expit(x),
}
