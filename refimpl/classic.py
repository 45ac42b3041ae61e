"""The classic activations: the threshold unit and the two sigmoids.

Each function takes a float array (the registry converts and checks the input) and returns an
array of the same dtype. None of them warns, for any input: they never evaluate exp of a
positive argument, so nothing overflows.
"""

import math

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


def step_derivative(x, at_zero):
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
    params=(Param("at_zero", "a real number in [0, 1]",
                  "value returned at x = 0 (numpy.heaviside's x2)",
                  lambda v: not isinstance(v, bool) and 0 <= float(v) <= 1),),
    latex=r"H(x) = \begin{cases} 0 & x < 0 \\ a & x = 0 \\ 1 & x > 0 \end{cases}",
    derivative_latex=r"H'(x) = 0 \quad (x \neq 0)",
    declared=Properties(range=(0.0, 1.0), monotonic="non-decreasing", smoothness="discontinuous",
                        saturates=(True, True)),
    kinks=(Kink(0.0, 0.0, "H jumps at 0, so no derivative exists there (its distributional "
                          "derivative is the Dirac delta); 0 is returned, the value on both sides."),),
    origin=("mcculloch1943logical", "rosenblatt1958perceptron"),
    frameworks={
        "pytorch": Framework(("torch.heaviside",),
                             "torch.heaviside({x}, torch.full_like({x}, {at_zero}))",
                             "A tensor function, not a module: the value at 0 (`values`, a tensor) "
                             "is required; it has no derivative (backward raises), and NaN input "
                             "gives 0 where NumPy and JAX give NaN."),
        "jax": Framework(("jax.numpy.heaviside",), "jax.numpy.heaviside({x}, {at_zero})",
                         "The value at 0 (`x2`) is required; `jax.grad` gives 0 everywhere."),
        "keras": Framework(("keras.ops.heaviside",), "keras.ops.heaviside({x}, {at_zero})",
                           "In `keras.ops`, not `keras.activations`; the value at 0 (`x2`) is "
                           "required."),
    },
    shape=("is 0 for negative x and 1 for positive x, with a jump at x = 0 where it "
           "takes the value {at_zero:g} (filled dot)", "is 0 everywhere it exists"),
    textbook=lambda x, at_zero: np.where(x > 0, 1.0, np.where(x < 0, 0.0, at_zero)),
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
    frameworks={
        "pytorch": Framework(("torch.nn.Sigmoid", "torch.sigmoid"), "torch.sigmoid({x})"),
        "jax": Framework(("jax.nn.sigmoid",), "jax.nn.sigmoid({x})"),
        "keras": Framework(("keras.activations.sigmoid",), "keras.activations.sigmoid({x})"),
    },
    shape=("rises from 0 to 1 along an S-curve through 0.5 at x = 0",
           "is a bell that peaks at 0.25 at x = 0 and is nearly 0 beyond |x| = 5"),
    textbook=lambda x: 1 / (1 + np.exp(-x)),
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
    textbook=lambda x: (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x)),
))


# -- identity, LeCun's scaled tanh, softsign ---------------------------------------------------

# --8<-- [start:identity]
def identity(x):
    r"""Identity: the "linear" activation, which passes its input through.

    .. math:: f(x) = x

    Returns a copy, so that writing into the result never changes the input.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, equal to ``x``.

    Example:
        >>> import refimpl
        >>> print(refimpl.identity([-2.0, 0.0, 3.0]))
        [-2.  0.  3.]
        >>> print(refimpl.get("linear").derivative([-2.0, 0.0, 3.0]))
        [1. 1. 1.]
    """
    return np.array(x, copy=True)


def identity_derivative(x):
    r""":math:`f'(x) = 1` everywhere; NaN stays NaN."""
    return np.where(np.isnan(x), x, np.ones_like(x))
# --8<-- [end:identity]


# LeCun et al. (1998), Efficient BackProp, section 4.4: "f(x) = 1.7159 tanh(2/3 x)".
LECUN_TANH_SCALE = 1.7159


# --8<-- [start:lecun_tanh]
def lecun_tanh(x):
    r"""LeCun's scaled hyperbolic tangent.

    .. math:: f(x) = 1.7159 \tanh\!\left(\tfrac{2}{3} x\right)

    The constants make f(±1) ≈ ±1 (1.7159·tanh(2/3) = 0.9999973...). The argument is
    ``(x + x) / 3``, one rounding (``x * (2/3)`` has two, and the error of 2x/3 is magnified
    about 4|x|/3 times in the derivative's tail), after clipping x to [-1200, 1200] so that the
    doubling cannot overflow: tanh is exactly ±1 and its derivative exactly 0 well before that.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [-1.7159, 1.7159].

    Example:
        >>> import refimpl
        >>> print(refimpl.lecun_tanh([-1.0, 0.0, 1.0]))
        [-0.99999726  0.          0.99999726]

    Reference: LeCun, Bottou, Orr & Müller (1998), Efficient BackProp, §4.4,
    doi:10.1007/3-540-49430-8_2.
    """
    return LECUN_TANH_SCALE * np.tanh(_two_thirds(x))


