"""How MLX spells each registry entry (``mlx.nn`` functions and layers, ``mlx.core``).

Read: the source of MLX 0.32.4, the latest release on PyPI (wheel
``mlx-0.32.4-cp311-cp311-manylinux_2_35_x86_64.whl``): ``mlx/nn/layers/activations.py`` (every
activation function and layer), ``mlx/nn/layers/linear.py`` (``Identity``),
``mlx/nn/layers/__init__.py`` and ``mlx/nn/__init__.py`` (what ``mlx.nn`` exports),
``mlx/nn/layers/base.py`` (``Module`` attribute access, for the ``defaults`` expressions) and
``mlx/core/__init__.pyi`` (the signatures of ``mlx.core.sigmoid``, ``tanh``, ``softmax``).
``activations.py`` of 0.32.4 differs from the git tag v0.32.1 (commit 3a6219917e45) only in
the line-wrapping of two docstrings. Each fact is listed, with its file, in
notes/spellings-frameworks-b.md.

Calls are evaluated with ``mx`` = ``mlx.core`` and ``nn`` = ``mlx.nn``. ``exponential`` is None
as for PyTorch and JAX: ``mx.exp`` is an array function, not an activation.
"""

from __future__ import annotations

from ..frameworks import FrameworkInfo
from ..registry import Framework

INFO = FrameworkInfo("MLX", "mlx", "0.32.4", "2026-12")

# exp(x) - 1 cancels where exp(x) is near 1: there the result is accurate only in absolute terms.
_EXP_MINUS_ONE = "uses exp(·) − 1, not expm1, which cancels for x just below 0"

