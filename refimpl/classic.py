"""The classic activations: the threshold unit and the two sigmoids.

Each function takes a float array (the registry converts and checks the input) and returns an
array of the same dtype. None of them warns, for any input: they never evaluate exp of a
positive argument, so nothing overflows.
"""

import numpy as np

from .registry import Entry, Framework, Kink, Param, Properties, register


# --8<-- [start:step]
def step(x, at_zero=0.0):
    r"""Heaviside step: the threshold unit of McCulloch and Pitts.

    .. math:: H(x) = \begin{cases} 0 & x < 0 \\ a & x = 0 \\ 1 & x > 0 \end{cases}

    Args:
        x: input array.
        at_zero: the value a at x = 0, like ``numpy.heaviside``'s second argument.

    Returns:
        An array of the shape and dtype of ``x``.

    Example:
        >>> import refimpl
        >>> print(refimpl.step([-2.0, 0.0, 3.0]))
        [0. 0. 1.]
        >>> print(refimpl.step(0.0, at_zero=0.5))
        0.5

    Reference: McCulloch & Pitts (1943), doi:10.1007/BF02478259.
    """
    return np.heaviside(x, at_zero)


def step_derivative(x, at_zero=0.0):
    # Zero wherever it exists; at 0 the jump has no derivative and 0 is what backprop can use.
    return np.where(np.isnan(x), x, np.zeros_like(x))
# --8<-- [end:step]


# --8<-- [start:sigmoid]
def sigmoid(x):
    r"""Logistic sigmoid.

    .. math:: \sigma(x) = \frac{1}{1 + e^{-x}}

    Computed from :math:`e = e^{-|x|} \le 1`, which cannot overflow: :math:`1/(1+e)` for
    :math:`x \ge 0` and the equal :math:`e/(1+e)` for :math:`x < 0`. Both are within 2 ulp.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [0, 1].

    Example:
        >>> import refimpl
        >>> print(refimpl.sigmoid([-1000.0, 0.0, 1000.0]))
        [0.  0.5 1. ]

    Reference: Rumelhart, Hinton & Williams (1986), doi:10.1038/323533a0.
    """
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_derivative(x):
    r""":math:`\sigma'(x) = \sigma(x)\,\sigma(-x) = e/(1+e)^2` with :math:`e = e^{-|x|}`.

    The textbook form :math:`\sigma(x)(1-\sigma(x))` loses every digit once :math:`\sigma(x)`
    rounds to 1 (float64: :math:`x \ge 53\ln 2 \approx 36.74`); this form keeps full relative
    precision.
    """
    e = np.exp(-np.abs(x))
    return e / ((1 + e) * (1 + e))
# --8<-- [end:sigmoid]


# --8<-- [start:tanh]
def tanh(x):
    r"""Hyperbolic tangent.

    .. math:: \tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1

    Uses the C library's ``tanh`` through ``numpy.tanh``, which is accurate to about 1 ulp.

    Example:
        >>> import refimpl
        >>> print(refimpl.tanh([-30.0, 0.0, 30.0]))
        [-1.  0.  1.]
    """
    return np.tanh(x)


def tanh_derivative(x):
    r""":math:`\tanh'(x) = 1 - \tanh^2(x) = \operatorname{sech}^2 x = 4e/(1+e)^2`, :math:`e = e^{-2|x|}`.

    :math:`1 - \tanh^2 x` cancels to 0 once ``tanh(x)`` rounds to ±1 (|x| ≳ 19 in float64; the
    exact point depends on the C library); the last form keeps full precision.
    |x| is capped at 400 because 2|x| overflows near the largest double; e underflows to 0
    beyond |x| = 373 anyway, so the cap changes no result.
    """
    e = np.exp(-2 * np.minimum(np.abs(x), 400))
    return 4 * e / ((1 + e) * (1 + e))
# --8<-- [end:tanh]


_SMOOTH_SIGMOID = dict(smoothness="Cinf", saturates=(True, True), monotonic="increasing",
                       attained=(False, False))

