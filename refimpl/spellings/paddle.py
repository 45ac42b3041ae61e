"""How PaddlePaddle spells each registry entry (``paddle.nn.functional`` functions and their
``paddle.nn`` layers).

Read: the Python source of PaddlePaddle 3.3.1, the latest release on PyPI (wheel
``paddlepaddle-3.3.1-cp311-cp311-manylinux1_x86_64.whl``, sha256 bb223962…4047):
``paddle/nn/functional/__init__.py`` (what ``paddle.nn.functional`` exports),
``paddle/nn/functional/activation.py`` (every activation function; ``gelu`` and ``softplus`` are
C++ functions imported from ``paddle._C_ops``, whose signatures and docs are in
``paddle/_paddle_docs.py`` and ``paddle/_typing/libs/libpaddle/eager/ops/__init__.pyi``),
``paddle/nn/layer/activation.py`` (the layers, and the attributes the ``defaults`` expressions
read), ``paddle/nn/layer/common.py`` (``Identity``), ``paddle/nn/layer/layers.py`` (a new layer
is in training mode), ``paddle/tensor/math.py`` (``heaviside``), ``paddle/__init__.py`` and
``paddle/incubate/nn/functional/swiglu.py``. The C++ kernels are not in the wheel; the one C++
fact used (maxout's input checks, ``MaxOutInferMeta`` in ``paddle/phi/infermeta/unary.cc``) is
read in PaddlePaddle/Paddle at commit 004a41e23a1e (the code index; newer copies of the file
there have the same checks). Each fact is listed, with its file and line, in
notes/spellings-frameworks.md.

Calls are evaluated with ``paddle`` = ``paddle``. Paddle has no CReLU, GEGLU, ReGLU, LeCun tanh,
softmin, sparse functions, sparsemax or squareplus. ``exponential`` is None as for PyTorch and
JAX: ``paddle.exp`` is a tensor function, not an activation.
"""

from __future__ import annotations

from ..frameworks import FrameworkInfo
from ..registry import Framework
from . import signature_default

INFO = FrameworkInfo("PaddlePaddle", "paddle", "3.3.1", "2026-12")

_F = "paddle.nn.functional"


def _names(function: str, layer: str) -> tuple[str, str]:
    return f"{_F}.{function}", f"paddle.nn.{layer}"


_LAMBD = ("λ is `threshold` (default 0.5; `lambd` is accepted as an alias)")

