"""The rectifiers: ReLU, its piecewise-linear relatives, its square, and StarReLU (a scaled,
shifted squared ReLU)."""

import numpy as np

from .registry import Entry, Framework, Kink, Param, Properties, axis_param, register


# --8<-- [start:relu]
def relu(x):
    r"""Rectified linear unit.

    .. math:: \operatorname{relu}(x) = \max(0, x)

    ``numpy.maximum`` propagates NaN (``numpy.where(x > 0, x, 0)`` would turn NaN into 0).

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [0, inf].

    Example:
        >>> import refimpl
        >>> print(refimpl.relu([-2.0, 0.0, 3.0]))
        [0. 0. 3.]

    Reference: Nair & Hinton (2010); Glorot, Bordes & Bengio (2011).
    """
    return np.maximum(x, 0)


def relu_derivative(x):
    r""":math:`\operatorname{relu}'(x) = 1` for x > 0, 0 for x < 0, and 0 at the kink x = 0."""
    return np.heaviside(x, 0)
# --8<-- [end:relu]


register(Entry(
    name="relu",
    fn=relu,
    derivative_fn=relu_derivative,
    title="ReLU",
    summary="The rectified linear unit max(0, x): the identity for positive input, zero otherwise. "
            "The default hidden-layer activation of CNNs and MLPs since about 2011.",
    family="rectifiers",
    aliases=("rectifier",),
    latex=r"\operatorname{relu}(x) = \max(0, x)",
    derivative_latex=r"\operatorname{relu}'(x) = \begin{cases} 0 & x < 0 \\ 1 & x > 0 \end{cases}",
    declared=Properties(range=(0.0, np.inf), monotonic="non-decreasing", smoothness="C0",
                        saturates=(True, False), attained=(True, False)),
    kinks=(Kink(0.0, 0.0, "The left and right derivatives are 0 and 1. PyTorch and JAX return "
                          "0 at exactly 0; see Bertoin et al. (2021) on why the choice matters."),),
    # Earlier rectifying units (Fukushima 1969, Hahnloser et al. 2000) are discussed on the page;
    # what their units compute is not verified, so they are not listed as origins.
    origin=("nair2010rectified", "glorot2011deep"),
    frameworks={
        "pytorch": Framework(("torch.nn.ReLU", "torch.relu", "torch.nn.functional.relu"),
                             "torch.relu({x})"),
        "jax": Framework(("jax.nn.relu",), "jax.nn.relu({x})"),
        "keras": Framework(("keras.activations.relu",), "keras.activations.relu({x})",
                           "Generalised: `negative_slope`, `max_value` and `threshold` "
                           "(defaults 0.0, None, 0.0) give the plain ReLU."),
    },
    shape=("is 0 for negative x and the line y = x for positive x, with a corner at the "
           "origin", "steps from 0 to 1 at x = 0, where it is taken as 0 (dot)"),
    textbook=lambda x: np.where(x > 0, x, 0.0),
))


# -- the leaky family: one slope below 0 -------------------------------------------------------
def _finite_reals(v):
    """A finite real number, or an array of them (not bool)."""
    if isinstance(v, bool):
        return False
    arr = np.asarray(v)
    return arr.dtype.kind in "iuf" and bool(np.all(np.isfinite(arr)))


# --8<-- [start:leaky_relu]
def _leaky(x, slope):
    """x where x > 0, slope·x elsewhere; NaN stays NaN. The body of leaky_relu, prelu and rrelu."""
    # slope·x overflows only for |slope| > 1, and then to the correctly rounded ±inf. 0·(−inf) is
    # NaN in IEEE arithmetic, but a zero slope means f = 0 on the whole left half-line, so its
    # limit at −inf is 0: that one case is set explicitly.
    with np.errstate(over="ignore", invalid="ignore"):
        scaled = np.where(np.isinf(x) & (slope == 0), 0.0, slope * x)
    return np.where(x > 0, x, scaled)


def _leaky_derivative(x, slope):
    """1 for x > 0, slope for x <= 0 (the kink takes the left slope, like PyTorch), NaN at NaN."""
    return np.where(np.isnan(x), x, np.where(x > 0, 1.0, slope))


