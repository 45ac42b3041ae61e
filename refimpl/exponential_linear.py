"""The exponential linear units: ELU, SELU and CELU.

All three are x (or a multiple of x) for x > 0 and a scaled e^x − 1 for x <= 0. The negative
branch is computed with ``expm1``: α(e^x − 1) written with ``exp`` loses every digit near 0
(e^x rounds to 1) and keeps only about |log10 |x|| fewer digits than expm1 for small |x|. No
function here calls exp of a positive argument, so nothing overflows.
"""

import numpy as np

from .registry import Entry, Framework, Kink, Properties, real_param, register

# Klambauer et al. (2017), the doubles PyTorch (aten/src/ATen/native/Activation.cpp: SELU_ALPHA,
# SELU_SCALE), JAX (jax.nn.selu) and Keras' NumPy backend store for α_01 and λ_01.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def _alpha(doc):
    return real_param("alpha", doc, low=0.0, low_open=True, high_open=True)


# --8<-- [start:elu]
def elu(x, alpha=1.0):
    r"""Exponential linear unit.

    .. math:: \operatorname{elu}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}

    The negative branch is ``alpha * expm1(x)``, evaluated at ``min(x, 0)`` so that exp never
    sees a positive argument. ``elu(-inf) = -alpha`` exactly.

    Args:
        x: input array.
        alpha: the value −α that the function approaches as x → −∞ (α > 0).

    Returns:
        An array of the shape and dtype of ``x``, in [-alpha, inf].

    Example:
        >>> import numpy as np
        >>> import refimpl
        >>> print(refimpl.elu([-np.inf, -1.0, 0.0, 2.0]))
        [-1.         -0.63212056  0.          2.        ]
        >>> print(refimpl.elu(-1e-20), refimpl.elu(-np.inf, alpha=2.0))
        -1e-20 -2.0

    Reference: Clevert, Unterthiner & Hochreiter (2015), arXiv:1511.07289.
    """
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


def elu_derivative(x, alpha):
    r""":math:`\operatorname{elu}'(x) = 1` for x > 0 and :math:`\alpha e^{x}` for x <= 0.

    At x = 0 the one-sided derivatives are α and 1; the x <= 0 branch is taken there, so the
    result is α, as in PyTorch (``elu_backward`` tests ``x <= 0``) and JAX (``jnp.where(x > 0,
    ...)``). With the default α = 1 both sides agree and ELU is C¹.
    """
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0)))
# --8<-- [end:elu]


# --8<-- [start:selu]
def selu(x):
    r"""Scaled exponential linear unit.

    .. math:: \operatorname{selu}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1)
              & x \le 0 \end{cases}

    with :math:`\alpha` = ``SELU_ALPHA`` = 1.6732632423543772 and :math:`\lambda` =
    ``SELU_SCALE`` = 1.0507009873554805 (the doubles nearest the paper's constants).
    For Z ~ N(0, 1), selu(Z) has mean 0 and variance 1: the fixed point of Klambauer et al.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [-λα, inf].

    Example:
        >>> import numpy as np
        >>> import refimpl
        >>> print(refimpl.selu([-np.inf, 0.0, 1.0]))
        [-1.75809934  0.          1.05070099]

    Reference: Klambauer, Unterthiner, Mayr & Hochreiter (2017), arXiv:1706.02515.
    """
    # λx exceeds the largest double for x > 1.71e308: inf is then the correctly rounded
    # result, and the overflow it signals is expected, not an error
    with np.errstate(over="ignore"):
        return SELU_SCALE * elu(x, SELU_ALPHA)


def selu_derivative(x):
    r""":math:`\lambda` for x > 0 and :math:`\lambda\alpha e^{x}` for x <= 0; at the kink x = 0,
    :math:`\lambda\alpha` ≈ 1.7581 (the x <= 0 branch, as PyTorch and JAX)."""
    return SELU_SCALE * elu_derivative(x, SELU_ALPHA)
# --8<-- [end:selu]


