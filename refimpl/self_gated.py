"""The smooth self-gated units: GELU, SiLU/Swish and Mish, each x times a gate.

Each is x·g(x) with a smooth gate g that rises from 0 to 1. Three hazards shape the code:

- the gate is a small number in the negative tail, computed from e^{-|t|} so nothing overflows,
  and never as 1 minus something close to 1 (0.5(1 + tanh u) cancels; σ(2u) does not);
- x·g(x) falls below the smallest normal double (2.2e-308) there: a gate that is itself
  subnormal has lost most of its digits before x multiplies it, so the tail is computed as
  x times four (or two) normal factors whose product is the small one, and rounds once;
- near the minimum of each curve f' is a difference of two nearly equal numbers: the forms
  below make the larger part exact (1 + x is exact for x in [-2, -1/2]).

The functions receive float64 arrays (the registry converts) and never modify them.
"""

import math

import numpy as np

from .registry import Entry, Framework, Kink, Param, Properties, register

# √(2/π) rounded to the nearest double: PyTorch's kBeta (M_SQRT2 * M_2_SQRTPI * 0.5) and JAX's
# and Keras's np.sqrt(2 / np.pi) are this same double, 0.7978845608028654.
SQRT_2_OVER_PI = 0.7978845608028654
# The cubic coefficient of the GELU tanh approximation (Hendrycks & Gimpel 2016, §2).
GELU_TANH_CUBIC = 0.044715
# Below this gate argument t, e^t < 1e-304: the tail forms take over (x·e^t in four factors).
_TAIL = -700.0


def _x_sigmoid(x, t):
    """x·σ(t) for a gate argument t = t(x) with t → -∞ wherever |x| → ∞ and t < 0."""
    x = np.asarray(x)
    e = np.exp(-np.abs(t))  # in (0, 1]: never overflows
    with np.errstate(invalid="ignore"):  # ±inf·0 where t = -inf: in the tail, redone below
        out = np.asarray(x * np.where(t >= 0, 1.0, e) / (1 + e))
    tail = t < _TAIL  # rare: computed on those elements only
    if tail.any():
        xt = np.where(np.isinf(x[tail]), 0.0, x[tail])  # x·σ(t) → 0 there: x·e^t, t → -∞
        q = np.exp(t[tail] / 4)  # e^t = q⁴, each factor normal down to t = -2832
        out[tail] = xt * q * q * q * q
    return out


def _x_sigmoid_slope(t, w):
    """d/dx [x·σ(t(x))] = σ(t)(1 + w σ(-t)) with w = x t'(x), without cancellation.

    For t < 0, with e = e^t: e (1 + w + e) / (1 + e)², where 1 + w is exact when
    w ∈ [-2, -1/2] (Sterbenz), the interval holding the root of f'. For t ≥ 0, with
    e = e^-t: (1 + e + w e) / (1 + e)², a sum of positive terms for w ≥ 0.
    """
    w = np.where(np.isinf(t), 0.0, w)  # the limits (0 at t = -inf, 1 at +inf) need no w
    e = np.exp(-np.abs(t))
    out = np.asarray(np.where(t >= 0, (1 + e + w * e), e * ((1 + w) + e)) / ((1 + e) * (1 + e)))
    tail = t < _TAIL  # rare: computed on those elements only
    if tail.any():
        q = np.exp(t[tail] / 4)
        out[tail] = (1 + w[tail]) * q * q * q * q
    return out


# --8<-- [start:silu]
def silu(x):
    r"""SiLU, the sigmoid-weighted linear unit: x times its own sigmoid.

    .. math:: \operatorname{silu}(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}

    Computed as :math:`x/(1+e)` for x ≥ 0 and :math:`x e/(1+e)` for x < 0 with
    :math:`e = e^{-|x|}`, so nothing overflows; below x = -700 as :math:`x q^4`,
    :math:`q = e^{x/4}`, so that results down to the smallest subnormal keep their digits.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [-0.2785, inf).

    Example:
        >>> import refimpl
        >>> print(refimpl.silu([-1.0, 0.0, 1.0]))
        [-0.26894142  0.          0.73105858]
        >>> print(refimpl.silu(-1000.0), refimpl.silu(1000.0))
        -0.0 1000.0

    Reference: Hendrycks & Gimpel (2016), arXiv:1606.08415; Elfwing, Uchibe & Doya (2017),
    arXiv:1702.03118; Ramachandran, Zoph & Le (2017), arXiv:1710.05941.
    """
    return _x_sigmoid(x, x)


def silu_derivative(x):
    r""":math:`\operatorname{silu}'(x) = \sigma(x)\,(1 + x\,\sigma(-x))`, in the forms of
    ``_x_sigmoid_slope``: :math:`e(1 + x + e)/(1+e)^2` with :math:`e = e^x` for x < 0."""
    return _x_sigmoid_slope(x, x)


