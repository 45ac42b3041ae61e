"""Softplus and its relatives, and the log/exp output functions: softplus, sqrt-softplus,
squareplus, sparse plus, log-sigmoid and exponential.

None of them warns for any input. Softplus and log-sigmoid evaluate exp only of -|x|, never of a
positive number; squareplus never squares x (``numpy.hypot`` cannot overflow) and uses a form
without subtraction for negative x; sparse plus squares only the clipped input; exponential
overflows to inf, the correctly rounded result, with NumPy's overflow warning switched off.
"""

import numpy as np

from .classic import sigmoid as _sigmoid
from .registry import Entry, Framework, Properties, real_param, register


# --8<-- [start:softplus]
def softplus(x, beta=1.0):
    r"""Softplus: a smooth ReLU, the antiderivative of the sigmoid.

    .. math:: \operatorname{softplus}_\beta(x) = \frac{1}{\beta}\ln\bigl(1 + e^{\beta x}\bigr)
              = \max(x, 0) + \frac{1}{\beta}\ln\bigl(1 + e^{-|\beta x|}\bigr)

    The second form is used: its exponential has a non-positive argument, so nothing overflows,
    and ``log1p`` keeps full relative precision when :math:`e^{-|\beta x|}` is tiny (the far left
    tail, where the result is about :math:`e^{\beta x}/\beta`). It is exact for every x: there is
    no switch to the identity above a threshold (PyTorch switches where βx > 20).

    Args:
        x: input array.
        beta: sharpness β > 0; softplus tends to ReLU as β grows.

    Returns:
        An array of the shape and dtype of ``x``, in [0, inf].

    Example:
        >>> import refimpl
        >>> print(refimpl.softplus([-800.0, 0.0, 20.5]))
        [ 0.          0.69314718 20.5       ]
        >>> print(refimpl.softplus(20.5) > 20.5)  # the exact value is 20.5 + 1.25e-9
        True

    Reference: Dugas, Bengio, Bélisle, Nadeau & Garcia, NIPS 13 (2000).
    """
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(beta * x))) / beta


def softplus_derivative(x, beta):
    r""":math:`\operatorname{softplus}_\beta'(x) = \sigma(\beta x)`, the sigmoid (refimpl.sigmoid's
    stable form)."""
    return _sigmoid(beta * x)
# --8<-- [end:softplus]


# --8<-- [start:sqrt_softplus]
def sqrt_softplus(x):
    r"""Sqrt-softplus: the square root of softplus, a positive score that grows like √x.

    .. math:: \operatorname{sqrt\_softplus}(x) = \sqrt{\ln\bigl(1 + e^{x}\bigr)}
              = e^{x/2} \sqrt{\frac{\ln(1 + u)}{u}}, \quad u = e^{x}

    For x >= 0 the square root of the stable softplus, :math:`|x| + \ln(1 + e^{-|x|})`. For x < 0
    the second form: :math:`e^{x/2}` times the square root of a ratio in (ln 2, 1]. softplus itself
    is about :math:`e^{x}`, subnormal below x ≈ -708 and 0 below x ≈ -745 in float64, while the
    result, about :math:`e^{x/2}`, stays a normal number down to x ≈ -1416; taking the root of the
    rounded softplus would lose those digits. Where u underflows to 0 the ratio is taken as 1, its
    limit.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [0, inf].

    Example:
        >>> import refimpl
        >>> print(refimpl.sqrt_softplus([-1000.0, 0.0, 100.0]))
        [7.12457641e-218 8.32554611e-001 1.00000000e+001]

    Reference: Hugging Face transformers 5.25.0, ``transformers/activations.py``
    ``SqrtSoftplusActivation`` (``ACT2FN["sqrtsoftplus"]``).
    """
    a = np.abs(x)
    u = np.exp(-a)  # e^x on the left, e^-x on the right; never overflows
    ratio = np.divide(np.log1p(u), u, out=np.ones_like(u), where=u > 0)
    return np.where(x < 0, np.exp(-a / 2) * np.sqrt(ratio), np.sqrt(a + np.log1p(u)))


