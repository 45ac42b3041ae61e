"""The registry: one :class:`Entry` per activation, the only place a fact about it lives.

An entry is data (name, parameters, LaTeX, declared properties, kinks, origin, framework names)
plus the functions that compute it. Figures, tables, pages and tests all read entries from here.
"""

from __future__ import annotations

import difflib
import inspect
import math
import string
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Callable

import numpy as np

KINDS = ("elementwise", "vector", "shaping")
FAMILIES = (
    "classic",
    "rectifiers",
    "exponential",
    "smooth self-gated",
    "softplus-like",
    "hard/mobile",
    "shrinkage/threshold",
    "periodic",
    "output layer",
    "gated",
)
FLOAT_DTYPES = (np.float16, np.float32, np.float64)


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


class _FromSignature:
    def __repr__(self) -> str:
        return "FROM_SIGNATURE"


# A Param's default is written once, in the function's signature (where a reader of the code sees
# it); the Entry reads it from there.
FROM_SIGNATURE: Any = _FromSignature()


_NOT_GIVEN: Any = object()


@dataclass(frozen=True)
class Param:
    """A parameter of an activation: its valid domain, what it does, and its default (or REQUIRED),
    which the Entry fills in from the function's signature."""

    name: str
    domain: str  # human-readable, e.g. "alpha > 0" or "one of 'none', 'tanh'"
    doc: str
    valid: Callable[[Any], bool]
    default: Any = FROM_SIGNATURE

    def check(self, value: Any, owner: str) -> None:
        try:
            ok = bool(self.valid(value))
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise ValueError(f"{owner}: invalid {self.name}={value!r}; expected {self.domain}")


def real_param(name: str, doc: str, low: float = -math.inf, high: float = math.inf,
               low_open: bool = False, high_open: bool = False) -> Param:
    """A real-valued parameter in an interval; the domain text is derived from the bounds."""

    def valid(v: Any) -> bool:
        if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)):
            return False
        v = float(v)
        if math.isnan(v):
            return False
        above = v > low if low_open else v >= low
        below = v < high if high_open else v <= high
        return above and below

    parts = []
    if low > -math.inf:
        parts.append(f"{name} {'>' if low_open else '>='} {low:g}")
    if high < math.inf:
        parts.append(f"{name} {'<' if high_open else '<='} {high:g}")
    domain = " and ".join(parts) if parts else f"{name} a real number"
    return Param(name, f"a real number with {domain}" if parts else domain, doc, valid)


@dataclass(frozen=True)
class Kink:
    """A point where f is not differentiable, what `derivative` returns there, and why."""

    at: float
    derivative: float
    why: str


@dataclass(frozen=True)
class Properties:
    """Declared properties, at the default parameters. Tests check each one numerically.

    range: (inf, sup) of f over the reals, as a closed interval of extended reals.
    attained: whether f reaches its inf / sup at a finite x (sigmoid: neither; relu: the inf).
    monotonic: "increasing", "non-decreasing", "decreasing" or "no".
    smoothness: "discontinuous", "C0", "C1", "C2" or "Cinf".
    saturates: (left, right): f' -> 0 as x -> -inf / +inf.
    """

    range: tuple[float, float]
    monotonic: str
    smoothness: str
    saturates: tuple[bool, bool]
    attained: tuple[bool, bool] = (True, True)


@dataclass(frozen=True)
class Framework:
    """How one framework spells this activation.

    call: a Python expression template in the framework's namespace; `{x}` is the input tensor.
        It computes the function at refimpl's defaults: where the framework's defaults differ,
        the call passes refimpl's values explicitly (and `differs` says so), written as
        `{name}` so that the value comes from the signature.
    names: the public names (module and functional forms).
    differs: where its defaults or behaviour differ from refimpl's, in one sentence (or "").
    """

    names: tuple[str, ...]
    call: str
    differs: str = ""
    # parameter -> expression that reads the framework's own default (make crosscheck compares it
    # with refimpl's), e.g. {"negative_slope": "torch.nn.LeakyReLU().negative_slope"}
    defaults: dict[str, str] = field(default_factory=dict)


