"""How Keras 2 (``tf.keras`` as shipped with TensorFlow 2.15) spells each registry entry: kept as
the record of where it differed from Keras 3.

TensorFlow 2.15 is the last release whose ``tf.keras`` is Keras 2; its ``tf.keras`` is the
``keras`` 2.15.0 package. Read: the source of keras 2.15.0 (wheel
``keras-2.15.0-py3-none-any.whl``, sha256 2dcc6d2e…dd1f): ``keras/api/_v2/keras/activations/
__init__.py`` and ``keras/api/_v2/keras/layers/__init__.py`` (what ``tf.keras.activations`` and
``tf.keras.layers`` export), ``keras/src/activations.py`` (every activation function),
``keras/src/backend.py`` (``relu``, ``elu``, ``softmax``, ``sigmoid``, ``hard_sigmoid``, which
those call), ``keras/src/layers/activation/{leaky_relu,prelu,thresholded_relu,elu,relu,
softmax}.py`` (the layers) and ``keras/src/engine/base_layer.py`` (``_maybe_cast_inputs``:
a layer casts floating input to its compute dtype, float32 by default). The functions call
``tf.nn``/``tf.math`` (see ``tensorflow.py``). Each fact is listed, with its file and line, in
notes/spellings-frameworks.md, with the Keras 3.15.1 spelling beside it.

Calls are evaluated with ``keras`` = ``tf.keras`` of TensorFlow 2.15. Keras 2 has no CELU, GLU,
hard swish/tanh, shrinkages, log-sigmoid, log-softmax, sparse functions, squareplus, heaviside,
or ``silu``/``leaky_relu``/``relu6`` functions (Keras 3 has all of these).
"""

from __future__ import annotations

from ..frameworks import FrameworkInfo
from ..registry import Framework
from . import signature_default

INFO = FrameworkInfo("Keras 2 (tf.keras)", "keras", "2.15.0", "2026-12")


def _default(function: str, param: str) -> str:
    """An expression reading `param`'s default from the signature of `keras.<function>`."""
    return signature_default(f"keras.{function}", param)


_FLOAT32 = "the layer casts float64 input to its dtype, float32 by default"

