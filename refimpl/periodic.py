"""The periodic family: Snake and SnakeBeta, the identity plus a periodic term.

x + sin²(αx)/β follows the line y = x and oscillates about it with period π/α, a periodic
inductive bias for data that repeat (audio waveforms, seasons). Three hazards shape the code:

- f' = 1 + (α/β) sin 2αx has double roots when α = β, at αx = kπ − π/4, where 1 + sin 2αx
  cancels to nothing; near them refimpl computes it as 2 sin²(αx + π/4), with αx + π/4 carried
  in two doubles so that the rounding of π/4 is not magnified;
- sin has no limit at ±inf: f has (x outgrows the bounded term), f' has not, and refimpl returns
  NaN for f'(±inf), without a warning;
- αx overflows where |x| > 1.8e308/α: no double holds the phase there, and refimpl returns the
  mean over a period, x + 1/(2β) for f and 1 for f'.

The functions receive float64 arrays (the registry converts) and never modify them; α and β are
numbers or arrays that broadcast against x (one per channel, as the models that use them learn).
"""

import numpy as np

from .registry import Entry, Param, Properties, register

# π/4 as the sum of two doubles: the nearest double, and the rest (from mpmath, 40 digits)
_PI_4 = 0.7853981633974483
_PI_4_TAIL = 3.061616997868383e-17


def _phase(x, alpha):
    """θ = αx where it is finite, 0 where it is not (so that sin and cos do not warn), and where."""
    with np.errstate(over="ignore"):  # αx beyond the largest double: handled by the callers
        theta = alpha * x
    finite = np.isfinite(theta)
    return np.where(finite, theta, 0.0), finite


# --8<-- [start:snake]
def _snake(x, alpha, beta):
    """x + sin²(αx)/β; x itself at ±inf and NaN; x + 1/(2β) where αx overflows."""
    theta, finite = _phase(x, alpha)
    s = np.sin(theta)
    with np.errstate(over="ignore"):  # only for β below 1e-308, where the true term overflows
        periodic = s * s / beta
        mean = 0.5 / beta
    lost = ~finite & np.isfinite(x)  # the phase is lost; sin² averages 1/2 over a period
    return np.where(finite, x + periodic, np.where(lost, x + mean, x))


def _snake_slope(x, alpha, beta):
    """1 + (α/β) sin 2αx; NaN at ±inf (no limit) and NaN; 1 where αx overflows."""
    theta, finite = _phase(x, alpha)
    ratio = alpha / beta
    s, c = np.sin(theta), np.cos(theta)
    sin_2t = 2 * s * c  # sin 2θ without forming 2θ, which overflows first
    # Near the roots of 1 + sin 2θ it cancels; there 1 + sin 2θ = 2 sin²(θ + π/4), with
    # θ + π/4 = hi + lo exactly (Knuth's two-sum: lo is what the rounding to hi dropped).
    hi = theta + _PI_4
    back = hi - theta
    lo = ((theta - (hi - back)) + (_PI_4 - back)) + _PI_4_TAIL
    u = np.sin(hi) * np.cos(lo) + np.cos(hi) * np.sin(lo)  # sin(hi + lo)
    near = (1 - ratio) + ratio * (2 * u * u)
    slope = np.where(sin_2t < -0.5, near, 1 + ratio * sin_2t)
    return np.where(finite, slope, np.where(np.isfinite(x), 1.0, np.nan))


def snake(x, alpha=1.0):
    r"""Snake: the identity plus a periodic term of frequency α.

    .. math:: \operatorname{snake}_\alpha(x) = x + \frac{\sin^2(\alpha x)}{\alpha}

    Its derivative :math:`1 + \sin 2\alpha x = 2\sin^2(\alpha x + \pi/4)` has double roots; near
    them it is computed in the second form, with :math:`\alpha x + \pi/4` in two doubles. At
    ±inf f is ±inf and f' is NaN (it oscillates without limit).

    Args:
        x: input array.
        alpha: the frequency α > 0: a number, or an array that broadcasts against ``x`` (one
            per channel of an (N, C, T) input is ``alpha.reshape(C, 1)``). The default is the
            initial value in BigVGAN's and DAC's code.

    Returns:
        An array of the broadcast shape of ``x`` and ``alpha``, in the dtype of ``x``.

    Example:
        >>> import numpy as np
        >>> import refimpl
        >>> print(refimpl.snake([-1.0, 0.0, 1.0]))
        [-0.29192658  0.          1.70807342]
        >>> print(refimpl.snake(np.pi / 2, alpha=2.0) == np.pi / 2)  # sin²(π) = 0
        True

    Reference: Liu Ziyin, Hartwig & Ueda (2020), arXiv:2006.08195.
    """
    alpha = np.asarray(alpha, dtype=np.float64)
    return _snake(x, alpha, alpha)


def snake_derivative(x, alpha):
    r""":math:`\partial/\partial x = 1 + \sin 2\alpha x`, in [0, 2].

    The derivative with respect to α, which training needs, is
    :math:`x \sin(2\alpha x)/\alpha - \sin^2(\alpha x)/\alpha^2`."""
    alpha = np.asarray(alpha, dtype=np.float64)
    return _snake_slope(x, alpha, alpha)


