"""What every entry does with input outside the usual: empty arrays, every axis, every dtype, and
the inputs it refuses.

The contract (refimpl/registry.py, `as_input` and `Entry`):

- bool, int and float16/32/64 arrays, rectangular lists and scalars are accepted; float16/32/64
  keep their dtype, the others become float64;
- an elementwise entry keeps the shape, a vector entry too; a shaping entry changes the size of
  its axis only (GLU-type: halved, maxout: divided by pieces, crelu: doubled);
- a zero-size input gives an empty result of that shape, as NumPy's ufuncs do;
- anything else is refused with an error whose message starts with the function's name: a
  TypeError for what is not an array of real numbers (saying what is accepted), a ValueError for
  an axis the input does not have, a size the function cannot split, or a bad parameter.
"""

import math
import re
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import refimpl
from refimpl.registry import REQUIRED

ENTRIES = [refimpl.get(n) for n in refimpl.names()]
AXIS_ENTRIES = [e for e in ENTRIES if e.kind != "elementwise"]

# Of each shaping entry: what the size n along its axis must be a multiple of, and the size it
# becomes (from the docstrings, not from the code).
SHAPING = {
    "glu": (lambda p: 2, lambda n, p: n // 2),
    "swiglu": (lambda p: 2, lambda n, p: n // 2),
    "clamped_swiglu": (lambda p: 2, lambda n, p: n // 2),
    "geglu": (lambda p: 2, lambda n, p: n // 2),
    "reglu": (lambda p: 2, lambda n, p: n // 2),
    "maxout": (lambda p: p["pieces"], lambda n, p: n // p["pieces"]),
    "crelu": (lambda p: 1, lambda n, p: 2 * n),
}

DTYPES = [np.float16, np.float32, np.float64, np.int32, np.int64, np.uint8, np.bool_]


def named(entry, method=""):
    """The start of every error message about `entry`: its name (and the method's), a colon."""
    return "^" + re.escape(entry.name + method) + ":"


def out_dtype(dtype):
    return np.dtype(dtype) if np.dtype(dtype).kind == "f" else np.dtype(np.float64)


def out_shape(entry, shape, params):
    """The shape f(x) must have, or None where the size along the axis cannot be split."""
    if entry.kind != "shaping":
        return shape
    multiple, size = SHAPING[entry.name]
    axis = params["axis"] % len(shape)
    n = shape[axis]
    if n % multiple(params):
        return None
    return shape[:axis] + (size(n, params),) + shape[axis + 1:]


def test_the_shaping_table_covers_every_shaping_entry():
    assert set(SHAPING) == {e.name for e in ENTRIES if e.kind == "shaping"}


# -- the property test ---------------------------------------------------------------------------
def param_values(p):
    """Values to draw for parameter p: its default, and cheap candidates its domain accepts.

    Real values on a grid of eighths in [-8, 8]: what a function does at extreme parameters
    (softplus with beta = 5e-324 overflows, and warns) is its own family's tests' business."""
    candidates = [st.sampled_from(["none", "tanh"]), st.integers(-2, 4),
                  st.integers(-64, 64).map(lambda k: k / 8)]
    drawn = st.one_of(candidates).filter(lambda v: _accepts(p, v))
    return drawn if p.default is REQUIRED else st.one_of(st.just(p.default), drawn)


def _accepts(p, v):
    try:
        p.check(v, "test")
    except ValueError:
        return False
    return True


@st.composite
def calls(draw, entry):
    """(x, params): x of any accepted dtype and a shape with sizes 0 to 6, params drawn from
    their domains, and for vector and shaping entries an axis that may not exist."""
    ndim = draw(st.integers(0 if entry.kind == "elementwise" else 1, 3))
    shape = tuple(draw(st.lists(st.integers(0, 6), min_size=ndim, max_size=ndim)))
    dtype = draw(st.sampled_from(DTYPES))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.uniform(-4, 4, shape)
    x = (x > 0) if dtype is np.bool_ else np.abs(x).astype(dtype) if dtype is np.uint8 else \
        x.astype(dtype)
    params = {p.name: draw(param_values(p)) for p in entry.params if p.name != "axis"}
    if entry.kind != "elementwise":
        params["axis"] = draw(st.integers(-ndim - 2, ndim + 1))
    # Parameters valid one by one but not together (hard_tanh's min_val < max_val, rrelu's
    # slopes in [lower, upper]) are refused by the function itself: not drawn here.
    try:
        entry(0.0, **params) if entry.kind == "elementwise" else entry.bind(params)
    except ValueError:
        assume(False)
    return x, params


@pytest.mark.filterwarnings("error")  # empty input warns nothing either ("mean of empty slice")
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data())
def test_shape_and_dtype_follow_the_contract(entry, data):
    x, params = data.draw(calls(entry))
    axis = params.get("axis")
    if axis is not None and not -x.ndim <= axis < x.ndim:
        for call in (lambda: entry(x, **params), lambda: entry.vjp(x, x, **params)):
            with pytest.raises(ValueError, match=named(entry) + re.escape(
                    f" axis {axis} is out of range for a {x.ndim}-D input; "
                    f"expected {-x.ndim}..{x.ndim - 1}")):
                call()
        return
    shape = out_shape(entry, x.shape, params)
    if shape is None:
        with pytest.raises(ValueError, match=named(entry)):
            entry(x, **params)
        return
    dtype = out_dtype(x.dtype)
    y = entry(x, **params)
    assert (np.shape(y), y.dtype) == (shape, dtype)
    if entry.kind == "elementwise":
        d = entry.derivative(x, **params)
        assert (np.shape(d), d.dtype) == (shape, dtype)
    upstream = np.ones(shape, dtype=np.float32)
    g = entry.vjp(x, upstream, **params)
    assert (np.shape(g), g.dtype) == (x.shape, dtype)
    if x.ndim == 1:
        jac = entry.jacobian(x, **params)
        assert (jac.shape, jac.dtype) == (shape + x.shape, dtype)


# -- zero-size input, explicitly -----------------------------------------------------------------
def _sized(entry, n):
    """A valid size along the axis near n: a multiple of what the entry splits by."""
    if entry.kind != "shaping":
        return n
    k = SHAPING[entry.name][0](entry.defaults)
    return k * math.ceil(n / k)


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
@pytest.mark.parametrize("shape", [(0,), (3, 0), (0, 6), (2, 0, 5)], ids=str)
def test_zero_size_gives_an_empty_result_of_the_right_shape(entry, shape):
    shape = shape[:-1] + (_sized(entry, shape[-1]),)
    x = np.zeros(shape, dtype=np.float32)
    p = entry.defaults
    y = entry(x, **p)
    expected = out_shape(entry, shape, {"axis": -1, **p})
    assert (y.shape, y.dtype) == (expected, np.float32) and y.size == math.prod(expected)
    assert entry.vjp(x, np.zeros(expected), **p).shape == shape
    if entry.kind == "elementwise":
        assert entry.derivative(x, **p).shape == shape
    if len(shape) == 1:  # (0, 0), or for crelu of 0 entries (0, 0) too: f(x).shape + x.shape
        assert entry.jacobian(x, **p).shape == expected + shape


@pytest.mark.parametrize("name", ["softmax", "log_softmax", "softmin", "sparsemax"])
def test_an_empty_axis_gives_empty_rows(name):
    # the case: "zero-size array to reduction operation maximum"
    assert refimpl.get(name)([]).shape == (0,)
    assert refimpl.get(name)(np.zeros((3, 0))).shape == (3, 0)
    assert refimpl.get(name)(np.zeros((3, 0)), axis=0).shape == (3, 0)


def test_glu_halves_an_empty_axis_and_refuses_an_odd_one():
    assert refimpl.glu(np.zeros((4, 0))).shape == (4, 0)
    assert refimpl.glu(np.zeros((0, 6))).shape == (0, 3)
    assert refimpl.maxout(np.zeros((0, 6)), pieces=3).shape == (0, 2)
    assert refimpl.crelu(np.zeros((0, 3))).shape == (0, 6)
    with pytest.raises(ValueError, match="^swiglu: the size of axis 1 must be even"):
        refimpl.swiglu(np.zeros((0, 3)))


# -- refused input, kind by kind -----------------------------------------------------------------
with warnings.catch_warnings():  # np.matrix warns that it is not the recommended way
    warnings.simplefilter("ignore", PendingDeprecationWarning)
    MATRIX = np.matrix([[1.0, 2.0, 3.0, 4.0]])
LONGDOUBLE_IS_WIDER = np.finfo(np.longdouble).nmant > np.finfo(np.float64).nmant
REFUSED = {
    "object": np.array([1.0, 2.0, 3.0, 4.0], dtype=object),
    "object from a list": [1.0, None, 3.0, 4.0],
    "complex": np.array([1.0, 2j, 3.0, 4.0]),
    "longdouble": np.ones(4, dtype=np.longdouble),
    "ragged list": [[1.0, 2.0], [3.0]],
    "masked array": np.ma.masked_array([1.0, 2.0, 3.0, 4.0], mask=[0, 1, 0, 0]),
    "np.matrix": MATRIX,
    "str": "1.0",
    "bytes": b"1",
    "None": None,
    "str array": np.array(["1", "2", "3", "4"]),
    "datetime": np.array(["2026-01-01"] * 4, dtype="datetime64[D]"),
    "dict": {"x": 1.0},
}


def _refused(kind):
    if kind == "longdouble" and not LONGDOUBLE_IS_WIDER:
        return pytest.param(kind, marks=pytest.mark.skip("longdouble is float64 here"))
    return kind


@pytest.mark.parametrize("kind", [_refused(k) for k in REFUSED])
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_unsupported_input_is_a_type_error_naming_the_function_and_what_it_accepts(entry, kind):
    bad, good = REFUSED[kind], np.ones(4)
    p = entry.defaults
    calls = [lambda: entry(bad, **p), lambda: entry.vjp(bad, good, **p)]
    if entry.kind == "elementwise":
        calls.append(lambda: entry.derivative(bad, **p))
    for call in calls:
        with pytest.raises(TypeError, match=named(entry) + r" x must be bool, int or "
                                                           r"float16/32/64 numbers"):
            call()
    with pytest.raises(TypeError, match=named(entry, ".vjp") + " upstream must be bool, int"):
        entry.vjp(good, bad, **p)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_upstream_of_another_shape_is_refused_not_broadcast(entry):
    x, p = np.ones(4), entry.defaults
    expected = np.shape(entry(x, **p))
    for up in (np.ones(expected + (1,)), np.ones(()), np.ones(1)):
        with pytest.raises(ValueError, match=named(entry, ".vjp") + re.escape(
                f" upstream must have the shape of f(x), {expected}; got {up.shape}")):
            entry.vjp(x, up, **p)


def test_a_masked_array_is_refused_rather_than_unmasked():
    x = np.ma.masked_array([0.0, 1e6], mask=[False, True])
    with pytest.raises(TypeError, match=r"^softmax: .*masked array.*x\.filled"):
        refimpl.softmax(x)


@pytest.mark.parametrize("axis", [True, False, np.True_, 1.0, np.float64(0), "0", None])
@pytest.mark.parametrize("entry", AXIS_ENTRIES, ids=lambda e: e.name)
def test_an_axis_that_is_not_an_integer_is_refused(entry, axis):
    with pytest.raises(ValueError, match=named(entry) + rf" invalid axis=.*expected an integer"):
        entry(np.ones((2, 4)), **{**entry.defaults, "axis": axis})


@pytest.mark.parametrize("entry", AXIS_ENTRIES, ids=lambda e: e.name)
def test_a_numpy_integer_axis_is_an_axis(entry):
    x = np.arange(24.0).reshape(2, 12)
    p = entry.defaults
    np.testing.assert_array_equal(entry(x, **{**p, "axis": np.int64(-2)}),
                                  entry(x, **{**p, "axis": 0}))


def test_an_out_of_range_axis_names_the_function_and_the_range():
    # the message was NumPy's "source: axis 5 is out of bounds"
    with pytest.raises(np.exceptions.AxisError, match=re.escape(
            "softmax: axis 5 is out of range for a 2-D input; expected -2..1")):
        refimpl.softmax(np.ones((2, 3)), axis=5)
    with pytest.raises(ValueError, match=re.escape(
            "maxout: axis -3 is out of range for a 1-D input; expected -1..0")):
        refimpl.maxout.jacobian(np.ones(4), pieces=2, axis=-3)


@pytest.mark.parametrize("entry", AXIS_ENTRIES, ids=lambda e: e.name)
def test_a_0d_input_has_no_axis_to_act_along(entry):
    for x in (2.0, np.float32(2.0), np.array(2.0)):
        with pytest.raises(ValueError, match=named(entry) + " x must have at least one axis"):
            entry(x, **entry.defaults)


# -- legitimate NumPy semantics stay -------------------------------------------------------------
def test_an_array_weight_still_broadcasts_and_its_jacobian_is_the_derivative():
    x = np.array([-2.0, -0.5, 1.0, 3.0])
    w = np.array([0.1, 0.2, 0.3]).reshape(3, 1)
    assert refimpl.prelu(x, weight=w).shape == (3, 4)
    assert refimpl.prelu.vjp(x, np.ones((3, 4)), weight=w).shape == (3, 4)
    jac = refimpl.prelu.jacobian(x, weight=w)
    h = 1e-3  # prelu is linear on each side of 0, and every x is at least 0.5 from it
    columns = [(refimpl.prelu(x + h * e, weight=w) - refimpl.prelu(x - h * e, weight=w)) / (2 * h)
               for e in np.eye(4)]
    np.testing.assert_allclose(jac, np.stack(columns, axis=-1), rtol=1e-12, atol=0)


@pytest.mark.parametrize("x", [np.float32(0.5), True, 3, np.uint8(200), [[0.0, 1.0]],
                               np.array([1, 2], dtype=np.int8)], ids=repr)
def test_accepted_scalars_and_arrays(x):
    y = refimpl.sigmoid(x)
    assert np.shape(y) == np.shape(x)
    assert y.dtype == (np.float32 if isinstance(x, np.float32) else np.float64)