def sqrt_softplus_derivative(x):
    r""":math:`\sigma(x) / \bigl(2\sqrt{\operatorname{softplus}(x)}\bigr)`, evaluated as
    :math:`1/\bigl(2(1 + u)\,s\bigr)` with :math:`u = e^{-|x|}` and s the value for x >= 0,
    and as :math:`e^{x/2} / \bigl(2(1 + u)\sqrt{\ln(1 + u)/u}\bigr)` for x < 0 (the
    :math:`e^{x}` of the sigmoid cancels against :math:`e^{x/2}` of the root)."""
    a = np.abs(x)
    u = np.exp(-a)
    ratio = np.divide(np.log1p(u), u, out=np.ones_like(u), where=u > 0)
    left = np.exp(-a / 2) / (2 * (1 + u) * np.sqrt(ratio))
    return np.where(x < 0, left, 1 / (2 * (1 + u) * np.sqrt(a + np.log1p(u))))
# --8<-- [end:sqrt_softplus]


# --8<-- [start:squareplus]
def squareplus(x, b=4):
    r"""Squareplus: an algebraic softplus, built from a square root.

    .. math:: \operatorname{squareplus}(x) = \frac{x + \sqrt{x^2 + b}}{2}
              = \frac{b}{2\bigl(\sqrt{x^2 + b} - x\bigr)}

    With :math:`s = \sqrt{x^2 + b}` computed as ``hypot(x, sqrt(b))`` (no overflow of
    :math:`x^2` for |x| > 1.3e154): :math:`x/2 + s/2` for x ≥ 0, a sum of two non-negative
    terms, and :math:`(b/4) / (s/2 + |x|/2)` for x < 0, the second form, which does not cancel
    where :math:`x + s` would (from about x < -1e8 on, :math:`x + s` is 0 or wrong in its first
    digit). Halving before adding keeps every intermediate finite up to the largest double.

    Args:
        x: input array.
        b: b > 0, the size of the curved region around 0 (b = 0 would be ReLU).

    Returns:
        An array of the shape and dtype of ``x``, in [0, inf].

    Example:
        >>> import refimpl
        >>> print(refimpl.squareplus([-1e9, 0.0, 3.0]))
        [1.00000000e-09 1.00000000e+00 3.30277564e+00]

    Reference: Barron (2021), arXiv:2112.11687.
    """
    s = np.hypot(x, np.sqrt(b))
    a = np.abs(x)  # |x| in both branches: x + s never meets inf - inf
    return np.where(x < 0, (b / 4) / (0.5 * s + 0.5 * a), 0.5 * a + 0.5 * s)


def squareplus_derivative(x, b):
    r""":math:`\tfrac12\bigl(1 + x/s\bigr)` for x ≥ 0, and the equal
    :math:`b/\bigl(2s(s - x)\bigr)` for x < 0 (no cancellation), :math:`s = \sqrt{x^2+b}`.

    x is clipped to the finite doubles first so that x/s is 1, not inf/inf, at x = ±inf; the
    negative branch divides twice, ``((b/4)/s)/h``, so that the product s·h, near x², is never
    formed (it would overflow while the result, about 1/x², is still a subnormal number).
    """
    big = np.finfo(np.float64).max
    xc = np.clip(x, -big, big)
    s = np.hypot(xc, np.sqrt(b))
    a = np.abs(xc)
    return np.where(xc < 0, (b / 4) / s / (0.5 * s + 0.5 * a), 0.5 + 0.5 * (a / s))
# --8<-- [end:squareplus]


# --8<-- [start:sparse_plus]
def sparse_plus(x):
    r"""Sparse plus: a piecewise-quadratic softplus that is exactly 0 for x ≤ -1.

    .. math:: \operatorname{sparse\_plus}(x) = \begin{cases} 0 & x \le -1 \\
              \tfrac14 (x + 1)^2 & -1 < x < 1 \\ x & x \ge 1 \end{cases}

    The square is taken of the input clipped to [-1, 1] (so no overflow far out); on that range
    x + 1 is exact near -1, where the result is small.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [0, inf].

    Example:
        >>> import refimpl
        >>> print(refimpl.sparse_plus([-2.0, -1.0, 0.0, 1.0, 2.0]))
        [0.   0.   0.25 1.   2.  ]

    Reference: Blondel, Martins & Niculae (2020), JMLR 21, arXiv:1901.02324.
    """
    quad = (np.clip(x, -1, 1) + 1) ** 2 / 4
    return np.where(x >= 1, x, quad)


