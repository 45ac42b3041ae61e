"""The gated and shaping units: GLU and its variants (SwiGLU, GEGLU, ReGLU), and maxout.

These functions change the size of one axis. The GLU family splits ``x`` into halves
``a, b = x[:n/2], x[n/2:]`` along ``axis`` and returns ``a * g(b)`` (half the size), where the
gate ``g`` is the sigmoid, SiLU, GELU or ReLU entry of this registry, looked up when called.
Maxout returns the maximum of each run of ``pieces`` consecutive elements (1/pieces the size).

Accuracy of ``a * g(b)``. Where ``g(b)`` is a normal double the product is within a few ulp.
Where ``g(b)`` would be subnormal (b below about -700 for the sigmoid and SiLU gates, below -37
for GELU) it has lost relative precision, and multiplying by a large ``a`` would show it; there
the product is formed instead from ``g(b) = h(b) e^{t(b)}`` as ``ldexp(m h e^r, k + n)``, with
``a = m 2^k`` and ``t = r + n ln 2``, so that it is rounded once, at the end. Likewise for
|b| < 2^-1000, where silu(b) and gelu(b) equal b/2 to double precision but may be subnormal,
SwiGLU and GEGLU form (a/2) b. ±inf times a gate
that is exactly 0 at a finite ``b`` (ReGLU for b <= 0, SwiGLU and GEGLU at b = 0) is 0: there
``f`` is 0 for every finite ``a``. A gate that is 0 only in the limit (``b = -inf``) times ±inf
is NaN, undefined, without a warning.
"""

import math

import numpy as np

from .registry import (Entry, Framework, Kink, Param, Properties, axis_param, real_param,
                       register)

# fdlibm's split of ln 2: LN2_HI has its low 21 bits zero, so n * LN2_HI is exact for |n| < 2^21
# (here |n| <= 2886) and t - n ln 2 is reduced without error beyond that of t itself.
LN2_HI = 6.93147180369123816490e-01
LN2_LO = 1.90821492927058770002e-10
SQRT_HALF = np.sqrt(0.5)


def _entry(name):
    # Looked up at call time: silu and gelu live in another family module, and an import cycle
    # (or an import order) must not decide whether this module loads.
    from .registry import get

    return get(name)


def _halves(x, axis, owner):
    """(a, b, axis): the two halves of x along axis, with the reason when x cannot be split.

    The registry entry has checked that x has this axis."""
    axis %= x.ndim
    n = x.shape[axis]
    if n % 2:
        raise ValueError(f"{owner}: the size of axis {axis} must be even to split x into halves "
                         f"a and b, got {n}")
    a, b = np.split(x, 2, axis=axis)
    return a, b, axis


def _scaled_product(a, h, t, tail):
    """a * h * e^t where tail is true, rounded once: e^t alone may be far below the doubles.

    t is clipped at -2000: beyond it |a h e^t| < 2^1024 * 2000 * e^-2000 rounds to 0 anyway."""
    t = np.where(tail, np.maximum(t, -2000.0), 0.0)
    n = np.rint(t / LN2_HI)
    r = (t - n * LN2_HI) - n * LN2_LO
    m, k = np.frexp(a)
    n = np.where(np.isfinite(n), n, 0).astype(np.int64)
    return np.ldexp(m * h * np.exp(r), k + n)


def _gate(a, g, b, tail=None, h=None, t=None, half_slope=False, zero=None):
    """a * g with the conventions of the module docstring; where `tail`, a * h * e^t instead.

    zero: where the gate is exactly 0 at a finite b (not merely rounded to 0), so that
    f = 0 for every finite a and the result for a = +-inf is 0 too.

    half_slope: g(b) = b/2 to double precision for |b| < 2^-1000 (silu, gelu), where g(b) itself
    may be subnormal; there a * g is formed as (a/2) * b, rounded once."""
    with np.errstate(over="ignore", invalid="ignore"):  # inf results are correctly rounded
        out = a * g
        if tail is not None and tail.any():
            out = np.where(tail & (b != -np.inf), _scaled_product(a, h, t, tail), out)
        if half_slope:
            out = np.where(np.abs(b) < 2.0 ** -1000, (a * 0.5) * b, out)
        if zero is not None:  # f(a, b) = 0 for every finite a: so also in the limit a -> +-inf
            out = np.where(np.isinf(a) & zero, np.copysign(0.0, a), out)
    return out


