"""Each framework's spelling of an activation (``Entry.frameworks[...]``) run against refimpl.

No framework is imported here. ``make crosscheck`` (scripts/crosscheck/run.py) runs each framework
in a worker process of its own virtual environment, which evaluates the call templates on the
inputs below and sends back the outputs (:func:`requests`, :func:`from_worker`); the tests pass a
:class:`Backend` made of NumPy instead (:func:`check`). Either way, for each entry:

- **defaults**: every ``Framework.defaults`` expression is evaluated in the framework and
  compared with refimpl's default of that parameter;
- **values**: ``Framework.call`` runs on float64 input, ordinary points and hard ones (±0,
  subnormals, overflow thresholds, ±inf, NaN; for vector and shaping entries random rows, and
  the hard rows of :data:`refimpl.accuracy.VECTORS` and :data:`ROWS_SPECIAL`), and is compared with refimpl in the dtype
  the framework returned. Every point where the two differ by more than :data:`ULPS` ulp, or in
  NaN/inf, is a :class:`Divergence`.

refimpl is within a few ulp of the exact value (tests/test_numerics.py checks it against
mpmath), so a divergence is where the framework departs from the exact function. A divergence
on an ordinary point beyond :func:`tolerance` means a different function (a wrong formula,
name or default), and the entry fails; on hard points it is the framework's own numerics, and
is listed only.

The results are committed, one file per framework, in ``refimpl/measurements/crosscheck/``
(:func:`load`, :func:`measurement`): the framework tabs of the pages show them.

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
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import numpy as np

from .registry import Entry, get, names

# Beyond rounding: more than this many ulp of the framework's result dtype is listed.
ULPS = 8
# Divergences the data file keeps per entry and input set (the first ones; all are counted).
KEPT = 10
MEASUREMENTS = Path(__file__).resolve().parent / "measurements" / "crosscheck"

ORDINARY = np.linspace(-8, 8, 161)
HARD = np.array([-np.inf, -1e300, -1000.0, -750.0, -710.0, -100.0, -40.0, -20.0, -1e-8, -1e-300,
                 -5e-324, -0.0, 0.0, 5e-324, 1e-300, 1e-8, 20.0, 40.0, 100.0, 710.0, 750.0,
                 1000.0, 1e300, np.inf, np.nan])
# Vector and shaping entries act along the last axis, on rows of even length (GLU halves them).
ROWS_ORDINARY = np.random.default_rng(0).standard_normal((5, 8)) * 3
# Rows with infinities and NaN, beside the accuracy grid's hard rows: where the pages state
# what a framework returns for them.
ROWS_SPECIAL = [[-np.inf, 0.0, 1.0, 2.0], [np.inf, 0.0, 1.0, 2.0], [np.inf, np.inf, 0.0, 1.0],
                [-np.inf, -np.inf, -np.inf, -np.inf], [np.nan, 0.0, 1.0, 2.0]]


def _rows_hard() -> np.ndarray:
    from .accuracy import VECTORS  # imports mpmath: only when a vector entry is checked

    return np.array([row for row in VECTORS if len(row) == 4] + ROWS_SPECIAL)


@dataclass(frozen=True)
class Backend:
    """One framework, ready to evaluate call templates in this process.

    name: its key in ``Entry.frameworks`` ("pytorch", "jax", "keras", ...).
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
    expression: str = ""

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
    function; ``divergences`` list every differing point either way, ``counts`` how many per
    input set, ``warnings`` what the framework warned while computing."""

    name: str
    framework: str
    call: str
    dtype: str = ""
    defaults: list[Default] = field(default_factory=list)
    divergences: list[Divergence] = field(default_factory=list)
    error: str = ""
    ok: bool = True
    warnings: list[str] = field(default_factory=list)
    outputs: dict[str, int] = field(default_factory=dict)  # outputs compared, per input set

    @property
    def counts(self) -> dict[str, int]:
        return {label: sum(d.inputs == label for d in self.divergences)
                for label in ("ordinary", "hard")}


@dataclass
class Report:
    """One framework's run over the registry, ready to be written as JSON (:meth:`to_json`).

    status: "measured", or "install failed" / "import failed" (then `error` says why and there
    are no results). versions: the installed packages, "name==version".
    """

    framework: str
    version: str
    device: str
    date: str
    results: list[Result]
    status: str = "measured"
    error: str = ""
    backend: str = ""
    python: str = ""
    platform: str = ""
    requirements: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "measured" and all(r.ok for r in self.results)

    def to_json(self) -> str:
        """Strict JSON, with at most :data:`KEPT` divergences per entry and input set (all are
        counted in ``counts``). NaN and ±inf, which JSON lacks, are written as the strings
        "nan", "inf" and "-inf"."""
        head = ("framework", "status", "error", "version", "backend", "device", "python",
                "platform", "date", "requirements", "versions")
        data = {key: getattr(self, key) for key in head}
        data["ulps"], data["results"] = ULPS, []
        for result in self.results:
            record = asdict(result)
            del record["framework"]
            record["counts"] = result.counts
            record["divergences"] = [asdict(d) for label in ("ordinary", "hard")
                                     for d in [d for d in result.divergences
                                               if d.inputs == label][:KEPT]]
            data["results"].append(record)
        return json.dumps(_finite(data), indent=1, allow_nan=False)


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


def input_name(entry: Entry, label: str) -> str:
    """The name of an input array in the worker's inputs file: "points-hard", "rows-ordinary"."""
    return f"{'points' if entry.kind == 'elementwise' else 'rows'}-{label}"


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