def leaky_relu(x, negative_slope=0.01):
    r"""Leaky rectified linear unit.

    .. math:: \operatorname{leaky\_relu}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}
        \qquad a = \text{negative\_slope}

    Exact: one multiplication, correctly rounded, on the left half-line; nothing cancels.

    Args:
        x: input array.
        negative_slope: the slope a for x <= 0 (the default is PyTorch's and JAX's).

    Returns:
        An array of the shape and dtype of ``x``.

    Example:
        >>> import refimpl
        >>> print(refimpl.leaky_relu([-2.0, 0.0, 3.0]))
        [-0.02  0.    3.  ]
        >>> print(refimpl.leaky_relu([-2.0, 3.0], negative_slope=0.2))
        [-0.4  3. ]

    Reference: Maas, Hannun & Ng (2013), "Rectifier nonlinearities improve neural network
    acoustic models".
    """
    return _leaky(x, negative_slope)


def leaky_relu_derivative(x, negative_slope):
    r""":math:`1` for x > 0, ``negative_slope`` for x <= 0 (at the kink 0: PyTorch's choice)."""
    return _leaky_derivative(x, negative_slope)
# --8<-- [end:leaky_relu]


# --8<-- [start:prelu]
def prelu(x, weight=0.25):
    r"""Parametric ReLU: the leaky ReLU whose slope ``weight`` is learned.

    .. math:: \operatorname{prelu}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}
        \qquad a = \text{weight}

    Args:
        x: input array.
        weight: the slope a for x <= 0: a number, or an array that broadcasts against ``x``
            (one slope per channel of an (N, C, H, W) input is ``a.reshape(C, 1, 1)``).
            The default is the initial value of He et al. (2015) and of ``torch.nn.PReLU``.

    Returns:
        An array of the broadcast shape of ``x`` and ``weight``, in the dtype of ``x``.

    Example:
        >>> import numpy as np
        >>> import refimpl
        >>> print(refimpl.prelu([-2.0, 0.0, 3.0]))
        [-0.5  0.   3. ]
        >>> x = -np.ones((1, 3, 2))  # (N, C, L): one slope per channel C
        >>> print(refimpl.prelu(x, weight=np.array([0.1, 0.2, 0.3]).reshape(3, 1))[0, :, 0])
        [-0.1 -0.2 -0.3]

    Reference: He, Zhang, Ren & Sun (2015), arXiv:1502.01852.
    """
    return _leaky(x, np.asarray(weight, dtype=np.float64))


def prelu_derivative(x, weight):
    r""":math:`\partial/\partial x`: 1 for x > 0, ``weight`` for x <= 0 (at 0: PyTorch's choice).

    The derivative with respect to the weight, which training needs, is min(x, 0)."""
    return _leaky_derivative(x, np.asarray(weight, dtype=np.float64))
# --8<-- [end:prelu]


# --8<-- [start:rrelu]
def _rrelu_slope(lower, upper, slopes):
    if lower > upper:
        raise ValueError(f"rrelu: invalid lower={lower!r} > upper={upper!r}; "
                         "expected lower <= upper")
    if slopes is None:
        return (lower + upper) / 2  # the evaluation-mode slope: the mean of U(lower, upper)
    slopes = np.asarray(slopes, dtype=np.float64)
    if np.any((slopes < lower) | (slopes > upper)):
        raise ValueError(f"rrelu: invalid slopes; expected every slope in [lower, upper] = "
                         f"[{lower!r}, {upper!r}]")
    return slopes


def rrelu(x, lower=1 / 8, upper=1 / 3, slopes=None):
    r"""Randomized leaky ReLU, deterministic: the slopes are an argument, not drawn inside.

    .. math:: \operatorname{rrelu}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}
        \qquad a \sim U(l, u) \text{ in training}, \quad a = \tfrac{l + u}{2} \text{ in evaluation}

    Args:
        x: input array.
        lower, upper: the bounds l <= u of the slope distribution (the defaults are PyTorch's).
        slopes: None for evaluation (a = (l + u)/2), or training slopes in [l, u] that broadcast
            against ``x``, e.g. from ``refimpl.rrelu.sample_slopes(x.shape, rng)``.

    Returns:
        An array of the broadcast shape of ``x`` and ``slopes``, in the dtype of ``x``.

    Raises:
        ValueError: lower > upper, or a slope outside [lower, upper].

    Example:
        >>> import numpy as np
        >>> import refimpl
        >>> print(refimpl.rrelu([-48.0, 0.0, 3.0]))  # slope (1/8 + 1/3)/2 = 11/48
        [-11.   0.   3.]
        >>> rng = np.random.default_rng(0)
        >>> a = refimpl.rrelu.sample_slopes(3, rng)
        >>> print(bool(np.all(refimpl.rrelu(-np.ones(3), slopes=a) == -a)))
        True

    Reference: Xu, Wang, Chen & Li (2015), arXiv:1505.00853.
    """
    return _leaky(x, _rrelu_slope(lower, upper, slopes))


