"""refimpl: reference implementations of neural-network activation functions.

>>> import refimpl
>>> refimpl.get("logistic") is refimpl.sigmoid
True
>>> print(refimpl.relu.derivative([-1.0, 0.0, 2.0]))
[0. 0. 1.]

Every activation is a registry entry (:class:`refimpl.registry.Entry`): call it like the
function, and read its facts (``params``, ``latex``, ``properties``, ``kinks``, ``origin``,
``frameworks``) from it. ``names()`` lists the canonical names; ``get(name)`` also takes aliases.
"""

# importing a family module registers its entries
from . import (classic, exponential_linear, gated, hard, normalizers, periodic,  # noqa: F401
               rectifiers, self_gated, shrinkage, softplus_like)
from .registry import Entry, aliases, get, names
from .spellings import check_names

check_names(names())

__version__ = "0.1.0"
__all__ = ["Entry", "aliases", "get", "names", *names()]

globals().update({name: get(name) for name in names()})
