"""How Hugging Face transformers spells each registry entry: the ``hidden_act`` strings of
``ACT2FN``.

Read: ``transformers/activations.py`` of transformers 5.25.0, the latest release on PyPI (wheel
``transformers-5.25.0-py3-none-any.whl``): the activation classes, ``ACT2CLS`` (24 names) and
``ACT2FN = ClassInstantier(ACT2CLS)``, whose ``__getitem__`` builds a new module on every lookup
with the keyword arguments stored beside the class, so a parameter cannot be passed through
``ACT2FN``; and ``transformers/integrations/hub_kernels.py``, whose
``use_kernel_forward_from_hub`` decorator returns the class unchanged unless the optional
``kernels`` package is installed. Names that map to a PyTorch module (``"relu"`` is
``torch.nn.ReLU``) behave as on the PyTorch tab. Each fact is listed, with its file, in
notes/spellings-frameworks-b.md; "gelu_10", "laplace" and "sqrtsoftplus", surveyed there as names
that matched no entry, have since become entries (gelu_10, laplace, sqrt_softplus).

Calls are evaluated with ``ACT2FN`` = ``transformers.activations.ACT2FN``; ``names`` are the
``hidden_act`` strings. A name is listed under one entry only.
"""

from __future__ import annotations

from ..frameworks import FrameworkInfo
from ..registry import Framework

INFO = FrameworkInfo("Hugging Face", "transformers", "5.25.0", "2026-12")

