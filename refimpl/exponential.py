"""The exponential linear units: ELU, SELU and CELU."""

import numpy as np  # noqa: F401

from .registry import Entry, Framework, Kink, Param, Properties, register  # noqa: F401
