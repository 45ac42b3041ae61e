"""The hard (piecewise-linear, mobile-friendly) variants: hard sigmoid, hard swish, hard mish,
hard tanh, sparse sigmoid.

Each is a clip of a line (hard swish: x times one), so every value costs one or two roundings
and nothing can overflow: the arithmetic only ever sees x clipped to the short interval where
the function is not constant or linear. None of them warns, for any input.
"""

import math

import numpy as np

from .registry import Entry, Framework, Kink, Param, Properties, register


def _nan_kept(x, d):
    # np.where on comparisons turns NaN into a branch value; put NaN back where x is NaN.
    return np.where(np.isnan(x), x, d)


# --8<-- [start:hard_sigmoid]
def hard_sigmoid(x):
    r"""Hard sigmoid, as in MobileNetV3: a line through (0, 1/2) of slope 1/6, clipped to [0, 1].

    .. math:: \operatorname{hard\_sigmoid}(x) = \frac{\operatorname{relu6}(x + 3)}{6}
              = \min\bigl(\max\bigl(\tfrac{x + 3}{6}, 0\bigr), 1\bigr)

    ``(x + 3) / 6`` rather than ``x / 6 + 0.5``: near the lower corner x = -3 the sum x + 3 is
    exact (Sterbenz), so the result is correctly rounded there instead of losing the digits
    of x / 6 to cancellation.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [0, 1].

    Example:
        >>> import refimpl
        >>> print(refimpl.hard_sigmoid([-4.0, -1.5, 0.0, 1.5, 4.0]))
        [0.   0.25 0.5  0.75 1.  ]

    Reference: Howard et al. (2019), Searching for MobileNetV3, arXiv:1905.02244.
    """
    return np.clip((x + 3) / 6, 0, 1)


def hard_sigmoid_derivative(x):
    r""":math:`1/6` on :math:`(-3, 3)`, 0 outside; 0 at the corners :math:`\pm 3`, as PyTorch."""
    return _nan_kept(x, np.where((x > -3) & (x < 3), 1 / 6, 0.0))
# --8<-- [end:hard_sigmoid]


# --8<-- [start:hard_swish]
def hard_swish(x):
    r"""Hard swish (hard SiLU): x times the hard sigmoid.

    .. math:: \operatorname{hard\_swish}(x) = x\,\frac{\operatorname{relu6}(x + 3)}{6}
              = \begin{cases} 0 & x \le -3 \\ x(x + 3)/6 & -3 < x < 3 \\ x & x \ge 3 \end{cases}

    The product is formed from t = clip(x, -3, 3), so it never overflows, and the branch
    x >= 3 returns x itself. The literal x * hard_sigmoid(x) gives NaN at x = -inf
    (-inf * 0); this form gives the limit, 0.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [-0.375, inf].

    Example:
        >>> import numpy as np
        >>> import refimpl
        >>> print(refimpl.hard_swish([-np.inf, -3.0, -1.5, 0.0, 3.0, np.inf]))
        [-0.    -0.    -0.375  0.     3.       inf]

    Reference: Howard et al. (2019), Searching for MobileNetV3, arXiv:1905.02244.
    """
    t = np.clip(x, -3, 3)
    return np.where(x >= 3, x, t * (t + 3) / 6)


def hard_swish_derivative(x):
    r""":math:`(2x + 3)/6` on :math:`(-3, 3)`, 0 below, 1 above; at the kinks 0 (x = -3) and
    1 (x = 3), the values of the outer pieces, as PyTorch and JAX return."""
    t = np.clip(x, -3, 3)
    return np.where(x >= 3, 1.0, np.where(x <= -3, 0.0, (2 * t + 3) / 6))
# --8<-- [end:hard_swish]


# --8<-- [start:hard_mish]
def hard_mish(x):
    r"""Hard mish, as in timm: x times the line (x + 2)/2 clipped to [0, 1].

    .. math:: \operatorname{hard\_mish}(x) = \tfrac12\, x \operatorname{clip}(x + 2, 0, 2)
              = \begin{cases} 0 & x \le -2 \\ x(x + 2)/2 & -2 < x < 0 \\ x & x \ge 0 \end{cases}

    The product is formed from t = clip(x, -2, 0), so it never overflows and never meets
    -inf * 0 (timm's literal form is NaN at x = -inf); the branch x >= 0 returns x itself. Near
    the corner x = -2 the sum t + 2 is exact (Sterbenz).

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [-0.5, inf].

    Example:
        >>> import numpy as np
        >>> import refimpl
        >>> print(refimpl.hard_mish([-np.inf, -2.0, -1.0, 0.0, 3.0, np.inf]))
        [-0.  -0.  -0.5  0.   3.   inf]

    Reference: timm 1.0.31, ``timm/layers/activations.py`` ``hard_mish``.
    """
    t = np.clip(x, -2, 0)
    return np.where(x >= 0, x, t * (t + 2) / 2)