@dataclass
class Entry:
    """One activation. Call it like the function: ``entry(x, **params)``."""

    name: str
    fn: Callable[..., np.ndarray]
    title: str
    summary: str
    family: str
    latex: str
    derivative_latex: str = ""
    kind: str = "elementwise"
    derivative_fn: Callable[..., np.ndarray] | None = None
    vjp_fn: Callable[..., np.ndarray] | None = None
    aliases: tuple[str, ...] = ()
    params: tuple[Param, ...] = ()
    declared: Properties | None = None
    # The kinks at the defaults; a function of the parameters where a kink depends on one,
    # e.g. ``lambda lambd: (Kink(-lambd, ...), Kink(lambd, ...))``.
    kinks: tuple[Kink, ...] | Callable[..., tuple[Kink, ...]] = ()
    origin: tuple[str, ...] = ()
    # framework key (refimpl.frameworks.FRAMEWORKS) -> how it spells this entry, None if it has
    # none; register() adds the frameworks of refimpl/spellings/ (PyTorch, JAX, Keras 3 are here)
    frameworks: dict[str, Framework | None] = field(default_factory=dict)
    # (curve of f, curve of f'): one clause each, for the figure's alt text and the atlas,
    # e.g. ("rises from 0 to 1 along an S-curve through 0.5 at x = 0", "is a bell peaking at 0.25")
    shape: tuple[str, str] = ("", "")
    # The formula as textbooks write it, in plain NumPy, taking the parameters as keywords: shown
    # beside the stable form on the accuracy page, never used (it may overflow or cancel). Every
    # elementwise entry states it; None only where there is no usual formula to compare.
    textbook: Callable[..., np.ndarray] | None | Any = field(default=_NOT_GIVEN)
    # Values for required parameters (e.g. threshold's), used wherever one setting must be shown:
    # properties, figures and the generic tests. Every parameter with a default uses its default.
    example_params: dict[str, Any] = field(default_factory=dict)
    # The page that documents this entry, if another entry's (swish is on silu's page); its own
    # slug /activations/<name>/ then redirects to /activations/<page>/#<name>.
    page: str = ""
    _properties: dict | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: kind must be one of {KINDS}, got {self.kind!r}")
        if self.family not in FAMILIES:
            raise ValueError(f"{self.name}: family must be one of {FAMILIES}, got {self.family!r}")
        if self.textbook is _NOT_GIVEN:
            if self.kind == "elementwise":
                raise ValueError(f"{self.name}: give textbook= (the usual formula), or "
                                 f"textbook=None where there is none")
            self.textbook = None
        from .frameworks import FRAMEWORKS  # data only: import stays light

        unknown = sorted(set(self.frameworks) - set(FRAMEWORKS))
        if unknown:
            raise ValueError(f"{self.name}: unknown framework(s) {unknown}; "
                             f"refimpl.frameworks.FRAMEWORKS has {sorted(FRAMEWORKS)}")
        self.params = _defaults_from_signature(self.name, self.fn, self.params)
        self.__doc__ = self.fn.__doc__
        self.__name__ = self.name
        self.page = self.page or self.name
        # Prose that states a default names the parameter, `{negative_slope}`: the value is
        # filled in from the signature, so it is written once.
        at = self.defaults
        prose = _PROSE.format
        if callable(self.kinks):
            self.kinks = tuple(self.kinks(**at))
        self.kinks = tuple(replace(k, why=prose(k.why, **at)) for k in self.kinks)
        self.summary = prose(self.summary, **at)
        self.shape = tuple(prose(text, **at) for text in self.shape)
        self.frameworks = {key: _filled(fw, at) for key, fw in self.frameworks.items()}

    # -- calls -------------------------------------------------------------------------------
    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Defaults filled in, unknown names refused, every value checked against its domain."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise TypeError(f"{self.name}() got unexpected keyword argument(s) {unknown}; "
                            f"its parameters are {sorted(known) or 'none'}")
        bound = {}
        for p in self.params:
            if p.name in given:
                value = given[p.name]
            elif p.default is REQUIRED:
                raise TypeError(f"{self.name}() missing required parameter {p.name!r} ({p.doc})")
            else:
                value = p.default
            p.check(value, self.name)
            bound[p.name] = value
        return bound

    # float16 and float32 input is computed in float64 and rounded once at the end: the result
    # is then within 1 ulp of the correctly rounded one, which float32 arithmetic cannot promise.
    def __call__(self, x: Any, **params: Any) -> Any:
        _note(self)
        arr, scalar = as_input(x, self.name)
        bound = self._bind_to(arr, params)
        out = self.fn(_work(arr), **bound)
        return _as_output(out, arr.dtype, scalar)

    def derivative(self, x: Any, **params: Any) -> Any:
        """f'(x), elementwise; at a kink, the value listed in `kinks`."""
        if self.kind != "elementwise":
            raise TypeError(f"{self.name} is a {self.kind} function: use vjp() or jacobian()")
        _note(self)
        arr, scalar = as_input(x, self.name)
        out = self.derivative_fn(_work(arr), **self.bind(params))
        return _as_output(out, arr.dtype, scalar)

    def vjp(self, x: Any, upstream: Any, **params: Any) -> np.ndarray:
        """The vector-Jacobian product: the gradient w.r.t. x given the gradient w.r.t. f(x).

        `upstream` is that gradient: real numbers of exactly the shape of f(x), not broadcast
        (as in ``jax.vjp``), in any accepted dtype. The result has the dtype of x and its shape
        (for an elementwise entry, the shape of f(x): an array parameter such as prelu's
        `weight` may broadcast x to a larger one)."""
        _note(self)
        arr, scalar = as_input(x, self.name)
        up, _ = as_input(upstream, f"{self.name}.vjp", "upstream")
        bound = self._bind_to(arr, params)
        work = _work(arr)
        if self.kind == "elementwise":
            slope = self.derivative_fn(work, **bound)
            _check_upstream(up, np.shape(slope), self.name)
            out = _work(up) * slope
        else:
            _check_upstream(up, arr.shape if self.kind == "vector" else
                            np.shape(self.fn(work, **bound)), self.name)
            out = self.vjp_fn(work, _work(up), **bound)
        return _as_output(out, arr.dtype, scalar)

    def jacobian(self, x: Any, **params: Any) -> np.ndarray:
        """The full Jacobian of a 1-D input, shape ``f(x).shape + x.shape``."""
        _note(self)
        arr, _ = as_input(x, self.name)
        if arr.ndim != 1:
            raise ValueError(f"{self.name}.jacobian: x must be 1-D, got shape {arr.shape}")
        bound = self._bind_to(arr, params)
        work = _work(arr)
        if self.kind == "elementwise":
            # f'(x) on the diagonal, also where a parameter broadcasts f(x) to more axes (prelu's
            # weight): f(x)[..., i] depends on x[i] alone. np.where, so that NaN stays on it
            slope = self.derivative_fn(work, **bound)
            jac = np.where(np.eye(arr.size, dtype=bool), slope[..., None], 0.0)
        else:
            # row i is the vjp of the i-th unit vector; np.array, not np.stack, so that no rows
            # (an empty x) give an empty Jacobian
            out_shape = self.fn(work, **bound).shape
            rows = [self.vjp_fn(work, e.reshape(out_shape), **bound)
                    for e in np.eye(math.prod(out_shape), dtype=work.dtype)]
            jac = np.array(rows, dtype=work.dtype).reshape(out_shape + arr.shape)
        return jac.astype(arr.dtype)

    def _bind_to(self, arr: np.ndarray, given: dict[str, Any]) -> dict[str, Any]:
        """`bind`, and for a vector or shaping entry the check that x has the axis it acts along:
        the one place where an axis meets an array, so that no function body repeats it."""
        bound = self.bind(given)
        if self.kind == "elementwise":
            return bound
        axis = bound["axis"]
        if arr.ndim == 0:
            raise ValueError(f"{self.name}: x must have at least one axis, the one it acts along "
                             f"(axis={axis}); got a 0-d input")
        if not -arr.ndim <= axis < arr.ndim:
            # AxisError is a ValueError (and an IndexError), what NumPy itself raises
            raise np.exceptions.AxisError(
                f"{self.name}: axis {axis} is out of range for a {arr.ndim}-D input; "
                f"expected {-arr.ndim}..{arr.ndim - 1}")
        return bound

    # -- facts ---------------------------------------------------------------------------------
    @property
    def year(self) -> int | None:
        """The year of the earliest paper in `origin` (refimpl/references.bib).

        None for an entry without an origin paper (identity, the softmin, ...): such an entry has
        no date of its own, so the timeline leaves it out and tables show "—". Read lazily:
        parsing the bibliography needs pybtex, which ``import refimpl`` does not load.
        """
        if not self.origin:
            return None
        # `from .bibliography import`, not `from . import`: refimpl.codehash would read the
        # latter as importing the package, and every figure's cache key would cover every module
        from .bibliography import entries

        return min(int(entries()[key].fields["year"]) for key in self.origin)

    @property
    def defaults(self) -> dict[str, Any]:
        """The parameter values properties and figures are shown at: defaults, and
        `example_params` for the required ones."""
        _note(self)
        values = {p.name: p.default for p in self.params if p.default is not REQUIRED}
        return {**values, **self.example_params}

    @property
    def properties(self) -> dict[str, Any]:
        """Declared properties plus the computed ones (f(0), f'(0), mean and variance under N(0,1))."""
        _note(self, "refimpl.properties")
        if self._properties is None:
            from .properties import compute  # scipy.integrate: only when asked for

            self._properties = compute(self)
        return self._properties

    def __repr__(self) -> str:
        return f"<activation {self.name}>"


