"""The smooth self-gated units: GELU, SiLU/Swish and Mish, each x times a gate."""

import numpy as np  # noqa: F401

from .registry import Entry, Framework, Kink, Param, Properties, register  # noqa: F401
