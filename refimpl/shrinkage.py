"""Shrinkage and threshold functions: soft, hard and tanh shrink, and threshold.

Soft and hard shrinkage are the thresholding rules of wavelet denoising (Donoho and Johnstone):
they set inputs of magnitude at most lambda to 0. Threshold replaces every input at or below a
level by a constant. Tanhshrink, x - tanh(x), comes from the Lua Torch library.

Every function takes a float64 array (the registry converts and checks the input) and returns an
array of the same shape. None of them warns, for any input: the only subtraction that can cancel,
x - tanh(x) near 0, is replaced there by a series whose terms are all of one sign.
"""

import math

import numpy as np

from .registry import Entry, Framework, Kink, Param, Properties, real_param, register

_LAMBD_DOC = "the half-width λ of the interval [−λ, λ] that is mapped to 0"


# --8<-- [start:softshrink]
def softshrink(x, lambd=0.5):
    r"""Soft shrinkage (soft thresholding).

    .. math:: \operatorname{softshrink}_\lambda(x) = \operatorname{sign}(x)\,\max(|x| - \lambda, 0)
              = \begin{cases} x - \lambda & x > \lambda \\ 0 & |x| \le \lambda \\
                x + \lambda & x < -\lambda \end{cases}

    :math:`|x| - \lambda` is one correctly rounded subtraction and the sign is exact, so the result
    is within 0.5 ulp. ``numpy.maximum`` and ``numpy.sign`` propagate NaN, and nothing is
    multiplied by 0 (``x * 0`` would turn ±inf into NaN).

    Args:
        x: input array.
        lambd: the threshold λ ≥ 0 (finite); PyTorch's name and default.

    Returns:
        An array of the shape of ``x``, float64.

    Example:
        >>> import refimpl
        >>> print(refimpl.softshrink([-2.0, -0.5, 0.25, 1.5]))
        [-1.5 -0.   0.   1. ]
        >>> print(refimpl.softshrink([-2.0, 1.5], lambd=1.0))
        [-1.   0.5]

    Reference: Donoho (1995), doi:10.1109/18.382009.
    """
    return np.sign(x) * np.maximum(np.abs(x) - lambd, 0)


def softshrink_derivative(x, lambd):
    r"""1 for :math:`|x| > \lambda`, 0 for :math:`|x| < \lambda`; 0 at the kinks ±λ (PyTorch's
    choice). :math:`|x| - \lambda` is 0 only at :math:`|x| = \lambda` (gradual underflow), and
    ``numpy.heaviside`` keeps NaN."""
    return np.heaviside(np.abs(x) - lambd, 0.0)
# --8<-- [end:softshrink]


# --8<-- [start:hardshrink]
def hardshrink(x, lambd=0.5):
    r"""Hard shrinkage (hard thresholding): keep x where :math:`|x| > \lambda`, else 0.

    .. math:: \operatorname{hardshrink}_\lambda(x) = \begin{cases} x & |x| > \lambda \\
              0 & |x| \le \lambda \end{cases}

    Written as "0 where :math:`|x| \le \lambda`, else x", like PyTorch's reference
    implementation, so that NaN (for which every comparison is false) passes through.

    Args:
        x: input array.
        lambd: the threshold λ ≥ 0 (finite); PyTorch's name and default.

    Returns:
        An array of the shape of ``x``, float64; exact (no rounding).

    Example:
        >>> import refimpl
        >>> print(refimpl.hardshrink([-2.0, -0.5, 0.25, 0.75, 1.5]))
        [-2.    0.    0.    0.75  1.5 ]

    Reference: Donoho & Johnstone (1994), doi:10.1093/biomet/81.3.425.
    """
    return np.where(np.abs(x) <= lambd, 0.0, x)


def hardshrink_derivative(x, lambd):
    r"""1 for :math:`|x| > \lambda`, 0 for :math:`|x| < \lambda`; 0 at the jumps ±λ (PyTorch's
    choice)."""
    return np.heaviside(np.abs(x) - lambd, 0.0)