class _ProseFormatter(string.Formatter):
    """str.format for prose: a number is written with the minus sign (−1, not -1)."""

    def format_field(self, value: Any, format_spec: str) -> str:
        text = format(value, format_spec)
        return text.replace("-", "−") if isinstance(value, (int, float)) else text


_PROSE = _ProseFormatter()


def _filled(fw: Framework | None, at: dict[str, Any]) -> Framework | None:
    """A spelling with the `{param}` placeholders of its call and `differs` filled in from the
    defaults `at` (``{x}`` stays for the input)."""
    if fw is None:
        return None
    return replace(fw, call=fw.call.format(x="{x}", **at), differs=_PROSE.format(fw.differs, **at))


def _defaults_from_signature(owner: str, fn: Callable,
                             params: tuple[Param, ...]) -> tuple[Param, ...]:
    """The params with their defaults read from fn's signature (REQUIRED where it has none).

    The signature and the params must name the same parameters, after x."""
    signature = dict(list(inspect.signature(fn).parameters.items())[1:])
    named = [p.name for p in params]
    if named != list(signature):
        raise ValueError(f"{owner}: params {named} do not match the signature of "
                         f"{fn.__name__} {list(signature)}")
    filled = []
    for p in params:
        if p.default is not FROM_SIGNATURE:
            raise ValueError(f"{owner}: the default of {p.name!r} belongs in the signature of "
                             f"{fn.__name__}, not in its Param")
        default = signature[p.name].default
        filled.append(replace(p, default=REQUIRED if default is inspect.Parameter.empty
                              else default))
    return tuple(filled)