register(Entry(
    name="step",
    fn=step,
    derivative_fn=step_derivative,
    title="Heaviside step",
    summary="The threshold unit: 1 for positive input, 0 for negative. The activation of the "
            "McCulloch–Pitts neuron and the perceptron; its zero gradient rules it out for backprop.",
    family="classic",
    aliases=("heaviside", "binary_step"),
    params=(Param("at_zero", 0.0, "a real number in [0, 1]",
                  "value returned at x = 0 (numpy.heaviside's x2)",
                  lambda v: not isinstance(v, bool) and 0 <= float(v) <= 1),),
    latex=r"H(x) = \begin{cases} 0 & x < 0 \\ a & x = 0 \\ 1 & x > 0 \end{cases}",
    derivative_latex=r"H'(x) = 0 \quad (x \neq 0)",
    declared=Properties(range=(0.0, 1.0), monotonic="non-decreasing", smoothness="discontinuous",
                        saturates=(True, True)),
    kinks=(Kink(0.0, 0.0, "H jumps at 0, so no derivative exists there (its distributional "
                          "derivative is the Dirac delta); 0 is returned, the value on both sides."),),
    origin=("mcculloch1943logical", "rosenblatt1958perceptron"),
    year=1943,
    frameworks={
        "pytorch": Framework(("torch.heaviside",), "torch.heaviside({x}, torch.zeros_like({x}))",
                             "A tensor function, not a module: the value at 0 (`values`, a tensor) "
                             "is required; it has no derivative (backward raises), and NaN input "
                             "gives 0 where NumPy and JAX give NaN."),
        "jax": Framework(("jax.numpy.heaviside",), "jax.numpy.heaviside({x}, 0.0)",
                         "The value at 0 (`x2`) is required; `jax.grad` gives 0 everywhere."),
        "keras": Framework(("keras.ops.heaviside",), "keras.ops.heaviside({x}, 0.0)",
                           "In `keras.ops`, not `keras.activations`; the value at 0 (`x2`) is "
                           "required."),
    },
    shape=("is 0 for negative x and 1 for positive x, with a jump at x = 0 where it "
           "takes the value 0 (filled dot)", "is 0 everywhere it exists"),
))

register(Entry(
    name="sigmoid",
    fn=sigmoid,
    derivative_fn=sigmoid_derivative,
    title="Sigmoid (logistic)",
    summary="The logistic function squashes any real number into (0, 1). Used today as the output "
            "of binary and multi-label classifiers and as the gate in LSTM/GRU cells and GLU.",
    family="classic",
    aliases=("logistic", "expit"),
    latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
    derivative_latex=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr) = \sigma(x)\,\sigma(-x)",
    declared=Properties(range=(0.0, 1.0), **_SMOOTH_SIGMOID),
    origin=("rumelhart1986learning",),
    year=1986,
    frameworks={
        "pytorch": Framework(("torch.nn.Sigmoid", "torch.sigmoid"), "torch.sigmoid({x})"),
        "jax": Framework(("jax.nn.sigmoid",), "jax.nn.sigmoid({x})"),
        "keras": Framework(("keras.activations.sigmoid",), "keras.activations.sigmoid({x})"),
    },
    shape=("rises from 0 to 1 along an S-curve through 0.5 at x = 0",
           "is a bell that peaks at 0.25 at x = 0 and is nearly 0 beyond |x| = 5"),
))

register(Entry(
    name="tanh",
    fn=tanh,
    derivative_fn=tanh_derivative,
    title="Tanh",
    summary="The hyperbolic tangent, a sigmoid rescaled to (−1, 1) and centred on 0. Used today "
            "in LSTM/GRU cell updates and as the inner function of GELU's tanh approximation.",
    family="classic",
    aliases=("hyperbolic_tangent",),
    latex=r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1",
    derivative_latex=r"\tanh'(x) = 1 - \tanh^2(x) = \operatorname{sech}^2(x)",
    declared=Properties(range=(-1.0, 1.0), **_SMOOTH_SIGMOID),
    origin=(),  # no verified first use as an activation: see the page's History
    frameworks={
        "pytorch": Framework(("torch.nn.Tanh", "torch.tanh"), "torch.tanh({x})"),
        "jax": Framework(("jax.nn.tanh", "jax.numpy.tanh"), "jax.nn.tanh({x})"),
        "keras": Framework(("keras.activations.tanh",), "keras.activations.tanh({x})"),
    },
    shape=("rises from −1 to 1 along an S-curve through the origin",
           "is a bell that peaks at 1 at x = 0 and is nearly 0 beyond |x| = 3"),
))
