"""The hard (piecewise-linear, mobile-friendly) variants: hard sigmoid, hard swish, hard tanh,
sparse sigmoid."""

import numpy as np  # noqa: F401

from .registry import Entry, Framework, Kink, Param, Properties, register  # noqa: F401