def sparse_plus_derivative(x):
    r""":math:`\operatorname{clip}\bigl((x+1)/2, 0, 1\bigr)`, the sparse sigmoid. It is
    continuous (0 at -1 from both sides, 1 at 1 from both sides), so sparse plus is C¹ and has no
    kink; its second derivative jumps (0, 1/2, 0)."""
    return (np.clip(x, -1, 1) + 1) / 2
# --8<-- [end:sparse_plus]


# --8<-- [start:log_sigmoid]
def log_sigmoid(x):
    r"""Log-sigmoid, the logarithm of the logistic function.

    .. math:: \ln\sigma(x) = -\ln\bigl(1 + e^{-x}\bigr) = -\operatorname{softplus}(-x)
              = \min(x, 0) - \ln\bigl(1 + e^{-|x|}\bigr)

    The last form: exp of -|x| only (no overflow), ``log1p`` for the right tail, where the result
    is about :math:`-e^{-x}` (subnormal, not 0, up to x ≈ 745), and no ``log`` of a sigmoid that
    has rounded to 0 on the left (``log(sigmoid(-800))`` is ``-inf``; this is -800).

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [-inf, 0].

    Example:
        >>> import refimpl
        >>> print(refimpl.log_sigmoid([-800.0, 0.0, 40.0]))
        [-8.00000000e+02 -6.93147181e-01 -4.24835426e-18]
    """
    return np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))


def log_sigmoid_derivative(x):
    r""":math:`\frac{d}{dx}\ln\sigma(x) = \sigma'(x)/\sigma(x) = 1 - \sigma(x) = \sigma(-x)`."""
    return _sigmoid(-x)
# --8<-- [end:log_sigmoid]


# --8<-- [start:exponential]
def exponential(x):
    r"""Exponential: :math:`e^x`, Keras's ``exponential`` activation.

    .. math:: \exp(x) = e^{x}

    ``numpy.exp`` is accurate to about 1 ulp. Above :math:`\ln(\text{largest double}) \approx
    709.78` the exact value is beyond the largest double and rounds to inf: that is the right
    result, so the overflow warning NumPy would issue is switched off here (and only here).

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [0, inf].

    Example:
        >>> import refimpl
        >>> print(refimpl.exponential([-1000.0, 0.0, 1.0, 1000.0]))
        [0.         1.         2.71828183        inf]
    """
    with np.errstate(over="ignore"):
        return np.exp(x)


def exponential_derivative(x):
    r""":math:`\exp'(x) = e^x`: the function is its own derivative."""
    with np.errstate(over="ignore"):
        return np.exp(x)
# --8<-- [end:exponential]


_RECTIFIER = dict(monotonic="increasing", smoothness="Cinf", saturates=(True, False),
                  attained=(False, False))

register(Entry(
    name="softplus",
    fn=softplus,
    derivative_fn=softplus_derivative,
    title="Softplus",
    summary="Softplus, ln(1 + e^x), is a smooth, strictly positive version of ReLU whose "
            "derivative is the sigmoid. It is used as a smooth rectifier and to make an output "
            "positive, such as a predicted variance or rate.",
    family="softplus-like",
    params=(real_param("beta", "sharpness: softplus_β(x) = softplus(βx)/β tends to "
                       "relu(x) as β grows", low=0.0, low_open=True),),
    latex=r"\operatorname{softplus}_\beta(x) = \frac{1}{\beta}\ln\bigl(1 + e^{\beta x}\bigr)",
    derivative_latex=r"\operatorname{softplus}_\beta'(x) = \sigma(\beta x) = "
                     r"\frac{1}{1 + e^{-\beta x}}",
    declared=Properties(range=(0.0, np.inf), **_RECTIFIER),
    origin=("dugas2000incorporating",),
    frameworks={
        "pytorch": Framework(("torch.nn.Softplus", "torch.nn.functional.softplus"),
                             "torch.nn.functional.softplus({x})",
                             "Takes `beta=1.0` and `threshold=20.0` and returns x itself where "
                             "β·x > threshold, which is not the exact value: at x = 20.5 the "
                             "result is 1.25e-9 too small, about 350,000 ulp."),
        "jax": Framework(("jax.nn.softplus",), "jax.nn.softplus({x})",
                         "No β parameter: it is β = 1, computed as `jnp.logaddexp(x, 0)`."),
        "keras": Framework(("keras.activations.softplus",), "keras.activations.softplus({x})",
                           "No β parameter: it is β = 1."),
    },
    shape=("rises from 0 (for x far below 0) through ln 2 ≈ 0.693 at x = 0 and approaches "
           "the line y = x above x = 4, staying above ReLU",
           "is the sigmoid: an S-curve from 0 to 1 through 0.5 at x = 0"),
    textbook=lambda x, beta: np.log(1 + np.exp(beta * x)) / beta,
))

