"""50-digit oracles for elu, selu, celu: mpmath's expm1 has no cancellation near 0."""

import mpmath as mp

# The paper's constants as the doubles frameworks store (and refimpl.exponential holds): the
# contract judges refimpl against these doubles, not against the paper's 31-digit decimals.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
_A, _L = mp.mpf(SELU_ALPHA), mp.mpf(SELU_SCALE)


def _elu(x, alpha):
    return x if x > 0 else mp.mpf(alpha) * mp.expm1(x)


def _delu(x, alpha):
    return mp.mpf(1) if x > 0 else mp.mpf(alpha) * mp.exp(x)


def _celu(x, alpha):
    return x if x > 0 else mp.mpf(alpha) * mp.expm1(x / mp.mpf(alpha))


def _dcelu(x, alpha):
    return mp.mpf(1) if x > 0 else mp.exp(x / mp.mpf(alpha))


ORACLES = {
    "elu": (_elu, _delu),
    "selu": (lambda x: _L * _elu(x, _A), lambda x: _L * _delu(x, _A)),
    "celu": (_celu, _dcelu),
}

LIMITS = {
    "elu": lambda alpha: ((-alpha, float("inf")), (0.0, 1.0)),
    "selu": ((-(SELU_SCALE * SELU_ALPHA), float("inf")), (0.0, SELU_SCALE)),
    "celu": lambda alpha: ((-alpha, float("inf")), (0.0, 1.0)),
}

SPECIAL_POINTS = {"elu": (0.0,), "selu": (0.0,), "celu": (0.0,)}
