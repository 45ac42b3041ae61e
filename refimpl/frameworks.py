"""The frameworks whose spellings the registry records, and the versions they were checked against.

An entry's ``frameworks`` maps these keys to how the framework spells it (or None where it has no
such function); the pages' framework tabs follow this order. Adding a framework is a line here
and a ``Framework`` in the entries that have it.
"""

from __future__ import annotations

from typing import NamedTuple


class FrameworkInfo(NamedTuple):
    """A framework: its label on the pages, the top-level module its calls start with, the
    version whose source and docs the registry's facts about it were checked against, and when
    (YYYY-MM)."""

    label: str
    module: str
    checked: str
    date: str


FRAMEWORKS: dict[str, FrameworkInfo] = {
    "pytorch": FrameworkInfo("PyTorch", "torch", "2.14.1", "2026-11"),
    "jax": FrameworkInfo("JAX", "jax", "0.10.2", "2026-11"),
    "keras": FrameworkInfo("Keras 3", "keras", "3.15.1", "2026-11"),
}