def snake_beta(x, alpha=1.0, beta=1.0):
    r"""SnakeBeta: Snake with the magnitude 1/β of its periodic term apart from the frequency α.

    .. math:: \operatorname{snake\_beta}_{\alpha,\beta}(x) = x + \frac{\sin^2(\alpha x)}{\beta}

    ``snake_beta(x, alpha=a, beta=a)`` is ``snake(x, alpha=a)`` and returns the same bits.

    Args:
        x: input array.
        alpha, beta: the frequency α > 0 and the inverse magnitude β > 0, numbers or arrays
            that broadcast against ``x``. The defaults are the initial values in BigVGAN's code
            (1, or 0 in its log-scale parametrisation α = exp(a)).

    Returns:
        An array of the broadcast shape of ``x``, ``alpha`` and ``beta``, in the dtype of ``x``.

    Example:
        >>> import refimpl
        >>> print(refimpl.snake_beta([-1.0, 1.0], alpha=1.0, beta=2.0))
        [-0.64596329  1.35403671]

    Reference: the code released with Lee et al. (2023), BigVGAN, arXiv:2206.04658.
    """
    return _snake(x, np.asarray(alpha, dtype=np.float64), np.asarray(beta, dtype=np.float64))


def snake_beta_derivative(x, alpha, beta):
    r""":math:`\partial/\partial x = 1 + (\alpha/\beta) \sin 2\alpha x`; negative somewhere
    when α > β."""
    return _snake_slope(x, np.asarray(alpha, dtype=np.float64),
                        np.asarray(beta, dtype=np.float64))
# --8<-- [end:snake]


def _positive_finite_reals(v):
    """A finite real number > 0, or an array of them (not bool)."""
    if isinstance(v, bool):
        return False
    arr = np.asarray(v)
    return arr.dtype.kind in "iuf" and bool(np.all(np.isfinite(arr) & (arr > 0)))


_POSITIVE = "a finite real number > 0, or an array of them that broadcasts against x"
_ALPHA = Param("alpha", _POSITIVE, "the frequency α: the periodic term has period π/α; learned "
               "in training, one per channel", _positive_finite_reals)
_PERIODIC = Properties(range=(-np.inf, np.inf), monotonic="increasing", smoothness="Cinf",
                       saturates=(False, False), attained=(False, False))

register(Entry(
    name="snake",
    fn=snake,
    derivative_fn=snake_derivative,
    title="Snake",
    summary="x + sin²(αx)/α: the identity plus a periodic term, monotonic, with a learned "
            "frequency α per channel. Proposed so that networks extrapolate periodic data; the "
            "activation of the DAC audio codec, and as SnakeBeta of the BigVGAN vocoder.",
    family="periodic",
    params=(_ALPHA,),
    latex=r"\operatorname{snake}_\alpha(x) = x + \frac{\sin^2(\alpha x)}{\alpha}",
    derivative_latex=r"\operatorname{snake}_\alpha'(x) = 1 + \sin 2\alpha x "
                     r"= 2\sin^2\!\bigl(\alpha x + \tfrac{\pi}{4}\bigr)",
    declared=_PERIODIC,
    origin=("ziyin2020neural",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    # at α = 1 (tests/test_periodic.py checks the default and the numbers)
    shape=("follows the line y = x, above it except where sin(x) = 0 and at most 1 above, "
           "rising through the origin with slope 1", "oscillates between 0 and 2 with period "
           "π, touching 0 at x = −π/4 + kπ and 2 at x = π/4 + kπ"),
    textbook=lambda x, alpha: x + 1 / alpha * np.sin(alpha * x) ** 2,
))

register(Entry(
    name="snake_beta",
    fn=snake_beta,
    derivative_fn=snake_beta_derivative,
    title="SnakeBeta",
    summary="x + sin²(αx)/β: Snake with the magnitude of its periodic term learned apart from "
            "its frequency. The activation of BigVGAN's released models and of Stable Audio's "
            "autoencoder.",
    family="periodic",
    params=(_ALPHA, Param("beta", _POSITIVE, "the inverse magnitude β: the periodic term is at "
                          "most 1/β; learned in training, one per channel",
                          _positive_finite_reals)),
    latex=r"\operatorname{snake\_beta}_{\alpha,\beta}(x) = x + \frac{\sin^2(\alpha x)}{\beta}",
    derivative_latex=r"\operatorname{snake\_beta}_{\alpha,\beta}'(x) = 1 + "
                     r"\frac{\alpha}{\beta}\sin 2\alpha x",
    declared=_PERIODIC,
    origin=("lee2023bigvgan",),
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("(α = β = 1, Snake) follows the line y = x, at most 1 above it", "oscillates "
           "between 0 and 2 with period π"),
    textbook=lambda x, alpha, beta: x + 1 / beta * np.sin(alpha * x) ** 2,
    page="snake",
))