def _vjp(x, upstream, axis, owner, gate, dgate):
    """[upstream * g(b), upstream * a * g'(b)] along axis: the product rule for a * g(b)."""
    a, b, axis = _halves(x, axis, owner)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.concatenate([upstream * gate(b), upstream * a * dgate(b)], axis=axis)


# --8<-- [start:glu]
def glu(x, axis=-1):
    r"""Gated linear unit: the first half of x times the sigmoid of the second half.

    .. math:: \operatorname{glu}(x) = a \otimes \sigma(b), \qquad
              a = x_{[:n/2]},\; b = x_{[n/2:]} \text{ along the axis}

    The sigmoid is refimpl's. For b < -700, where sigma(b) = e^b to within 1e-304 relative and
    e^b may be subnormal, the product is formed from e^b = e^r 2^n and rounded once.

    Args:
        x: input array; its size along ``axis`` must be even.
        axis: the axis to split, like ``torch.nn.functional.glu``'s ``dim``.

    Returns:
        An array of the dtype of ``x`` and its shape with the size along ``axis`` halved.

    Example:
        >>> import refimpl
        >>> print(refimpl.glu([1.0, -2.0, 0.0, 1000.0]))
        [ 0.5 -2. ]

    Reference: Dauphin, Fan, Auli & Grangier (2017), arXiv:1612.08083.
    """
    a, b, _ = _halves(x, axis, "glu")
    tail = b < -700
    return _gate(a, _entry("sigmoid")(b), b, tail, 1.0, b)


def glu_vjp(x, upstream, axis):
    r""":math:`\partial f/\partial a = \sigma(b)`, :math:`\partial f/\partial b = a\,\sigma'(b)`."""
    s = _entry("sigmoid")
    return _vjp(x, upstream, axis, "glu", s, s.derivative)
# --8<-- [end:glu]


# --8<-- [start:swiglu]
def swiglu(x, axis=-1):
    r"""SwiGLU: the first half of x times the SiLU (Swish with beta = 1) of the second half.

    .. math:: \operatorname{swiglu}(x) = a \otimes \operatorname{silu}(b)
              = a \otimes b\,\sigma(b)

    The SiLU is refimpl's ``silu``. For b < -700, where silu(b) = b e^b to within 1e-304 relative
    and may be subnormal, the product is formed from e^b = e^r 2^n and rounded once.

    Args:
        x: input array; its size along ``axis`` must be even.
        axis: the axis to split.

    Returns:
        An array of the dtype of ``x`` and its shape with the size along ``axis`` halved.

    Example:
        >>> import refimpl
        >>> print(refimpl.swiglu([3.0, -2.0, 0.0, 1000.0]))
        [    0. -2000.]

    Reference: Shazeer (2020), arXiv:2002.05202.
    """
    a, b, _ = _halves(x, axis, "swiglu")
    tail = b < -700
    # h = b clipped like t: beyond -2000 the result is 0 for any a
    return _gate(a, _entry("silu")(b), b, tail, np.maximum(b, -2000.0), b, half_slope=True,
                 zero=b == 0)


def swiglu_vjp(x, upstream, axis):
    r""":math:`\partial f/\partial a = \operatorname{silu}(b)`,
    :math:`\partial f/\partial b = a\,\operatorname{silu}'(b)`."""
    s = _entry("silu")
    return _vjp(x, upstream, axis, "swiglu", s, s.derivative)
# --8<-- [end:swiglu]


# --8<-- [start:clamped_swiglu]
def _pairs(x, axis, owner):
    """(g, l, axis): the even and the odd elements of x along axis, that axis moved last.

    The registry entry has checked that x has this axis."""
    axis %= x.ndim
    n = x.shape[axis]
    if n % 2:
        raise ValueError(f"{owner}: the size of axis {axis} must be even to split x into pairs "
                         f"(gate, linear) = (x[2i], x[2i+1]), got {n}")
    moved = np.moveaxis(x, axis, -1)
    return moved[..., 0::2], moved[..., 1::2], axis