SPELLINGS: dict[str, Framework | None] = {
    "celu": None,
    "crelu": None,
    "elu": Framework(("keras.activations.elu", "keras.layers.ELU"),
                     "keras.activations.elu({x})", "",
                     defaults={"alpha": _default("activations.elu", "alpha")}),
    "exponential": Framework(("keras.activations.exponential",),
                             "keras.activations.exponential({x})"),
    "geglu": None,
    "gelu": Framework(("keras.activations.gelu",), "keras.activations.gelu({x})",
                      "`approximate` is a bool, default False (exact); it calls `tf.nn.gelu`."),
    "glu": None,
    "hard_mish": None,
    "hard_sigmoid": Framework(("keras.activations.hard_sigmoid",),
                              "keras.activations.hard_sigmoid({x} * (5 / 6))",
                              "A different function: clip(0.2x + 0.5, 0, 1), flat beyond "
                              "|x| = 2.5, which is refimpl's hard_sigmoid(1.2x); the call scales "
                              "x by 5/6. Keras 3 computes x/6 + 1/2 clipped, as here, but its "
                              "docs kept the Keras 2 formula (tensorflow issue #65381)."),
    "hard_swish": None,
    "hard_tanh": None,
    "hardshrink": None,
    "identity": Framework(("keras.activations.linear",), "keras.activations.linear({x})",
                          "Named `linear`, as in Keras 3."),
    "leaky_relu": Framework(("keras.layers.LeakyReLU", "keras.activations.relu"),
                            "keras.activations.relu({x}, alpha={negative_slope})",
                            "No `leaky_relu` function: the layer `LeakyReLU` (slope `alpha`, "
                            "default 0.3, not {negative_slope}) or `relu(x, alpha=a)` (default "
                            "0.0), which calls `tf.nn.leaky_relu`. Keras 3 names the layer's "
                            "argument `negative_slope` and adds `keras.activations.leaky_relu` "
                            "(default 0.2).",
                            defaults={"negative_slope": "keras.layers.LeakyReLU().alpha"}),
    "lecun_tanh": None,
    "log_sigmoid": None,
    "log_softmax": None,
    "maxout": None,
    "mish": Framework(("keras.activations.mish",), "keras.activations.mish({x})",
                      "Computed as x·tanh(softplus(x))."),
    "prelu": Framework(("keras.layers.PReLU",),
                       "keras.layers.PReLU(alpha_initializer=keras.initializers.Constant("
                       "{weight}))({x})",
                       "A layer only. `alpha` starts at 0 (`alpha_initializer='zeros'`), so the "
                       "layer starts as ReLU, with one value per element of `input_shape[1:]` "
                       f"unless `shared_axes` shares it; {_FLOAT32}."),
    "reglu": None,
    "relu": Framework(("keras.activations.relu", "keras.layers.ReLU"),
                      "keras.activations.relu({x})",
                      "Generalised: `alpha`, `max_value` and `threshold` (defaults 0.0, None, "
                      "0.0) give the plain ReLU; Keras 3 renamed `alpha` to `negative_slope`."),
    "relu6": Framework(("keras.activations.relu", "keras.layers.ReLU"),
                       "keras.activations.relu({x}, max_value=6.0)",
                       "No `relu6` function (Keras 3 has one): `relu(x, max_value=6.0)` or the "
                       "layer `ReLU(max_value=6.0)`, which call `tf.nn.relu6`."),
    "rrelu": None,
    "selu": Framework(("keras.activations.selu",), "keras.activations.selu({x})",
                      "Calls `tf.nn.selu`; the docstring rounds the constants to "
                      "alpha=1.67326324 and scale=1.05070098."),
    "sigmoid": Framework(("keras.activations.sigmoid",), "keras.activations.sigmoid({x})"),
    "silu": Framework(("keras.activations.swish",), "keras.activations.swish({x})",
                      "Named `swish` only (Keras 3 has `silu` too); it calls `tf.nn.silu`."),
    "softmax": Framework(("keras.activations.softmax", "keras.layers.Softmax"),
                         "keras.activations.softmax({x}, axis={axis})",
                         "Raises ValueError for 1-D input (\"Cannot apply softmax to a tensor "
                         "that is 1D\").",
                         defaults={"axis": _default("activations.softmax", "axis")}),
    "softmin": None,
    "softplus": Framework(("keras.activations.softplus",), "keras.activations.softplus({x})",
                          "No β parameter: it is β = 1."),
    "softshrink": None,
    "softsign": Framework(("keras.activations.softsign",), "keras.activations.softsign({x})"),
    "sparse_plus": None,
    "sparse_sigmoid": None,
    "sparsemax": None,
    "sqrt_softplus": None,
    "squareplus": None,
    "step": None,
    "swiglu": None,
    "swish": Framework(("keras.activations.swish",), "keras.activations.swish({x})",
                       "No β: `swish` is x·σ(x), `tf.nn.silu` at its default β = 1."),
    "tanh": Framework(("keras.activations.tanh",), "keras.activations.tanh({x})"),
    "tanhshrink": None,
    "threshold": Framework(("keras.layers.ThresholdedReLU", "keras.activations.relu"),
                           "keras.layers.ThresholdedReLU(theta={threshold})({x})",
                           "The value at and below θ is fixed at 0 (refimpl's `value`); θ is "
                           "`theta`, default 1.0 and ≥ 0 (ValueError otherwise). Computed as "
                           "x·[x > θ], so x = −∞ gives NaN; `relu(x, threshold=θ)` computes "
                           f"the same for θ ≠ 0; {_FLOAT32}.",
                           defaults={"threshold": "keras.layers.ThresholdedReLU().theta"}),
    # the entries of 2026 (issue 15): none is in Keras 2
    "squared_relu": None,
    "quick_gelu": None,
    "clamped_swiglu": None,
    "star_relu": None,
    "snake": None,
    "snake_beta": None,
    "xielu": None,
    "laplace": None,
    "gelu_10": None,
}