# --8<-- [end:hardshrink]


# --8<-- [start:tanhshrink]
# x cosh x - sinh x = sum_{k>=1} 2k x^(2k+1) / (2k+1)!: every term has the sign of x, so the sum
# does not cancel. c_k = 2k/(2k+1)!, k = 1..12: the first omitted term is below 1e-20 of the
# first for |x| < 1.
_TANHSHRINK_SERIES = [2 * k / math.factorial(2 * k + 1) for k in range(12, 0, -1)]  # Horner order
_SERIES_BELOW = 1.0  # |x| below this: the series; above: x - tanh(x) loses at most 2 bits


def tanhshrink(x):
    r"""Tanhshrink: the input minus its hyperbolic tangent.

    .. math:: \operatorname{tanhshrink}(x) = x - \tanh(x)
              = \frac{x\cosh x - \sinh x}{\cosh x}
              = \frac{1}{\cosh x}\sum_{k \ge 1} \frac{2k\,x^{2k+1}}{(2k+1)!}

    For :math:`|x| < 1` the difference :math:`x - \tanh x \approx x^3/3` cancels: about
    :math:`\log_{10}(3/x^2)` of the sixteen digits are lost (about 6 at :math:`x = 10^{-3}`),
    and at :math:`x = 10^{-8}` it gives 0 instead of :math:`3.3 \times 10^{-25}`. There the
    series is used instead: its terms all have the sign of x, so it keeps full relative
    precision down to the subnormal range. For :math:`|x| \ge 1`,
    :math:`x - \tanh x` is used as it is (at most 2 bits are lost at :math:`|x| = 1`, none
    beyond :math:`|x| \approx 1.5`).

    Args:
        x: input array.

    Returns:
        An array of the shape of ``x``, float64.

    Example:
        >>> import refimpl
        >>> print(refimpl.tanhshrink([-1e-8, 0.0, 1.0]))
        [-3.33333333e-25  0.00000000e+00  2.38405844e-01]
    """
    small = np.abs(x) < _SERIES_BELOW
    xs = np.where(small, x, 0.0)  # the series branch never sees a large x
    t = xs * xs
    series = xs * (t * np.polyval(_TANHSHRINK_SERIES, t) / np.cosh(xs))
    return np.where(small, series, x - np.tanh(x))


def tanhshrink_derivative(x):
    r""":math:`\operatorname{tanhshrink}'(x) = 1 - \operatorname{sech}^2 x = \tanh^2 x`.

    The last form has no subtraction: it is exact to about 2 ulp for every x, while
    :math:`1 - (1 - \tanh^2 x)` style formulas cancel near 0.
    """
    return np.tanh(x) ** 2
# --8<-- [end:tanhshrink]


# --8<-- [start:threshold]
def threshold(x, threshold, value):
    r"""Threshold: keep x where it exceeds the threshold, else replace it by a constant.

    .. math:: y = \begin{cases} x & x > \theta \\ v & x \le \theta \end{cases}

    Both parameters are required, as in PyTorch and Keras. Written as "v where
    :math:`x \le \theta`, else x" so that NaN passes through.

    Args:
        x: input array.
        threshold: the level θ (a finite real number).
        value: the value v returned at and below θ (a finite real number).

    Returns:
        An array of the shape of ``x``, float64; exact (no rounding).

    Example:
        >>> import refimpl
        >>> print(refimpl.threshold([-1.0, 0.0, 1.0, 2.0], threshold=1.0, value=0.0))
        [0. 0. 0. 2.]
        >>> print(refimpl.threshold([-1.0, 0.0, 1.0], threshold=0.0, value=0.5))
        [0.5 0.5 1. ]
    """
    return np.where(x <= threshold, float(value), x)


