"""50-digit oracles for hard_sigmoid, hard_swish, hard_tanh, sparse_sigmoid."""

import mpmath as mp  # noqa: F401

ORACLES = {}