def lecun_tanh_derivative(x):
    r""":math:`f'(x) = 1.7159 \cdot \tfrac23 \operatorname{sech}^2(\tfrac23 x)`, with
    :math:`\operatorname{sech}^2` from ``tanh_derivative`` (no cancellation in the tails)."""
    return (LECUN_TANH_SCALE * 2 / 3) * tanh_derivative(_two_thirds(x))


def _two_thirds(x):
    # 2x/3 with a single rounding; beyond |x| = 1200, tanh = ±1 and sech^2 = 0 in float64
    c = np.clip(x, -1200.0, 1200.0)
    return (c + c) / 3
# --8<-- [end:lecun_tanh]


# --8<-- [start:softsign]
def softsign(x):
    r"""Softsign: a sigmoid with polynomial rather than exponential tails.

    .. math:: \operatorname{softsign}(x) = \frac{x}{1 + |x|}

    At ±inf the formula is inf/inf (NaN); the exact limits ±1 are returned there instead.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [-1, 1].

    Example:
        >>> import numpy as np
        >>> import refimpl
        >>> print(refimpl.softsign([-np.inf, -1.0, 0.0, 3.0, np.inf]))
        [-1.   -0.5   0.    0.75  1.  ]

    Reference: Glorot & Bengio (2010), https://proceedings.mlr.press/v9/glorot10a.html.
    """
    finite = np.where(np.isinf(x), 0.0, x)
    return np.where(np.isinf(x), np.sign(x), finite / (1 + np.abs(finite)))


def softsign_derivative(x):
    r""":math:`\operatorname{softsign}'(x) = 1/(1+|x|)^2`, computed as :math:`r \cdot r` with
    :math:`r = 1/(1+|x|)`: squaring first would overflow for |x| > 1e154, where the true
    derivative is still a (tiny or subnormal) positive number."""
    r = 1 / (1 + np.abs(x))
    return r * r
# --8<-- [end:softsign]


# --8<-- [start:laplace]
# MEGA's constants as its code writes them (fairseq/utils.py of facebookresearch/mega, and
# transformers' LaplaceActivation): 1/√2 and 1/(2√π) = √(1/(4π)) to six decimals.
LAPLACE_MU = 0.707107
LAPLACE_SIGMA = 0.282095


def _laplace_argument(x, mu, sigma):
    """t = (x − μ)/σ as th + tl, |tl| <= 2^-52 |th|, clipped to [-40, 40] (Φ is 0 or 1 beyond).

    x − μ is split exactly into s + e (Knuth's two-sum), and the rounding error of th = s/σ is
    recovered with Dekker's product th·σ, so that no rounding of t reaches the tails, where Φ
    magnifies an error in t about t² times."""
    with np.errstate(over="ignore", invalid="ignore"):  # |x − μ| beyond the largest double
        s = x - mu
        v = s - x
        e = (x - (s - v)) + (-mu - v)  # s + e = x − μ exactly
        th = s / sigma
    ok = np.abs(th) <= 40  # False at NaN and beyond ±40
    th = np.where(ok, th, np.clip(th, -40.0, 40.0))
    tc = np.where(ok, th, 0.0)
    sc = np.where(ok, s, 0.0)
    c = 134217729.0 * tc  # Veltkamp: th and σ in halves of 26 bits, each product exact
    t_hi = c - (c - tc)
    t_lo = tc - t_hi
    c = 134217729.0 * sigma
    s_hi = c - (c - sigma)
    s_lo = sigma - s_hi
    err = (((t_hi * s_hi - tc * sigma) + t_hi * s_lo + t_lo * s_hi) + t_lo * s_lo)  # th·σ − fl
    tl = np.where(ok, ((sc - tc * sigma) - err + np.where(ok, e, 0.0)) / sigma, 0.0)
    return np.where(np.isnan(x), x, th), tl