def threshold_derivative(x, threshold, value):
    r"""1 for x > θ, 0 for x < θ; 0 at x = θ (PyTorch's choice); NaN for NaN. Compared, not
    subtracted: :math:`x - \theta` could overflow."""
    return np.where(x > threshold, 1.0, np.where(np.isnan(x), x, 0.0))
# --8<-- [end:threshold]


def _finite(name, doc):
    """A required parameter that may be any finite real number."""
    check = real_param(name, doc, low_open=True, high_open=True).valid
    return Param(name, "a finite real number", doc, check)


def _lambd():
    return real_param("lambd", _LAMBD_DOC, low=0.0, high=math.inf, high_open=True)


# make crosscheck reads Keras's default of `threshold` (its name for λ) from the signature
_KERAS_DEFAULT = ("__import__('inspect').signature(keras.activations.{f})"
                  ".parameters['threshold'].default")
_PARAMETER_CHECK = ("PyTorch checks 0 ≤ λ ≤ the largest finite value of the dtype "
                    "(RuntimeError otherwise)")
# Which CPU loop handles an element decides its gradient at NaN (aten's shrink_backward kernel).
_NAN_GRADIENT = ("the CPU gradient at NaN input is never NaN: 0 in the vectorised loop, the "
                 "upstream gradient in its scalar tail (run on the CPU with torch 2.14.1+cu130, "
                 "float64: 0 for a tensor of 40, 1 for a tensor of 3).")

register(Entry(
    name="softshrink",
    fn=softshrink,
    derivative_fn=softshrink_derivative,
    title="Softshrink",
    summary="Soft shrinkage maps [−λ, λ] to 0 and moves every other input λ closer to 0. "
            "The soft-thresholding rule of wavelet denoising and the proximal operator of the "
            "ℓ1 norm, offered as an activation by PyTorch and Keras.",
    family="shrinkage/threshold",
    aliases=("soft_shrink", "soft_thresholding"),
    params=(_lambd(),),
    latex=r"\operatorname{softshrink}_\lambda(x) = \operatorname{sign}(x)\,\max(|x| - \lambda, 0)",
    derivative_latex=r"\operatorname{softshrink}_\lambda'(x) = \begin{cases} 1 & |x| > \lambda \\ "
                     r"0 & |x| < \lambda \end{cases}",
    declared=Properties(range=(-np.inf, np.inf), monotonic="non-decreasing", smoothness="C0",
                        saturates=(False, False), attained=(False, False)),
    kinks=lambda lambd: (
        Kink(-lambd, 0.0, "Corner at −λ: left derivative 1, right derivative 0. PyTorch's "
                          "backward gives 0 wherever −λ ≤ x ≤ λ, so 0 here."),
        Kink(lambd, 0.0, "Corner at λ: left derivative 0, right derivative 1. PyTorch's "
                         "backward gives 0 wherever −λ ≤ x ≤ λ, so 0 here.")),
    origin=("donoho1995denoising",),
    frameworks={
        "pytorch": Framework(("torch.nn.Softshrink", "torch.nn.functional.softshrink"),
                             "torch.nn.functional.softshrink({x})",
                             f"{_PARAMETER_CHECK}; {_NAN_GRADIENT}",
                             defaults={"lambd": "torch.nn.Softshrink().lambd"}),
        "jax": None,
        "keras": Framework(("keras.activations.soft_shrink", "keras.ops.soft_shrink"),
                           "keras.activations.soft_shrink({x})",
                           "Since Keras 3.7.0. λ is named `threshold` (default 0.5) and is not "
                           "checked; NaN input gives 0 on the NumPy and JAX backends.",
                           defaults={"lambd": _KERAS_DEFAULT.format(f="soft_shrink")}),
    },
    shape=("is 0 on [−{lambd:g}, {lambd:g}] and the lines x − {lambd:g} and x + {lambd:g} "
           "outside, with corners at ±{lambd:g}", "is 0 on [−{lambd:g}, {lambd:g}] and 1 outside, "
           "with value 0 at the jumps ±{lambd:g} (dots)"),
    textbook=lambda x, lambd: np.sign(x) * np.maximum(np.abs(x) - lambd, 0),
))

