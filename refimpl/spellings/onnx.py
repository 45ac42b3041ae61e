"""How the ONNX operator set spells each registry entry: the operator, the opset whose
definition the call uses, and its attributes.

Read: the operator definitions of ONNX 1.23.2, the latest release on PyPI (source distribution
``onnx-1.23.2.tar.gz``, sha256 008cb046…c5b8), whose last released opset is 28
(``onnx/defs/schema.h``): ``onnx/defs/math/defs.cc`` (the current version of each operator),
``onnx/defs/math/old.cc`` (every earlier version), ``onnx/defs/nn/defs.cc`` (``Shrink``),
``onnx/defs/tensor/defs.cc`` and ``tensor/old.cc`` (``Identity``), ``onnx/defs/doc_strings.cc``
(the formulas), ``onnx/defs/schema.cc`` (``all_float_types_ir4``). The version history and the
attribute defaults were also listed with ``onnx.defs.get_schema`` of the onnx 1.23.2 wheel (a
reading of the same definitions, not a run of any operator). Each fact is listed, with its file
and line, in notes/spellings-frameworks.md.

``names`` give the operator and, in brackets, the opset whose definition the call uses: the
earliest one with today's attributes, defaults and meaning that admits float64 input; where
the operator is older, or changed since, ``differs`` says so. Calls are evaluated with ``op``,
which runs one operator on its inputs: ``op(op_type, *inputs, opset=N, **attributes)``; inputs
are NumPy arrays, so a call may slice or build them with NumPy methods. A ``defaults``
expression reads the attribute's default from the operator's schema.

Not in the standard operator set: CReLU, GLU, GEGLU, ReGLU, hard tanh and relu6 (exporters use
``Clip``, a general clamp), LeCun tanh, log-sigmoid, maxout, RReLU, softmin, the sparse
functions, sparsemax, squareplus, step, tanhshrink. ``exponential`` is None as for PyTorch and
JAX: ``Exp`` is a math operator, not an activation.
"""

from __future__ import annotations

from ..frameworks import FrameworkInfo
from ..registry import Framework

INFO = FrameworkInfo("ONNX", "op", "1.23.2", "2026-12")


def _default(op_type: str, opset: int, attribute: str) -> str:
    """An expression reading `attribute`'s default from the schema of `op_type` at `opset`."""
    field = "i" if attribute == "axis" else "f"
    return (f"__import__('onnx').defs.get_schema('{op_type}', {opset})"
            f".attributes['{attribute}'].default_value.{field}")


_SINCE_1 = "Added in opset 1; opset 6 dropped the legacy `consumed_inputs` attribute."
_AXIS_13 = ("Opset 13 made `axis` default to −1 and act on that axis alone; in opsets 1 and 11 "
            "it defaulted to 1 and the input was flattened to 2-D there, so the normalisation ran "
            "over all the trailing dimensions together.")