def rrelu_derivative(x, lower, upper, slopes):
    r""":math:`1` for x > 0, the slope a for x <= 0 (at 0: PyTorch's choice), with the same
    ``slopes`` as the forward pass."""
    return _leaky_derivative(x, _rrelu_slope(lower, upper, slopes))


def sample_slopes(shape, rng, lower=None, upper=None):
    """Training slopes for :func:`rrelu`: independent draws from U(lower, upper), one per element.

    Args:
        shape: the shape of the slopes (usually ``x.shape``).
        rng: a ``numpy.random.Generator`` (e.g. ``numpy.random.default_rng(seed)``).
        lower, upper: the bounds, lower <= upper; None takes :func:`rrelu`'s default.

    Returns:
        A float64 array of the given shape, in [lower, upper).
    """
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rrelu.sample_slopes: rng must be a numpy.random.Generator, "
                        f"got {type(rng).__name__}")
    defaults = _rrelu_entry.defaults
    lower = defaults["lower"] if lower is None else lower
    upper = defaults["upper"] if upper is None else upper
    for p, v in ((_LOWER, lower), (_UPPER, upper)):
        p.check(v, "rrelu.sample_slopes")
    _rrelu_slope(lower, upper, None)
    return rng.uniform(lower, upper, size=shape)
# --8<-- [end:rrelu]


# --8<-- [start:relu6]
def relu6(x):
    r"""ReLU capped at 6.

    .. math:: \operatorname{relu6}(x) = \min(\max(0, x), 6)

    ``numpy.maximum`` and ``numpy.minimum`` propagate NaN.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [0, 6].

    Example:
        >>> import refimpl
        >>> print(refimpl.relu6([-2.0, 3.0, 9.0]))
        [0. 3. 6.]

    Reference: Krizhevsky (2010), "Convolutional deep belief networks on CIFAR-10" ("ReLU-n").
    """
    return np.minimum(np.maximum(x, 0), 6)


def relu6_derivative(x):
    r""":math:`H(x)\,H(6 - x)`: 1 for 0 < x < 6, else 0; 0 at both kinks (PyTorch and JAX)."""
    return np.heaviside(x, 0) * np.heaviside(6 - x, 0)
# --8<-- [end:relu6]


# --8<-- [start:squared_relu]
def squared_relu(x):
    r"""Squared ReLU: the rectified linear unit, squared.

    .. math:: \operatorname{squared\_relu}(x) = \max(0, x)^2

    One multiplication, correctly rounded, so every value is within half an ulp, subnormal
    results included. Beyond x ≈ 1.34e154 the square exceeds the largest double and the
    rounded result is inf; ``numpy.maximum`` propagates NaN.

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [0, inf].

    Example:
        >>> import refimpl
        >>> print(refimpl.squared_relu([-2.0, 0.0, 3.0]))
        [0. 0. 9.]
        >>> print(refimpl.squared_relu(1e200), refimpl.squared_relu(1e-200))
        inf 0.0

    Reference: So, Mańke, Liu, Dai, Shazeer & Le (2021), arXiv:2109.08668 ("Primer").
    """
    r = np.maximum(x, 0)
    with np.errstate(over="ignore"):  # r² above the largest double rounds to inf, as it should
        return r * r


def squared_relu_derivative(x):
    r""":math:`2\max(0, x)`: 0 on both sides of x = 0, so there is no kink (f'' jumps there)."""
    r = np.maximum(x, 0)
    with np.errstate(over="ignore"):  # 2r overflows only beyond 8.99e307: inf is then exact
        return 2 * r
