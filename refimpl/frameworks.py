"""The frameworks whose spellings the registry records, and the versions they were checked against.

An entry's ``frameworks`` maps these keys to how the framework spells it (or None where it has no
such function); the pages' framework tabs follow the order of :data:`ORDER`. PyTorch, JAX and
Keras 3 are written in each entry; every other framework is a module
``refimpl/spellings/<key>.py`` (see :mod:`refimpl.spellings`), listed here only while that module
exists. A call template may use the names :data:`NAMESPACES` gives for its framework, and nothing
else: they are what ``make crosscheck``'s worker (scripts/crosscheck/worker.py) binds.

>>> list(FRAMEWORKS)[:3]
['pytorch', 'jax', 'keras']
>>> all(key in ORDER for key in FRAMEWORKS)
True
"""

from __future__ import annotations

from typing import NamedTuple


class FrameworkInfo(NamedTuple):
    """A framework: its label on the pages, the top-level module its public names start with
    (``Framework.names``), the version whose source and docs the registry's facts about it were
    checked against, and when (YYYY-MM)."""

    label: str
    module: str
    checked: str
    date: str


# The page-tab order of every framework the project knows.
ORDER = ("pytorch", "jax", "keras", "keras2", "tensorflow", "mlx", "paddle", "onnx",
         "transformers", "timm")

# The names a call template (and a default-reading expression) may use, per framework.
NAMESPACES: dict[str, tuple[str, ...]] = {
    "pytorch": ("torch",),
    "jax": ("jax",),
    "keras": ("keras",),
    "keras2": ("keras",),               # tf.keras of TensorFlow 2.15 (Keras 2)
    "tensorflow": ("tf",),              # tf.nn, tf.math
    "mlx": ("mx", "nn"),                # mlx.core, mlx.nn
    "paddle": ("paddle",),
    "onnx": ("op",),                    # op("Elu", {x}, alpha=1.0, opset=6): a one-node model
    "transformers": ("ACT2FN",),        # transformers.activations.ACT2FN
    "timm": ("timm_layers",),           # timm.layers
}

BUILTIN: dict[str, FrameworkInfo] = {
    "pytorch": FrameworkInfo("PyTorch", "torch", "2.14.1", "2026-11"),
    "jax": FrameworkInfo("JAX", "jax", "0.10.2", "2026-11"),
    "keras": FrameworkInfo("Keras 3", "keras", "3.15.1", "2026-11"),
}


def _frameworks() -> dict[str, FrameworkInfo]:
    # `from .spellings import`, not `from . import`: refimpl.codehash would read the latter as
    # importing the package, and every cache key would cover every module
    from .spellings import modules  # its modules use FrameworkInfo: import after the class exists

    infos = {**BUILTIN, **{key: module.INFO for key, module in modules().items()}}
    return {key: infos[key] for key in ORDER if key in infos}


FRAMEWORKS: dict[str, FrameworkInfo] = _frameworks()
