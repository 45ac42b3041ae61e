"""50-digit oracles for elu, selu, celu, xielu: mpmath's expm1 has no cancellation near 0.

xIELU's negative branch α_n(e^m − 1 − x) + βx (m = min(x, ε)) and its derivative
α_n(e^x − 1) + β are near 0 at their roots while their terms are not: both are evaluated with
60 more digits, and expm1(x) − x for |x| < 1 by its series, so that no digit is lost.
"""

import mpmath as mp

# The paper's constants as the doubles frameworks store (and refimpl.exponential holds): the
# contract judges refimpl against these doubles, not against the paper's 31-digit decimals.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
_A, _L = mp.mpf(SELU_ALPHA), mp.mpf(SELU_SCALE)


def _elu(x, alpha):
    return x if x > 0 else mp.mpf(alpha) * mp.expm1(x)


def _delu(x, alpha):
    return mp.mpf(1) if x > 0 else mp.mpf(alpha) * mp.exp(x)


def _celu(x, alpha):
    return x if x > 0 else mp.mpf(alpha) * mp.expm1(x / mp.mpf(alpha))


def _dcelu(x, alpha):
    return mp.mpf(1) if x > 0 else mp.exp(x / mp.mpf(alpha))


def _g(x):
    """e^x − 1 − x, without cancellation for small |x| (the series from x²/2 on)."""
    if abs(x) >= 1:
        return mp.expm1(x) - x
    return x * x * mp.nsum(lambda k: x ** k / mp.factorial(k + 2), [0, mp.inf])


def _xielu(x, alpha_p, alpha_n, beta, eps):
    a_p, a_n, b = (mp.mpf(v) for v in (alpha_p, alpha_n, beta))
    if x > 0:
        return a_p * x * x + b * x
    with mp.extradps(60):
        m = min(x, mp.mpf(eps))
        return +(a_n * (_g(m) + m - x) + b * x)


def _dxielu(x, alpha_p, alpha_n, beta, eps):
    a_p, a_n, b = (mp.mpf(v) for v in (alpha_p, alpha_n, beta))
    if x > 0:
        return 2 * a_p * x + b
    if x > eps:
        return b - a_n
    with mp.extradps(60):
        return +(a_n * mp.expm1(x) + b)


def _xielu_limits(alpha_p, alpha_n, beta, eps):
    # f grows like (β − α_n)x as x → −inf and like α_p x² as x → +inf; f' tends to β − α_n
    return (float("inf"), float("inf")), (beta - alpha_n, float("inf"))


def _xielu_special_points(alpha_n=0.8, beta=0.5, eps=-1e-6):
    """The root of f' (the minimum), the root of f below it, −ln 2 (where refimpl changes form)
    and the corner ε, at 40 digits, rounded to doubles."""
    with mp.workdps(40):
        a_n, b = mp.mpf(alpha_n), mp.mpf(beta)
        root_df = mp.log(1 - b / a_n)
        root_f = mp.findroot(lambda t: a_n * (mp.expm1(t) - t) + b * t, root_df - 1)
        return float(root_df), float(root_f), -float(mp.log(2)), eps


ORACLES = {
    "elu": (_elu, _delu),
    "selu": (lambda x: _L * _elu(x, _A), lambda x: _L * _delu(x, _A)),
    "celu": (_celu, _dcelu),
    "xielu": (_xielu, _dxielu),
}

LIMITS = {
    "elu": lambda alpha: ((-alpha, float("inf")), (0.0, 1.0)),
    "selu": ((-(SELU_SCALE * SELU_ALPHA), float("inf")), (0.0, SELU_SCALE)),
    "celu": lambda alpha: ((-alpha, float("inf")), (0.0, 1.0)),
    "xielu": _xielu_limits,
}

SPECIAL_POINTS = {"elu": (0.0,), "selu": (0.0,), "celu": (0.0,),
                  "xielu": (0.0, *_xielu_special_points())}