ACCEPTED = "bool, int or float16/32/64 numbers (an array, a rectangular list or a scalar)"


def as_input(x: Any, owner: str, name: str = "x") -> tuple[np.ndarray, bool]:
    """Validate and convert input: ints and bools become float64, float16/32/64 are kept.

    Returns the array and whether the input was a scalar (so the result is returned as one).
    Anything else is a TypeError naming `owner` (the function), the argument (`name`: x or
    upstream) and what it accepts, including what NumPy would convert with a loss: a masked
    array (its mask), an ``np.matrix`` (it stays 2-D under reductions), complex (the imaginary
    part), longdouble (the digits beyond float64).
    """
    def refuse(got: str) -> TypeError:
        return TypeError(f"{owner}: {name} must be {ACCEPTED}; got {got}")

    if isinstance(x, (str, bytes)) or x is None:
        raise refuse(type(x).__name__)
    if isinstance(x, np.ma.MaskedArray):
        raise refuse(f"a masked array, whose mask would be lost (pass {name}.filled(value) or "
                     f"{name}.compressed())")
    if isinstance(x, np.matrix):
        raise refuse(f"an np.matrix, which stays 2-D under reductions (pass np.asarray({name}))")
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError) as err:  # a ragged list: NumPy cannot make it rectangular
        raise refuse(f"a {type(x).__name__} that is not a rectangular array of numbers") from err
    if arr.dtype.kind in "biu":
        arr = arr.astype(np.float64)
    elif arr.dtype.type not in FLOAT_DTYPES:  # object (ragged or not numbers), complex, ...
        raise refuse(f"dtype {arr.dtype}")
    scalar = arr.ndim == 0 and not isinstance(x, np.ndarray)
    return arr, scalar


