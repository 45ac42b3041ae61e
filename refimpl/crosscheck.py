"""Each framework's spelling of an activation (``Entry.frameworks[...]``) run against refimpl.

No framework is imported here. The caller passes a :class:`Backend`: the namespace a call
template is evaluated in, a function that makes a float64 tensor from a NumPy array, and one
that turns the result back into NumPy (``scripts/crosscheck.py`` builds them for PyTorch, JAX
and Keras; the tests build one from NumPy). For each entry:

- **defaults**: every ``Framework.defaults`` expression is evaluated in the namespace and
  compared with refimpl's default of that parameter;
- **values**: ``Framework.call`` runs on float64 input, ordinary points and hard ones (±0,
  subnormals, overflow thresholds, ±inf, NaN; for vector and shaping entries random rows and
  the hard rows of :data:`refimpl.accuracy.VECTORS`), and is compared with refimpl in the dtype
  the framework returned. Every point where the two differ by more than :data:`ULPS` ulp, or in
  NaN/inf, is a :class:`Divergence`.

refimpl is within a few ulp of the exact value (tests/test_numerics.py checks it against
mpmath), so a divergence is where the framework departs from the exact function. A divergence
on an ordinary point beyond :func:`tolerance` means a different function (a wrong formula,
name or default), and the entry fails; on hard points it is the framework's own numerics, and
is listed only.

>>> import numpy as np
>>> from types import SimpleNamespace
>>> fake = SimpleNamespace(tanh=np.tanh)
>>> backend = Backend("pytorch", {"torch": fake}, np.asarray, np.asarray)
>>> result = check(get("tanh"), backend)
>>> result.ok, result.divergences
(True, [])
"""

from __future__ import annotations

import datetime
import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any, Callable

import numpy as np

from .registry import Entry, get, names

# Beyond rounding: more than this many ulp of the framework's result dtype is listed.
ULPS = 8

ORDINARY = np.linspace(-8, 8, 161)
HARD = np.array([-np.inf, -1e300, -1000.0, -750.0, -710.0, -100.0, -40.0, -20.0, -1e-8, -1e-300,
                 -5e-324, -0.0, 0.0, 5e-324, 1e-300, 1e-8, 20.0, 40.0, 100.0, 710.0, 750.0,
                 1000.0, 1e300, np.inf, np.nan])
# Vector and shaping entries act along the last axis, on rows of even length (GLU halves them).
ROWS_ORDINARY = np.random.default_rng(0).standard_normal((5, 8)) * 3


def _rows_hard() -> np.ndarray:
    from .accuracy import VECTORS  # imports mpmath: only when a vector entry is checked

    return np.array([row for row in VECTORS if len(row) == 4])


@dataclass(frozen=True)
class Backend:
    """One framework, ready to evaluate call templates.

    name: its key in ``Entry.frameworks`` ("pytorch", "jax", "keras").
    namespace: the globals a call template and a default expression are evaluated in.
    tensor: float64 NumPy array -> the framework's tensor.
    to_numpy: the framework's result -> NumPy array.
    """

    name: str
    namespace: dict[str, Any]
    tensor: Callable[[np.ndarray], Any]
    to_numpy: Callable[[Any], np.ndarray]
    version: str = ""
    device: str = "cpu"


@dataclass(frozen=True)
class Default:
    """A framework default read by its ``Framework.defaults`` expression, beside refimpl's."""

    param: str
    theirs: int | float
    ours: int | float | None  # None: refimpl has no default for it

    @property
    def same(self) -> bool:
        return self.ours is not None and bool(np.isclose(self.theirs, self.ours))


@dataclass(frozen=True)
class Divergence:
    """One output where the framework and refimpl differ beyond rounding.

    inputs: "ordinary" or "hard". x: the input (the whole row, for a vector entry).
    index: the output's position in its row (None for an elementwise entry).
    """

    inputs: str
    x: float | tuple[float, ...]
    theirs: float
    ours: float
    index: int | None = None


@dataclass
class Result:
    """One entry in one framework. ``ok`` is False when the call raised or computes another
    function; ``divergences`` list every differing point either way."""

    name: str
    framework: str
    call: str
    dtype: str = ""
    defaults: list[Default] = field(default_factory=list)
    divergences: list[Divergence] = field(default_factory=list)
    error: str = ""
    ok: bool = True


@dataclass
class Report:
    """One framework's run over the registry, ready to be written as JSON (:meth:`to_json`)."""

    framework: str
    version: str
    device: str
    date: str
    results: list[Result]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    def to_json(self) -> str:
        """Strict JSON: NaN and ±inf, which JSON lacks, are written as the strings "nan",
        "inf" and "-inf"."""
        return json.dumps(_finite(asdict(self)), indent=1, allow_nan=False)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def tolerance(dtype: np.dtype) -> float:
    """Relative and absolute difference on ordinary points that means a different function.
    float32 results carry float32 rounding, magnified where a formula cancels; the absolute
    floor keeps a tail that cancels to 0 from counting."""
    return 1e-6 if np.dtype(dtype) == np.float64 else 1e-4