def swish(x, beta=1.0):
    r"""Swish: x times the sigmoid of βx.

    .. math:: \operatorname{swish}_\beta(x) = x\,\sigma(\beta x)

    ``swish(x, beta=1.0)`` is :func:`silu` and returns the same bits. β = 0 gives x/2;
    as β → +∞ it tends to ReLU; β < 0 mirrors the curve: swish_β(x) = x − swish_{-β}(x).

    Args:
        x: input array.
        beta: the slope β of the gate, any finite real number (trainable in Ramachandran et
            al. 2017; 1 in every framework that ships the function).

    Returns:
        An array of the shape and dtype of ``x``.

    Example:
        >>> import refimpl
        >>> print(refimpl.swish([-2.0, 0.0, 2.0], beta=0.0))
        [-1.  0.  1.]
        >>> print(refimpl.swish(2.0, beta=1.0) == refimpl.silu(2.0))
        True

    Reference: Ramachandran, Zoph & Le (2017), arXiv:1710.05941.
    """
    if beta == 0:
        return x * 0.5  # σ(0·x) = 1/2 even at x = ±inf, where 0·x would be NaN
    with np.errstate(over="ignore"):
        t = beta * x  # may overflow to ±inf: the right argument for σ
    return _x_sigmoid(x, t)


def swish_derivative(x, beta):
    r""":math:`\frac{d}{dx}\,x\sigma(\beta x) = \sigma(t)(1 + t\,\sigma(-t))`, t = βx."""
    if beta == 0:
        return np.where(np.isnan(x), x, 0.5)
    with np.errstate(over="ignore"):
        t = beta * x
    return _x_sigmoid_slope(t, t)
# --8<-- [end:silu]


# --8<-- [start:gelu]
def gelu(x, approximate="none"):
    r"""GELU, the Gaussian error linear unit: x times the standard normal CDF Φ(x).

    .. math:: \operatorname{gelu}(x) = x\,\Phi(x) = \frac{x}{2}\operatorname{erfc}\!\Big(-\frac{x}{\sqrt 2}\Big)

    With ``approximate="tanh"``, the approximation of Hendrycks & Gimpel (2016), written
    without cancellation:

    .. math:: \tfrac12 x\,(1 + \tanh u) = x\,\sigma(2u), \qquad u = \sqrt{2/\pi}\,(x + 0.044715\,x^3)

    Exact form, in three pieces, each computed on its own elements: :math:`x\,\Phi(x)` with
    ``scipy.special.ndtr`` for x ≥ -1; :math:`x\,P(x)\,e^{-x^2/2}` for -3 ≤ x < -1, with
    :math:`P = \Phi\,e^{x^2/2}` from a Taylor series (``_gauss_ratio``); and below,
    :math:`\tfrac12 x\,\operatorname{erfcx}(-x/\sqrt2)\,e^{-x^2/2}`, where erfcx is the scaled
    complement (well conditioned). :math:`e^{-x^2/2}` is built from the exact square
    :math:`x^2 = h + l` (Dekker) as :math:`e^{-l/2}\,g\,g`, :math:`g = e^{-h/4}`, so that
    the result rounds once, also where it is subnormal (-38.6 < x < -37.5).

    Args:
        x: input array.
        approximate: ``"none"`` (exact, the default, as in PyTorch) or ``"tanh"``.

    Returns:
        An array of the shape and dtype of ``x``, in [-0.17, inf).

    Example:
        >>> import refimpl
        >>> print(refimpl.gelu([-1.0, 0.0, 1.0]))
        [-0.15865525  0.          0.84134475]
        >>> print(refimpl.gelu(-38.0))  # subnormal, not flushed to 0
        -1.096462777e-314
        >>> print(refimpl.gelu(-1.0, approximate="tanh"))
        -0.15880800939172326

    Reference: Hendrycks & Gimpel (2016), arXiv:1606.08415.
    """
    from scipy import special  # here, not at the top: `import refimpl` stays light

    if approximate == "tanh":
        xc = np.clip(x, -1e5, 1e5)  # beyond, σ(2u) is exactly 0 or 1; x³ would overflow
        u = SQRT_2_OVER_PI * xc * (1 + GELU_TANH_CUBIC * xc * xc)
        return _x_sigmoid(x, 2 * u)
    x = np.asarray(x, dtype=float)

    def upper(v):  # x ≥ -1
        return v * special.ndtr(v)

    def middle(v):  # -3 ≤ x < -1
        return _times_gauss(v * _gauss_ratio(v), v)

    def tail(v):  # x < -3, and NaN
        v = np.maximum(v, -40.0)  # x·Φ(x) rounds to 0 below -38.6; -inf becomes -40
        return _times_gauss(0.5 * v * special.erfcx(v * -math.sqrt(0.5)), v)

    return np.piecewise(x, [x >= -1, (x >= -3) & (x < -1)], [upper, middle, tail])