def _check_upstream(up: np.ndarray, shape: tuple[int, ...], owner: str) -> None:
    if up.shape != shape:
        raise ValueError(f"{owner}.vjp: upstream must have the shape of f(x), {shape}; "
                         f"got {up.shape}")


def _work(arr: np.ndarray) -> np.ndarray:
    return arr.astype(np.float64) if arr.dtype != np.float64 else arr


def axis_param(doc: str = "the axis the function acts along") -> Param:
    """The `axis` parameter of vector and shaping entries (their signatures default to -1, the
    last axis; PyTorch's softmax family defaults to a deprecated implicit `dim=None`)."""
    return Param("axis", "an integer", doc,
                 lambda v: isinstance(v, (int, np.integer)) and not isinstance(v, bool))


def _as_output(out: np.ndarray, dtype: np.dtype, scalar: bool) -> Any:
    with np.errstate(over="ignore"):  # rounding to float16/32 may overflow: inf is then correct
        out = np.asarray(out, dtype=dtype)
    return out[()] if scalar else out


# -- the table of entries ----------------------------------------------------------------------
_ENTRIES: dict[str, Entry] = {}
_ALIASES: dict[str, str] = {}


def register(entry: Entry) -> Entry:
    """Add `entry` to the table, with the spellings of the frameworks in refimpl/spellings/
    merged into its ``frameworks`` (filled in as the entry's own)."""
    for name in (entry.name, *entry.aliases):
        if name in _ENTRIES or name in _ALIASES:
            raise ValueError(f"activation name {name!r} registered twice")
    from .spellings import spellings

    for key, fw in spellings(entry.name).items():
        if key in entry.frameworks:
            raise ValueError(f"{entry.name}: its {key!r} spelling is written both in the entry "
                             f"and in refimpl/spellings/{key}.py; keep one")
        entry.frameworks[key] = _filled(fw, entry.defaults)
    _ENTRIES[entry.name] = entry
    for alias in entry.aliases:
        _ALIASES[alias] = entry.name
    return entry


def names() -> list[str]:
    """Sorted canonical names (aliases excluded)."""
    _note_all()
    return sorted(_ENTRIES)


def _note_all() -> None:
    """A recorded block that lists the entries depends on every entry's module: a new entry in any
    of them changes the list."""
    for entry in _ENTRIES.values():
        _note(entry)


def get(name: str) -> Entry:
    """The entry for a canonical name or an alias; KeyError naming the closest names otherwise."""
    if not isinstance(name, str):
        raise TypeError(f"activation name must be a string, got {type(name).__name__}")
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key in _ENTRIES or key in _ALIASES:
        return _note(_ENTRIES[_ALIASES.get(key, key)])
    close = difflib.get_close_matches(key, [*_ENTRIES, *_ALIASES], n=5, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise KeyError(f"unknown activation {name!r}{hint} (refimpl.names() lists all)")


def registered() -> list[str]:
    """Canonical names in the order they were registered: each family module's own order, which
    the nav follows."""
    _note_all()
    return list(_ENTRIES)


def aliases() -> dict[str, str]:
    """Alias -> canonical name."""
    return dict(_ALIASES)


# -- what a piece of code used (the figure cache keys on it) ------------------------------------
class Uses:
    """The modules of the entries looked up or evaluated inside `recording()`, and the data-stage
    results read there (refimpl.data.get)."""

    def __init__(self) -> None:
        self.modules: set[str] = set()
        self.results: set[str] = set()


_recording: list[Uses] = []


@contextmanager
def recording():
    """Record what the block uses. Entries reached as module attributes (``refimpl.sigmoid``)
    are seen too: every call, derivative, vjp, jacobian, defaults and properties is recorded,
    not only `get`."""
    uses = Uses()
    _recording.append(uses)
    try:
        yield uses
    finally:
        _recording.remove(uses)


def _note(entry: Entry, *modules: str) -> Entry:
    for uses in _recording:
        uses.modules.update(f.__module__ for f in (entry.fn, entry.derivative_fn, entry.vjp_fn) if f)
        uses.modules.update(modules)
    return entry


def note_result(name: str) -> None:
    """Called by refimpl.data.get: a recorded block read this data-stage result."""
    for uses in _recording:
        uses.results.add(name)