# --8<-- [start:celu]
def celu(x, alpha=1.0):
    r"""Continuously differentiable exponential linear unit.

    .. math:: \operatorname{celu}(x) = \max(0, x) + \min\bigl(0, \alpha\,(e^{x/\alpha} - 1)\bigr)
              = \begin{cases} x & x > 0 \\ \alpha\,(e^{x/\alpha} - 1) & x \le 0 \end{cases}

    Before dividing by α, x is clipped at −750α, where e^{x/α} has already underflowed to 0 and
    expm1 is exactly −1: the clip changes no result, and x/α cannot overflow for small α.

    Args:
        x: input array.
        alpha: scale α > 0; celu(x) → −α as x → −∞, and celu'(x) = e^{x/α} is continuous at 0
            for every α.

    Returns:
        An array of the shape and dtype of ``x``, in [-alpha, inf].

    Example:
        >>> import numpy as np
        >>> import refimpl
        >>> print(refimpl.celu([-np.inf, -1.0, 0.0, 2.0], alpha=2.0))
        [-2.         -0.78693868  0.          2.        ]

    Reference: Barron (2017), arXiv:1704.07483.
    """
    return np.where(x > 0, x, alpha * np.expm1(_scaled_negative(x, alpha)))


def celu_derivative(x, alpha):
    r""":math:`\operatorname{celu}'(x) = 1` for x > 0 and :math:`e^{x/\alpha}` for x <= 0;
    both sides give 1 at x = 0, so no convention is needed there."""
    return np.where(x > 0, 1.0, np.exp(_scaled_negative(x, alpha)))


def _scaled_negative(x, alpha):
    # min(x, 0)/alpha, clipped at -750 (exp(-750) = 0, expm1(-750) = -1 in float64); the bound
    # is a Python float, so it becomes -inf silently when alpha > 2.4e305
    return np.maximum(np.minimum(x, 0), -750.0 * float(alpha)) / alpha
# --8<-- [end:celu]


_ELU_SHAPE = ("is the line y = x for positive x and bends smoothly towards −1 for negative x, "
              "where it is −0.63 at x = −1", "is 1 for positive x and falls along e^x towards 0 "
              "for negative x, continuous at x = 0")

register(Entry(
    name="elu",
    fn=elu,
    derivative_fn=elu_derivative,
    title="ELU",
    summary="The exponential linear unit: x for positive input, α(e^x − 1) for negative input, "
            "so outputs saturate at −α instead of being cut to 0. Proposed to push mean "
            "activations towards zero; a common alternative to ReLU in deep networks.",
    family="exponential",
    params=(_alpha("the value −α that elu approaches as x → −∞"),),
    latex=r"\operatorname{elu}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 "
          r"\end{cases}",
    derivative_latex=r"\operatorname{elu}'(x) = \begin{cases} 1 & x > 0 \\ \alpha e^{x} & "
                     r"x \le 0 \end{cases}",
    # at alpha = 1: f' is continuous (1 on both sides of 0), f'' jumps from 1 to 0
    declared=Properties(range=(-1.0, np.inf), monotonic="increasing", smoothness="C1",
                        saturates=(True, False), attained=(False, False)),
    origin=("clevert2015fast",),
    frameworks={
        "pytorch": Framework(("torch.nn.ELU", "torch.nn.functional.elu"),
                             "torch.nn.functional.elu({x})",
                             "`alpha` is not checked: alpha ≤ 0 is accepted (refimpl raises "
                             "ValueError)."),
        "jax": Framework(("jax.nn.elu",), "jax.nn.elu({x})"),
        "keras": Framework(("keras.activations.elu",), "keras.activations.elu({x})",
                           "The docstring calls `alpha` the \"slope of positive section\"; the "
                           "code scales the negative section, as here."),
    },
    shape=_ELU_SHAPE,
    textbook=lambda x, alpha: np.where(x > 0, x, alpha * (np.exp(x) - 1)),
))

