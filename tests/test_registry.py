"""The registry contract: names, aliases, calls, input handling, errors, kinks."""

import pkgutil

import numpy as np
import pytest

import refimpl
from refimpl.registry import FAMILIES, KINDS, REQUIRED

ENTRIES = [refimpl.get(n) for n in refimpl.names()]
ELEMENTWISE = [e for e in ENTRIES if e.kind == "elementwise"]


def test_names_are_sorted_canonical_and_exclude_aliases():
    names = refimpl.names()
    assert names == sorted(names)
    assert not set(names) & set(refimpl.aliases())
    assert {"step", "sigmoid", "tanh", "relu"} <= set(names)


@pytest.mark.parametrize("alias, name", [("logistic", "sigmoid"), ("heaviside", "step")])
def test_aliases_resolve(alias, name):
    assert refimpl.get(alias) is refimpl.get(name)


def test_every_alias_resolves_to_its_entry():
    for alias, name in refimpl.aliases().items():
        assert refimpl.get(alias).name == name
        assert alias in refimpl.get(name).aliases


def test_unknown_name_lists_close_names():
    with pytest.raises(KeyError, match="sigmoid"):
        refimpl.get("sigmiod")
    with pytest.raises(KeyError, match="refimpl.names"):
        refimpl.get("no_such_thing_at_all")


def test_module_shortcuts_are_the_entries():
    for entry in ENTRIES:
        assert getattr(refimpl, entry.name) is entry
    assert refimpl.relu.derivative(2.0) == 1.0


def test_no_module_shadows_a_function():
    modules = {m.name for m in pkgutil.iter_modules(refimpl.__path__)}
    clash = modules & (set(refimpl.names()) | set(refimpl.aliases()))
    assert not clash, f"modules named like activations: {clash}"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_entry_schema(entry):
    assert entry.kind in KINDS
    assert entry.family in FAMILIES
    assert entry.latex and entry.title and entry.summary
    assert entry.fn.__doc__, f"{entry.name}: function without a docstring"
    for p in entry.params:
        assert p.name and p.domain and p.doc
        if p.default is not REQUIRED:
            p.check(p.default, entry.name)  # defaults lie in their own domain
    if entry.kind == "elementwise":
        assert entry.derivative_fn is not None and entry.derivative_latex and entry.declared
    # PyTorch, JAX and Keras 3 in every entry; refimpl/spellings/ may add other frameworks
    assert {"pytorch", "jax", "keras"} <= set(entry.frameworks)


# -- input handling ------------------------------------------------------------------------------
@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda e: e.name)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_float_dtypes_are_kept(entry, dtype):
    x = np.array([-2.0, 0.0, 3.0], dtype=dtype)
    p = entry.defaults
    assert entry(x, **p).dtype == dtype
    assert entry.derivative(x, **p).dtype == dtype
    assert entry.vjp(x, np.ones_like(x), **p).dtype == dtype


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda e: e.name)
def test_ints_bools_lists_and_scalars(entry):
    p = entry.defaults
    assert entry(np.array([1, 2], dtype=np.int32), **p).dtype == np.float64
    assert entry(np.array([True, False]), **p).dtype == np.float64
    assert entry([1, -1], **p).dtype == np.float64
    assert type(entry(1.5, **p)) is np.float64
    assert type(entry(2, **p)) is np.float64
    assert type(entry.derivative(0.5, **p)) is np.float64
    assert type(entry(np.float32(1.0), **p)) is np.float32


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda e: e.name)
def test_input_is_never_modified(entry):
    x = np.linspace(-5, 5, 11)
    before = x.copy()
    p = entry.defaults
    entry(x, **p), entry.derivative(x, **p), entry.vjp(x, x, **p), entry.jacobian(x, **p)
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("bad", ["1.0", None, [1, "a"], {"x": 1}, np.array([1 + 2j]),
                                 np.array(["a"])])
def test_non_numeric_input_is_a_type_error_naming_the_function(bad):
    with pytest.raises(TypeError, match="sigmoid"):
        refimpl.sigmoid(bad)


def test_unknown_keyword_is_a_type_error():
    with pytest.raises(TypeError, match="unexpected keyword"):
        refimpl.relu(1.0, alpha=0.1)
    with pytest.raises(TypeError, match="unexpected keyword"):
        refimpl.step.derivative(1.0, at_zreo=0.5)


@pytest.mark.parametrize("value", [2.0, -0.5, float("nan"), "half", True])
def test_parameter_outside_domain_is_a_value_error_naming_it(value):
    with pytest.raises(ValueError, match=r"at_zero=.*expected a real number in \[0, 1\]"):
        refimpl.step(0.0, at_zero=value)


def test_step_at_zero_follows_numpy_heaviside():
    x = np.array([-1.0, -0.0, 0.0, 2.0])
    for a in (0.0, 0.5, 1.0):
        np.testing.assert_array_equal(refimpl.step(x, at_zero=a), np.heaviside(x, a))