def hard_mish_derivative(x):
    r""":math:`x + 1` on :math:`(-2, 0)`, 0 below, 1 above. At x = 0 both sides give 1 (no
    kink); at the kink x = -2 it returns 0, the outer piece, as PyTorch's autograd of the clamp
    (timm's hand-written backward returns -1 there)."""
    t = np.clip(x, -2, 0)
    return np.where(x >= 0, 1.0, np.where(x <= -2, 0.0, t + 1))
# --8<-- [end:hard_mish]


# --8<-- [start:hard_tanh]
def _check_bounds(min_val, max_val):
    if not min_val < max_val:
        raise ValueError(f"hard_tanh: invalid min_val={min_val!r}, max_val={max_val!r}; "
                         "expected min_val < max_val")


def hard_tanh(x, min_val=-1.0, max_val=1.0):
    r"""Hard tanh: the identity clipped to [min_val, max_val].

    .. math:: \operatorname{hard\_tanh}(x) = \min(\max(x, a), b), \qquad a = \text{min\_val},\
        b = \text{max\_val}

    Exact: every output is x or a bound. ``numpy.clip`` propagates NaN.

    Args:
        x: input array.
        min_val: the lower bound a (finite, below ``max_val``).
        max_val: the upper bound b (finite, above ``min_val``).

    Returns:
        An array of the shape and dtype of ``x``, in [min_val, max_val].

    Raises:
        ValueError: if ``min_val >= max_val``.

    Example:
        >>> import refimpl
        >>> print(refimpl.hard_tanh([-2.0, -0.5, 0.5, 2.0]))
        [-1.  -0.5  0.5  1. ]
        >>> print(refimpl.hard_tanh([-2.0, 0.5, 2.0], min_val=0.0, max_val=6.0))
        [0.  0.5 2. ]

    Reference: PyTorch ``torch.nn.Hardtanh`` (the parameter names and defaults).
    """
    _check_bounds(min_val, max_val)
    return np.clip(x, min_val, max_val)


def hard_tanh_derivative(x, min_val, max_val):
    r"""1 on the open interval :math:`(a, b)`, 0 outside and at both corners, as PyTorch."""
    _check_bounds(min_val, max_val)
    return _nan_kept(x, np.where((x > min_val) & (x < max_val), 1.0, 0.0))
# --8<-- [end:hard_tanh]


# --8<-- [start:sparse_sigmoid]
def sparse_sigmoid(x):
    r"""Sparse sigmoid: the line (x + 1)/2 clipped to [0, 1].

    .. math:: \operatorname{sparse\_sigmoid}(x) = \min\bigl(\max\bigl(\tfrac{x + 1}{2}, 0\bigr), 1\bigr)
              = \begin{cases} 0 & x \le -1 \\ (x + 1)/2 & -1 < x < 1 \\ 1 & x \ge 1 \end{cases}

    It is the first coordinate of sparsemax([x, 0]) and the derivative of ``sparse_plus``.
    Correctly rounded: x + 1 is the only rounding (halving is exact).

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [0, 1].

    Example:
        >>> import refimpl
        >>> print(refimpl.sparse_sigmoid([-2.0, -0.5, 0.0, 0.5, 2.0]))
        [0.   0.25 0.5  0.75 1.  ]

    Reference: Blondel, Martins & Niculae (2019), Learning with Fenchel-Young losses,
    arXiv:1901.02324.
    """
    return np.clip((x + 1) / 2, 0, 1)


def sparse_sigmoid_derivative(x):
    r""":math:`1/2` on :math:`(-1, 1)`, 0 outside and at the corners :math:`\pm 1`."""
    return _nan_kept(x, np.where((x > -1) & (x < 1), 0.5, 0.0))
# --8<-- [end:sparse_sigmoid]


def _finite_real(name, doc, other):
    return Param(name, f"a finite real number, {other}", doc,
                 lambda v: not isinstance(v, bool)
                 and isinstance(v, (int, float, np.integer, np.floating))
                 and math.isfinite(float(v)))