# --8<-- [end:squared_relu]
# --8<-- [start:star_relu]
def star_relu(x, scale=1.0, bias=0.0):
    r"""StarReLU: a squared ReLU with a learnable scale and bias.

    .. math:: \operatorname{star\_relu}(x) = s\,\operatorname{relu}(x)^2 + b
        \qquad s = \text{scale},\ b = \text{bias}

    Computed as :math:`s\,r^2 + b` with :math:`r = \max(0, x)`, and as :math:`(s r) r + b` where
    :math:`r^2` overflows but :math:`s r^2` need not (:math:`|s| < 1`): squaring first keeps a tiny
    s from being multiplied while subnormal (:math:`s r` would lose its digits). A zero scale
    gives the constant b, also at +inf (where :math:`0 \cdot \infty` would be NaN).

    Args:
        x: input array.
        scale, bias: s and b, finite real numbers. The defaults are the initial values of
            ``StarReLU()`` in sail-sg/metaformer and timm (learned from there), which make it
            the squared ReLU.

    Returns:
        An array of the shape and dtype of ``x``.

    Example:
        >>> import refimpl
        >>> print(refimpl.star_relu([-2.0, 0.0, 3.0]))
        [0. 0. 9.]
        >>> print(refimpl.star_relu([-2.0, 3.0], scale=0.5, bias=-1.0))
        [-1.   3.5]

    Reference: Yu et al. (2022), "MetaFormer baselines for vision", arXiv:2210.13452.
    """
    r = np.maximum(x, 0)
    if scale == 0:
        return np.where(np.isnan(x), x, bias)
    with np.errstate(over="ignore"):  # s·r·r beyond the largest double: ±inf is correct
        rr = r * r
        return np.where(np.isinf(rr) & np.isfinite(r), (scale * r) * r, scale * rr) + bias


def star_relu_derivative(x, scale, bias):
    r""":math:`2 s \max(0, x)`: continuous, 0 at x = 0 (the squared ReLU is C1)."""
    r = np.maximum(x, 0)
    if scale == 0:
        return np.where(np.isnan(x), x, 0.0)
    with np.errstate(over="ignore"):
        return 2 * (scale * r)
# --8<-- [end:star_relu]


# --8<-- [start:crelu]
def crelu(x, axis=-1):
    r"""Concatenated ReLU: the positive and the negative part, side by side.

    .. math:: \operatorname{crelu}(x) = \bigl[\operatorname{relu}(x),\ \operatorname{relu}(-x)\bigr]

    concatenated along ``axis``, which doubles in length. Exact (no arithmetic but negation).

    Args:
        x: input array with at least one dimension.
        axis: the axis to concatenate along.

    Returns:
        An array of the dtype of ``x``, of its shape with ``axis`` twice as long, in [0, inf].

    Example:
        >>> import refimpl
        >>> print(refimpl.crelu([-2.0, 0.0, 3.0]))
        [0. 0. 3. 2. 0. 0.]

    Reference: Shang, Sohn, Almeida & Lee (2016), arXiv:1603.05201.
    """
    return np.concatenate([np.maximum(x, 0), np.maximum(-x, 0)], axis=axis)


def crelu_vjp(x, upstream, axis):
    r"""Gradient w.r.t. x: with upstream = [g, h] split in halves along ``axis``,
    :math:`g\,H(x) - h\,H(-x)`, H the step with H(0) = 0 (ReLU's kink convention)."""
    g, h = np.split(upstream, 2, axis=axis)
    return g * np.heaviside(x, 0) - h * np.heaviside(-x, 0)
# --8<-- [end:crelu]


def _slope_param(name, doc):
    return Param(name, "a finite real number >= 0", doc,
                 lambda v: _finite_reals(v) and np.ndim(v) == 0 and v >= 0)


_LOWER = Param("lower", "a real number in [0, 1]", "lower bound l of the slope distribution",
               lambda v: _finite_reals(v) and np.ndim(v) == 0 and 0 <= v <= 1)
_UPPER = Param("upper", "a real number in [0, 1], at least lower",
               "upper bound u of the slope distribution",
               lambda v: _finite_reals(v) and np.ndim(v) == 0 and 0 <= v <= 1)
_LEAKY_PROPERTIES = Properties(range=(-np.inf, np.inf), monotonic="increasing", smoothness="C0",
                               saturates=(False, False), attained=(False, False))

