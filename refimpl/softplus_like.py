"""Softplus and its relatives, and the log/exp output functions: softplus, squareplus,
sparse plus, log-sigmoid and exponential."""

import numpy as np  # noqa: F401

from .registry import Entry, Framework, Kink, Param, Properties, register  # noqa: F401
