"""50-digit oracles for softplus, squareplus, sparse_plus, log_sigmoid, exponential."""

import mpmath as mp  # noqa: F401

ORACLES = {}
