"""The spellings of the frameworks beyond PyTorch, JAX and Keras 3 (refimpl/spellings/<key>.py):
each module's form, their merge into the registry's entries, and the refusals."""

import ast
import types
from dataclasses import replace

import numpy as np
import pytest

import refimpl
from refimpl import registry, spellings
from refimpl.frameworks import BUILTIN, FRAMEWORKS, NAMESPACES, ORDER, FrameworkInfo
from refimpl.registry import Entry, Framework, Param

MODULES = spellings.modules()


def test_frameworks_are_the_builtin_ones_then_the_modules_in_page_tab_order():
    assert list(FRAMEWORKS) == [k for k in ORDER if k in BUILTIN or k in MODULES]
    assert set(NAMESPACES) == set(ORDER)
    assert MODULES, "the mechanism needs one module to be tested on"


@pytest.mark.parametrize("key", list(MODULES))
def test_a_module_has_its_info_and_a_spelling_or_none_per_entry_it_names(key):
    module = MODULES[key]
    assert isinstance(module.INFO, FrameworkInfo) and FRAMEWORKS[key] is module.INFO
    assert module.INFO.date[:4].isdigit() and module.INFO.date[4] == "-"
    assert set(module.SPELLINGS) <= set(refimpl.names())  # an entry added later may be absent
    for name, fw in module.SPELLINGS.items():
        assert fw is None or isinstance(fw, Framework), name


@pytest.mark.parametrize("key", list(MODULES))
def test_the_registry_merged_each_spelling_filled_in_as_the_entrys_own(key):
    for name, fw in MODULES[key].SPELLINGS.items():
        entry = refimpl.get(name)
        expected = None if fw is None else replace(
            fw, call=fw.call.format(x="{x}", **entry.defaults),
            differs=registry._PROSE.format(fw.differs, **entry.defaults))
        assert entry.frameworks[key] == expected, name
    for name in set(refimpl.names()) - set(MODULES[key].SPELLINGS):
        assert key not in refimpl.get(name).frameworks, name  # no tab: nothing is claimed


@pytest.mark.parametrize("key", list(MODULES))
def test_calls_use_only_the_names_the_worker_binds(key):
    for name, fw in MODULES[key].SPELLINGS.items():
        if fw is None:
            continue
        # {x} is the input; a {param} is refimpl's default, filled in by the registry
        call = fw.call.format(x="x", **refimpl.get(name).defaults)
        tree = ast.parse(call, mode="eval")
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        assert used <= {*NAMESPACES[key], "x"} and "x" in used, (name, fw.call)


# -- the mechanism on a stand-in module --------------------------------------------------------
def _demo(x, a=2.0):
    """demo(x) = a·x."""
    return a * x


def _entry(**changes):
    fields = dict(name="spelled_demo", fn=_demo, title="Demo", summary="Demo.", family="classic",
                  latex="ax", derivative_fn=lambda x, a=2.0: np.full_like(x, a), textbook=None,
                  params=(Param("a", "any", "the slope", lambda v: True),),
                  frameworks={"pytorch": None, "jax": None, "keras": None})
    return Entry(**{**fields, **changes})


@pytest.fixture
def stand_in(monkeypatch):
    """A module for the key 'mlx', spelling `spelled_demo` with a placeholder; the entry is
    removed from the registry afterwards."""
    module = types.SimpleNamespace(
        INFO=FrameworkInfo("MLX", "mlx", "0.0", "2026-11"),
        SPELLINGS={"spelled_demo": Framework(("mlx.nn.demo",), "nn.demo({x}, a={a})",
                                             "Its a is {a}, always.")})
    monkeypatch.setattr(spellings, "modules", lambda: {"mlx": module})
    monkeypatch.setitem(FRAMEWORKS, "mlx", module.INFO)
    yield module
    registry._ENTRIES.pop("spelled_demo", None)


def test_register_fills_in_a_modules_placeholders_from_the_signature(stand_in):
    entry = registry.register(_entry())
    assert entry.frameworks["mlx"] == Framework(("mlx.nn.demo",), "nn.demo({x}, a=2.0)",
                                                "Its a is 2.0, always.")
    assert entry.frameworks["pytorch"] is None


def test_a_spelling_written_in_the_entry_and_in_a_module_is_refused(stand_in):
    own = Framework(("mlx.nn.demo",), "nn.demo({x})")
    with pytest.raises(ValueError, match=r"spelled_demo: its 'mlx' spelling is written both"):
        registry.register(_entry(frameworks={"pytorch": None, "mlx": own}))


def test_a_module_naming_no_entry_is_refused(stand_in):
    with pytest.raises(ValueError, match=r"spellings/mlx\.py: SPELLINGS names \['spelled_demo'\]"):
        spellings.check_names(refimpl.names())
