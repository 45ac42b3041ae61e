"""The gated and shaping units: GLU and its variants (SwiGLU, GEGLU, ReGLU), and maxout."""

import numpy as np  # noqa: F401

from .registry import Entry, Framework, Kink, Param, Properties, register  # noqa: F401
