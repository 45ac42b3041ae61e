"""How TensorFlow spells each registry entry (``tf.nn``, ``tf.math``; ``tf.keras`` is Keras, see
``keras2.py``).

Read: the Python source of TensorFlow 2.21.0, the latest release on PyPI (wheel
``tensorflow-2.21.0-cp311-cp311-manylinux_2_27_x86_64.whl``, sha256 9056fbc9…f124):
``tensorflow/_api/v2/nn/__init__.py``, ``_api/v2/math/__init__.py``, ``_api/v2/v2.py`` and
``_api/v2/experimental/numpy/__init__.py`` (what each public namespace exports, and from where),
``tensorflow/python/ops/nn_ops.py`` (``crelu``, ``relu6``, ``leaky_relu``, ``gelu``,
``softmax_v2``, ``log_softmax_v2``), ``nn_impl.py`` (``swish``, exported as ``tf.nn.silu`` and
``tf.nn.swish``), ``math_ops.py`` (``softplus``, ``sigmoid``, ``log_sigmoid``),
``gen_nn_ops.py`` and ``gen_math_ops.py`` (the generated wrappers of the ``Elu``, ``Selu``,
``Relu``, ``Softsign``, ``LeakyRelu`` and ``Tanh`` ops, with their docstrings),
``array_ops.py`` (``identity``), ``numpy_ops/np_math_ops.py`` (``heaviside``) and
``python/util/tf_decorator.py`` (decorated functions keep their signature, so the ``defaults``
expressions can read it with ``inspect.signature``). The C++ kernels are not in the wheel;
none is relied on here. Each fact is listed, with its file and line, in
notes/spellings-frameworks.md.

Calls are evaluated with ``tf`` = ``tensorflow``. Not in TensorFlow proper: CELU, GLU and its
variants, the hard functions, the shrinkages, Mish, PReLU (only the Keras layer), RReLU,
sparsemax (TensorFlow Addons, not TensorFlow), maxout (``tf.contrib``, gone in TF 2).
``exponential`` is None as for PyTorch and JAX: ``tf.math.exp`` is a tensor function, not an
activation.
"""

from __future__ import annotations

from ..frameworks import FrameworkInfo
from ..registry import Framework
from . import signature_default

INFO = FrameworkInfo("TensorFlow", "tf", "2.21.0", "2026-12")


def _default(function: str, param: str) -> str:
    """An expression reading `param`'s default from the signature of `tf.<function>`."""
    return signature_default(f"tf.{function}", param)


_AXIS_NONE = "`axis` defaults to None, which the code turns into −1."

SPELLINGS: dict[str, Framework | None] = {
    "celu": None,
    "crelu": Framework(("tf.nn.crelu",), "tf.nn.crelu({x}, axis={axis})",
                       "Computed as relu(concat([x, −x], axis)).",
                       defaults={"axis": _default("nn.crelu", "axis")}),
    "elu": Framework(("tf.nn.elu",), "tf.nn.elu({x})", "No α parameter: it is ELU with α = 1."),
    "exponential": None,
    "geglu": None,
    "gelu": Framework(("tf.nn.gelu",), "tf.nn.gelu({x})",
                      "`approximate` is a bool, default False: the exact GELU, computed as "
                      "0.5·x·erfc(−x/√2); True gives the tanh form."),
    "glu": None,
    "hard_mish": None,
    "hard_sigmoid": None,
    "hard_swish": None,
    "hard_tanh": None,
    "hardshrink": None,
    "identity": Framework(("tf.identity",), "tf.identity({x})",
                          "A tensor op at the top level, not in `tf.nn`."),
    "leaky_relu": Framework(("tf.nn.leaky_relu",),
                            "tf.nn.leaky_relu({x}, alpha={negative_slope})",
                            "The slope is `alpha`, default 0.2, not {negative_slope}.",
                            defaults={"negative_slope": _default("nn.leaky_relu", "alpha")}),
    "lecun_tanh": None,
    "log_sigmoid": Framework(("tf.math.log_sigmoid",), "tf.math.log_sigmoid({x})",
                             "Only in `tf.math` (no `tf.nn.log_sigmoid`); computed as "
                             "−softplus(−x)."),
    "log_softmax": Framework(("tf.nn.log_softmax", "tf.math.log_softmax"),
                             "tf.nn.log_softmax({x}, axis={axis})", _AXIS_NONE),
    "maxout": None,
    "mish": None,
    "prelu": None,
    "reglu": None,
    "relu": Framework(("tf.nn.relu",), "tf.nn.relu({x})"),
    "relu6": Framework(("tf.nn.relu6",), "tf.nn.relu6({x})"),
    "rrelu": None,
    "selu": Framework(("tf.nn.selu",), "tf.nn.selu({x})"),
    "sigmoid": Framework(("tf.math.sigmoid", "tf.nn.sigmoid", "tf.sigmoid"),
                         "tf.math.sigmoid({x})"),
    "silu": Framework(("tf.nn.silu", "tf.nn.swish"), "tf.nn.silu({x})",
                      "`tf.nn.silu` and `tf.nn.swish` are one function, x·σ(βx) with `beta` "
                      "(default 1.0)."),
    "softmax": Framework(("tf.nn.softmax", "tf.math.softmax"),
                         "tf.nn.softmax({x}, axis={axis})", _AXIS_NONE),
    "softmin": None,
    "softplus": Framework(("tf.math.softplus", "tf.nn.softplus"), "tf.math.softplus({x})",
                          "No β parameter: it is β = 1."),
    "softshrink": None,
    "softsign": Framework(("tf.nn.softsign", "tf.math.softsign"), "tf.nn.softsign({x})"),
    "sparse_plus": None,
    "sparse_sigmoid": None,
    "sparsemax": None,
    "sqrt_softplus": None,
    "squareplus": None,
    "step": Framework(("tf.experimental.numpy.heaviside",),
                      "tf.experimental.numpy.heaviside({x}, {at_zero})",
                      "In the experimental NumPy API, not `tf.math`; the value at 0 (`x2`) is "
                      "required, and NaN input gives it (the code tests x < 0, then x > 0), "
                      "where refimpl gives NaN."),
    "swiglu": None,
    "swish": Framework(("tf.nn.swish", "tf.nn.silu"), "tf.nn.swish({x}, beta={beta})",
                       "`tf.nn.swish` and `tf.nn.silu` are one function.",
                       defaults={"beta": _default("nn.swish", "beta")}),
    "tanh": Framework(("tf.math.tanh", "tf.nn.tanh", "tf.tanh"), "tf.math.tanh({x})"),
    "tanhshrink": None,
    "threshold": None,
    # the entries of 2026 (issue 15): none is a TensorFlow function
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
