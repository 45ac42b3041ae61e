"""The exact values (mpmath, 50 digits or more) that refimpl is judged against: the oracle of the
tests and of the accuracy tables. Written from the textbook definitions, never from refimpl's code,
in forms that do not cancel (or at a working precision raised with |x|), one module per family.

ORACLES[name] = (f, f'), each taking an mpf x and the entry's parameters, for elementwise entries.
VECTOR_ORACLES[name] = f, taking a list of mpf (a 1-D input) and the parameters and returning a
list of mpf, for vector and shaping entries (along the last axis).
"""

import mpmath as mp

from refimpl.oracles import (classic, exponential_linear, gated, hard, normalizers, periodic,
                             rectifiers, self_gated, shrinkage, softplus_like)

DPS = 50
FAMILIES = (classic, exponential_linear, gated, hard, normalizers, periodic, rectifiers, self_gated,
            shrinkage, softplus_like)
ORACLES = {k: v for m in FAMILIES for k, v in m.ORACLES.items()}
VECTOR_ORACLES = {k: v for m in FAMILIES for k, v in getattr(m, "VECTOR_ORACLES", {}).items()}
# name -> ((f(-inf), f(+inf)), (f'(-inf), f'(+inf))): the exact limits, for elementwise entries;
# a function of the parameters where a limit depends on one (read them with `limits`). NaN where
# there is no limit (Snake's f' = 1 + sin 2αx oscillates): refimpl returns NaN there.
LIMITS = {k: v for m in FAMILIES for k, v in getattr(m, "LIMITS", {}).items()}
# name -> points where errors hide beyond the kinks: roots of f and f', where a formula switches
SPECIAL_POINTS = {k: v for m in FAMILIES for k, v in getattr(m, "SPECIAL_POINTS", {}).items()}


def limits(name, **params):
    """((f(-inf), f(+inf)), (f'(-inf), f'(+inf))) at the given parameters."""
    known = LIMITS[name]
    return known(**params) if callable(known) else known


def exact(name, what, x, **params):
    """The exact value (to 50 digits) of f or f' ("value" / "derivative") at the float x, at the
    given parameters and the entry's defaults for the others (example values of required ones)."""
    import refimpl

    params = {**refimpl.get(name).defaults, **params}
    return _exact(name, what, x, **params)


def _exact(name, what, x, **params):
    """The exact value (to 50 digits) of f or f' ("value" / "derivative") at the float x."""
    with mp.workdps(DPS):
        f, df = ORACLES[name]
        return (f if what == "value" else df)(mp.mpf(float(x)), **params)


def exact_vector(name, x, **params):
    """The exact output (a list of mpf) of a vector or shaping entry at the 1-D float input x, at
    the given parameters and the entry's defaults for the others."""
    import refimpl

    params = {**refimpl.get(name).defaults, **params}
    with mp.workdps(DPS):
        return VECTOR_ORACLES[name]([mp.mpf(float(v)) for v in x], **params)