def _gelu_slope_series(x0, x0_lo, terms):
    """Taylor coefficients of g = gelu'/φ = x + Φ/φ about its root x0 = x0 + x0_lo.

    g solves g' = 2 - x² + x g (from φ' = -xφ), so with d = x - x0 the coefficients follow
    (k+1) a[k+1] = [2 - x0², -2 x0, -1][k] + x0 a[k] + a[k-1], a[0] = g(x0) = 0.
    """
    a = [0.0, 2 - x0 * x0 - 2 * x0 * x0_lo]
    for k in range(1, terms):
        a.append((x0 * a[k] + a[k - 1] - (2 * x0 if k == 1 else 1.0 if k == 2 else 0.0))
                 / (k + 1))
    return tuple(a)


# P(a) = Φ(a)·e^{a²/2} at a = -2.875, -2.625, ..., -0.625 (mpmath, rounded to nearest).
_RATIO_AT = (0.12596172279110265, 0.1358355990527586, 0.14725406811450736,
             0.16058009965156322, 0.1762908913558997, 0.1950231099182575,
             0.2176398236545568, 0.24533138893179401, 0.2797705702723972, 0.323356168715662)


def _ratio_series(a, p, terms=16):
    """Taylor coefficients of P = Φ(x)e^{x²/2} about a, from P' = 1/√(2π) + xP."""
    b = [p, 1 / math.sqrt(2 * math.pi) + a * p]
    for k in range(1, terms):
        b.append((a * b[k] + b[k - 1]) / (k + 1))
    return b


_RATIO = np.array([_ratio_series(-2.875 + j / 4, p) for j, p in enumerate(_RATIO_AT)])


def _gauss_ratio(x):
    """P(x) = Φ(x)e^{x²/2} for -3 <= x < -0.5: Taylor series about the nearest of the ten
    points a = -2.875 + j/4, |x - a| <= 1/8 (16 terms reach 1e-17 of the first). Elsewhere
    the values are meaningless and not used."""
    j = np.clip(np.floor((np.where(np.isnan(x), 0, x) + 3) * 4), 0, 9).astype(int)
    d = x - (-2.875 + j / 4)  # exact: a and x are within a factor 2 of each other
    coef = _RATIO.T[:, j]  # one gather; row k holds each element's k-th coefficient
    acc = np.zeros_like(x)
    for k in range(_RATIO.shape[1] - 1, -1, -1):
        acc = acc * d + coef[k]
    return acc


# The root of gelu' (the minimum of gelu) as a double plus its remainder, from mpmath.
_GELU_ROOT = (-0.7517915246935645, 1.4956759177009883e-17)
# 17 terms: on |x - x0| <= 1/4 the next one is below 1e-17 of the first.
_GELU_SLOPE = _gelu_slope_series(*_GELU_ROOT, 17)


def _times_gauss(a, x):
    """a·e^{-x²/2} for |x| <= 40, from the exact square x² = h + l and two normal factors."""
    c = 134217729.0 * x  # Veltkamp: x = xh + xl exactly, each with at most 26 bits
    xh = c - (c - x)
    xl = x - xh
    h = x * x
    lo = ((xh * xh - h) + 2 * xh * xl) + xl * xl  # h + lo = x² exactly
    g = np.exp(-h / 4)  # ≥ e^-400: normal
    return (a * np.exp(-lo / 2)) * g * g


def gelu_derivative(x, approximate):
    r""":math:`\operatorname{gelu}'(x) = \Phi(x) + x\,\varphi(x)`.

    For x < 0 as :math:`\varphi(x)\,(x + m)`, :math:`m = \Phi(x)/\varphi(x) =
    \sqrt{\pi/2}\operatorname{erfcx}(-x/\sqrt2)`; tanh form:
    :math:`\sigma(2u)(1 + 2xu'\sigma(-2u))`.
    """
    from scipy import special

    if approximate == "tanh":
        xc = np.clip(x, -1e5, 1e5)
        u = SQRT_2_OVER_PI * xc * (1 + GELU_TANH_CUBIC * xc * xc)
        w = 2 * xc * SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_CUBIC * xc * xc)  # x·(2u)'
        return _x_sigmoid_slope(2 * u, w)
    xn = np.clip(x, -40.0, 0.0)
    mills = math.sqrt(math.pi / 2) * special.erfcx(xn * -math.sqrt(0.5))  # Φ(x)/φ(x)
    d = (xn - _GELU_ROOT[0]) - _GELU_ROOT[1]  # x - x0, to within 1/2 ulp of the result
    near = np.abs(d) <= 0.25
    g = np.where(near, d * np.polyval(_GELU_SLOPE[:0:-1], np.where(near, d, 0)), xn + mills)
    neg = _times_gauss(g / math.sqrt(2 * math.pi), xn)  # φ(x)·g(x), g = x + Φ(x)/φ(x)
    mid = _times_gauss(xn / math.sqrt(2 * math.pi) + _gauss_ratio(xn), xn)
    neg = np.where(near | (xn < -3), neg, mid)
    xp = np.clip(x, -0.5, 40.0)  # x·φ(x) is 0 beyond 38.6; keeps x² finite and inf·0 away
    pos = special.ndtr(xp) + _times_gauss(xp / math.sqrt(2 * math.pi), xp)
    return np.where(x >= -0.5, np.where(np.isinf(x), 1.0, pos), np.where(np.isnan(x), x, neg))