register(Entry(
    name="leaky_relu",
    fn=leaky_relu,
    derivative_fn=leaky_relu_derivative,
    title="Leaky ReLU",
    summary="ReLU with a small fixed slope for negative input ({negative_slope} by default), so "
            "the gradient "
            "is never exactly zero. A drop-in replacement for ReLU where units must keep "
            "receiving gradient for negative input.",
    family="rectifiers",
    aliases=("lrelu",),
    params=(_slope_param("negative_slope", "the slope for x <= 0"),),
    latex=r"\operatorname{leaky\_relu}(x) = \begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}",
    derivative_latex=r"\operatorname{leaky\_relu}'(x) = \begin{cases} a & x \le 0 \\ 1 & x > 0 "
                     r"\end{cases}",
    declared=_LEAKY_PROPERTIES,
    kinks=lambda negative_slope: (
        Kink(0.0, negative_slope, "The left and right derivatives are a and 1; refimpl returns "
                                  "a = negative_slope, like PyTorch (leaky_relu_backward passes "
                                  "the full gradient only where x > 0). JAX returns 1 (it selects "
                                  "x where x >= 0)."),),
    origin=("maas2013rectifier",),
    frameworks={
        "pytorch": Framework(("torch.nn.LeakyReLU", "torch.nn.functional.leaky_relu"),
                             "torch.nn.functional.leaky_relu({x})",
                             "Accepts a negative `negative_slope`; refimpl and the Keras layer "
                             "require it to be >= 0."),
        "jax": Framework(("jax.nn.leaky_relu",), "jax.nn.leaky_relu({x})",
                         "The gradient at exactly 0 is 1, not `negative_slope`: it computes "
                         "`where(x >= 0, x, negative_slope * x)`."),
        "keras": Framework(("keras.activations.leaky_relu", "keras.ops.leaky_relu",
                            "keras.layers.LeakyReLU"),
                           "keras.activations.leaky_relu({x}, negative_slope={negative_slope})",
                           "Default `negative_slope` is 0.2 in `keras.activations.leaky_relu` and "
                           "`keras.ops.leaky_relu`, and 0.3 in the `keras.layers.LeakyReLU` "
                           "layer, not {negative_slope}."),
    },
    shape=("is the line y = {negative_slope}x for negative x and y = x for positive x, with a "
           "corner at the origin", "steps from {negative_slope} to 1 at x = 0, where it is taken "
           "as {negative_slope} (dot)"),
    textbook=lambda x, negative_slope: np.where(x > 0, x, negative_slope * x),
))

register(Entry(
    name="prelu",
    fn=prelu,
    derivative_fn=prelu_derivative,
    title="PReLU",
    summary="The leaky ReLU whose negative slope is a learned parameter, one per layer or one per "
            "channel. Introduced with He initialisation for deep ImageNet CNNs.",
    family="rectifiers",
    aliases=("parametric_relu",),
    params=(Param("weight", "a finite real number, or an array of them that broadcasts against x",
                  "the slope for x <= 0, learned in training", _finite_reals),),
    latex=r"\operatorname{prelu}(x) = \begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}",
    derivative_latex=r"\frac{\partial\,\operatorname{prelu}}{\partial x} = \begin{cases} a & "
                     r"x \le 0 \\ 1 & x > 0 \end{cases}, \quad \frac{\partial\,\operatorname{prelu}}"
                     r"{\partial a} = \min(x, 0)",
    declared=_LEAKY_PROPERTIES,
    kinks=lambda weight: (
        Kink(0.0, weight, "The left and right derivatives are a and 1; refimpl returns a = "
                          "weight, like PyTorch's prelu backward (gradient a at x = 0)."),),
    origin=("he2015delving",),
    frameworks={
        "pytorch": Framework(("torch.nn.PReLU", "torch.nn.functional.prelu"),
                             "torch.nn.functional.prelu({x}, torch.tensor([{weight}], "
                             "dtype={x}.dtype))",
                             "`weight` is a tensor of 1 or C values, C the size of dim 1 (the "
                             "channel dim); `nn.PReLU(num_parameters=1, init=0.25)` holds it."),
        "jax": None,
        "keras": Framework(("keras.layers.PReLU",),
                           "keras.layers.PReLU(alpha_initializer=keras.initializers.Constant("
                           "{weight}))({x})",
                           "A layer only. `alpha` starts at 0 (`alpha_initializer='Zeros'`), so "
                           "the layer starts as ReLU, and it has one value per element of "
                           "`input_shape[1:]` unless `shared_axes` shares it."),
    },
    shape=("is the line y = {weight}x for negative x and y = x for positive x, with a corner at "
           "the origin", "steps from {weight} to 1 at x = 0, where it is taken as {weight} (dot)"),
    textbook=lambda x, weight: np.where(x > 0, x, weight * x),
))