_PIECEWISE_SIGMOID = dict(monotonic="non-decreasing", smoothness="C0", saturates=(True, True),
                          attained=(True, True))

register(Entry(
    name="hard_sigmoid",
    fn=hard_sigmoid,
    derivative_fn=hard_sigmoid_derivative,
    title="Hard sigmoid",
    summary="A piecewise-linear stand-in for the sigmoid: relu6(x + 3)/6, a line of slope 1/6 "
            "clipped to [0, 1]. Used as the gate of squeeze-and-excitation blocks and inside hard "
            "swish in MobileNetV3-style networks, where exp is costly.",
    family="hard/mobile",
    latex=r"\operatorname{hard\_sigmoid}(x) = \frac{\operatorname{relu6}(x + 3)}{6} = "
          r"\begin{cases} 0 & x \le -3 \\ x/6 + 1/2 & -3 < x < 3 \\ 1 & x \ge 3 \end{cases}",
    derivative_latex=r"\operatorname{hard\_sigmoid}'(x) = "
                     r"\begin{cases} 1/6 & -3 < x < 3 \\ 0 & |x| > 3 \end{cases}",
    declared=Properties(range=(0.0, 1.0), **_PIECEWISE_SIGMOID),
    kinks=(Kink(-3.0, 0.0, "Left derivative 0, right 1/6. PyTorch's hardsigmoid_backward "
                           "returns 0 at x = -3 and at x = 3 (its test is -3 < x < 3); JAX's "
                           "relu6 custom JVP gives 0 at both as well."),
           Kink(3.0, 0.0, "Left derivative 1/6, right 0; PyTorch and JAX return 0.")),
    origin=("howard2019searching",),
    frameworks={
        "pytorch": Framework(("torch.nn.Hardsigmoid", "torch.nn.functional.hardsigmoid"),
                             "torch.nn.functional.hardsigmoid({x})",
                             "The CPU backward multiplies by 1/6 rounded to float32, so the "
                             "float64 gradient is 0.1666666716337204, not 1/6."),
        "jax": Framework(("jax.nn.hard_sigmoid",), "jax.nn.hard_sigmoid({x})"),
        "keras": Framework(("keras.activations.hard_sigmoid", "keras.ops.hard_sigmoid"),
                           "keras.activations.hard_sigmoid({x})",
                           "Keras 3 computes x/6 + 1/2; Keras 2 (tf.keras) computed "
                           "clip(0.2x + 0.5, 0, 1), flat beyond |x| = 2.5. The docstring of "
                           "`keras.ops.hard_sigmoid` in 3.15.1 still describes the Keras 2 form."),
    },
    shape=("is 0 up to x = −3, rises along a straight line through 0.5 at x = 0, and is 1 from "
           "x = 3 on", "is 1/6 between −3 and 3 and 0 outside, taken as 0 at ±3 (dots)"),
    textbook=lambda x: np.clip(x / 6 + 0.5, 0, 1),
))

