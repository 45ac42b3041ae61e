"""Claims as measured rates: how often a statement held over the seeds that were run.

Every experiment states its claims in a ``CLAIMS`` dict, one entry per claim, keyed by the anchor
its page gives the claim. An entry holds the claim's settings and its margin: the fraction of
seeds ``at_least`` on which the per-seed statement must hold (or ``at_most``, for a statement
the page says is not usually true). The page prints the rate measured on
the page's seeds; the tests assert ``at_least`` on held-out seeds; the guides link to the anchor.
All three read the same entry, so the margin is written once.

    >>> r = Rate(held=91, runs=100)
    >>> str(r), r.fraction
    ('91 of 100', 0.91)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Held-out seeds start here: no page number is computed from a seed at or above it.
HELD_OUT_START = 1000


@dataclass(frozen=True)
class Rate:
    """On how many of ``runs`` seeds a per-seed statement held."""

    held: int
    runs: int

    @property
    def fraction(self) -> float:
        return self.held / self.runs

    def __str__(self) -> str:
        return f"{self.held} of {self.runs}"


def rate(holds) -> Rate:
    """The Rate of a boolean array, one entry per seed."""
    holds = np.asarray(holds, dtype=bool)
    if holds.ndim != 1 or holds.size == 0:
        raise ValueError(f"rate: expected a non-empty 1-D array of per-seed booleans, got shape {holds.shape}")
    return Rate(int(holds.sum()), int(holds.size))


def meets(measured: Rate, spec: dict) -> bool:
    """Whether a measured rate meets a claim's margin: ``at_least`` (the statement is true on at
    least that fraction of seeds), ``at_most`` (on no more than that fraction), or both (a tie:
    neither side wins on most seeds)."""
    if "at_least" not in spec and "at_most" not in spec:
        raise ValueError(f"meets: a claim needs 'at_least' or 'at_most', got {sorted(spec)}")
    return (measured.fraction >= spec.get("at_least", 0.0)
            and measured.fraction <= spec.get("at_most", 1.0))


def quartiles(values) -> tuple[float, float, float]:
    """(first quartile, median, third quartile): the median and its interquartile range."""
    q1, median, q3 = np.percentile(np.asarray(values, dtype=float), [25, 50, 75])
    return float(q1), float(median), float(q3)


def spread(values, fmt: str = ".2g") -> str:
    """'median (IQR q1–q3)', for a page to print."""
    q1, median, q3 = quartiles(values)
    return f"{median:{fmt}} (IQR {q1:{fmt}}–{q3:{fmt}})"


def held_out(seeds, count: int) -> list[int]:
    """``count`` seeds disjoint from the page's ``seeds``: the tests' second sample."""
    if max(seeds) >= HELD_OUT_START:
        raise ValueError(f"held_out: page seeds must stay below {HELD_OUT_START}, got {max(seeds)}")
    return list(range(HELD_OUT_START, HELD_OUT_START + count))