_rrelu_entry = register(Entry(
    name="rrelu",
    fn=rrelu,
    derivative_fn=rrelu_derivative,
    title="RReLU",
    summary="The leaky ReLU whose negative slope is drawn at random for every element during "
            "training and fixed to the mean slope in evaluation. A regulariser proposed for "
            "small image-classification data sets.",
    family="rectifiers",
    aliases=("randomized_leaky_relu",),
    params=(_LOWER, _UPPER,
            Param("slopes", "None, or finite real numbers in [lower, upper] that broadcast "
                  "against x", "training slopes; None means the evaluation slope (lower + upper)/2",
                  lambda v: v is None or _finite_reals(v))),
    latex=r"\operatorname{rrelu}(x) = \begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}, "
          r"\quad a \sim U(l, u) \text{ (training)}, \ a = \tfrac{l+u}{2} \text{ (evaluation)}",
    derivative_latex=r"\operatorname{rrelu}'(x) = \begin{cases} a & x \le 0 \\ 1 & x > 0 "
                     r"\end{cases}",
    declared=_LEAKY_PROPERTIES,
    kinks=lambda lower, upper, slopes: (
        Kink(0.0, _rrelu_slope(lower, upper, slopes), "The left and right derivatives are a and "
             "1; refimpl returns the slope a, like PyTorch (gradient a at x = 0)."),),
    origin=("xu2015empirical",),
    frameworks={
        "pytorch": Framework(("torch.nn.RReLU", "torch.nn.functional.rrelu"),
                             "torch.nn.functional.rrelu({x})",
                             "`F.rrelu` defaults to `training=False` (the mean slope), but a new "
                             "`nn.RReLU()` module is in training mode and draws fresh slopes on "
                             "every call until `.eval()`."),
        "jax": None,
        "keras": None,
    },
    shape=("at its evaluation slope 11/48 ≈ 0.229 is the line y = 0.229x for negative x and "
           "y = x for positive x", "steps from 0.229 to 1 at x = 0, where it is taken as "
           "0.229 (dot)"),
    textbook=lambda x, lower, upper, slopes: np.where(x > 0, x, (lower + upper) / 2 * x),
))
_rrelu_entry.sample_slopes = sample_slopes

register(Entry(
    name="relu6",
    fn=relu6,
    derivative_fn=relu6_derivative,
    title="ReLU6",
    summary="ReLU capped at 6: min(max(0, x), 6). Its output is bounded on both sides, and its "
            "gradient is zero below 0 and above 6.",
    family="rectifiers",
    latex=r"\operatorname{relu6}(x) = \min(\max(0, x), 6)",
    derivative_latex=r"\operatorname{relu6}'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 & "
                     r"\text{otherwise} \end{cases}",
    declared=Properties(range=(0.0, 6.0), monotonic="non-decreasing", smoothness="C0",
                        saturates=(True, True), attained=(True, True)),
    kinks=(Kink(0.0, 0.0, "Left and right derivatives 0 and 1; PyTorch (relu6 is hardtanh(x, 0, 6),"
                          " whose backward is 0 where x <= 0 or x >= 6) and JAX (custom JVP, "
                          "1 only where 0 < x < 6) both give 0."),
           Kink(6.0, 0.0, "Left and right derivatives 1 and 0; PyTorch and JAX both give 0, by "
                          "the same rules as at x = 0.")),
    origin=("krizhevsky2010convolutional",),
    frameworks={
        "pytorch": Framework(("torch.nn.ReLU6", "torch.nn.functional.relu6"),
                             "torch.nn.functional.relu6({x})",
                             "The CPU gradient at NaN input is never NaN: hardtanh_backward "
                             "passes the upstream gradient in its scalar tail and gives 0 in its "
                             "vectorised loop, as for hardtanh."),
        "jax": Framework(("jax.nn.relu6",), "jax.nn.relu6({x})",
                         "The gradient at NaN is 0, not NaN (its JVP selects 1 only where "
                         "0 < x < 6)."),
        "keras": Framework(("keras.activations.relu6", "keras.ops.relu6"),
                           "keras.activations.relu6({x})",
                           "Also `keras.activations.relu(x, max_value=6.0)` and the layer "
                           "`keras.layers.ReLU(max_value=6.0)`."),
    },
    shape=("is 0 for negative x, follows y = x from 0 to 6 and stays at 6 beyond, with corners "
           "at x = 0 and x = 6", "is 1 between 0 and 6 and 0 outside, taken as 0 at both "
           "corners (dots)"),
    textbook=lambda x: np.minimum(np.maximum(x, 0.0), 6.0),
))