register(Entry(
    name="sqrt_softplus",
    fn=sqrt_softplus,
    derivative_fn=sqrt_softplus_derivative,
    title="Sqrt-softplus",
    summary="The square root of softplus, √ln(1 + e^x): positive and increasing, about e^(x/2) on "
            "the left and √x on the right. Hugging Face transformers ships it as "
            "\"sqrtsoftplus\", the default router scoring function of its DeepSeek V4 model.",
    family="softplus-like",
    aliases=("sqrtsoftplus",),
    latex=r"\operatorname{sqrt\_softplus}(x) = \sqrt{\operatorname{softplus}(x)} = "
          r"\sqrt{\ln\bigl(1 + e^{x}\bigr)}",
    derivative_latex=r"\operatorname{sqrt\_softplus}'(x) = "
                     r"\frac{\sigma(x)}{2\sqrt{\operatorname{softplus}(x)}}",
    declared=Properties(range=(0.0, np.inf), monotonic="increasing", smoothness="Cinf",
                        saturates=(True, True), attained=(False, False)),
    origin=(),  # no paper read: transformers' code, see the page's History
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("rises from 0 (for x far below 0) through √ln 2 ≈ 0.833 at x = 0 and grows like √x, "
           "3.16 at x = 10",
           "rises from 0 to its maximum, about 0.319 near x = 0.92, and falls back towards 0 "
           "like 1/(2√x)"),
    textbook=lambda x: np.sqrt(np.log(1 + np.exp(x))),
))

register(Entry(
    name="squareplus",
    fn=squareplus,
    derivative_fn=squareplus_derivative,
    title="Squareplus",
    summary="Squareplus, (x + √(x² + b))/2, is a softplus-like smooth rectifier built only from "
            "arithmetic and a square root. It was proposed as a cheaper stand-in for softplus.",
    family="softplus-like",
    params=(real_param("b", "size of the curved region around x = 0: squareplus(0) = √b/2; "
                       "b = 0 would be ReLU, excluded here", low=0.0, low_open=True),),
    latex=r"\operatorname{squareplus}_b(x) = \frac{x + \sqrt{x^2 + b}}{2}",
    derivative_latex=r"\operatorname{squareplus}_b'(x) = \frac12\Bigl(1 + "
                     r"\frac{x}{\sqrt{x^2 + b}}\Bigr)",
    declared=Properties(range=(0.0, np.inf), **_RECTIFIER),
    origin=("barron2021squareplus",),
    frameworks={
        "pytorch": None,
        "jax": Framework(("jax.nn.squareplus",), "jax.nn.squareplus({x})",
                         "Computes (x + √(x² + b))/2 as written, which cancels for large "
                         "negative x (0 instead of 1e-9 at x = -1e9 in float64) and overflows "
                         "x² beyond |x| ≈ 1.3e154."),
        "keras": Framework(("keras.activations.squareplus",), "keras.activations.squareplus({x})",
                           "Computes (x + √(x² + b))/2 as written (cancellation for large "
                           "negative x); its docstring credits the paper to \"Ramachandran et "
                           "al., 2021\", but arXiv:2112.11687 is by J. T. Barron."),
    },
    shape=("rises from 0 (for x far below 0) through 1 at x = 0 and approaches the line "
           "y = x, more slowly than softplus (it exceeds x by 1/x for large x)",
           "is an S-curve from 0 to 1 through 0.5 at x = 0, with algebraic (1/x²) tails"),
    textbook=lambda x, b: (x + np.sqrt(x * x + b)) / 2,
))

