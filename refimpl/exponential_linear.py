"""The exponential linear units: ELU, SELU and CELU, and xIELU, built from ELU's gradient.

ELU, SELU and CELU are x (or a multiple of x) for x > 0 and a scaled e^x − 1 for x <= 0. The
negative branch is computed with ``expm1``: α(e^x − 1) written with ``exp`` loses every digit near
0 (e^x rounds to 1) and keeps only about |log10 |x|| fewer digits than expm1 for small |x|. No
function here calls exp of a positive argument, so nothing overflows.

xIELU integrates an affine map of ELU: a quadratic for x > 0, α_n(e^x − 1 − x) + βx for x <= 0.
Its negative branch has a minimum and a second root, where a sum of terms of size 1 is near 0:
there the code adds in double-double (a pair of doubles carrying about 106 bits).
"""

import math
from dataclasses import replace
from decimal import Decimal, localcontext
from functools import lru_cache

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


# --8<-- [start:xielu]
def xielu(x, alpha_p=0.8, alpha_n=0.8, beta=0.5, eps=-1e-6):
    r"""xIELU, the expanded integral of the exponential linear unit.

    .. math:: \operatorname{xielu}(x) = \begin{cases} \alpha_p x^2 + \beta x & x > 0 \\
              \alpha_n\,(e^{\min(x, \varepsilon)} - 1 - x) + \beta x & x \le 0 \end{cases}

    The parameters are the effective ones a model's activation uses; the defaults are the initial
    values of Hugging Face's ``XIELUActivation``, which stores raw parameters a_p, a_n and uses
    α_p = softplus(a_p), α_n = β + softplus(a_n). With ε = 0 there is no clamp and f is C¹ at 0;
    with ε < 0 the exponential stops at ε, f jumps at 0 by α_n(e^ε − 1) and has a corner at ε.

    For x <= 0 there are three forms, each summed in double-double where terms cancel:

    - x <= min(ε, −ln 2): α_n e^x + ((β − α_n)x − α_n); the bracket is exact to 2^-106, so the
      only rounding that counts is that of e^x <= 1/2, also at the root of f near −2.3;
    - −ln 2 < x <= ε: α_n g(x) + βx with g(x) = e^x − 1 − x = x² Σ x^k/(k+2)! (18 terms);
    - ε < x <= 0: c + (β − α_n)x, c = α_n(e^ε − 1) to 40 digits (the decimal module).

    Args:
        x: input array.
        alpha_p: α_p > 0, the curvature of the positive branch.
        alpha_n: α_n > β, the scale of the exponential part of the negative branch.
        beta: β > 0, the slope at 0⁺ and of the linear part of both branches.
        eps: ε <= 0, where the exponential is clamped (0: no clamp).

    Returns:
        An array of the shape and dtype of ``x``: xielu(±inf) = +inf.

    Example:
        >>> import numpy as np
        >>> import refimpl
        >>> print(refimpl.xielu([-np.inf, -1.0, 1.0, np.inf]))
        [        inf -0.20569645  1.3                inf]
        >>> print(refimpl.xielu(0.0), refimpl.xielu(0.0, eps=0.0))
        -7.999996000001333e-07 0.0

    Reference: Huang & Schlag (2024), arXiv:2411.13010; transformers' XIELUActivation
    (src/transformers/activations.py, v4.56.0 to v5.25.0).
    """
    _check_xielu(alpha_n, beta)
    c, _ = _xielu_constants(alpha_n, beta, eps)
    d_hi, d_lo = _two_sum(beta, -alpha_n)  # β − α_n, exactly
    with np.errstate(over="ignore", invalid="ignore"):  # ±inf and huge |x| are redone below
        pos = x * (alpha_p * x + beta)
        # ε < x <= 0: c + (β − α_n)x
        p_hi, p_lo = _two_prod(d_hi, x)
        s_hi, s_lo = _two_sum(c[0], p_hi)
        lin = s_hi + (s_lo + (c[1] + (p_lo + d_lo * x)))
        # −ln 2 < x <= ε: α_n x² h(x) + βx, h(x) = Σ x^k/(k+2)!
        sx = np.clip(x, -1.0, 1.0)
        q_hi, q_lo = _two_prod(sx, sx)
        h = np.polyval(_EXPM1_SERIES, sx)
        a_hi, a_lo = _two_prod(alpha_n, q_hi * h)
        b_hi, b_lo = _two_prod(beta, sx)
        s_hi, s_lo = _two_sum(a_hi, b_hi)
        ser = s_hi + (s_lo + (a_lo + b_lo + alpha_n * (q_lo * h)))
        # x <= min(ε, −ln 2): α_n e^x + ((β − α_n)x − α_n); beyond −1e300 that is (β − α_n)x
        ex = np.clip(x, -1e300, 0.0)
        p_hi, p_lo = _two_prod(d_hi, ex)
        s_hi, s_lo = _two_sum(p_hi, -alpha_n)
        e_hi, e_lo = _two_prod(alpha_n, np.exp(ex))
        r_hi, r_lo = _two_sum(s_hi, e_hi)
        neg = np.where(x < -1e300, d_hi * x,
                       r_hi + (r_lo + (s_lo + (e_lo + (p_lo + d_lo * ex)))))
    ln2 = math.log(2)
    return np.where(x > 0, pos, np.where(x > eps, lin, np.where(x > -ln2, ser, neg)))