def clamped_swiglu(x, alpha=1.702, limit=7.0, axis=-1):
    r"""The clamped SwiGLU of gpt-oss: interleaved pairs (g, l), the gate g clamped from above.

    .. math:: f_i = (\hat l_i + 1)\,\hat g_i\,\sigma(\alpha \hat g_i), \qquad
              \hat g_i = \min(g_i, L), \quad \hat l_i = \min(\max(l_i, -L), L),

    with :math:`g_i = x_{2i}`, :math:`l_i = x_{2i+1}` along the axis and L = ``limit``: the
    ``swiglu`` of OpenAI's gpt_oss/torch/model.py. Computed as :math:`((\hat l + 1)\,
    \sigma(\alpha\hat g))\,\hat g`, so that a tiny :math:`\hat g` times a normal factor rounds
    once; for :math:`\alpha\hat g < -700`, where σ is below the normal doubles, as
    :math:`(\hat l + 1)\,\hat g\,e^{\alpha\hat g}` rounded once (as in ``glu``). The product
    :math:`\alpha\hat g` is taken exactly, as a double and its rounding error, which corrects σ
    and the exponent. :math:`\hat l + 1` is exact for :math:`\hat l \in [-2, -1/2]` (Sterbenz).

    Args:
        x: input array; its size along ``axis`` must be even.
        alpha: α, the slope of the sigmoid in the gate (gpt-oss: 1.702).
        limit: L > 0, the clamp (gpt-oss: 7.0, its ``swiglu_limit``); ``inf`` clamps nothing.
        axis: the axis whose elements pair up as (gate, linear).

    Returns:
        An array of the dtype of ``x`` and its shape with the size along ``axis`` halved.

    Example:
        >>> import refimpl
        >>> print(refimpl.clamped_swiglu([2.0, -1.0, 100.0, 100.0]))
        [ 0.         55.99962503]
        >>> print(refimpl.clamped_swiglu([100.0, 100.0], limit=float("inf")))
        [10100.]

    Reference: OpenAI (2025), gpt-oss, gpt_oss/torch/model.py; arXiv:2508.10925.
    """
    g, l, axis = _pairs(x, axis, "clamped_swiglu")
    g = np.minimum(g, limit)  # NaN stays NaN, as in torch.clamp
    a = np.clip(l, -limit, limit) + 1
    return np.moveaxis(_gated_product(a, g, alpha), -1, axis)


def _times_exactly(alpha, g):
    """(t, e): t = fl(alpha g) and alpha g = t + e exactly (Veltkamp's split, Dekker's product).

    e is taken as 0 where |t| >= 2^12 (σ(t) is then 0 or 1, or t beyond the tail's clip) or
    where a split could overflow (|alpha| or |g| >= 2^995)."""
    with np.errstate(over="ignore", invalid="ignore"):
        t = alpha * g
        ok = (np.abs(t) < 2.0 ** 12) & (np.abs(g) < 2.0 ** 995) & (abs(alpha) < 2.0 ** 995)
        a = alpha if abs(alpha) < 2.0 ** 995 else 0.0
        gs = np.where(ok, g, 0.0)
        c = 134217729.0 * a  # 2^27 + 1: a = ah + al, each with at most 26 bits
        ah = c - (c - a)
        al = a - ah
        c = 134217729.0 * gs
        gh = c - (c - gs)
        gl = gs - gh
        e = ((ah * gh - a * gs) + ah * gl + al * gh) + al * gl
    return t, np.where(ok, e, 0.0)