SPELLINGS: dict[str, Framework | None] = {
    "celu": Framework(("mlx.nn.celu", "mlx.nn.CELU"), "nn.celu({x})",
                      "Computes max(x, 0) + α·(exp(min(x, 0)/α) − 1): it "
                      f"{_EXP_MINUS_ONE}; `alpha` is not checked.",
                      defaults={"alpha": "nn.CELU()._alpha"}),
    "crelu": None,
    "elu": Framework(("mlx.nn.elu", "mlx.nn.ELU"), "nn.elu({x})",
                     "Computes `where(x > 0, x, alpha * (exp(x) - 1))`: it "
                     f"{_EXP_MINUS_ONE}; `alpha` is not checked.",
                     defaults={"alpha": "nn.ELU()._alpha"}),
    "exponential": None,
    "geglu": None,
    "gelu": Framework(("mlx.nn.gelu", "mlx.nn.GELU"), "nn.gelu({x})",
                      "Computes x·(1 + erf(x/√2))/2, which cancels for negative x. The tanh "
                      "form (approximate=\"tanh\") is `nn.gelu_approx`, or `nn.GELU(approx="
                      "\"precise\")` (\"tanh\" is accepted as an alias); "
                      "`nn.GELU(approx=\"fast\")` is `nn.gelu_fast_approx`, x·σ(1.702x), which "
                      "is quick_gelu, not GELU."),
    "glu": Framework(("mlx.nn.glu", "mlx.nn.GLU"), "nn.glu({x})", "",
                     defaults={"axis": "nn.GLU().axis"}),
    "hard_mish": None,
    "hard_sigmoid": None,
    "hard_swish": Framework(("mlx.nn.hardswish", "mlx.nn.Hardswish"), "nn.hardswish({x})",
                            "Named `hardswish`; computes x·min(max(x + 3, 0), 6)/6, NaN at "
                            "x = −∞, where refimpl returns the limit 0."),
    "hard_tanh": Framework(("mlx.nn.hard_tanh", "mlx.nn.HardTanh"), "nn.hard_tanh({x})",
                           "The function takes `min_val` and `max_val` (defaults −1.0 and 1.0, "
                           "not checked); the layer `nn.HardTanh` takes no arguments and is "
                           "fixed to [−1, 1]."),
    "hardshrink": Framework(("mlx.nn.hard_shrink", "mlx.nn.HardShrink"), "nn.hard_shrink({x})",
                            "Computes `where(abs(x) > lambd, x, 0)`: NaN input gives 0, and λ "
                            "is not checked.",
                            defaults={"lambd": "nn.HardShrink().lambd"}),
    "identity": Framework(("mlx.nn.Identity",), "nn.Identity()({x})",
                          "A layer only, with no functional form; its constructor accepts and "
                          "ignores any arguments."),
    "leaky_relu": Framework(("mlx.nn.leaky_relu", "mlx.nn.LeakyReLU"), "nn.leaky_relu({x})",
                            "Computes max(negative_slope·x, x), which is the leaky ReLU only "
                            "for negative_slope ≤ 1; the slope is not checked.",
                            defaults={"negative_slope": "nn.LeakyReLU()._negative_slope"}),
    "lecun_tanh": None,
    "log_sigmoid": Framework(("mlx.nn.log_sigmoid", "mlx.nn.LogSigmoid"),
                             "nn.log_sigmoid({x})"),
    "log_softmax": Framework(("mlx.nn.log_softmax", "mlx.nn.LogSoftmax"),
                             "nn.log_softmax({x}, axis={axis})",
                             "The function takes `axis` (default −1); the layer "
                             "`nn.LogSoftmax` takes no arguments and acts on the last axis."),
    "maxout": None,
    "mish": Framework(("mlx.nn.mish", "mlx.nn.Mish"), "nn.mish({x})",
                      "Computes x·tanh(logaddexp(x, 0)) as written: NaN at x = −∞ (−∞·0), "
                      "where refimpl returns the limit 0."),
    "prelu": Framework(("mlx.nn.prelu", "mlx.nn.PReLU"),
                       "nn.prelu({x}, mx.array([{weight}], dtype={x}.dtype))",
                       "The function requires the weight, an array (`alpha`), and computes "
                       "max(0, x) + alpha·min(0, x); `nn.PReLU(num_parameters=1, init=0.25)` "
                       "holds it.",
                       defaults={"weight": "nn.PReLU().weight.item()"}),
    "reglu": None,
    "relu": Framework(("mlx.nn.relu", "mlx.nn.ReLU"), "nn.relu({x})"),
    "relu6": Framework(("mlx.nn.relu6", "mlx.nn.ReLU6"), "nn.relu6({x})"),
    "rrelu": None,
    "selu": Framework(("mlx.nn.selu", "mlx.nn.SELU"), "nn.selu({x})",
                      "Uses the rounded constants λ = 1.0507 and α = 1.67326 "
                      "(`elu(x, 1.67326) * 1.0507`): the result is 9.4e-7 too small relative "
                      "for x > 0 and λα is 2.9e-6 too small for x < 0; it also "
                      f"{_EXP_MINUS_ONE}."),
    "sigmoid": Framework(("mlx.core.sigmoid", "mlx.nn.sigmoid", "mlx.nn.Sigmoid"),
                         "mx.sigmoid({x})"),
    "silu": Framework(("mlx.nn.silu", "mlx.nn.SiLU"), "nn.silu({x})",
                      "Computes x·σ(x) as written: NaN at x = −∞ (−∞·0), where refimpl returns "
                      "the limit 0."),
    "softmax": Framework(("mlx.nn.softmax", "mlx.nn.Softmax", "mlx.core.softmax"),
                         "nn.softmax({x}, axis={axis})",
                         "`nn.softmax` defaults to axis −1, but `mx.softmax` to `axis=None`, "
                         "the whole array; the layer `nn.Softmax` takes no arguments (last "
                         "axis)."),
    "softmin": Framework(("mlx.nn.softmin", "mlx.nn.Softmin"), "nn.softmin({x}, axis={axis})",
                         "Computed as `mx.softmax(-x, axis=axis)`; the layer `nn.Softmin` "
                         "takes no arguments (last axis)."),
    "softplus": Framework(("mlx.nn.softplus", "mlx.nn.Softplus"), "nn.softplus({x})",
                          "No β parameter: it is β = 1, computed as `mx.logaddexp(x, 0)`."),
    "softshrink": Framework(("mlx.nn.softshrink", "mlx.nn.Softshrink"), "nn.softshrink({x})",
                            "Computes `where(abs(x) > lambd, x - sign(x) * lambd, 0)`: NaN "
                            "input gives 0, and λ is not checked.",
                            defaults={"lambd": "nn.Softshrink().lambd"}),
    "softsign": Framework(("mlx.nn.softsign", "mlx.nn.Softsign"), "nn.softsign({x})",
                          "Computes x/(1 + |x|), so ±inf gives NaN where refimpl gives ±1."),
    "sparse_plus": None,
    "sparse_sigmoid": None,
    "sparsemax": None,
    "sqrt_softplus": None,
    "squareplus": None,
    "step": Framework(("mlx.nn.step", "mlx.nn.Step"),
                      "mx.where({x} == 0, {at_zero}, nn.step({x}))",
                      "`nn.step(x, threshold=0.0)` computes `where(x >= threshold, 1, 0)`: it "
                      "is 1 at x = 0 (refimpl's at_zero = 1) and 0 for NaN input, so the call "
                      "sets the value at 0 to {at_zero:g}. Its `threshold` moves the jump."),
    "swiglu": None,
    "swish": Framework(("mlx.nn.silu", "mlx.nn.SiLU"), "nn.silu({x})",
                       "No function named swish and no β: `nn.silu` is Swish with β = 1 (its "
                       "docstring: \"Also known as Swish\")."),
    "tanh": Framework(("mlx.core.tanh", "mlx.nn.tanh", "mlx.nn.Tanh"), "mx.tanh({x})"),
    "tanhshrink": None,
    "threshold": None,
    # the entries of 2026 (issue 15)
    "squared_relu": Framework(("mlx.nn.relu2", "mlx.nn.ReLU2"), "nn.relu2({x})",
                              "Named `relu2`; computes `mx.square(mx.maximum(x, 0))`."),
    "quick_gelu": Framework(("mlx.nn.gelu_fast_approx",), "nn.gelu_fast_approx({x})",
                            "Named as an approximation of GELU; also `nn.GELU(approx=\"fast\")`. "
                            "Computes x·σ(1.702x)."),
    "clamped_swiglu": None,
    "star_relu": None,
    "snake": None,
    "snake_beta": None,
    "xielu": None,
    "laplace": None,
    "gelu_10": None,
}