# --8<-- [end:gelu]


# --8<-- [start:quick_gelu]
# The gate's slope 1.702 (Hendrycks & Gimpel 2016, §2) as the double nearest it plus the rest
# (mpmath): the argument 1.702·x is carried as p + s, p = fl(1.702·x), so that the result keeps
# its accuracy for large |x|, where σ magnifies an error in its argument |x| times.
QUICK_GELU_SLOPE = 1.702
_QUICK_GELU_SLOPE_LO = 4.263256414560601e-17
# Dekker's split of the slope into two halves of 26 bits, whose products with x's halves are exact
_SPLIT = 134217729.0 * QUICK_GELU_SLOPE
_SLOPE_HI = _SPLIT - (_SPLIT - QUICK_GELU_SLOPE)
_SLOPE_MID = QUICK_GELU_SLOPE - _SLOPE_HI
# Beyond |x| = 1e4 the correction s no longer matters (the result is 0, or x to the last bit).
_NEAR = 1e4


def _quick_gelu_argument(x):
    """t = 1.702·x as p + s: p = fl(1.702·x) (±inf past 1.06e308) and the rest s, |s| <= 2^-52 |p|.

    s is 0 where |x| > 1e4 and at NaN. Without FMA, the rounding error of p is recovered with
    Dekker's product: x is split like the slope, and the four partial products are exact.
    """
    with np.errstate(over="ignore"):  # 1.702·x beyond the largest double: ±inf, the right gate
        p = QUICK_GELU_SLOPE * x
    near = np.abs(x) <= _NEAR  # False at NaN
    xc = np.where(near, x, 0.0)
    c = 134217729.0 * xc
    xh = c - (c - xc)
    xl = xc - xh
    pc = QUICK_GELU_SLOPE * xc
    err = ((_SLOPE_HI * xh - pc) + _SLOPE_HI * xl + _SLOPE_MID * xh) + _SLOPE_MID * xl
    return p, err + _QUICK_GELU_SLOPE_LO * xc, near


def quick_gelu(x):
    r"""QuickGELU: x times the sigmoid of 1.702x, a sigmoid approximation of the GELU.

    .. math:: \operatorname{quick\_gelu}(x) = x\,\sigma(1.702\,x)

    With t = 1.702x = p + s (``_quick_gelu_argument``), :math:`x\,\sigma(p)` as for SiLU
    (from :math:`e^{-|p|}`, and below p = -700 as :math:`x q^4`, :math:`q = e^{p/4}`), then the
    first-order correction :math:`\sigma(p + s) = \sigma(p)\,(1 + s\,\sigma(-p))`.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [-0.164, inf).

    Example:
        >>> import refimpl
        >>> print(refimpl.quick_gelu([-1.0, 0.0, 1.0]))
        [-0.15420423  0.          0.84579577]
        >>> print(refimpl.quick_gelu(-1000.0), refimpl.quick_gelu(1000.0))
        -0.0 1000.0

    Reference: Hendrycks & Gimpel (2016), arXiv:1606.08415, §2; OpenAI's CLIP code
    (``QuickGELU`` in clip/model.py).
    """
    p, s, near = _quick_gelu_argument(x)
    y = _x_sigmoid(x, p)
    e = np.exp(-np.abs(np.where(near, p, 0.0)))
    gain = np.where(near, s * np.where(p >= 0, e, 1.0) / (1 + e), 0.0)  # s·σ(-p)
    return y + np.where(near, y, 0.0) * gain