def _gated_product(a, g, alpha):
    """a·g·σ(αg), the factor a bounded or not, rounded as the docstring above says."""
    sigmoid = _entry("sigmoid")
    with np.errstate(over="ignore", invalid="ignore"):  # inf results are correctly rounded
        if alpha == 0:  # σ(0·g) = 1/2, also at g = ±inf
            t, e = np.zeros_like(g), np.zeros_like(g)
        else:
            t, e = _times_exactly(alpha, g)
        # σ(t + e) = σ(t)(1 + σ(-t) e) to first order, |e| <= ulp(t)/2: the rounding of αg,
        # worth up to |αg| ulp of σ, costs nothing
        out = (a * (sigmoid(t) * (1 + sigmoid(-t) * e))) * g
        tail = (t < -700) & ~(np.isinf(a) & np.isinf(g))  # inf·0 in the limit stays NaN
        if tail.any():
            # a·g·e^(t+e) = (m_a m_g e^r) 2^(k_a + k_g + n), t + e = r + n ln 2: no factor
            # overflows, and below t = -2300 the result is 0 even for |a|, |g| near 2^1024
            tt = np.where(tail, np.maximum(t, -2300.0), 0.0)
            n = np.rint(tt / LN2_HI)
            r = ((tt - n * LN2_HI) - n * LN2_LO) + np.where(tail, e, 0.0)
            m_a, k_a = np.frexp(a)
            m_g, k_g = np.frexp(np.where(np.isinf(g), np.sign(g), g))
            scaled = np.ldexp(m_a * m_g * np.exp(r), k_a + k_g + n.astype(np.int64))
            out = np.where(tail, scaled, out)
        # f = 0 for every finite value of the other factor: so also in its limit at ±inf
        zero = ((a == 0) & np.isinf(g)) | ((g == 0) & np.isinf(a))
        return np.where(zero, 0.0, out)


def clamped_swiglu_vjp(x, upstream, alpha, limit, axis):
    r""":math:`\partial f_i/\partial g_i = (\hat l_i + 1)\,\operatorname{swish}_\alpha'(\hat g_i)`
    for :math:`g_i < L`, :math:`\partial f_i/\partial l_i = \hat g_i\,\sigma(\alpha\hat g_i)` for
    :math:`|l_i| < L`, and 0 beyond the clamps and at them: PyTorch 2.14.1's clamp backward
    compares strictly (``where(self < max, grad, 0)``). A NaN input has a NaN partial."""
    g, l, axis = _pairs(x, axis, "clamped_swiglu")
    swish = _entry("swish")
    gc = np.minimum(g, limit)
    u = np.moveaxis(upstream, axis, -1)
    with np.errstate(over="ignore", invalid="ignore"):
        dg = np.where(g >= limit, 0.0,
                      u * (np.clip(l, -limit, limit) + 1) * swish.derivative(gc, beta=alpha))
        dl = np.where(np.abs(l) >= limit, 0.0, u * swish(gc, beta=alpha))
    dl = np.where(np.isnan(l), np.nan, dl)  # g >= limit is False for NaN: dg is NaN already
    grad = np.empty(u.shape[:-1] + (2 * u.shape[-1],), dtype=np.result_type(dg, dl))
    grad[..., 0::2], grad[..., 1::2] = dg, dl
    return np.moveaxis(grad, -1, axis)
# --8<-- [end:clamped_swiglu]


# --8<-- [start:geglu]
def geglu(x, axis=-1, approximate="none"):
    r"""GEGLU: the first half of x times the GELU of the second half.

    .. math:: \operatorname{geglu}(x) = a \otimes \operatorname{gelu}(b)
              = a \otimes b\,\Phi(b)

    The GELU is refimpl's ``gelu`` with the same ``approximate``. In the far negative tail, where
    gelu(b) may be subnormal, the product is formed from gelu(b) = h e^t and rounded once:
    exact GELU, b < -37: h = b erfcx(-b/sqrt 2)/2, t = -b^2/2; tanh GELU, 2u < -700:
    h = b, t = 2u with u = sqrt(2/pi)(b + 0.044715 b^3).

    Args:
        x: input array; its size along ``axis`` must be even.
        axis: the axis to split.
        approximate: ``"none"`` for the exact GELU x Phi(x), ``"tanh"`` for its tanh
            approximation (PyTorch's names).

    Returns:
        An array of the dtype of ``x`` and its shape with the size along ``axis`` halved.

    Example:
        >>> import refimpl
        >>> print(refimpl.geglu([2.0, 5.0, 0.0, 100.0]))
        [  0. 500.]

    Reference: Shazeer (2020), arXiv:2002.05202.
    """
    a, b, _ = _halves(x, axis, "geglu")
    g = _entry("gelu")(b, approximate=approximate)
    with np.errstate(over="ignore", invalid="ignore"):
        if approximate == "none":
            tail = b < -37
            bt = np.where(tail, b, -37.0)  # erfcx and b^2 only where they are used
            from scipy import special  # imported here: `import refimpl` stays light

            h, t = bt * special.erfcx(-bt * SQRT_HALF) / 2, -(bt * bt) / 2
        else:
            # the gelu entry's own constants (0.044715 and sqrt(2/pi)), looked up when called
            from .self_gated import GELU_TANH_CUBIC, SQRT_2_OVER_PI

            bt = np.where(b < -20, np.maximum(b, -100.0), -20.0)  # 2u(-100) < -2000: clipped
            t = 2 * SQRT_2_OVER_PI * (bt + GELU_TANH_CUBIC * bt ** 3)
            tail = (b < -20) & (t < -700)
            h = bt
    return _gate(a, g, b, tail, h, t, half_slope=True, zero=b == 0)