register(Entry(
    name="sparse_plus",
    fn=sparse_plus,
    derivative_fn=sparse_plus_derivative,
    title="Sparse plus",
    summary="Sparse plus is 0 for x ≤ −1, x for x ≥ 1 and the parabola (x + 1)²/4 in between: a "
            "softplus with exact zeros. Its derivative is the sparse sigmoid, as softplus's is the "
            "sigmoid.",
    family="softplus-like",
    latex=r"\operatorname{sparse\_plus}(x) = \begin{cases} 0 & x \le -1 \\ \tfrac14 (x + 1)^2 "
          r"& -1 < x < 1 \\ x & x \ge 1 \end{cases}",
    derivative_latex=r"\operatorname{sparse\_plus}'(x) = \begin{cases} 0 & x \le -1 \\ "
                     r"\tfrac12 (x + 1) & -1 < x < 1 \\ 1 & x \ge 1 \end{cases}",
    declared=Properties(range=(0.0, np.inf), monotonic="non-decreasing", smoothness="C1",
                        saturates=(True, False), attained=(True, False)),
    origin=("blondel2020learning",),
    frameworks={
        "pytorch": None,
        "jax": Framework(("jax.nn.sparse_plus",), "jax.nn.sparse_plus({x})"),
        "keras": Framework(("keras.activations.sparse_plus",),
                           "keras.activations.sparse_plus({x})"),
    },
    shape=("is 0 up to x = −1, bends up along a parabola through 0.25 at x = 0 and joins the "
           "line y = x at x = 1 without a corner",
           "is 0 up to x = −1, rises linearly through 0.5 at x = 0 to 1 at x = 1 and stays 1"),
    textbook=lambda x: np.where(x <= -1, 0.0, np.where(x >= 1, x, (x + 1) ** 2 / 4)),
))

register(Entry(
    name="log_sigmoid",
    fn=log_sigmoid,
    derivative_fn=log_sigmoid_derivative,
    title="Log-sigmoid",
    summary="The logarithm of the sigmoid, ln σ(x) = −softplus(−x): a negative, increasing "
            "function that tends to x on the left and to 0 on the right. It is the log-probability "
            "of the positive class in logistic regression and the building block of binary "
            "cross-entropy losses.",
    family="output layer",
    aliases=("logsigmoid",),
    latex=r"\ln\sigma(x) = -\ln\bigl(1 + e^{-x}\bigr) = -\operatorname{softplus}(-x)",
    derivative_latex=r"\frac{d}{dx}\ln\sigma(x) = 1 - \sigma(x) = \sigma(-x)",
    declared=Properties(range=(-np.inf, 0.0), monotonic="increasing", smoothness="Cinf",
                        saturates=(False, True), attained=(False, False)),
    frameworks={
        "pytorch": Framework(("torch.nn.LogSigmoid", "torch.nn.functional.logsigmoid"),
                             "torch.nn.functional.logsigmoid({x})"),
        "jax": Framework(("jax.nn.log_sigmoid",), "jax.nn.log_sigmoid({x})"),
        "keras": Framework(("keras.activations.log_sigmoid",),
                           "keras.activations.log_sigmoid({x})"),
    },
    shape=("rises from the line y = x (for x far below 0) through −ln 2 ≈ −0.693 at x = 0 "
           "towards 0, which it never reaches",
           "is σ(−x): an S-curve falling from 1 to 0 through 0.5 at x = 0"),
    textbook=lambda x: np.log(1 / (1 + np.exp(-x))),
))

register(Entry(
    name="exponential",
    fn=exponential,
    derivative_fn=exponential_derivative,
    title="Exponential",
    summary="The exponential e^x as an activation: positive, increasing and its own derivative. "
            "As the last activation it turns a predicted logarithm into a positive value; Keras "
            "ships it as keras.activations.exponential.",
    family="output layer",
    latex=r"\exp(x) = e^{x}",
    derivative_latex=r"\exp'(x) = e^{x}",
    declared=Properties(range=(0.0, np.inf), **_RECTIFIER),
    frameworks={
        "pytorch": None,
        "jax": None,
        "keras": Framework(("keras.activations.exponential",),
                           "keras.activations.exponential({x})"),
    },
    shape=("rises from 0 (for x far below 0) through 1 at x = 0 and grows without bound, "
           "beyond 400 at x = 6", "is the same curve: e^x is its own derivative"),
    textbook=lambda x: np.exp(x),
))