register(Entry(
    name="hard_swish",
    fn=hard_swish,
    derivative_fn=hard_swish_derivative,
    title="Hard swish",
    summary="x times the hard sigmoid: 0 below −3, x from 3 on, and the parabola x(x + 3)/6 in "
            "between. The activation of MobileNetV3, a cheap piecewise-polynomial stand-in for "
            "SiLU/Swish.",
    family="hard/mobile",
    aliases=("hard_silu",),
    latex=r"\operatorname{hard\_swish}(x) = x\,\frac{\operatorname{relu6}(x + 3)}{6} = "
          r"\begin{cases} 0 & x \le -3 \\ x(x + 3)/6 & -3 < x < 3 \\ x & x \ge 3 \end{cases}",
    derivative_latex=r"\operatorname{hard\_swish}'(x) = "
                     r"\begin{cases} 0 & x < -3 \\ (2x + 3)/6 & -3 < x < 3 \\ 1 & x > 3 "
                     r"\end{cases}",
    declared=Properties(range=(-0.375, np.inf), monotonic="no", smoothness="C0",
                        saturates=(True, False), attained=(True, False)),
    kinks=(Kink(-3.0, 0.0, "Left derivative 0, right −1/2. JAX (x·hard_sigmoid(x) with relu6's "
                           "JVP) returns 0, and so do the later PyTorch hardswish_backward kernels "
                           "(0 for x <= −3; a run with torch 2.14.1+cu130 gave 0); PyTorch 2.6.0 "
                           "returned −0.5 (issue #147801)."),
           Kink(3.0, 1.0, "Left derivative 3/2, right 1. JAX and the later PyTorch kernels (the "
                          "linear piece for x >= 3) return 1; PyTorch 2.6.0 returned 1.5.")),
    origin=("howard2019searching",),
    frameworks={
        "pytorch": Framework(("torch.nn.Hardswish", "torch.nn.functional.hardswish"),
                             "torch.nn.functional.hardswish({x})",
                             "Returns NaN at x = −∞ (it computes x·min(max(x + 3, 0), 6)/6, and "
                             "−∞·0 is NaN), where refimpl returns the limit 0."),
        "jax": Framework(("jax.nn.hard_swish", "jax.nn.hard_silu"), "jax.nn.hard_swish({x})",
                         "`hard_swish` is `hard_silu`, computed as x·hard_sigmoid(x): NaN at "
                         "x = −∞, where refimpl returns 0."),
        "keras": Framework(("keras.activations.hard_silu", "keras.activations.hard_swish",
                            "keras.ops.hard_silu", "keras.ops.hard_swish"),
                           "keras.activations.hard_silu({x})",
                           "`hard_swish` is an alias of `hard_silu`; with the NumPy backend it "
                           "computes x·hard_sigmoid(x), NaN at x = −∞."),
    },
    shape=("is 0 up to x = −3, dips to its minimum −0.375 at x = −1.5, passes through the "
           "origin and joins the line y = x at x = 3",
           "is 0 below −3, jumps to −0.5 and rises along a line through 0.5 at x = 0 to 1.5, "
           "then drops to 1 from x = 3 on; taken as 0 at −3 and 1 at 3 (dots)"),
    textbook=lambda x: x * np.clip(x + 3, 0, 6) / 6,
))

register(Entry(
    name="hard_mish",
    fn=hard_mish,
    derivative_fn=hard_mish_derivative,
    title="Hard mish",
    summary="x times a clipped line: 0 below −2, x from 0 on, and the parabola x(x + 2)/2 in "
            "between. A piecewise-polynomial stand-in for Mish that timm ships as \"hard_mish\".",
    family="hard/mobile",
    latex=r"\operatorname{hard\_mish}(x) = \tfrac12\, x \operatorname{clip}(x + 2, 0, 2) = "
          r"\begin{cases} 0 & x \le -2 \\ x(x + 2)/2 & -2 < x < 0 \\ x & x \ge 0 \end{cases}",
    derivative_latex=r"\operatorname{hard\_mish}'(x) = "
                     r"\begin{cases} 0 & x < -2 \\ x + 1 & -2 < x < 0 \\ 1 & x \ge 0 "
                     r"\end{cases}",
    declared=Properties(range=(-0.5, np.inf), monotonic="no", smoothness="C0",
                        saturates=(True, False), attained=(True, False)),
    kinks=(Kink(-2.0, 0.0, "Left derivative 0, right −1. refimpl returns 0, the outer piece, as "
                           "for hard swish; so does PyTorch 2.14.1's autograd of timm's "
                           "`hard_mish` (its clamp passes no gradient at a bound). timm's "
                           "hand-written backward, which `get_act_fn(\"hard_mish\")` returns "
                           "by default, gives −1 (x + 1 on the closed interval [−2, 0])."),),
    origin=(),  # no paper: timm's code, see the page's History
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("is 0 up to x = −2, dips to its minimum −0.5 at x = −1, and joins the line y = x at "
           "the origin without a corner",
           "is 0 below −2, jumps to −1 and rises along the line x + 1 to 1 at x = 0, then stays "
           "1; taken as 0 at −2 (dot)"),
    textbook=lambda x: 0.5 * x * np.clip(x + 2, 0, 2),
))