SPELLINGS: dict[str, Framework | None] = {
    "celu": Framework(("Celu (opset 28)",), 'op("Celu", {x}, opset=28)',
                      "Added in opset 12 for float32 only; opset 28 admits float16, bfloat16 and "
                      "float64, with the same formula and default α = 1.0.",
                      defaults={"alpha": _default("Celu", 28, "alpha")}),
    "crelu": None,
    "elu": Framework(("Elu (opset 6)",), 'op("Elu", {x}, opset=6)', _SINCE_1,
                     defaults={"alpha": _default("Elu", 6, "alpha")}),
    "exponential": None,
    "geglu": None,
    "gelu": Framework(("Gelu (opset 20)",), 'op("Gelu", {x}, opset=20)',
                      "Added in opset 20; `approximate` is a string, \"none\" (default) or "
                      "\"tanh\", as here."),
    "glu": None,
    "hard_mish": None,
    "hard_sigmoid": Framework(("HardSigmoid (opset 6)",),
                              'op("HardSigmoid", {x}, alpha=1 / 6, beta=0.5, opset=6)',
                              "max(0, min(1, αx + β)) with defaults α = 0.2, β = 0.5, Keras 2's "
                              "hard sigmoid, which is refimpl's hard_sigmoid(1.2x); the call "
                              "passes α = 1/6, which the float32 attribute stores as "
                              "0.16666667163. Added in opset 1; opset 6 dropped "
                              "`consumed_inputs`."),
    "hard_swish": Framework(("HardSwish (opset 14)",), 'op("HardSwish", {x}, opset=14)',
                            "Added in opset 14, defined as x·HardSigmoid(x) with α = 1/6 and "
                            "β = 0.5; the spec's function body writes α as 0.16666667163372, "
                            "1/6 rounded to float32."),
    "hard_tanh": None,
    "hardshrink": Framework(("Shrink (opset 9)",), 'op("Shrink", {x}, opset=9)',
                            "One operator for both shrinkages: with `bias` = 0 (its default) "
                            "Shrink is the hard shrink. λ is `lambd` (default 0.5), a float32 "
                            "attribute.",
                            defaults={"lambd": _default("Shrink", 9, "lambd")}),
    "identity": Framework(("Identity (opset 1)",), 'op("Identity", {x}, opset=1)'),
    "leaky_relu": Framework(("LeakyRelu (opset 6)",), 'op("LeakyRelu", {x}, opset=6)',
                            "The slope is `alpha`, default 0.01 stored as float32 "
                            "(0.0099999998). " + _SINCE_1,
                            defaults={"negative_slope": _default("LeakyRelu", 6, "alpha")}),
    "lecun_tanh": None,
    "log_sigmoid": None,
    "log_softmax": Framework(("LogSoftmax (opset 13)",),
                             'op("LogSoftmax", {x}, axis={axis}, opset=13)', _AXIS_13,
                             defaults={"axis": _default("LogSoftmax", 13, "axis")}),
    "maxout": None,
    "mish": Framework(("Mish (opset 18)",), 'op("Mish", {x}, opset=18)', "Added in opset 18."),
    "prelu": Framework(("PRelu (opset 7)",),
                       'op("PRelu", {x}, {x}.dtype.type({weight}), opset=7)',
                       "The slope is a second input tensor, broadcast to X one way since opset 7 "
                       "(in opsets 1 and 6 it had to have one element or match X); the operator "
                       "has no default slope."),
    "reglu": None,
    "relu": Framework(("Relu (opset 6)",), 'op("Relu", {x}, opset=6)', _SINCE_1),
    "relu6": None,
    "rrelu": None,
    "selu": Framework(("Selu (opset 6)",), 'op("Selu", {x}, opset=6)',
                      "α and γ (λ) are float32 attributes, defaults 1.67326319217681884765625 and "
                      "1.05070102214813232421875, relative errors −3.0e-8 and 3.3e-8; opset 1 "
                      "defaulted to 1.6732 and 1.0507."),
    "sigmoid": Framework(("Sigmoid (opset 6)",), 'op("Sigmoid", {x}, opset=6)', _SINCE_1),
    "silu": Framework(("Swish (opset 24)",), 'op("Swish", {x}, opset=24)',
                      "Named Swish, x·σ(αx) with `alpha` = 1.0 by default; added in opset 24."),
    "softmax": Framework(("Softmax (opset 13)",), 'op("Softmax", {x}, axis={axis}, opset=13)',
                         _AXIS_13, defaults={"axis": _default("Softmax", 13, "axis")}),
    "softmin": None,
    "softplus": Framework(("Softplus (opset 1)",), 'op("Softplus", {x}, opset=1)',
                          "No β: it is β = 1."),
    "softshrink": Framework(("Shrink (opset 9)",),
                            'op("Shrink", {x}, lambd={lambd}, bias={lambd}, opset=9)',
                            "One operator for both shrinkages: Shrink subtracts `bias` "
                            "(default 0) beyond ±`lambd`, so the soft shrink needs bias = λ; "
                            "both are float32 attributes.",
                            defaults={"lambd": _default("Shrink", 9, "lambd")}),
    "softsign": Framework(("Softsign (opset 1)",), 'op("Softsign", {x}, opset=1)'),
    "sparse_plus": None,
    "sparse_sigmoid": None,
    "sparsemax": None,
    "sqrt_softplus": None,
    "squareplus": None,
    "step": None,
    "swiglu": Framework(("SwiGLU (opset 28)",),
                        'op("SwiGLU", {x}[..., {x}.shape[-1] // 2:], '
                        '{x}[..., :{x}.shape[-1] // 2], opset=28)',
                        "Added in opset 28: takes the gate A and the value B as two inputs of "
                        "one shape and returns Swish(A)·B (`alpha` = 1.0 by default); refimpl's "
                        "a·silu(b) gates the second half, so the call passes the halves "
                        "swapped."),
    "swish": Framework(("Swish (opset 24)",), 'op("Swish", {x}, alpha={beta}, opset=24)',
                       "Added in opset 24; β is `alpha` (default 1.0), a float32 attribute.",
                       defaults={"beta": _default("Swish", 24, "alpha")}),
    "tanh": Framework(("Tanh (opset 6)",), 'op("Tanh", {x}, opset=6)', _SINCE_1),
    "tanhshrink": None,
    "threshold": Framework(("ThresholdedRelu (opset 10)",),
                           'op("ThresholdedRelu", {x}, alpha={threshold}, opset=10)',
                           "The value at and below θ is fixed at 0 (refimpl's `value`); θ is "
                           "`alpha`, default 1.0, where refimpl requires it. Since opset 10.",
                           defaults={"threshold": _default("ThresholdedRelu", 10, "alpha")}),
    # the entries of 2026 (issue 15): none is an ONNX operator (quick_gelu is Swish with
    # alpha = 1.702, and the gpt-oss clamp of clamped_swiglu has no SwiGLU attribute)
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
