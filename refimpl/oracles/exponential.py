"""50-digit oracles for elu, selu, celu."""

import mpmath as mp  # noqa: F401

ORACLES = {}