register(Entry(
    name="selu",
    fn=selu,
    derivative_fn=selu_derivative,
    title="SELU",
    summary="The scaled ELU λ·elu(x, α) with constants α ≈ 1.6733 and λ ≈ 1.0507 chosen so that "
            "a standard-normal input gives an output of mean 0 and variance 1. The activation of "
            "self-normalizing networks, used with LeCun-normal initialisation.",
    family="exponential",
    latex=r"\operatorname{selu}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & "
          r"x \le 0 \end{cases},\quad \alpha \approx 1.6733,\ \lambda \approx 1.0507",
    derivative_latex=r"\operatorname{selu}'(x) = \lambda \begin{cases} 1 & x > 0 \\ "
                     r"\alpha e^{x} & x \le 0 \end{cases}",
    declared=Properties(range=(-(SELU_SCALE * SELU_ALPHA), np.inf), monotonic="increasing",
                        smoothness="C0", saturates=(True, False), attained=(False, False)),
    kinks=(Kink(0.0, SELU_SCALE * SELU_ALPHA,
                "The left derivative is λα ≈ 1.7581 and the right one λ ≈ 1.0507. λα (the "
                "x <= 0 branch) is returned, as PyTorch's elu_backward (x <= 0) and JAX's "
                "jnp.where(x > 0, ...) do."),),
    origin=("klambauer2017self",),
    frameworks={
        "pytorch": Framework(("torch.nn.SELU", "torch.selu", "torch.nn.functional.selu"),
                             "torch.selu({x})",
                             "The gradient at NaN input is λ (the kernel tests x <= 0, false for "
                             "NaN) where refimpl returns NaN."),
        "jax": Framework(("jax.nn.selu",), "jax.nn.selu({x})"),
        "keras": Framework(("keras.activations.selu",), "keras.activations.selu({x})",
                           "The docstring rounds the constants to alpha=1.67326324 and "
                           "scale=1.05070098; the NumPy backend's code uses the full values."),
    },
    shape=("is the line y = 1.0507x for positive x and falls smoothly towards −1.7581 for "
           "negative x", "jumps at x = 0 from 1.7581 (the value taken there, dot) to 1.0507 "
           "for positive x, and decays like 1.7581·e^x for negative x"),
    textbook=lambda x: SELU_SCALE * np.where(x > 0, x, SELU_ALPHA * (np.exp(x) - 1)),
))

register(Entry(
    name="celu",
    fn=celu,
    derivative_fn=celu_derivative,
    title="CELU",
    summary="The continuously differentiable ELU: α(e^{{x/α}} − 1) for negative input, x for "
            "positive input, so its derivative is continuous for every α, not only α = 1, "
            "where it is ELU.",
    family="exponential",
    params=(_alpha("the scale α: celu approaches −α as x → −∞, and x/α is the exponent"),),
    latex=r"\operatorname{celu}(x) = \max(0, x) + \min\bigl(0,\ \alpha\,(e^{x/\alpha} - 1)"
          r"\bigr)",
    derivative_latex=r"\operatorname{celu}'(x) = \begin{cases} 1 & x > 0 \\ e^{x/\alpha} & "
                     r"x \le 0 \end{cases}",
    declared=Properties(range=(-1.0, np.inf), monotonic="increasing", smoothness="C1",
                        saturates=(True, False), attained=(False, False)),
    origin=("barron2017continuously",),
    frameworks={
        "pytorch": Framework(("torch.nn.CELU", "torch.celu", "torch.nn.functional.celu"),
                             "torch.nn.functional.celu({x})",
                             "Negative `alpha` is accepted; `alpha=0` raises RuntimeError "
                             "(\"alpha cannot be 0 for CELU\")."),
        "jax": Framework(("jax.nn.celu",), "jax.nn.celu({x})",
                         "`alpha` is not checked: `alpha=0` gives NaN for positive x."),
        "keras": Framework(("keras.activations.celu",), "keras.activations.celu({x})"),
    },
    shape=_ELU_SHAPE,
    textbook=lambda x, alpha: np.maximum(0.0, x) + np.minimum(0.0, alpha * (np.exp(x / alpha) - 1)),
))