def quick_gelu_derivative(x):
    r""":math:`\operatorname{quick\_gelu}'(x) = \sigma(t)\,(1 + t\,\sigma(-t))`, t = 1.702x.

    ``_x_sigmoid_slope`` at p, plus the correction :math:`s\,g'(p)` with
    :math:`g'(p) = \sigma(p)\sigma(-p)\,(2 - p\tanh(p/2))`.
    """
    p, s, near = _quick_gelu_argument(x)
    g = _x_sigmoid_slope(p, p)
    pn = np.where(near, p, 0.0)
    e = np.exp(-np.abs(pn))
    curvature = e / ((1 + e) * (1 + e)) * (2 - pn * np.tanh(pn / 2))
    return g + np.where(near, s * curvature, 0.0)
# --8<-- [end:quick_gelu]


# --8<-- [start:gelu_10]
def _check_clip(clip_min, clip_max):
    if not clip_min < clip_max:
        raise ValueError(f"gelu_10: clip_min must be below clip_max, got clip_min={clip_min!r}, "
                         f"clip_max={clip_max!r}")


def gelu_10(x, clip_min=-10.0, clip_max=10.0):
    r"""The exact GELU clipped to [clip_min, clip_max]: Hugging Face's ``"gelu_10"``.

    .. math:: \operatorname{gelu\_10}(x) = \min\bigl(\max(x\,\Phi(x), a), b\bigr), \qquad
              a = -10,\ b = 10

    ``numpy.clip`` of ``gelu``, as transformers' ``ClippedGELUActivation`` does with
    ``torch.clip``; the clip adds no rounding, and it propagates NaN. The default lower bound
    never acts: the GELU's minimum is about −0.17.

    Args:
        x: input array.
        clip_min: the lower bound a (finite, below ``clip_max``).
        clip_max: the upper bound b (finite, above ``clip_min``).

    Returns:
        An array of the shape and dtype of ``x``, in [max(a, −0.17), b].

    Raises:
        ValueError: if ``clip_min >= clip_max``.

    Example:
        >>> import refimpl
        >>> print(refimpl.gelu_10([-1.0, 1.0, 10.0, 12.0]))
        [-0.15865525  0.84134475 10.         10.        ]

    Reference: Hugging Face transformers 5.25.0, ``ClippedGELUActivation`` in activations.py.
    """
    _check_clip(clip_min, clip_max)
    return np.clip(gelu(x), clip_min, clip_max)


def gelu_10_derivative(x, clip_min, clip_max):
    r""":math:`\operatorname{gelu}'(x)` where :math:`a < \operatorname{gelu}(x) < b`, else 0:
    0 where the GELU equals a bound, as PyTorch's clamp backward (strict comparisons)."""
    _check_clip(clip_min, clip_max)
    g = gelu(x)
    inside = (g > clip_min) & (g < clip_max)
    return np.where(np.isnan(x), x, np.where(inside, gelu_derivative(x, "none"), 0.0))
# --8<-- [end:gelu_10]


# --8<-- [start:mish]
def mish(x):
    r"""Mish: x times tanh of softplus(x).

    .. math:: \operatorname{mish}(x) = x \tanh\bigl(\ln(1 + e^{x})\bigr)

    tanh(softplus(x)) = ((1+e^x)² − 1)/((1+e^x)² + 1) is computed from :math:`e = e^{-|x|}`
    as a ratio of positive terms: :math:`n/(n+2)`, :math:`n = e(e+2)` for x ≤ 0 and
    :math:`(1+2e)/(1+2e+2e^2)` for x > 0. Below x = -700, :math:`x q^4` with
    :math:`q = e^{x/4}` (there tanh(softplus(x)) = e^x to the last bit).

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [-0.31, inf).

    Example:
        >>> import refimpl
        >>> print(refimpl.mish([-1.0, 0.0, 1.0]))
        [-0.30340146  0.          0.86509839]
        >>> print(refimpl.mish(-1000.0), refimpl.mish(1000.0))
        -0.0 1000.0

    Reference: Misra (2019), arXiv:1908.08681.
    """
    xn = np.clip(x, -1e4, 0)  # mish(x) rounds to 0 below -1e4; keeps inf·0 away
    e = np.exp(-np.abs(x))
    n = e * (e + 2)
    q = np.exp(xn / 4)
    return np.where(x > 0, x * ((1 + 2 * e) / (1 + 2 * e + 2 * e * e)),
                    np.where(x < _TAIL, xn * q * q * q * q, xn * (n / (n + 2))))