register(Entry(
    name="hardshrink",
    fn=hardshrink,
    derivative_fn=hardshrink_derivative,
    title="Hardshrink",
    summary="Hard shrinkage keeps inputs of magnitude above λ unchanged and sets the others to 0. "
            "The hard-thresholding rule of wavelet denoising, offered as an activation by "
            "PyTorch and Keras.",
    family="shrinkage/threshold",
    aliases=("hard_shrink", "hard_thresholding"),
    params=(_lambd(),),
    latex=r"\operatorname{hardshrink}_\lambda(x) = \begin{cases} x & |x| > \lambda \\ "
          r"0 & |x| \le \lambda \end{cases}",
    derivative_latex=r"\operatorname{hardshrink}_\lambda'(x) = \begin{cases} 1 & |x| > \lambda "
                     r"\\ 0 & |x| < \lambda \end{cases}",
    # The range at λ = 0.5 is (−inf, −0.5) ∪ {0} ∪ (0.5, inf); the registry stores its hull.
    declared=Properties(range=(-np.inf, np.inf), monotonic="non-decreasing",
                        smoothness="discontinuous", saturates=(False, False),
                        attained=(False, False)),
    kinks=lambda lambd: (
        Kink(-lambd, 0.0, "Jump at −λ (from −λ to 0): no derivative exists. f(−λ) = 0 and "
                          "PyTorch's backward gives 0 wherever −λ ≤ x ≤ λ, so 0 here."),
        Kink(lambd, 0.0, "Jump at λ (from 0 to λ): no derivative exists. f(λ) = 0 and "
                         "PyTorch's backward gives 0 wherever −λ ≤ x ≤ λ, so 0 here.")),
    origin=("donoho1994ideal",),
    frameworks={
        "pytorch": Framework(("torch.nn.Hardshrink", "torch.nn.functional.hardshrink"),
                             "torch.nn.functional.hardshrink({x})",
                             "λ is not checked: a negative λ gives the identity, where refimpl "
                             "raises ValueError; " + _NAN_GRADIENT,
                             defaults={"lambd": "torch.nn.Hardshrink().lambd"}),
        "jax": None,
        "keras": Framework(("keras.activations.hard_shrink", "keras.ops.hard_shrink"),
                           "keras.activations.hard_shrink({x})",
                           "Since Keras 3.7.0. λ is named `threshold` (default 0.5); NaN input "
                           "gives 0 on the NumPy and JAX backends.",
                           defaults={"lambd": _KERAS_DEFAULT.format(f="hard_shrink")}),
    },
    shape=("is 0 on [−{lambd:g}, {lambd:g}] and the line y = x outside, jumping at ±{lambd:g} "
           "where it takes the value 0 (filled dots)",
           "is 0 on [−{lambd:g}, {lambd:g}] and 1 outside, taken as 0 at ±{lambd:g} (dots)"),
    textbook=lambda x, lambd: np.where(np.abs(x) > lambd, x, 0.0),
))