def laplace(x, mu=LAPLACE_MU, sigma=LAPLACE_SIGMA):
    r"""MEGA's "Laplace" attention function: the normal CDF of (x − μ)/σ, a shifted and
    scaled Gaussian CDF despite its name.

    .. math:: \operatorname{laplace}(x) = \tfrac12\Bigl(1 + \operatorname{erf}\frac{x - \mu}{\sigma\sqrt2}\Bigr)
              = \Phi\Bigl(\frac{x - \mu}{\sigma}\Bigr)

    With t = (x − μ)/σ = th + tl (``_laplace_argument``): for th ≥ −1,
    :math:`\Phi(th) + \varphi(th)\,tl` with ``scipy.special.ndtr``; for −3 ≤ th < −1,
    :math:`(P(th) + tl/\sqrt{2\pi})\,e^{-th^2/2}` with the GELU's series for
    :math:`P = \Phi\,e^{t^2/2}` (``_gauss_ratio``); below,
    :math:`\tfrac12\operatorname{erfcx}(-th/\sqrt2)\,e^{-th\,tl}\,e^{-th^2/2}`, the Gaussian
    factor from the exact square of th (as for the GELU), so that the result rounds once, also
    where it is subnormal.

    Args:
        x: input array.
        mu: the centre μ, where the result is 1/2 (finite).
        sigma: the width σ > 0 (finite).

    Returns:
        An array of the shape and dtype of ``x``, in [0, 1].

    Example:
        >>> import refimpl
        >>> print(refimpl.laplace([0.0, 0.707107, 1.0]))
        [0.00609446 0.5        0.85042965]
        >>> print(refimpl.laplace(-10.0))  # subnormal, not flushed to 0
        1.55504662e-315

    Reference: Ma et al. (2022), arXiv:2209.10655; facebookresearch/mega, fairseq/utils.py.
    """
    from scipy import special  # here, not at the top: `import refimpl` stays light

    from .self_gated import _gauss_ratio, _times_gauss

    th, tl = _laplace_argument(x, mu, sigma)
    slope = tl / math.sqrt(2 * math.pi)  # φ(th)·tl = e^{-th²/2}·slope
    upper = special.ndtr(th) + _times_gauss(slope, np.clip(th, -1.0, 40.0))
    tm = np.clip(th, -3.0, -1.0)
    middle = _times_gauss(_gauss_ratio(tm) + slope, tm)
    tn = np.minimum(th, -3.0)
    lower = _times_gauss(0.5 * special.erfcx(tn * -math.sqrt(0.5)) * np.exp(-tn * tl), tn)
    return np.where(th >= -1, upper, np.where(th >= -3, middle,
                                              np.where(np.isnan(th), th, lower)))


def laplace_derivative(x, mu, sigma):
    r""":math:`\operatorname{laplace}'(x) = \varphi(t)/\sigma`, t = (x − μ)/σ = th + tl, as
    :math:`e^{-th\,tl}/(\sigma\sqrt{2\pi})\cdot e^{-th^2/2}`."""
    from .self_gated import _times_gauss

    th, tl = _laplace_argument(x, mu, sigma)
    tc = np.where(np.isnan(th), 0.0, th)
    y = _times_gauss(np.exp(-tc * tl) / (sigma * math.sqrt(2 * math.pi)), tc)
    return np.where(np.abs(th) >= 40, 0.0, np.where(np.isnan(th), th, y))
# --8<-- [end:laplace]


register(Entry(
    name="identity",
    fn=identity,
    derivative_fn=identity_derivative,
    title="Identity (linear)",
    summary="The identity f(x) = x: no nonlinearity at all. Used as the output activation of "
            "regression models and wherever a layer's API requires an activation but none is "
            "wanted.",
    family="classic",
    aliases=("linear",),
    latex=r"f(x) = x",
    derivative_latex=r"f'(x) = 1",
    declared=Properties(range=(-np.inf, np.inf), monotonic="increasing", smoothness="Cinf",
                        saturates=(False, False), attained=(False, False)),
    origin=(),  # a mathematical triviality, not an invention: no origin paper
    frameworks={
        "pytorch": Framework(("torch.nn.Identity",), "torch.nn.Identity()({x})",
                             "A module only, with no functional form; its constructor accepts "
                             "and ignores any arguments."),
        "jax": Framework(("jax.nn.identity",), "jax.nn.identity({x})"),
        "keras": Framework(("keras.activations.linear",), "keras.activations.linear({x})",
                           "Named `linear`; Keras has no `keras.activations.identity`."),
    },
    shape=("is the straight line y = x through the origin", "is the constant 1"),
    textbook=lambda x: x,
))

