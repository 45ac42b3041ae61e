"""50-digit oracles for softshrink, hardshrink, tanhshrink, threshold."""

import mpmath as mp  # noqa: F401

ORACLES = {}