SPELLINGS: dict[str, Framework | None] = {
    "celu": Framework(_names("celu", "CELU"), f"{_F}.celu({{x}})",
                      "The Python function checks only `alpha ≠ 0` (ZeroDivisionError), where "
                      "refimpl requires α > 0.",
                      defaults={"alpha": "paddle.nn.CELU()._alpha"}),
    "crelu": None,
    "elu": Framework(_names("elu", "ELU"), f"{_F}.elu({{x}})",
                     "The Python function does not check `alpha` (only the in-place `elu_` "
                     "asserts alpha ≥ 0).",
                     defaults={"alpha": "paddle.nn.ELU()._alpha"}),
    "exponential": None,
    "geglu": None,
    "gelu": Framework(_names("gelu", "GELU"), f"{_F}.gelu({{x}})",
                      "`approximate` defaults to False (exact); it takes a bool or "
                      "\"tanh\"/\"none\"."),
    "glu": Framework(_names("glu", "GLU"), f"{_F}.glu({{x}})", "",
                     defaults={"axis": "paddle.nn.GLU()._axis"}),
    "hard_mish": None,
    "hard_sigmoid": Framework(_names("hardsigmoid", "Hardsigmoid"),
                              f"{_F}.hardsigmoid({{x}}, slope=1 / 6)",
                              "Computes clip(slope·x + offset, 0, 1) with default slope "
                              "0.1666667, 1/6 rounded to 7 digits (the layer `nn.Hardsigmoid` "
                              "takes no arguments and uses it), which is off by up to 1.0e-7 "
                              "near |x| = 3; the call passes slope=1/6."),
    "hard_swish": Framework(_names("hardswish", "Hardswish"), f"{_F}.hardswish({{x}})"),
    "hard_tanh": Framework(_names("hardtanh", "Hardtanh"), f"{_F}.hardtanh({{x}})",
                           "The bounds are `min` and `max` (defaults −1.0 and 1.0).",
                           defaults={"min_val": "paddle.nn.Hardtanh()._min",
                                     "max_val": "paddle.nn.Hardtanh()._max"}),
    "hardshrink": Framework(_names("hardshrink", "Hardshrink"), f"{_F}.hardshrink({{x}})",
                            f"{_LAMBD}; the Python function does not check it.",
                            defaults={"lambd": "paddle.nn.Hardshrink()._threshold"}),
    "identity": Framework(("paddle.nn.Identity",), "paddle.nn.Identity()({x})",
                          "A layer only, with no functional form; its constructor accepts and "
                          "ignores any arguments."),
    "leaky_relu": Framework(_names("leaky_relu", "LeakyReLU"), f"{_F}.leaky_relu({{x}})", "",
                            defaults={"negative_slope": "paddle.nn.LeakyReLU()._negative_slope"}),
    "lecun_tanh": None,
    "log_sigmoid": Framework(_names("log_sigmoid", "LogSigmoid"), f"{_F}.log_sigmoid({{x}})"),
    "log_softmax": Framework(_names("log_softmax", "LogSoftmax"),
                             f"{_F}.log_softmax({{x}}, axis={{axis}})", "",
                             defaults={"axis": "paddle.nn.LogSoftmax()._axis"}),
    "maxout": Framework(_names("maxout", "Maxout"),
                        f"{_F}.maxout({{x}}.unsqueeze([1, 2]), {{pieces}}, axis=-1)"
                        ".squeeze([1, 2])",
                        "4-D input only, grouped along axis 1 (the default, NCHW) or −1/3 "
                        "(NHWC), and k (`groups`) must be > 1; the call views each row as a "
                        "1×1 NHWC image.",
                        defaults={"axis": signature_default("paddle.nn.functional.maxout", "axis")}),
    "mish": Framework(_names("mish", "Mish"), f"{_F}.mish({{x}})"),
    "prelu": Framework(_names("prelu", "PReLU"),
                       f"{_F}.prelu({{x}}, paddle.to_tensor([{{weight}}], dtype={{x}}.dtype))",
                       "`weight` is a tensor of shape [], [1] or [C], C the channel size (dim 1 "
                       "for the default `data_format=\"NCHW\"`); `nn.PReLU(num_parameters=1, "
                       "init=0.25)` holds it.",
                       defaults={"weight": "paddle.nn.PReLU()._init"}),
    "reglu": None,
    "relu": Framework(_names("relu", "ReLU"), f"{_F}.relu({{x}})"),
    "relu6": Framework(_names("relu6", "ReLU6"), f"{_F}.relu6({{x}})"),
    "rrelu": Framework(_names("rrelu", "RReLU"), f"{_F}.rrelu({{x}}, training=False)",
                       "`F.rrelu` defaults to `training=True`, drawing fresh random slopes on "
                       "every call (PyTorch's `F.rrelu` defaults to False), and a new "
                       "`nn.RReLU()` is in training mode until `.eval()`; `lower` and `upper` "
                       "must be Python floats (TypeError otherwise).",
                       defaults={"lower": "paddle.nn.RReLU()._lower",
                                 "upper": "paddle.nn.RReLU()._upper"}),
    "selu": Framework(_names("selu", "SELU"), f"{_F}.selu({{x}})",
                      "Takes `scale` and `alpha` (defaults λ and α to 32 digits; ValueError "
                      "unless scale > 1 and alpha ≥ 0)."),
    "sigmoid": Framework(_names("sigmoid", "Sigmoid"), f"{_F}.sigmoid({{x}})"),
    "silu": Framework(_names("silu", "Silu"), f"{_F}.silu({{x}})"),
    "softmax": Framework(_names("softmax", "Softmax"), f"{_F}.softmax({{x}}, axis={{axis}})", "",
                         defaults={"axis": "paddle.nn.Softmax()._axis"}),
    "softmin": None,
    "softplus": Framework(_names("softplus", "Softplus"), f"{_F}.softplus({{x}})",
                          "Takes `beta=1` and `threshold=20` and returns x itself where "
                          "β·x > threshold, as PyTorch does.",
                          defaults={"beta": "paddle.nn.Softplus()._beta"}),
    "softshrink": Framework(_names("softshrink", "Softshrink"), f"{_F}.softshrink({{x}})",
                            f"{_LAMBD}; a negative value raises ValueError.",
                            defaults={"lambd": "paddle.nn.Softshrink()._threshold"}),
    "softsign": Framework(_names("softsign", "Softsign"), f"{_F}.softsign({{x}})"),
    "sparse_plus": None,
    "sparse_sigmoid": None,
    "sparsemax": None,
    "sqrt_softplus": None,
    "squareplus": None,
    "step": Framework(("paddle.heaviside",),
                      "paddle.heaviside({x}, paddle.full_like({x}, {at_zero}))",
                      "A tensor function, not an activation: the value at 0 (`y`, a tensor) "
                      "is required."),
    "swiglu": Framework((f"{_F}.swiglu",),
                        f"{_F}.swiglu(*paddle.chunk({{x}}, 2, axis=-1)[::-1])",
                        "Gates the first half: `swiglu(x)` is silu(x₁)·x₂ for the halves x₁, x₂ "
                        "of the last axis (`swiglu(x, y)` is silu(x)·y), where refimpl's "
                        "a·silu(b) gates the second, so the call swaps the halves; the last "
                        "axis only. `paddle.incubate.nn.functional.swiglu` is deprecated since "
                        "3.3.0."),
    "swish": Framework(_names("swish", "Swish"), f"{_F}.swish({{x}})",
                       "No β: `swish` is x·σ(x), the same function as `silu`."),
    "tanh": Framework((f"{_F}.tanh", "paddle.tanh", "paddle.nn.Tanh"), "paddle.tanh({x})"),
    "tanhshrink": Framework(_names("tanhshrink", "Tanhshrink"), f"{_F}.tanhshrink({{x}})"),
    "threshold": Framework(_names("thresholded_relu", "ThresholdedReLU"),
                           f"{_F}.thresholded_relu({{x}}, {{threshold}}, {{value}})",
                           "Named `thresholded_relu`; `threshold` and `value` default to 1.0 "
                           "and 0.0, where refimpl requires both.",
                           defaults={"threshold": "paddle.nn.ThresholdedReLU()._threshold",
                                     "value": "paddle.nn.ThresholdedReLU()._value"}),
    # the entries of 2026 (issue 15): none is a Paddle function
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
