"""The spellings of the frameworks beyond PyTorch, JAX and Keras 3: one module per framework.

``refimpl/spellings/<key>.py``, with ``key`` one of ``refimpl.frameworks.ORDER`` (``keras2``,
``tensorflow``, ``mlx``, ``paddle``, ``onnx``, ``transformers``, ``timm``), defines

- ``INFO = FrameworkInfo(label, module, checked_version, "YYYY-MM")``: the tab's label, the top-level
  module the public names start with, the version the spellings were checked against and when;
- ``SPELLINGS: dict[str, Framework | None]``: entry name -> ``Framework(names, call, differs,
  defaults)`` exactly as an entry writes its PyTorch spelling (``{x}`` is the input, ``{param}``
  refimpl's default, filled in from the signature), or None where the framework has no such
  function. The call uses only the names ``refimpl.frameworks.NAMESPACES[key]`` gives.

The registry merges them into each entry's ``frameworks`` when the entry is registered. An entry a
module does not name has no tab for that framework (nothing is claimed about it); a name that is
no entry is refused (``check_names``). A framework without a module is not listed on the pages.

>>> from refimpl.frameworks import ORDER
>>> set(modules()) <= set(ORDER)
True
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType


def signature_default(function: str, param: str) -> str:
    """A ``defaults`` expression: the default of `param` in the signature of `function`, a dotted
    name in the framework's namespace (``"tf.nn.leaky_relu"``), read when the worker evaluates it.

    >>> signature_default("tf.nn.leaky_relu", "alpha")
    "__import__('inspect').signature(tf.nn.leaky_relu).parameters['alpha'].default"
    """
    return f"__import__('inspect').signature({function}).parameters['{param}'].default"


@lru_cache(maxsize=None)
def modules() -> dict[str, ModuleType]:
    """key -> the module ``refimpl.spellings.<key>``, for every such module present."""
    from ..frameworks import BUILTIN, ORDER

    found = {}
    for info in pkgutil.iter_modules(__path__):
        key = info.name
        if key not in ORDER or key in BUILTIN:
            raise ValueError(f"refimpl/spellings/{key}.py: {key!r} is not a framework key of its "
                             f"own; expected one of {[k for k in ORDER if k not in BUILTIN]}")
        module = importlib.import_module(f"{__name__}.{key}")
        for attr in ("INFO", "SPELLINGS"):
            if not hasattr(module, attr):
                raise ValueError(f"refimpl/spellings/{key}.py defines no {attr}")
        found[key] = module
    return found


def spellings(name: str) -> dict:
    """framework key -> the spelling (Framework or None) of entry `name`, for every module that
    names it."""
    return {key: module.SPELLINGS[name] for key, module in modules().items()
            if name in module.SPELLINGS}


def check_names(registered: list[str]) -> None:
    """ValueError naming every module's SPELLINGS key that is no registered entry (a typo there
    would silently drop a spelling)."""
    for key, module in modules().items():
        unknown = sorted(set(module.SPELLINGS) - set(registered))
        if unknown:
            raise ValueError(f"refimpl/spellings/{key}.py: SPELLINGS names {unknown}, which are "
                             f"not registered entries (aliases are not accepted)")