def mish_derivative(x):
    r""":math:`\operatorname{mish}'(x) = \tanh(s) + x\,\operatorname{sech}^2(s)\,\sigma(x)`,
    s = softplus(x).

    With :math:`e = e^{x}` (x ≤ 0): :math:`e\,[e((6 + 4x) + e(e + 4)) + 4(1 + x)]/(n+2)^2`,
    where 6 + 4x and 1 + x are exact near the root x ≈ -1.19. With :math:`e = e^{-x}`
    (x > 0): :math:`[(1 + 2e)D + 4x e^2 (1 + e)]/D^2`, :math:`D = 1 + 2e + 2e^2`.
    """
    xn = np.clip(x, -1e4, 0)  # beyond -1e4 and 1e4 the results are 0 and 1: clipping keeps
    xp = np.clip(x, 0, 1e4)  # 4x finite and inf·0 away
    e = np.exp(-np.abs(x))
    n = e * (e + 2)
    d = 1 + 2 * e + 2 * e * e
    q = np.exp(xn / 4)
    neg = e * (e * ((6 + 4 * xn) + e * (e + 4)) + 4 * (1 + xn)) / ((n + 2) * (n + 2))
    pos = ((1 + 2 * e) * d + 4 * xp * e * e * (1 + e)) / (d * d)
    return np.where(x > 0, pos, np.where(x < _TAIL, (1 + xn) * q * q * q * q, neg))
# --8<-- [end:mish]


def _finite_real(v):
    return (not isinstance(v, bool) and isinstance(v, (int, float, np.integer, np.floating))
            and math.isfinite(v))


def _gelu_textbook(x, approximate):
    """0.5·x·(1 + erf(x/√2)), or with approximate="tanh" the tanh form, as usually written."""
    from scipy.special import erf  # only the accuracy page asks: import refimpl stays light

    if approximate == "tanh":
        return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))
    return 0.5 * x * (1 + erf(x / math.sqrt(2)))


_SELF_GATED = dict(monotonic="no", smoothness="Cinf", saturates=(True, False),
                   attained=(True, False))

register(Entry(
    name="gelu",
    fn=gelu,
    derivative_fn=gelu_derivative,
    title="GELU",
    summary="The Gaussian error linear unit x·Φ(x) weights its input by the standard normal "
            "CDF of that input. BERT and GPT-2 use it in the feed-forward layers of their "
            "Transformers: BERT's first release the exact form, its code from February 2019 "
            "and GPT-2's the tanh approximation.",
    family="smooth self-gated",
    params=(Param("approximate", "one of 'none', 'tanh'",
                  "'none': exact x·Φ(x); 'tanh': the approximation "
                  "x·σ(2√(2/π)(x + 0.044715x³)) of Hendrycks & Gimpel",
                  lambda v: isinstance(v, str) and v in ("none", "tanh")),),
    latex=r"\operatorname{gelu}(x) = x\,\Phi(x) = \frac{x}{2}\Bigl(1 + "
          r"\operatorname{erf}\frac{x}{\sqrt 2}\Bigr)",
    derivative_latex=r"\operatorname{gelu}'(x) = \Phi(x) + x\,\varphi(x), \quad "
                     r"\varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}",
    declared=Properties(range=(-0.16997120747990366, np.inf), **_SELF_GATED),
    origin=("hendrycks2016gaussian",),
    frameworks={
        "pytorch": Framework(("torch.nn.GELU", "torch.nn.functional.gelu"),
                             "torch.nn.functional.gelu({x})",
                             "Computes 0.5·x·(1 + erf(x/√2)), which cancels for negative x: in "
                             "float64 it is 2% off at x = −8, exactly 0 below x ≈ −8.37, and "
                             "NaN at −inf (measured, torch 2.14.1)."),
        "jax": Framework(("jax.nn.gelu",), "jax.nn.gelu({x}, approximate=False)",
                         "Defaults to `approximate=True`, the tanh form; "
                         "`approximate=False` gives the exact GELU (through erfc, accurate in "
                         "the tail; NaN at −inf)."),
        "keras": Framework(("keras.activations.gelu", "keras.ops.gelu"),
                           "keras.activations.gelu({x})",
                           "`keras.activations.gelu` defaults to `approximate=False` (exact) "
                           "but `keras.ops.gelu` to `approximate=True` (tanh); the flag is a "
                           "bool. Under the default `floatx` it returns float32, 0 below "
                           "x ≈ −5.54."),
    },
    shape=("is 0 at the origin, dips to a minimum of about −0.170 at x ≈ −0.752 and then "
           "rises to follow the line y = x", "rises from 0 through a minimum of about −0.129 "
           "at x = −√2, through 0 at x ≈ −0.752 and 0.5 at x = 0, to a maximum of about "
           "1.129 at x = √2, and then falls back to 1"),
    textbook=_gelu_textbook,
))