def xielu_derivative(x, alpha_p, alpha_n, beta, eps):
    r""":math:`2\alpha_p x + \beta` for x > 0, :math:`\beta - \alpha_n` for ε <= x <= 0 (ε < 0),
    and :math:`\alpha_n(e^x - 1) + \beta` for x < ε.

    Where α_n|e^x − 1| > β/2 the last is written
    :math:`(\alpha_n - \beta)\,\operatorname{expm1}(x - x^*)` with
    :math:`x^* = \ln(1 - \beta/\alpha_n)` the root of f' (the minimum of f), known to 40
    digits, and x − x* in double-double: nothing cancels. Elsewhere α_n(e^x − 1) + β, summed in
    double-double. At the corner ε and at the jump 0, refimpl returns β − α_n, the slope of the
    piece between them.
    """
    _check_xielu(alpha_n, beta)
    _, root = _xielu_constants(alpha_n, beta, eps)
    m_hi, m_lo = _two_sum(alpha_n, -beta)  # α_n − β > 0, exactly
    with np.errstate(over="ignore", invalid="ignore"):  # inf where it should be; ±inf and huge
        pos = 2 * alpha_p * x + beta  # positive x in the negative branch's forms: not used
        t_hi, t_lo = _two_sum(x, -root[0])
        t_lo = np.where(np.isinf(x), 0.0, t_lo - root[1])  # x − x*; −inf − x* = −inf
        e = np.expm1(t_hi)
        e = e + (e + 1) * t_lo  # expm1(t_hi + t_lo) to first order in t_lo
        # where α_n|e^x − 1| <= β/2, α_n(e^x − 1) + β cancels by a factor 3 at most: summed in
        # double-double it is exact at 0 (f'(0) = β when ε = 0)
        near = math.log1p(-beta / (2 * alpha_n))
        a_hi, a_lo = _two_prod(alpha_n, np.expm1(np.clip(x, near, 0.0)))
        s_hi, s_lo = _two_sum(a_hi, beta)
        neg = np.where(x >= near, s_hi + (s_lo + a_lo), e * m_hi + e * m_lo)
    lin = (x >= eps) & (eps < 0)
    return np.where(x > 0, pos, np.where(lin, beta - alpha_n, neg))


def _check_xielu(alpha_n, beta):
    if not alpha_n > beta:
        raise ValueError(f"xielu: invalid alpha_n={alpha_n!r} <= beta={beta!r}; expected "
                         "alpha_n > beta (models use alpha_n = beta + softplus(raw) > beta)")


# Σ x^k/(k+2)!, k = 17 down to 0 (np.polyval order): on |x| <= ln 2 the last term is below
# 2^-60 of the sum.
_EXPM1_SERIES = tuple(1 / math.factorial(k + 2) for k in range(17, -1, -1))


def _two_sum(a, b):
    """s + t = a + b exactly (Knuth): s the rounded sum, t its error."""
    s = a + b
    v = s - a
    return s, (a - (s - v)) + (b - v)


def _split(a):
    c = 134217729.0 * a  # Veltkamp, 2^27 + 1: a = h + l, each with at most 26 significant bits
    h = c - (c - a)
    return h, a - h


def _two_prod(a, b):
    """p + t = a·b exactly (Dekker), for |a|, |b| below 1e300: p the rounded product."""
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


@lru_cache(maxsize=64)
def _xielu_constants(alpha_n, beta, eps):
    """(c, x*) as (double, remainder) pairs: c = α_n(e^ε − 1), the value at 0 for ε < 0, and
    x* = ln(1 − β/α_n), the root of f' for x < ε; from the decimal module at 40 digits or more."""
    with localcontext() as ctx:
        ctx.prec = 40
        a, b, e = Decimal(float(alpha_n)), Decimal(float(beta)), Decimal(float(eps))
        root = ((a - b) / a).ln()
        ctx.prec = 40 + max(0, -e.adjusted())  # e^ε − 1 keeps 40 digits however small ε is
        c = a * (e.exp() - 1)
        return tuple((float(v), float(v - Decimal(float(v)))) for v in (c, root))