register(Entry(
    name="tanhshrink",
    fn=tanhshrink,
    derivative_fn=tanhshrink_derivative,
    title="Tanhshrink",
    summary="Tanhshrink, x − tanh(x), is nearly flat around 0, where it starts as x³/3, and "
            "approaches the lines x − 1 and x + 1 for large |x|. It comes from the Lua Torch "
            "library, with no known paper, and is offered by PyTorch and Keras.",
    family="shrinkage/threshold",
    aliases=("tanh_shrink",),
    latex=r"\operatorname{tanhshrink}(x) = x - \tanh(x)",
    derivative_latex=r"\operatorname{tanhshrink}'(x) = 1 - \operatorname{sech}^2(x) = \tanh^2(x)",
    declared=Properties(range=(-np.inf, np.inf), monotonic="increasing", smoothness="Cinf",
                        saturates=(False, False), attained=(False, False)),
    origin=(),  # no paper found: see the page's History
    frameworks={
        "pytorch": Framework(("torch.nn.Tanhshrink", "torch.nn.functional.tanhshrink"),
                             "torch.nn.functional.tanhshrink({x})",
                             "Computed as `input - input.tanh()`, which cancels for small |x|: "
                             "the same form with NumPy's tanh is off by about 5e-11 (relative) "
                             "at x = 1e-3 and gives 0 instead of x³/3 at x = 1e-8."),
        "jax": None,
        "keras": Framework(("keras.activations.tanh_shrink", "keras.ops.tanh_shrink"),
                           "keras.activations.tanh_shrink({x})",
                           "Since Keras 3.7.0. Computed as `x - tanh(x)` (NumPy, JAX and "
                           "TensorFlow backends), which cancels for small |x|: in float32, "
                           "Keras's default `floatx`, the relative error was about 1.6e-6 at "
                           "x = 0.2 in a crosscheck run with the NumPy backend."),
    },
    shape=("is flat near the origin, where it grows like x³/3, and bends into lines parallel "
           "to y = x, 1 below it for large x and 1 above it for large −x",
           "is tanh², 0 at the origin and rising to 1 on both sides"),
    textbook=lambda x: x - np.tanh(x),
))

register(Entry(
    name="threshold",
    fn=threshold,
    derivative_fn=threshold_derivative,
    title="Threshold",
    summary="Threshold passes inputs above a level θ unchanged and replaces the others by a "
            "constant v. PyTorch's nn.Threshold and Keras's threshold; with v = θ = 0 it is "
            "ReLU.",
    family="shrinkage/threshold",
    params=(_finite("threshold", "the level θ: inputs at or below it are replaced"),
            _finite("value", "the value v returned for inputs x ≤ θ")),
    latex=r"\operatorname{threshold}_{\theta, v}(x) = \begin{cases} x & x > \theta \\ "
          r"v & x \le \theta \end{cases}",
    derivative_latex=r"\operatorname{threshold}_{\theta, v}'(x) = \begin{cases} 1 & x > \theta "
                     r"\\ 0 & x < \theta \end{cases}",
    # At the example values θ = 1, v = 0 the range is {0} ∪ (1, inf); its hull is [0, inf).
    declared=Properties(range=(0.0, np.inf), monotonic="non-decreasing",
                        smoothness="discontinuous", saturates=(True, False),
                        attained=(True, False)),
    kinks=lambda threshold, value: (
        Kink(threshold, 0.0, "Jump at θ (from v to θ) unless v = θ, where it is a corner. "
                             "PyTorch's backward gives 0 wherever x ≤ θ, so 0 here."),),
    frameworks={
        "pytorch": Framework(("torch.nn.Threshold", "torch.nn.functional.threshold"),
                             "torch.nn.functional.threshold({x}, {threshold}, {value})",
                             "`threshold` and `value` are required positional arguments, "
                             "with no defaults."),
        "jax": None,
        "keras": Framework(("keras.activations.threshold", "keras.ops.threshold"),
                           "keras.activations.threshold({x}, {threshold}, {value})",
                           "Since Keras 3.8.0. The value is named `default_value`; NaN input "
                           "gives `default_value` on the NumPy and JAX backends."),
    },
    # Keras's docstring example, keras.ops.threshold(x, 1, 0).
    example_params={"threshold": 1.0, "value": 0.0},
    shape=("is {value:g} up to x = {threshold:g}, where it jumps to the line y = x (value "
           "{value:g} at x = {threshold:g}, filled dot)", "is 0 for x < {threshold:g} and 1 for "
           "x > {threshold:g}, taken as 0 at x = {threshold:g} (dot)"),
    textbook=lambda x, threshold, value: np.where(x > threshold, x, value),
))