def geglu_vjp(x, upstream, axis, approximate):
    r""":math:`\partial f/\partial a = \operatorname{gelu}(b)`,
    :math:`\partial f/\partial b = a\,\operatorname{gelu}'(b)`."""
    g = _entry("gelu")
    return _vjp(x, upstream, axis, "geglu", lambda b: g(b, approximate=approximate),
                lambda b: g.derivative(b, approximate=approximate))
# --8<-- [end:geglu]


# --8<-- [start:reglu]
def reglu(x, axis=-1):
    r"""ReGLU: the first half of x times the ReLU of the second half.

    .. math:: \operatorname{reglu}(x) = a \otimes \max(0, b)

    One rounding (a times b) where b > 0, and exactly 0 where b <= 0, also for a = +-inf (f is
    0 there for every finite a). NaN in a or b propagates.

    Args:
        x: input array; its size along ``axis`` must be even.
        axis: the axis to split.

    Returns:
        An array of the dtype of ``x`` and its shape with the size along ``axis`` halved.

    Example:
        >>> import refimpl
        >>> print(refimpl.reglu([3.0, -2.0, -1.0, 4.0]))
        [ 0. -8.]

    Reference: Shazeer (2020), arXiv:2002.05202.
    """
    a, b, _ = _halves(x, axis, "reglu")
    return _gate(a, _entry("relu")(b), b, zero=b <= 0)


def reglu_vjp(x, upstream, axis):
    r""":math:`\partial f/\partial a = \operatorname{relu}(b)`,
    :math:`\partial f/\partial b = a\,H(b)`, taken as 0 at b = 0 like relu's derivative."""
    r = _entry("relu")
    return _vjp(x, upstream, axis, "reglu", r, r.derivative)
# --8<-- [end:reglu]


