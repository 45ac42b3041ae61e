"""50-digit oracles for gelu, silu, swish, mish."""

import mpmath as mp  # noqa: F401

ORACLES = {}