register(Entry(
    name="quick_gelu",
    fn=quick_gelu,
    derivative_fn=quick_gelu_derivative,
    title="QuickGELU",
    summary="x·σ(1.702x), the sigmoid approximation of the GELU that Hendrycks and Gimpel give "
            "beside the tanh form. OpenAI's CLIP computes it in the feed-forward blocks of its "
            "Transformers, so its weights expect it.",
    family="smooth self-gated",
    aliases=("quickgelu",),
    latex=r"\operatorname{quick\_gelu}(x) = x\,\sigma(1.702\,x)",
    derivative_latex=r"\operatorname{quick\_gelu}'(x) = \sigma(t)\bigl(1 + t\,\sigma(-t)\bigr), "
                     r"\quad t = 1.702\,x",
    declared=Properties(range=(-0.16361018963635357, np.inf), **_SELF_GATED),
    origin=("hendrycks2016gaussian",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("is 0 at the origin, dips to a minimum of about −0.164 at x ≈ −0.751 and then "
           "rises to follow the line y = x", "rises from 0 through a minimum of about −0.100 "
           "at x ≈ −1.410, through 0 at x ≈ −0.751 and 0.5 at x = 0, to a maximum of about "
           "1.100 at x ≈ 1.410, and then falls back to 1"),
    textbook=lambda x: x * (1 / (1 + np.exp(-1.702 * x))),
    page="gelu",
))

register(Entry(
    name="gelu_10",
    fn=gelu_10,
    derivative_fn=gelu_10_derivative,
    title="Clipped GELU (gelu_10)",
    summary="The exact GELU clipped to [{clip_min:g}, {clip_max:g}], Hugging Face transformers' "
            "\"gelu_10\" (ClippedGELUActivation), whose docstring gives quantization as the "
            "reason. Only the upper bound acts by default: the GELU never falls below −0.17.",
    family="smooth self-gated",
    aliases=("clipped_gelu",),
    params=(Param("clip_min", "a finite real number, below clip_max",
                  "lower bound a of the output", _finite_real),
            Param("clip_max", "a finite real number, above clip_min",
                  "upper bound b of the output", _finite_real)),
    latex=r"\operatorname{gelu\_10}(x) = \min\bigl(\max(x\,\Phi(x), a), b\bigr), "
          r"\quad a = -10,\ b = 10",
    derivative_latex=r"\operatorname{gelu\_10}'(x) = \begin{cases} \Phi(x) + x\,\varphi(x) & "
                     r"a < x\,\Phi(x) < b \\ 0 & \text{otherwise} \end{cases}",
    declared=Properties(range=(-0.16997120747990366, 10.0), monotonic="no", smoothness="C0",
                        saturates=(True, True), attained=(True, True)),
    kinks=lambda clip_min, clip_max: (
        Kink(10.0, 0.0, "gelu(x) = 10 at x = 10 + 7.6·10⁻²³, whose nearest double is 10, where "
                        "gelu(10) rounds to exactly 10.0. The left derivative is gelu′(10) = 1 "
                        "to double precision, the right 0; refimpl returns 0, as PyTorch 2.14.1 "
                        "does: clamp's backward passes the gradient only where "
                        "min < gelu(x) < max."),),
    origin=("hendrycks2016gaussian",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("is the GELU up to x = {clip_max:g}: 0 at the origin, a minimum of about −0.170 at "
           "x ≈ −0.752, then close to the line y = x, and constant at {clip_max:g} beyond",
           "is the GELU's derivative up to x = {clip_max:g}, about 1 there, and drops to 0 "
           "beyond (taken as 0 at the corner, dot)"),
    textbook=lambda x, clip_min, clip_max: np.clip(_gelu_textbook(x, "none"), clip_min, clip_max),
    page="gelu",
))

register(Entry(
    name="silu",
    fn=silu,
    derivative_fn=silu_derivative,
    title="SiLU / Swish",
    summary="The sigmoid-weighted linear unit x·σ(x), also called Swish (Swish with β = 1). "
            "The default activation of EfficientNet's reference code (tensorflow/tpu, commit "
            "a2d5e42) and, as the gate of SwiGLU, part of the feed-forward layers of LLaMA "
            "(meta-llama/llama, commit 1076b9c).",
    family="smooth self-gated",
    latex=r"\operatorname{silu}(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}",
    derivative_latex=r"\operatorname{silu}'(x) = \sigma(x)\bigl(1 + x\,\sigma(-x)\bigr)",
    declared=Properties(range=(-0.2784645427610738, np.inf), **_SELF_GATED),
    origin=("hendrycks2016gaussian", "elfwing2017sigmoid", "ramachandran2017searching"),
    frameworks={
        "pytorch": Framework(("torch.nn.SiLU", "torch.nn.functional.silu"),
                             "torch.nn.functional.silu({x})",
                             "Computes x / (1 + exp(−x)) (its CPU and CUDA kernels), so NaN at "
                             "−inf, and −0 at x = −710, where x·σ(x) ≈ −3.2e-306 is a normal "
                             "double."),
        "jax": Framework(("jax.nn.silu", "jax.nn.swish"), "jax.nn.silu({x})",
                         "`jax.nn.swish` is the same function object as `jax.nn.silu`; NaN "
                         "at −inf."),
        "keras": Framework(("keras.activations.silu", "keras.activations.swish",
                            "keras.ops.silu", "keras.ops.swish"),
                           "keras.activations.silu({x})",
                           "`swish` is the same function as `silu`, in `keras.activations` "
                           "and in `keras.ops`."),
    },
    shape=("is 0 at the origin, dips to a minimum of about −0.278 at x ≈ −1.278 and then "
           "rises to follow the line y = x", "rises from 0 through a minimum of about −0.100 "
           "at x ≈ −2.40, through 0 at x ≈ −1.278 and 0.5 at x = 0, to a maximum of about "
           "1.100 at x ≈ 2.40, and then falls back to 1"),
    textbook=lambda x: x * (1 / (1 + np.exp(-x))),
))

register(Entry(
    name="swish",
    fn=swish,
    derivative_fn=swish_derivative,
    title="Swish",
    summary="x·σ(βx): the SiLU with a slope β in its gate, found by an automated search over "
            "activation functions. β = 1 is the SiLU, β = 0 the line x/2, and large β "
            "approaches ReLU.",
    family="smooth self-gated",
    params=(Param("beta", "a finite real number",
                  "the slope β of the gate σ(βx); a constant or a trained parameter",
                  _finite_real),),
    latex=r"\operatorname{swish}_\beta(x) = x\,\sigma(\beta x)",
    derivative_latex=r"\operatorname{swish}_\beta'(x) = \sigma(\beta x)\bigl(1 + "
                     r"\beta x\,\sigma(-\beta x)\bigr)",
    declared=Properties(range=(-0.2784645427610738, np.inf), **_SELF_GATED),
    origin=("ramachandran2017searching",),
    frameworks={
        "pytorch": Framework(("torch.nn.SiLU", "torch.nn.functional.silu"),
                             "torch.nn.functional.silu({x})",
                             "No function named swish and no β: `torch.nn.SiLU` is Swish with "
                             "β = 1 (its docstring: \"also known as the swish function\")."),
        "jax": Framework(("jax.nn.swish",), "jax.nn.swish({x})",
                         "No β: `jax.nn.swish` is `jax.nn.silu`, Swish with β = 1."),
        "keras": Framework(("keras.activations.swish", "keras.ops.swish"),
                           "keras.activations.swish({x})",
                           "No β: `swish` is `silu`, Swish with β = 1."),
    },
    shape=("(β = 1, the SiLU) is 0 at the origin, dips to a minimum of about −0.278 at "
           "x ≈ −1.278 and then rises to follow the line y = x", "rises from 0 through 0 at "
           "x ≈ −1.278 and 0.5 at x = 0 to a maximum of about 1.100 at x ≈ 2.40, and then "
           "falls back to 1"),
    textbook=lambda x, beta: x * (1 / (1 + np.exp(-beta * x))),
    page="silu",
))

register(Entry(
    name="mish",
    fn=mish,
    derivative_fn=mish_derivative,
    title="Mish",
    summary="x·tanh(softplus(x)): a smooth, non-monotonic self-gated unit close to SiLU with a "
            "deeper minimum. Its paper reports it ahead of Leaky ReLU in YOLOv4 with a "
            "CSP-DarkNet-53 backbone.",
    family="smooth self-gated",
    latex=r"\operatorname{mish}(x) = x \tanh\bigl(\ln(1 + e^{x})\bigr)",
    derivative_latex=r"\operatorname{mish}'(x) = \tanh(s) + x\,\operatorname{sech}^2(s)\,"
                     r"\sigma(x), \quad s = \ln(1 + e^{x})",
    declared=Properties(range=(-0.30884341301725043, np.inf), **_SELF_GATED),
    origin=("misra2019mish",),
    frameworks={
        "pytorch": Framework(("torch.nn.Mish", "torch.nn.functional.mish"),
                             "torch.nn.functional.mish({x})", "NaN at −inf."),
        "jax": Framework(("jax.nn.mish",), "jax.nn.mish({x})", "NaN at −inf."),
        "keras": Framework(("keras.activations.mish",), "keras.activations.mish({x})",
                           "NaN at −inf."),
    },
    shape=("is 0 at the origin, dips to a minimum of about −0.309 at x ≈ −1.192 and then "
           "rises to follow the line y = x", "rises from 0 through a minimum of about −0.113 "
           "at x ≈ −2.26, through 0 at x ≈ −1.192 and 0.6 at x = 0, to a maximum of about "
           "1.088 at x ≈ 1.49, and then falls back to 1"),
    textbook=lambda x: x * np.tanh(np.log(1 + np.exp(x))),
))
