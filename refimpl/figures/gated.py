"""Figures of the gated family beyond the standard f-and-f' figure of each entry."""

import numpy as np  # noqa: F401

import refimpl  # noqa: F401
from refimpl.figures import C, figure  # noqa: F401
