"""Hashes of the code a result depends on, for the figure and data caches.

A cached figure or result is valid while the source of every refimpl module it imports, directly
or through other refimpl modules, is unchanged. Imports are read from the modules' syntax trees,
so nothing is executed to find them.
"""

import ast
import hashlib
import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

PACKAGE = "refimpl"
ROOT = Path(__file__).resolve().parent


def _module_path(name: str) -> Path | None:
    rel = name.split(".")[1:]
    base = ROOT.joinpath(*rel)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=None)
def _direct_imports(name: str) -> frozenset[str]:
    path = _module_path(name)
    if path is None:
        return frozenset()
    is_pkg = path.name == "__init__.py"
    package = name if is_pkg else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package) \
                if node.level else node.module
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return frozenset(m for m in found if m.split(".")[0] == PACKAGE and _module_path(m))


def closure(*modules: str, stop: frozenset[str] = frozenset()) -> list[str]:
    """The refimpl modules that `modules` import, transitively, themselves included; a module in
    `stop` is neither included nor entered."""
    seen: set[str] = set()
    todo = [m for m in modules if _module_path(m) and m not in stop]
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo.extend(_direct_imports(m) - seen - stop)
    return sorted(seen)


def code_hash(*modules: str, extra: str = "", stop: frozenset[str] = frozenset()) -> str:
    """sha256 over the sources of the modules' import closure (not entering `stop`), the Python
    minor version, the arithmetic of this process (refimpl.arithmetic) and `extra`."""
    from refimpl.arithmetic import fingerprint

    h = hashlib.sha256(f"{sys.version_info[:2]}|{fingerprint()}|{extra}".encode())
    for m in closure(*modules, stop=stop):
        h.update(m.encode())
        h.update(_module_path(m).read_bytes())
    return h.hexdigest()[:16]
