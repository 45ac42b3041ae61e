"""Shrinkage and threshold functions: soft, hard and tanh shrink, and threshold."""

import numpy as np  # noqa: F401

from .registry import Entry, Framework, Kink, Param, Properties, register  # noqa: F401
