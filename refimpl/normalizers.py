"""The vector output functions: softmax, log-softmax, softmin and sparsemax."""

import numpy as np  # noqa: F401

from .registry import Entry, Framework, Kink, Param, Properties, register  # noqa: F401
