"""50-digit oracles for softmax, log_softmax, softmin, sparsemax."""

import mpmath as mp  # noqa: F401

ORACLES = {}