register(Entry(
    name="hard_tanh",
    fn=hard_tanh,
    derivative_fn=hard_tanh_derivative,
    title="Hard tanh",
    summary="The identity clipped to [min_val, max_val], by default [{min_val:g}, {max_val:g}]: "
            "a piecewise-linear "
            "stand-in for tanh. Used where a cheap bounded activation or a straight-through "
            "gradient window is wanted.",
    family="hard/mobile",
    params=(_finite_real("min_val", "lower bound a of the output", "below max_val"),
            _finite_real("max_val", "upper bound b of the output", "above min_val")),
    latex=r"\operatorname{hard\_tanh}(x) = \min(\max(x, a), b) = "
          r"\begin{cases} a & x \le a \\ x & a < x < b \\ b & x \ge b \end{cases}",
    derivative_latex=r"\operatorname{hard\_tanh}'(x) = "
                     r"\begin{cases} 1 & a < x < b \\ 0 & x < a \text{ or } x > b \end{cases}",
    declared=Properties(range=(-1.0, 1.0), **_PIECEWISE_SIGMOID),
    kinks=lambda min_val, max_val: (
        Kink(min_val, 0.0, "Left derivative 0, right 1. PyTorch's hardtanh_backward returns 0 "
                           "where x <= min_val or x >= max_val; jax.nn.hard_tanh's gradient is 1 "
                           "at x = ±1 (its where keeps x there)."),
        Kink(max_val, 0.0, "Left derivative 1, right 0; PyTorch returns 0, JAX 1.")),
    origin=(),  # no verified first use: see the page's History
    frameworks={
        "pytorch": Framework(("torch.nn.Hardtanh", "torch.nn.functional.hardtanh"),
                             "torch.nn.functional.hardtanh({x})",
                             "`nn.Hardtanh` asserts max_val > min_val (AssertionError); "
                             "`F.hardtanh` raises ValueError only for min_val > max_val."),
        "jax": Framework(("jax.nn.hard_tanh",), "jax.nn.hard_tanh({x})",
                         "No min_val/max_val: fixed to [−1, 1]. `jax.grad` gives 1 at x = ±1, "
                         "where refimpl and PyTorch give 0."),
        "keras": Framework(("keras.activations.hard_tanh", "keras.ops.hard_tanh"),
                           "keras.activations.hard_tanh({x})",
                           "No min_val/max_val: fixed to [−1, 1]."),
    },
    shape=("is {min_val:g} up to x = {min_val:g}, the line y = x between {min_val:g} and "
           "{max_val:g}, and {max_val:g} from x = {max_val:g} on", "is 1 between {min_val:g} and "
           "{max_val:g} and 0 outside, taken as 0 at both corners (dots)"),
    textbook=lambda x, min_val, max_val: np.clip(x, min_val, max_val),
))

register(Entry(
    name="sparse_sigmoid",
    fn=sparse_sigmoid,
    derivative_fn=sparse_sigmoid_derivative,
    title="Sparse sigmoid",
    summary="The line (x + 1)/2 clipped to [0, 1]: the two-class sparsemax, which reaches 0 and 1 "
            "exactly. The derivative of sparse plus, from the Fenchel–Young losses of Blondel et "
            "al.",
    family="hard/mobile",
    latex=r"\operatorname{sparse\_sigmoid}(x) = "
          r"\begin{cases} 0 & x \le -1 \\ (x + 1)/2 & -1 < x < 1 \\ 1 & x \ge 1 \end{cases}",
    derivative_latex=r"\operatorname{sparse\_sigmoid}'(x) = "
                     r"\begin{cases} 1/2 & -1 < x < 1 \\ 0 & |x| > 1 \end{cases}",
    declared=Properties(range=(0.0, 1.0), **_PIECEWISE_SIGMOID),
    kinks=(Kink(-1.0, 0.0, "Left derivative 0, right 1/2. PyTorch has no sparse sigmoid; 0 "
                           "follows its hardsigmoid and hardtanh, which return 0 at their "
                           "corners. jax.grad gives 0.25 (jnp.clip splits the gradient at ties)."),
           Kink(1.0, 0.0, "Left derivative 1/2, right 0; 0 as at −1 (JAX: 0.25).")),
    origin=("blondel2020learning",),
    frameworks={
        "pytorch": None,
        "jax": Framework(("jax.nn.sparse_sigmoid",), "jax.nn.sparse_sigmoid({x})",
                         "Computed as 0.5·clip(x + 1, 0, 2); `jax.grad` gives 0.25 at x = ±1, "
                         "where refimpl gives 0."),
        "keras": Framework(("keras.activations.sparse_sigmoid", "keras.ops.sparse_sigmoid"),
                           "keras.activations.sparse_sigmoid({x})"),
    },
    shape=("is 0 up to x = −1, rises along a straight line through 0.5 at x = 0, and is 1 from "
           "x = 1 on", "is 1/2 between −1 and 1 and 0 outside, taken as 0 at ±1 (dots)"),
    textbook=lambda x: np.clip((x + 1) / 2, 0, 1),
))
