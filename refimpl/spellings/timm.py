"""How timm (PyTorch Image Models) spells each registry entry: the names its activation factories
``timm.layers.get_act_fn`` and ``timm.layers.get_act_layer`` accept.

Read: timm 1.0.31, the latest release on PyPI (wheel ``timm-1.0.31-py3-none-any.whl``):
``timm/layers/create_act.py`` (``_ACT_FN_DEFAULT``, ``_ACT_FN_ME``, ``_ACT_LAYER_DEFAULT``,
``_ACT_LAYER_ME``, ``get_act_fn``, ``get_act_layer``, ``create_act_layer``),
``timm/layers/activations.py``, ``timm/layers/activations_me.py``, ``timm/layers/config.py``
(``is_exportable``/``is_scriptable``, both False by default) and ``timm/layers/__init__.py``
(exports ``get_act_fn``, ``get_act_layer``, ``create_act_layer``). Both factories lower-case the
name; unless exporting or scripting they look in the ``_ME`` ("memory-efficient") table first.
On a PyTorch that has ``F.silu``, ``F.mish``, ``F.hardsigmoid`` and ``F.hardswish`` (every
PyTorch the registry's PyTorch tab covers) both tables map those names to the PyTorch functions
and modules, so those spellings behave as on the PyTorch tab. ``"prelu"`` and ``"identity"``
are layers only: ``get_act_fn`` raises KeyError for them. Each fact is listed, with its file,
in notes/spellings-frameworks-b.md (``"hard_mish"`` is the hard_mish entry, surveyed there too).

Calls are evaluated with ``timm_layers`` = ``timm.layers``; ``names`` are the factory names. A
name is listed under one entry only.
"""

from __future__ import annotations

from ..frameworks import FrameworkInfo
from ..registry import Framework

INFO = FrameworkInfo("timm", "timm", "1.0.31", "2026-12")


def _fn(name: str) -> str:
    return f'timm_layers.get_act_fn("{name}")({{x}})'


def _layer_default(name: str, attribute: str) -> str:
    return f'timm_layers.get_act_layer("{name}")().{attribute}'


SPELLINGS: dict[str, Framework | None] = {
    "celu": Framework(('"celu"',), _fn("celu"),
                      "`torch.nn.functional.celu` (layer `torch.nn.CELU`).",
                      defaults={"alpha": _layer_default("celu", "alpha")}),
    "crelu": None,
    "elu": Framework(('"elu"',), _fn("elu"),
                     "`torch.nn.functional.elu` (layer `torch.nn.ELU`).",
                     defaults={"alpha": _layer_default("elu", "alpha")}),
    "exponential": None,
    "geglu": None,
    "gelu": Framework(('"gelu"',), _fn("gelu"),
                      "`torch.nn.functional.gelu` (exact; layer `timm.layers.GELU`); the tanh "
                      "form (approximate=\"tanh\") is `\"gelu_tanh\"`, and `\"quick_gelu\"` is "
                      "x·σ(1.702x), not GELU."),
    "glu": None,
    "hard_mish": Framework(('"hard_mish"',), _fn("hard_mish"),
                           "timm's own `hard_mish`, `0.5 * x * (x + 2).clamp(min=0, max=2)` "
                           "(`timm/layers/activations.py`): NaN at x = −∞ (−∞·0), where refimpl "
                           "returns the limit 0. By default (not exporting or scripting) "
                           "`get_act_fn` returns `hard_mish_me` (`activations_me.py`), the same "
                           "forward with a hand-written backward that gives −1 at x = −2, where "
                           "refimpl gives 0; layer `HardMishMe` (`get_act_layer`)."),
    "hard_sigmoid": Framework(('"hard_sigmoid"', '"hardsigmoid"'), _fn("hard_sigmoid"),
                              "`torch.nn.functional.hardsigmoid` (layer "
                              "`torch.nn.Hardsigmoid`)."),
    "hard_swish": Framework(('"hard_swish"', '"hardswish"'), _fn("hard_swish"),
                            "`torch.nn.functional.hardswish` (layer `torch.nn.Hardswish`)."),
    "hard_tanh": None,
    "hardshrink": None,
    "identity": Framework(('"identity"',), 'timm_layers.get_act_layer("identity")()({x})',
                          "A layer only (`torch.nn.Identity`): `get_act_fn(\"identity\")` "
                          "raises KeyError."),
    "leaky_relu": Framework(('"leaky_relu"',), _fn("leaky_relu"),
                            "`torch.nn.functional.leaky_relu` (layer `torch.nn.LeakyReLU`).",
                            defaults={"negative_slope": _layer_default("leaky_relu",
                                                                       "negative_slope")}),
    "lecun_tanh": None,
    "log_sigmoid": None,
    "log_softmax": None,
    "maxout": None,
    "mish": Framework(('"mish"',), _fn("mish"),
                      "`torch.nn.functional.mish` (layer `torch.nn.Mish`)."),
    "prelu": Framework(('"prelu"',), 'timm_layers.get_act_layer("prelu")().to({x}.dtype)({x})',
                       "A layer only, `timm.layers.PReLU(num_parameters=1, init=0.25)`, a "
                       "`torch.nn.PReLU` with a float32 weight (the call casts it to the "
                       "input's dtype); `get_act_fn(\"prelu\")` raises KeyError.",
                       defaults={"weight": _layer_default("prelu", "weight.item()")}),
    "reglu": None,
    "relu": Framework(('"relu"',), _fn("relu"),
                      "`torch.nn.functional.relu` (layer `torch.nn.ReLU`)."),
    "relu6": Framework(('"relu6"',), _fn("relu6"),
                       "`torch.nn.functional.relu6` (layer `torch.nn.ReLU6`)."),
    "rrelu": None,
    "selu": Framework(('"selu"',), _fn("selu"),
                      "`torch.nn.functional.selu` (layer `torch.nn.SELU`)."),
    "sigmoid": Framework(('"sigmoid"',), _fn("sigmoid"),
                         "`x.sigmoid()` (layer `timm.layers.Sigmoid`)."),
    "silu": Framework(('"silu"',), _fn("silu"),
                      "`torch.nn.functional.silu` (layer `torch.nn.SiLU`); `\"swish\"` is the "
                      "same function."),
    "softmax": None,
    "softmin": None,
    "softplus": None,
    "softshrink": None,
    "softsign": None,
    "sparse_plus": None,
    "sparse_sigmoid": None,
    "sparsemax": None,
    "sqrt_softplus": None,
    "squareplus": None,
    "step": None,
    "swiglu": None,
    "swish": Framework(('"swish"',), _fn("swish"),
                       "No β: `\"swish\"` is `torch.nn.functional.silu` (layer "
                       "`torch.nn.SiLU`), Swish with β = 1."),
    "tanh": Framework(('"tanh"',), _fn("tanh"), "`x.tanh()` (layer `timm.layers.Tanh`)."),
    "tanhshrink": None,
    "threshold": None,
    # the entries of 2026 (issue 15). timm's SquaredReLU and StarReLU live in timm/models/metaformer.py,
    # outside timm.layers and its factories: see notes/spellings-frameworks-b.md.
    "squared_relu": None,
    "quick_gelu": Framework(('"quick_gelu"',), _fn("quick_gelu"),
                            "Computes `x * torch.sigmoid(1.702 * x)` (layer "
                            "`timm.layers.QuickGELU`)."),
    "clamped_swiglu": None,
    "star_relu": None,
    "snake": None,
    "snake_beta": None,
    "xielu": None,
    "laplace": None,
    "gelu_10": None,
}