# -- vjp and jacobian ----------------------------------------------------------------------------
@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda e: e.name)
def test_vjp_and_jacobian_agree_with_central_differences_of_f(entry):
    # away from kinks, where the derivative exists; f'(x) itself is judged by the oracles
    # (test_numerics.py), the vjp and the Jacobian here against f alone
    x = np.array([-3.1, -0.7, 0.3, 1.9, 4.2])
    up = np.array([0.3, -1.0, 2.0, 0.5, -0.25])
    h = 1e-6
    p = entry.defaults
    columns = []
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = h
        columns.append((entry(x + e, **p) - entry(x - e, **p)) / (2 * h))
    fd = np.stack(columns, axis=1)  # fd[i, j] ~ df_i/dx_j
    np.testing.assert_allclose(entry.jacobian(x, **p), fd, rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(entry.vjp(x, up, **p), up @ fd, rtol=1e-7, atol=1e-9)


def test_jacobian_needs_1d_input():
    with pytest.raises(ValueError, match="1-D"):
        refimpl.sigmoid.jacobian(np.zeros((2, 2)))


# -- kinks ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda e: e.name)
def test_kinks_state_what_derivative_returns(entry):
    for kink in entry.kinks:
        assert entry.derivative(kink.at, **entry.defaults) == kink.derivative
        assert kink.why
    smooth = entry.declared.smoothness in ("C1", "C2", "Cinf")
    assert smooth == (not entry.kinks), f"{entry.name}: smoothness and kinks disagree"


def test_relu_kink_follows_pytorch():
    # PyTorch: relu's backward is threshold_backward(grad, result, 0): zero where result <= 0
    assert refimpl.relu.derivative(0.0) == 0.0
    assert refimpl.relu.derivative(-0.0) == 0.0


# -- facts written once ----------------------------------------------------------------------------
def _demo(x, a=-0.5, b=None):
    return x


def _demo_entry(**overrides):
    from refimpl.registry import Entry, Framework, Kink, Param

    fields = dict(
        name="demo", fn=_demo, title="Demo", family="classic", latex="x",
        summary="Slope {a} by default.", shape=("is {a:g}x for negative x", ""),
        params=(Param("a", "a real number", "the slope", lambda v: True),
                Param("b", "None", "unused", lambda v: True)),
        kinks=lambda a, b: (Kink(a, 0.0, "At x = {a}."),),
        frameworks={"pytorch": Framework(("torch.demo",), "torch.demo({x}, a={a})",
                                         "Its default is 1, not {a}.")},
        textbook=lambda x, a, b: x)
    return Entry(**{**fields, **overrides})


def test_a_default_is_read_from_the_signature_and_fills_the_prose():
    entry = _demo_entry()
    assert [p.default for p in entry.params] == [-0.5, None]
    assert entry.summary == "Slope −0.5 by default."  # prose writes a minus sign
    assert entry.shape[0] == "is −0.5x for negative x"
    assert entry.kinks[0].at == -0.5 and entry.kinks[0].why == "At x = −0.5."
    fw = entry.frameworks["pytorch"]
    assert fw.call == "torch.demo({x}, a=-0.5)"  # code keeps the hyphen-minus
    assert fw.differs == "Its default is 1, not −0.5."


def test_a_signature_without_default_makes_the_parameter_required():
    from refimpl.registry import Entry, Param

    entry = Entry(name="demo2", fn=lambda x, k: x, title="D", summary="", family="classic",
                  latex="x", params=(Param("k", "an integer", "k", lambda v: True),),
                  textbook=None, example_params={"k": 2})
    assert entry.params[0].default is REQUIRED and entry.defaults == {"k": 2}


def test_a_default_written_in_a_param_is_refused():
    from refimpl.registry import Param

    params = (Param("a", "a real number", "the slope", lambda v: True, default=0.5),
              Param("b", "None", "unused", lambda v: True))
    with pytest.raises(ValueError, match="demo: the default of 'a' belongs in the signature"):
        _demo_entry(params=params)


def test_params_must_match_the_signature():
    from refimpl.registry import Param

    with pytest.raises(ValueError, match=r"demo: params \['a'\] do not match the signature"):
        _demo_entry(params=(Param("a", "a real number", "the slope", lambda v: True),),
                    kinks=())


def test_an_unknown_framework_is_refused():
    with pytest.raises(ValueError, match=r"demo: unknown framework\(s\) \['torch'\]"):
        _demo_entry(frameworks={"torch": None})


def test_an_elementwise_entry_must_state_its_textbook_formula():
    from refimpl.registry import Entry

    with pytest.raises(ValueError, match="relu2: give textbook="):
        Entry(name="relu2", fn=lambda x: x, title="R", summary="", family="rectifiers",
              latex="x")


def _parameters_with_defaults(fn):
    import inspect

    return [p.name for p in inspect.signature(fn).parameters.values()
            if p.default is not inspect.Parameter.empty]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_only_the_function_itself_writes_defaults(entry):
    from refimpl.oracles import ORACLES, VECTOR_ORACLES

    others = [entry.derivative_fn, entry.vjp_fn, entry.textbook,
              *ORACLES.get(entry.name, ()), VECTOR_ORACLES.get(entry.name)]
    for fn in filter(None, others):
        assert _parameters_with_defaults(fn) == [], f"{entry.name}: {fn.__qualname__}"


def test_entries_without_a_textbook_formula():
    # None is a choice, and this list shows it: every elementwise entry has one today
    assert [e.name for e in ELEMENTWISE if e.textbook is None] == []


@pytest.mark.parametrize("entry", [e for e in ELEMENTWISE if e.textbook is not None],
                         ids=lambda e: e.name)
def test_textbook_formula_is_the_same_function(entry):
    # where nothing overflows or cancels badly, the textbook form and refimpl agree
    x = np.linspace(-4, 4, 161)
    np.testing.assert_allclose(entry.textbook(x, **entry.defaults), entry(x, **entry.defaults),
                               rtol=1e-9, atol=1e-12)


def test_accuracy_cache_key_covers_the_textbook_formulas():
    import inspect

    from refimpl.codehash import closure

    holders = {inspect.getmodule(e.textbook).__name__ for e in ELEMENTWISE if e.textbook}
    assert holders <= set(closure("refimpl.accuracy"))


def test_rrelu_shape_states_its_evaluation_slope():
    slope = refimpl.rrelu.kinks[0].derivative
    assert f"{slope:.3f}" in refimpl.rrelu.shape[0] and f"{slope:.3f}" in refimpl.rrelu.shape[1]