register(Entry(
    name="lecun_tanh",
    fn=lecun_tanh,
    derivative_fn=lecun_tanh_derivative,
    title="LeCun tanh",
    summary="The scaled hyperbolic tangent 1.7159·tanh(2x/3) that LeCun et al. (1998) "
            "recommended for hidden layers. Its constants make f(±1) ≈ ±1 and give a slope near "
            "1 over the useful range, so unit-variance inputs give outputs of variance near 1.",
    family="classic",
    latex=r"f(x) = 1.7159 \tanh\!\left(\tfrac{2}{3} x\right)",
    derivative_latex=r"f'(x) = 1.7159 \cdot \tfrac{2}{3}\, \operatorname{sech}^2\!\left("
                     r"\tfrac{2}{3} x\right)",
    declared=Properties(range=(-LECUN_TANH_SCALE, LECUN_TANH_SCALE), **_SMOOTH_SIGMOID),
    origin=("lecun1998efficient",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("rises from −1.7159 to 1.7159 along an S-curve through the origin and is close to "
           "±1 at x = ±1", "is a bell that peaks at about 1.144 at x = 0 and is nearly 0 beyond "
           "|x| = 5"),
    textbook=lambda x: LECUN_TANH_SCALE * np.tanh(2 * x / 3),
))

register(Entry(
    name="softsign",
    fn=softsign,
    derivative_fn=softsign_derivative,
    title="Softsign",
    summary="The algebraic sigmoid x/(1 + |x|): odd, bounded by ±1 like tanh, but approaching "
            "its bounds polynomially rather than exponentially. Found in every major framework; "
            "rarely the default choice.",
    family="classic",
    latex=r"\operatorname{softsign}(x) = \frac{x}{1 + |x|}",
    derivative_latex=r"\operatorname{softsign}'(x) = \frac{1}{(1 + |x|)^2}",
    # C1: f' is continuous, but f'' jumps from 2 to -2 at 0
    declared=Properties(range=(-1.0, 1.0), monotonic="increasing", smoothness="C1",
                        saturates=(True, True), attained=(False, False)),
    # the earliest source verified for this page; not necessarily its first use
    origin=("glorot2010understanding",),
    frameworks={
        "pytorch": Framework(("torch.nn.Softsign", "torch.nn.functional.softsign"),
                             "torch.nn.functional.softsign({x})",
                             "Computes `input / (input.abs() + 1)`, so ±inf gives NaN where "
                             "refimpl gives ±1."),
        "jax": Framework(("jax.nn.soft_sign",), "jax.nn.soft_sign({x})",
                         "Named `soft_sign`; computes `x / (abs(x) + 1)`, so ±inf gives NaN."),
        "keras": Framework(("keras.activations.softsign",), "keras.activations.softsign({x})",
                           "Computes `x / (1 + abs(x))` (NumPy backend), so ±inf gives NaN."),
    },
    shape=("rises from −1 to 1 through the origin, more slowly than tanh: it is ±0.5 at "
           "x = ±1 and ±0.75 at x = ±3", "peaks at 1 at x = 0, where it has a corner, and decays "
           "like 1/x², still 0.02 at |x| = 6"),
    textbook=lambda x: x / (1 + np.abs(x)),
))

register(Entry(
    name="laplace",
    fn=laplace,
    derivative_fn=laplace_derivative,
    title="Laplace (MEGA)",
    summary="MEGA's attention function ½(1 + erf((x − μ)/(σ√2))), by default μ = {mu:g} and "
            "σ = {sigma:g}: the normal CDF shifted and scaled, a Gaussian CDF despite its name. "
            "MEGA applies it to attention scores in place of softmax; Hugging Face transformers "
            "lists it as \"laplace\".",
    family="classic",
    params=(Param("mu", "a finite real number", "the centre μ, where the output is 1/2",
                  lambda v: not isinstance(v, bool)
                  and isinstance(v, (int, float, np.integer, np.floating))
                  and math.isfinite(float(v))),
            Param("sigma", "a finite real number with sigma > 0", "the width σ of the ramp",
                  lambda v: not isinstance(v, bool)
                  and isinstance(v, (int, float, np.integer, np.floating))
                  and math.isfinite(float(v)) and float(v) > 0)),
    latex=r"\operatorname{laplace}(x) = \frac12\Bigl(1 + \operatorname{erf}"
          r"\frac{x - \mu}{\sigma\sqrt2}\Bigr) = \Phi\Bigl(\frac{x - \mu}{\sigma}\Bigr)",
    derivative_latex=r"\operatorname{laplace}'(x) = \frac{1}{\sigma\sqrt{2\pi}}"
                     r"\,e^{-(x - \mu)^2 / (2\sigma^2)}",
    declared=Properties(range=(0.0, 1.0), **_SMOOTH_SIGMOID),
    origin=("ma2022mega",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("rises from 0 to 1 along an S-curve through 0.5 at x = {mu:g}, close to 0 left of the "
           "origin and to 1 beyond x = 1.5", "is a bell that peaks at about 1.414 at "
           "x = {mu:g}"),
    textbook=lambda x, mu, sigma: 0.5 * (1 + _erf((x - mu) / (sigma * math.sqrt(2)))),
))


def _erf(x):
    from scipy.special import erf  # only the accuracy page asks: import refimpl stays light

    return erf(x)