def _finite_real_param(name, doc):
    return Param(name, "a finite real number", doc,
                 lambda v: _finite_reals(v) and np.ndim(v) == 0)


register(Entry(
    name="star_relu",
    fn=star_relu,
    derivative_fn=star_relu_derivative,
    title="StarReLU",
    summary="s·relu(x)² + b: the squared ReLU with a learnable scale s and bias b, two scalars "
            "per activation layer. The activation of the MetaFormer baselines (ConvFormer, "
            "CAFormer), whose code starts training from s = {scale:g}, b = {bias:g}.",
    family="rectifiers",
    aliases=("starrelu",),
    params=(_finite_real_param("scale", "the scale s of relu(x)², learned in training"),
            _finite_real_param("bias", "the bias b added to every output, learned in training")),
    latex=r"\operatorname{star\_relu}(x) = s\,\max(0, x)^2 + b",
    derivative_latex=r"\operatorname{star\_relu}'(x) = 2 s \max(0, x)",
    declared=Properties(range=(0.0, np.inf), monotonic="non-decreasing", smoothness="C1",
                        saturates=(True, False), attained=(True, False)),
    origin=("yu2022metaformer",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    # at the defaults s = 1, b = 0 (tests/test_rectifiers.py checks that they still are)
    shape=("is 0 for negative x and the parabola x² for positive x, the two joined without a "
           "corner at the origin", "is 0 for negative x and the line 2x for positive x"),
    textbook=lambda x, scale, bias: scale * np.maximum(x, 0) ** 2 + bias,
))

register(Entry(
    name="squared_relu",
    fn=squared_relu,
    derivative_fn=squared_relu_derivative,
    title="Squared ReLU",
    summary="The square of the rectified linear unit, max(0, x)², which the architecture search "
            "of the Primer paper found for the feed-forward layers of Transformer language "
            "models. NVIDIA's NeMo configures its Nemotron-4 models with it.",
    family="rectifiers",
    aliases=("relu2", "relu_squared"),
    latex=r"\operatorname{squared\_relu}(x) = \max(0, x)^2",
    derivative_latex=r"\operatorname{squared\_relu}'(x) = 2\max(0, x)",
    declared=Properties(range=(0.0, np.inf), monotonic="non-decreasing", smoothness="C1",
                        saturates=(True, False), attained=(True, False)),
    origin=("so2021primer",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("is 0 for negative x and the parabola y = x² for positive x, which leaves the "
           "origin with slope 0, so there is no corner", "is 0 for negative x and the line "
           "y = 2x for positive x, with a corner at the origin"),
    textbook=lambda x: np.maximum(x, 0.0) ** 2,
))

register(Entry(
    name="crelu",
    fn=crelu,
    vjp_fn=crelu_vjp,
    kind="shaping",
    title="CReLU",
    summary="Concatenated ReLU: relu(x) and relu(−x) side by side, so the axis doubles and no "
            "sign information is lost. Proposed for the lower layers of CNNs, whose filters were "
            "observed to come in pairs of opposite phase.",
    family="rectifiers",
    aliases=("concatenated_relu",),
    params=(axis_param("the axis to concatenate along; it doubles in length"),),
    latex=r"\operatorname{crelu}(x) = \bigl[\max(0, x),\ \max(0, -x)\bigr]",
    derivative_latex=r"\nabla_x = g \odot H(x) - h \odot H(-x) \quad "
                     r"\text{for upstream gradient } [g, h]",
    # Only the range of each output applies to a shaping function; the rest describes one
    # output as a function of its own input (relu of x or of -x).
    declared=Properties(range=(0.0, np.inf), monotonic="no", smoothness="C0",
                        saturates=(True, True), attained=(True, False)),
    origin=("shang2016understanding",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
))