# --8<-- [start:maxout]
def _groups(x, axis, pieces):
    """x with `axis` moved last and split into (..., n / pieces, pieces). The registry entry
    has checked that x has this axis."""
    axis %= x.ndim
    n = x.shape[axis]
    if n % pieces:
        raise ValueError(f"maxout: the size of axis {axis} ({n}) is not divisible by "
                         f"pieces={pieces}")
    moved = np.moveaxis(x, axis, -1)
    return moved.reshape(moved.shape[:-1] + (n // pieces, pieces)), axis


def maxout(x, pieces, axis=-1):
    r"""Maxout: the maximum of each run of ``pieces`` consecutive elements along the axis.

    .. math:: \operatorname{maxout}(x)_i = \max_{0 \le j < k} x_{ik + j}, \qquad k = \text{pieces}

    In a maxout network x holds k affine maps of the layer input per unit, z = W^T v + c, so each
    unit is a convex piecewise-linear function of v. The maximum is exact (no rounding) and
    propagates NaN.

    Args:
        x: input array; its size n along ``axis`` must be divisible by ``pieces``.
        pieces: k, the number of pieces per output (required).
        axis: the axis along which the groups run.

    Returns:
        An array of the dtype of ``x`` and its shape with the size along ``axis`` divided by k.

    Example:
        >>> import refimpl
        >>> print(refimpl.maxout([1.0, -2.0, 0.5, 3.0, -1.0, -4.0], pieces=2))
        [ 1.  3. -1.]
        >>> print(refimpl.maxout([1.0, -2.0, 0.5, 3.0, -1.0, -4.0], pieces=3))
        [1. 3.]

    Reference: Goodfellow, Warde-Farley, Mirza, Courville & Bengio (2013), arXiv:1302.4389.
    """
    groups, axis = _groups(x, axis, pieces)
    return np.moveaxis(groups.max(axis=-1), -1, axis)


def maxout_vjp(x, upstream, pieces, axis):
    r"""The upstream gradient of each output goes to the first maximal element of its group, 0
    to the others: ``torch.max(dim)``'s rule (``jax.numpy.max`` splits it between ties)."""
    groups, axis = _groups(x, axis, pieces)
    first = np.argmax(groups, axis=-1)[..., None]  # first maximum; a NaN counts as the maximum
    grad = np.zeros_like(groups)
    np.put_along_axis(grad, first, np.moveaxis(upstream, axis, -1)[..., None], axis=-1)
    moved = grad.reshape(grad.shape[:-2] + (x.shape[axis],))  # back to n along the axis
    return np.moveaxis(moved, -1, axis)
# --8<-- [end:maxout]


def _approximate_param():
    return Param("approximate", "one of 'none', 'tanh'",
                 "which GELU gates b: the exact b Φ(b) ('none') or its tanh approximation "
                 "('tanh'), passed to gelu", lambda v: isinstance(v, str) and v in ("none", "tanh"))


# Of a shaping function only the range of the outputs is checked and tabulated (see
# refimpl/properties.py); monotonic, smoothness and saturates describe it as a function of one
# coordinate of x with the others held fixed.
_UNBOUNDED = dict(range=(-np.inf, np.inf), attained=(False, False), saturates=(False, False))
# The axis parameter of every GLU-style entry.
_HALVES = axis_param("the axis to split into halves a (first) and b (second)")

register(Entry(
    name="glu",
    fn=glu,
    vjp_fn=glu_vjp,
    kind="shaping",
    title="GLU",
    summary="The gated linear unit splits its input into halves a and b and returns a·σ(b): a "
            "linear path gated elementwise by a sigmoid. Introduced for gated convolutional "
            "language models, it is the parent of the SwiGLU and GEGLU feed-forward layers.",
    family="gated",
    aliases=("gated_linear_unit",),
    params=(_HALVES,),
    latex=r"\operatorname{glu}(x) = a \otimes \sigma(b), \quad x = [a, b]",
    derivative_latex=r"\frac{\partial f}{\partial a} = \sigma(b), \quad "
                     r"\frac{\partial f}{\partial b} = a\,\sigma(b)\,\sigma(-b)",
    declared=Properties(monotonic="no", smoothness="Cinf", **_UNBOUNDED),
    origin=("dauphin2017language",),
    frameworks={
        "pytorch": Framework(("torch.nn.GLU", "torch.nn.functional.glu"),
                             "torch.nn.functional.glu({x})",
                             "The axis is `dim` (default -1); an odd size raises RuntimeError "
                             "(\"Halving dimension must be even\").",
                             defaults={"axis": "torch.nn.GLU().dim"}),
        "jax": Framework(("jax.nn.glu",), "jax.nn.glu({x})",
                         "An odd size fails a Python `assert` (AssertionError), which "
                         "`python -O` removes.",
                         defaults={"axis": "__import__('inspect').signature(jax.nn.glu)"
                                           ".parameters['axis'].default"}),
        "keras": Framework(("keras.activations.glu", "keras.ops.glu"),
                           "keras.activations.glu({x})",
                           "An odd size raises ValueError.",
                           defaults={"axis": "__import__('inspect').signature("
                                             "keras.activations.glu).parameters['axis'].default"}),
    },
    shape=("is a times the sigmoid of b: the gate σ(b) scales a by a factor between 0 "
           "(b ≪ 0) and 1 (b ≫ 0)", "with respect to a is σ(b), and with respect to b is "
           "a·σ(b)σ(−b), largest at b = 0"),
))

register(Entry(
    name="swiglu",
    fn=swiglu,
    vjp_fn=swiglu_vjp,
    kind="shaping",
    title="SwiGLU",
    summary="SwiGLU splits its input into halves a and b and returns a·silu(b), the GLU with "
            "its sigmoid gate replaced by Swish with β = 1 (SiLU). Shazeer (2020) introduced it "
            "for the feed-forward layers of transformers.",
    family="gated",
    params=(_HALVES,),
    latex=r"\operatorname{swiglu}(x) = a \otimes \operatorname{silu}(b) = a \otimes b\,\sigma(b)",
    derivative_latex=r"\frac{\partial f}{\partial a} = b\,\sigma(b), \quad "
                     r"\frac{\partial f}{\partial b} = a\,\sigma(b)\,\bigl(1 + b\,\sigma(-b)\bigr)",
    declared=Properties(monotonic="no", smoothness="Cinf", **_UNBOUNDED),
    origin=("shazeer2020glu",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("is a times silu(b)", "with respect to a is silu(b), and with respect to b is "
           "a·silu′(b)"),
))

def _finite_real(v):
    return (not isinstance(v, bool) and isinstance(v, (int, float, np.integer, np.floating))
            and math.isfinite(v))


# The extremes of the clamped SwiGLU at its defaults: the gate's largest value is at g = L,
# h(L) = L σ(αL), times l + 1 at its ends 1 - L and 1 + L. (The gate's minimum, -0.2785/α,
# times 1 + L is smaller in size for α = 1.702, L = 7.)
_ALPHA, _LIMIT, _ = clamped_swiglu.__defaults__
_TOP = _LIMIT / (1 + math.exp(-_ALPHA * _LIMIT))

register(Entry(
    name="clamped_swiglu",
    fn=clamped_swiglu,
    vjp_fn=clamped_swiglu_vjp,
    kind="shaping",
    title="Clamped SwiGLU",
    summary="The SwiGLU of OpenAI's gpt-oss models: consecutive pairs (g, l) give "
            "(l + 1)·g·σ({alpha} g), with g clamped from above at {limit:g} and l to "
            "[−{limit:g}, {limit:g}]. Its definition is the reference code released with "
            "gpt-oss-120b and gpt-oss-20b in 2025.",
    family="gated",
    aliases=("gpt_oss_swiglu",),
    params=(Param("alpha", "a finite real number",
                  "α, the slope of the gate's sigmoid σ(αg)", _finite_real),
            real_param("limit", "L, the clamp: g is clamped from above at L, l to [−L, L]; "
                       "inf clamps nothing", low=0, low_open=True),
            axis_param("the axis whose elements pair up as (gate, linear) = (x[2i], x[2i+1])")),
    latex=r"f_i = (\hat l_i + 1)\,\hat g_i\,\sigma(\alpha \hat g_i), \quad "
          r"\hat g_i = \min(x_{2i}, L), \quad \hat l_i = \min(\max(x_{2i+1}, -L), L)",
    derivative_latex=r"\frac{\partial f_i}{\partial x_{2i}} = (\hat l_i + 1)\,\sigma(t)"
                     r"\bigl(1 + t\,\sigma(-t)\bigr) \text{ for } x_{2i} < L, \quad "
                     r"\frac{\partial f_i}{\partial x_{2i+1}} = \hat g_i\,\sigma(t) "
                     r"\text{ for } |x_{2i+1}| < L, \quad t = \alpha \hat g_i",
    declared=Properties(range=((1 - _LIMIT) * _TOP, (1 + _LIMIT) * _TOP), attained=(True, True),
                        monotonic="no", smoothness="C0", saturates=(True, True)),
    kinks=lambda alpha, limit, axis: (
        Kink(limit, 0.0, "At g = {limit:g} the partial derivative with respect to g jumps from "
                         "(l + 1)·swish′(g) to 0, and at l = {limit:g} the one with respect to l "
                         "from g·σ(αg) to 0; both are taken as 0, PyTorch 2.14.1's clamp "
                         "backward (strict comparisons)."),
        Kink(-limit, 0.0, "At l = −{limit:g} the partial derivative with respect to l jumps "
                          "from 0 to g·σ(αg); it is taken as 0, PyTorch 2.14.1's clamp "
                          "backward.")),
    origin=("openai2025gptoss", "openai2025gptossrepo"),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("is (l + 1)·g·σ({alpha} g) with g clamped from above at {limit:g} and l to "
           "[−{limit:g}, {limit:g}]: constant in a coordinate once it passes its clamp",
           "with respect to g is (l + 1)·swish′(g) below {limit:g} and 0 from there on, and "
           "with respect to l is g·σ({alpha} g) strictly between ±{limit:g} and 0 elsewhere"),
    page="swiglu",
))

register(Entry(
    name="geglu",
    fn=geglu,
    vjp_fn=geglu_vjp,
    kind="shaping",
    title="GEGLU",
    summary="GEGLU splits its input into halves a and b and returns a·gelu(b), the GLU with "
            "its sigmoid gate replaced by the GELU. Shazeer (2020) introduced it for transformer "
            "feed-forward layers, where it and SwiGLU gave his lowest perplexities.",
    family="gated",
    params=(_HALVES,
            _approximate_param()),
    latex=r"\operatorname{geglu}(x) = a \otimes \operatorname{gelu}(b) = a \otimes b\,\Phi(b)",
    derivative_latex=r"\frac{\partial f}{\partial a} = b\,\Phi(b), \quad "
                     r"\frac{\partial f}{\partial b} = a\,\bigl(\Phi(b) + b\,\varphi(b)\bigr)",
    declared=Properties(monotonic="no", smoothness="Cinf", **_UNBOUNDED),
    origin=("shazeer2020glu",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("is a times gelu(b)", "with respect to a is gelu(b), and with respect to b is "
           "a·gelu′(b)"),
))

register(Entry(
    name="reglu",
    fn=reglu,
    vjp_fn=reglu_vjp,
    kind="shaping",
    title="ReGLU",
    summary="ReGLU splits its input into halves a and b and returns a·max(0, b), the GLU with "
            "its sigmoid gate replaced by the ReLU. One of the GLU variants Shazeer (2020) "
            "tested in transformer feed-forward layers.",
    family="gated",
    params=(_HALVES,),
    latex=r"\operatorname{reglu}(x) = a \otimes \max(0, b)",
    derivative_latex=r"\frac{\partial f}{\partial a} = \max(0, b), \quad "
                     r"\frac{\partial f}{\partial b} = a\,H(b)",
    declared=Properties(monotonic="no", smoothness="C0", **_UNBOUNDED),
    kinks=(Kink(0.0, 0.0, "At b = 0 the partial derivative with respect to b jumps from 0 to a; "
                          "it is taken as 0, relu's convention (PyTorch's)."),),
    origin=("shazeer2020glu",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("is a times relu(b)", "with respect to a is relu(b), and with respect to b is a for "
           "b > 0 and 0 for b ≤ 0"),
))

register(Entry(
    name="maxout",
    fn=maxout,
    vjp_fn=maxout_vjp,
    kind="shaping",
    title="Maxout",
    summary="Maxout returns the maximum of each group of k consecutive inputs, so that a unit "
            "fed k affine maps of its input computes a learned convex piecewise-linear function. "
            "It was proposed in 2013 as a companion to dropout.",
    family="gated",
    params=(Param("pieces", "an integer >= 1",
                  "k, the number of consecutive elements reduced to each output",
                  lambda v: isinstance(v, (int, np.integer)) and not isinstance(v, bool)
                  and v >= 1),
            axis_param("the axis along which the groups of k run")),
    latex=r"\operatorname{maxout}(x)_i = \max_{0 \le j < k} x_{ik + j}",
    derivative_latex=r"\frac{\partial f_i}{\partial x_{ik+j}} = \begin{cases} 1 & j = "
                     r"j^*_i \\ 0 & \text{otherwise} \end{cases}, \quad j^*_i = "
                     r"\text{first } j \text{ with } x_{ik+j} = f_i",
    declared=Properties(monotonic="non-decreasing", smoothness="C0", **_UNBOUNDED),
    origin=("goodfellow2013maxout",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("is the upper envelope of its k inputs", "is 1 for the first maximal input of each "
           "group and 0 for the others"),
    example_params={"pieces": 2},
))
