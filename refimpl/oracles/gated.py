"""50-digit oracles for glu, swiglu, geglu, reglu, maxout."""

import mpmath as mp  # noqa: F401

ORACLES = {}