def _number(value: Any) -> int | float:
    """An axis stays an int; anything else (a framework scalar too) becomes a float."""
    return value if isinstance(value, int) and not isinstance(value, bool) else float(value)


def compare(entry: Entry, framework: str, outputs: dict[str, Any],
            defaults: dict[str, Any], error: str = "", warnings: list[str] | None = None) -> Result:
    """The framework's outputs against refimpl: `outputs` maps "ordinary"/"hard" to what the
    call returned on :func:`inputs` (a set is missing when the call raised before it, and
    `error` says what it raised), `defaults` each ``Framework.defaults`` parameter to the value
    its expression read."""
    spelling = _spelling(entry, framework, "compare")
    result = Result(entry.name, framework, spelling.call, error=error, ok=not error,
                    warnings=list(warnings or []))
    result.defaults = [Default(param, _number(defaults[param]),
                               None if entry.defaults.get(param) is None
                               else _number(entry.defaults[param]), expr)
                       for param, expr in spelling.defaults.items() if param in defaults]
    try:
        for label, x in inputs(entry):
            if label not in outputs:
                continue
            theirs = np.asarray(outputs[label])
            with np.errstate(over="ignore"):  # 1e300 is inf in float32, as in the framework
                x_theirs = x.astype(theirs.dtype)
            ours = np.asarray(entry(x_theirs, **entry.defaults), dtype=np.float64)
            result.dtype = str(theirs.dtype)
            found = divergences(theirs, ours, x, label)
            result.outputs[label] = int(theirs.size)
            result.divergences += found
            rtol = tolerance(theirs.dtype)
            if label == "ordinary" and any(not np.isclose(d.theirs, d.ours, rtol=rtol, atol=rtol)
                                           for d in found):
                result.ok = False
    except (TypeError, ValueError) as err:  # a wrong shape or dtype is a finding
        result.error, result.ok = f"{type(err).__name__}: {err}", False
    return result