# --8<-- [end:xielu]


def _num(v):
    return f"{v:.4g}".replace("-", "−")


def xielu_minimum(alpha_n=0.8, beta=0.5):
    """(x*, f(x*)): where xielu has its minimum and its value there, x* = ln(1 − β/α_n) and
    f(x*) = −β − (α_n − β)x* (for x* <= ε), rounded to doubles."""
    with localcontext() as ctx:
        ctx.prec = 40
        a, b = Decimal(float(alpha_n)), Decimal(float(beta))
        root = ((a - b) / a).ln()
        return float(root), float(-b - (a - b) * root)


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


register(Entry(
    name="xielu",
    fn=xielu,
    derivative_fn=xielu_derivative,
    title="xIELU",
    summary="xIELU is α_p x² + βx for positive input and α_n(e^x − 1 − x) + βx for negative "
            "input, with α_p and α_n learned in each layer: a slope that grows with x, as squared "
            "ReLU's, and one that turns negative for negative x. It is the MLP activation of the "
            "Apertus language models.",
    family="exponential",
    params=(
        real_param("alpha_p", "the curvature α_p of the positive branch (a model stores a_p, "
                   "α_p = softplus(a_p))", low=0.0, low_open=True, high_open=True),
        # α_n > β is checked in the functions (_check_xielu): a Param sees one value
        replace(real_param("alpha_n", "the scale α_n of the exponential part, above β (a model "
                           "stores a_n, α_n = β + softplus(a_n))", low=0.0, low_open=True,
                           high_open=True), domain="a real number with alpha_n > beta"),
        real_param("beta", "the slope β at 0⁺ and of the linear terms (fixed, not learned)",
                   low=0.0, low_open=True, high_open=True),
        real_param("eps", "ε: the exponential is evaluated at min(x, ε); 0 removes the clamp",
                   high=0.0, low_open=True),
    ),
    latex=r"\operatorname{xielu}(x) = \begin{cases} \alpha_p x^2 + \beta x & x > 0 \\ "
          r"\alpha_n\,(e^{\min(x, \varepsilon)} - 1 - x) + \beta x & x \le 0 \end{cases}",
    derivative_latex=r"\operatorname{xielu}'(x) = \begin{cases} 2\alpha_p x + \beta & x > 0 \\ "
                     r"\beta - \alpha_n & \varepsilon < x < 0 \\ \alpha_n (e^{x} - 1) + \beta "
                     r"& x < \varepsilon \end{cases}",
    # At the defaults (ε = −1e-6): f jumps at 0 by α_n(e^ε − 1) ≈ −8e-7 and has a corner at ε.
    declared=Properties(range=(xielu_minimum()[1], np.inf), monotonic="no",
                        smoothness="discontinuous", saturates=(False, False),
                        attained=(True, False)),
    kinks=lambda alpha_p, alpha_n, beta, eps: () if eps == 0 else (
        Kink(eps, beta - alpha_n,
             f"Corner at x = ε = {_num(eps)}, where the exponential stops following x: the "
             f"slope is α_n e^ε − α_n + β ≈ {_num(alpha_n * math.expm1(eps) + beta)} just left "
             f"of it and β − α_n = {_num(beta - alpha_n)} on [ε, 0]. refimpl returns β − α_n, "
             f"the slope of the piece on [ε, 0]."),
        Kink(0.0, beta - alpha_n,
             f"Jump at x = 0 from α_n(e^ε − 1) ≈ {_num(alpha_n * math.expm1(eps))} to 0⁺: no "
             f"derivative exists. refimpl returns β − α_n = {_num(beta - alpha_n)}, the slope "
             f"of the x ≤ 0 expression, which the code's torch.where(x > 0, ...) selects at 0.")),
    origin=("huang2024deriving",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("is the parabola 0.8x² + 0.5x for positive x; for negative x it falls to a minimum "
           "of −0.21 at x = −0.98, is 0 again at x = −2.43 and then rises like 0.3|x|; its jump "
           "of 8e−07 at x = 0 is too small to see (dot)",
           "is the line 1.6x + 0.5 for positive x and 0.8e^x − 0.3 for negative x, rising from "
           "−0.3 through 0 at x = −0.98 to 0.5 near 0; between −1e−06 and 0, too short to see, "
           "it is −0.3 (dot)"),
    textbook=lambda x, alpha_p, alpha_n, beta, eps: np.where(
        x > 0, alpha_p * x * x + beta * x,
        (np.expm1(np.minimum(x, eps)) - x) * alpha_n + beta * x),
))