def inputs(entry: Entry) -> tuple[tuple[str, np.ndarray], ...]:
    """("ordinary", x), ("hard", x): points for an elementwise entry, rows for the others."""
    if entry.kind == "elementwise":
        return ("ordinary", ORDINARY), ("hard", HARD)
    return ("ordinary", ROWS_ORDINARY), ("hard", _rows_hard())


def evaluate(call: str, backend: Backend, x: np.ndarray) -> np.ndarray:
    """The call template (``{x}`` is the input) evaluated in the backend's namespace."""
    tensor = backend.tensor(np.asarray(x, dtype=np.float64))
    return np.asarray(backend.to_numpy(eval(call.format(x="x"), dict(backend.namespace),  # noqa: S307
                                            {"x": tensor})))


def divergences(theirs: np.ndarray, ours: np.ndarray, x: np.ndarray, label: str) -> list[Divergence]:
    """Outputs where `theirs` and `ours` differ by more than ULPS ulp of `theirs`'s dtype, or
    where one is NaN or infinite and the other is not the same value."""
    if theirs.shape != ours.shape:
        raise ValueError(f"crosscheck.divergences: the framework returned shape {theirs.shape}, "
                         f"refimpl {ours.shape}")
    with np.errstate(all="ignore"):
        ulp = np.spacing(np.abs(ours).astype(theirs.dtype)).astype(np.float64)
        both_finite = np.isfinite(theirs) & np.isfinite(ours)
        far = both_finite & (np.abs(theirs.astype(np.float64) - ours) > ULPS * ulp)
    special = ~both_finite & ~((theirs == ours) | (np.isnan(theirs) & np.isnan(ours)))
    found = []
    for at in zip(*np.nonzero(far | special)):
        if theirs.ndim > 1:  # a row: report the row and the output's place in it
            where, index = tuple(float(v) for v in x[at[:-1]]), int(at[-1])
        else:
            where, index = float(x[at]), None
        found.append(Divergence(label, where, float(theirs[at]), float(ours[at]), index))
    return found


def read_defaults(entry: Entry, backend: Backend) -> list[Default]:
    """Each ``Framework.defaults`` expression's value, beside refimpl's default."""
    spelling = _spelling(entry, backend, "read_defaults")
    return [Default(param, _number(eval(expr, dict(backend.namespace))),  # noqa: S307
                    None if entry.defaults.get(param) is None else _number(entry.defaults[param]))
            for param, expr in spelling.defaults.items()]


def _number(value: Any) -> int | float:
    """An axis stays an int; anything else (a framework scalar too) becomes a float."""
    return value if isinstance(value, int) and not isinstance(value, bool) else float(value)


def check(entry: Entry, backend: Backend) -> Result:
    """The entry's spelling in `backend`'s framework against refimpl (see the module's doc)."""
    spelling = _spelling(entry, backend, "check")
    result = Result(entry.name, backend.name, spelling.call)
    try:
        result.defaults = read_defaults(entry, backend)
        for label, x in inputs(entry):
            theirs = evaluate(spelling.call, backend, x)
            ours = np.asarray(entry(x.astype(theirs.dtype), **entry.defaults), dtype=np.float64)
            result.dtype = str(theirs.dtype)
            found = divergences(theirs, ours, x, label)
            result.divergences += found
            rtol = tolerance(theirs.dtype)
            if label == "ordinary" and any(not np.isclose(d.theirs, d.ours, rtol=rtol, atol=rtol)
                                           for d in found):
                result.ok = False
    except Exception as err:  # a wrong name or signature is a finding, not a crash
        result.error, result.ok = f"{type(err).__name__}: {err}", False
    return result


def run(backend: Backend, entries: list[str] | None = None, date: str | None = None) -> Report:
    """Every entry (or the named ones) that `backend`'s framework spells, checked."""
    chosen = [get(name) for name in (names() if entries is None else entries)]
    results = [check(entry, backend) for entry in chosen if entry.frameworks.get(backend.name)]
    date = date or datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    return Report(backend.name, backend.version, backend.device, date, results)


def _spelling(entry: Entry, backend: Backend, caller: str):
    spelling = entry.frameworks.get(backend.name)
    if spelling is None:
        raise ValueError(f"crosscheck.{caller}: {entry.name} has no {backend.name!r} spelling "
                         f"(frameworks: {sorted(k for k, v in entry.frameworks.items() if v)})")
    return spelling