SPELLINGS: dict[str, Framework | None] = {
    "celu": None,
    "crelu": None,
    "elu": None,
    "exponential": None,
    "geglu": None,
    "gelu": Framework(('"gelu"', '"gelu_python"'), 'ACT2FN["gelu"]({x})',
                      "`\"gelu\"` is `torch.nn.functional.gelu`, `\"gelu_python\"` the same "
                      "formula x·0.5·(1 + erf(x/√2)) in Python. The tanh form "
                      "(approximate=\"tanh\") is `\"gelu_pytorch_tanh\"` (`F.gelu(approximate="
                      "\"tanh\")`), and in Python `\"gelu_new\"`, `\"gelu_python_tanh\"`, "
                      "`\"gelu_accurate\"` and `\"gelu_fast\"` (√(2/π) rounded to 0.7978845608); "
                      "`\"gelu_10\"` clips the GELU to [−10, 10] (the `gelu_10` entry)."),
    "glu": None,
    "hard_mish": None,
    "hard_sigmoid": None,
    "hard_swish": Framework(('"hardswish"',), 'ACT2FN["hardswish"]({x})',
                            "`torch.nn.Hardswish()`."),
    "hard_tanh": None,
    "hardshrink": None,
    "identity": Framework(('"linear"',), 'ACT2FN["linear"]({x})',
                          "Named `\"linear\"` (`LinearActivation`, which returns its input)."),
    "leaky_relu": Framework(('"leaky_relu"',), 'ACT2FN["leaky_relu"]({x})',
                            "`torch.nn.LeakyReLU()`: the slope is its default, since ACT2FN "
                            "passes no arguments.",
                            defaults={"negative_slope": 'ACT2FN["leaky_relu"].negative_slope'}),
    "lecun_tanh": None,
    "log_sigmoid": None,
    "log_softmax": None,
    "maxout": None,
    "mish": Framework(('"mish"',), 'ACT2FN["mish"]({x})',
                      "`MishActivation`, which calls `torch.nn.functional.mish`."),
    "prelu": Framework(('"prelu"',), 'ACT2FN["prelu"].to({x}.dtype)({x})',
                       "`torch.nn.PReLU()`: one learnable weight for all channels, initialised "
                       "to 0.25 in float32 (the call casts it to the input's dtype).",
                       defaults={"weight": 'ACT2FN["prelu"].weight.item()'}),
    "reglu": None,
    "relu": Framework(('"relu"',), 'ACT2FN["relu"]({x})', "`torch.nn.ReLU()`."),
    "relu6": Framework(('"relu6"',), 'ACT2FN["relu6"]({x})', "`torch.nn.ReLU6()`."),
    "rrelu": None,
    "selu": None,
    "sigmoid": Framework(('"sigmoid"',), 'ACT2FN["sigmoid"]({x})', "`torch.nn.Sigmoid()`."),
    "silu": Framework(('"silu"',), 'ACT2FN["silu"]({x})',
                      "`SiLUActivation`, which calls `torch.nn.functional.silu`; `\"swish\"` "
                      "(`torch.nn.SiLU()`) is the same function."),
    "softmax": None,
    "softmin": None,
    "softplus": None,
    "softshrink": None,
    "softsign": None,
    "sparse_plus": None,
    "sparse_sigmoid": None,
    "sparsemax": None,
    "sqrt_softplus": Framework(('"sqrtsoftplus"',), 'ACT2FN["sqrtsoftplus"]({x})',
                               "`SqrtSoftplusActivation`: `nn.functional.softplus(input).sqrt()`. "
                               "PyTorch's softplus returns x itself where x > 20 (its threshold), "
                               "so above 20 this is √x, not the exact value; and it is 0 where "
                               "e^x underflows (x < −745 in float64), where the exact result, "
                               "about e^(x/2), is not."),
    "squareplus": None,
    "step": None,
    "swiglu": None,
    "swish": Framework(('"swish"',), 'ACT2FN["swish"]({x})',
                       "No β: `\"swish\"` is `torch.nn.SiLU()`, Swish with β = 1."),
    "tanh": Framework(('"tanh"',), 'ACT2FN["tanh"]({x})', "`torch.nn.Tanh()`."),
    "tanhshrink": None,
    "threshold": None,
    # the entries of 2026 (issue 15)
    "squared_relu": Framework(('"relu2"',), 'ACT2FN["relu2"]({x})',
                              "Named `\"relu2\"` (`ReLUSquaredActivation`): "
                              "`torch.square(relu(x))`."),
    "quick_gelu": Framework(('"quick_gelu"',), 'ACT2FN["quick_gelu"]({x})',
                            "`QuickGELUActivation`: `x * torch.sigmoid(1.702 * x)`."),
    "clamped_swiglu": None,
    "star_relu": None,
    "snake": None,
    "snake_beta": None,
    "xielu": Framework(('"xielu"',), 'ACT2FN["xielu"]({x})',
                       "`XIELUActivation()` holds alpha_p_init = 0.8, alpha_n_init = 0.8, "
                       "beta = 0.5 and eps = −1e-6 as bfloat16 tensors (its default `dtype`), so "
                       "its parameters are those values rounded to bfloat16, α_p and α_n after "
                       "log(expm1(·)) and softplus; it runs a CUDA kernel instead of the "
                       "Python form only when the optional `xielu` package is installed and "
                       "the input is on a CUDA device."),
    "laplace": Framework(('"laplace"',), 'ACT2FN["laplace"]({x})',
                         "`LaplaceActivation`, whose `forward(input, mu=0.707107, "
                         "sigma=0.282095)` computes 0.5·(1 + torch.erf((x − μ)/(σ·√2))); "
                         "`ACT2FN` passes no μ or σ, so the defaults hold. 1 + erf cancels "
                         "for x well below μ, where refimpl uses erfcx."),
    "gelu_10": Framework(('"gelu_10"',), 'ACT2FN["gelu_10"]({x})',
                         "`ClippedGELUActivation(min=-10, max=10)`: `torch.clip(gelu(x), "
                         "self.min, self.max)` with the exact GELU (`\"gelu\"`); its "
                         "constructor refuses only min > max.",
                         defaults={"clip_min": 'ACT2FN["gelu_10"].min',
                                   "clip_max": 'ACT2FN["gelu_10"].max'}),
}