def check(entry: Entry, backend: Backend) -> Result:
    """The entry's spelling in `backend`'s framework, run in this process, against refimpl."""
    spelling = _spelling(entry, backend.name, "check")
    outputs, read, error = {}, {}, ""
    try:
        for param, expr in spelling.defaults.items():
            read[param] = _number(eval(expr, dict(backend.namespace)))  # noqa: S307
        for label, x in inputs(entry):
            outputs[label] = evaluate(spelling.call, backend, x)
    except Exception as err:  # a wrong name or signature is a finding, not a crash
        error = f"{type(err).__name__}: {err}"
    return compare(entry, backend.name, outputs, read, error)


def read_defaults(entry: Entry, backend: Backend) -> list[Default]:
    """Each ``Framework.defaults`` expression's value, beside refimpl's default."""
    spelling = _spelling(entry, backend.name, "read_defaults")
    return [Default(param, _number(eval(expr, dict(backend.namespace))),  # noqa: S307
                    None if entry.defaults.get(param) is None else _number(entry.defaults[param]),
                    expr)
            for param, expr in spelling.defaults.items()]


def _today() -> str:
    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()


def run(backend: Backend, entries: list[str] | None = None, date: str | None = None) -> Report:
    """Every entry (or the named ones) that `backend`'s framework spells, checked in this process."""
    chosen = [get(name) for name in (names() if entries is None else entries)]
    results = [check(entry, backend) for entry in chosen if entry.frameworks.get(backend.name)]
    return Report(backend.name, backend.version, backend.device, date or _today(), results)


# -- the worker protocol: scripts/crosscheck/worker.py runs the calls in the framework's venv ----
def requests(framework: str) -> tuple[list[dict], dict[str, np.ndarray]]:
    """What the worker evaluates: one request per entry that `framework` spells (name, call,
    the default-reading expressions, the names of its two input arrays), and those arrays."""
    found, arrays = [], {}
    for name in names():
        entry = get(name)
        spelling = entry.frameworks.get(framework)
        if spelling is None:
            continue
        sets = []
        for label, x in inputs(entry):
            arrays[input_name(entry, label)] = np.asarray(x, dtype=np.float64)
            sets.append([label, input_name(entry, label)])
        found.append({"name": name, "call": spelling.call, "defaults": dict(spelling.defaults),
                      "inputs": sets})
    return found, arrays


def from_worker(framework: str, response: dict, outputs: dict[str, np.ndarray],
                date: str | None = None) -> Report:
    """The worker's response (its JSON and its output arrays) compared with refimpl."""
    results = []
    for item in response["results"]:
        entry = get(item["name"])
        results.append(compare(entry, framework,
                               {label: outputs[key] for label, key in item["outputs"].items()},
                               item["defaults"], item.get("error", ""), item.get("warnings")))
        if results[-1].call != item["call"]:
            raise ValueError(f"crosscheck.from_worker: {item['name']}: the worker ran "
                             f"{item['call']!r}, the registry has {results[-1].call!r}")
    return Report(framework, response["version"], response["device"], date or _today(), results,
                  backend=response.get("backend", ""), python=response["python"],
                  platform=response["platform"], versions=response.get("versions", []))


# -- the committed measurements ---------------------------------------------------------------
@lru_cache(maxsize=None)
def load(framework: str) -> dict | None:
    """The committed measurement of `framework` (refimpl/measurements/crosscheck/<key>.json, as
    :meth:`Report.to_json` wrote it), or None when it was never run."""
    path = MEASUREMENTS / f"{framework}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def measurement(framework: str, name: str, call: str) -> dict | None:
    """The measured result of entry `name` in `framework`, if `call` (the registry's current
    call) is the one measured; None otherwise: a changed call has no measurement yet."""
    data = load(framework)
    for record in data["results"] if data else ():
        if record["name"] == name:
            return record if record["call"] == call else None
    return None


def _spelling(entry: Entry, framework: str, caller: str):
    spelling = entry.frameworks.get(framework)
    if spelling is None:
        raise ValueError(f"crosscheck.{caller}: {entry.name} has no {framework!r} spelling "
                         f"(frameworks: {sorted(k for k, v in entry.frameworks.items() if v)})")
    return spelling
