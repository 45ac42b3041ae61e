"""50-digit oracles for the classic family: step, sigmoid, tanh, identity, LeCun tanh, softsign,
Laplace (MEGA)."""

import mpmath as mp


def _sigmoid(x):
    return 1 / (1 + mp.exp(-x))


ORACLES = {
    "step": (lambda x, at_zero: mp.mpf(1 if x > 0 else 0 if x < 0 else at_zero),
             lambda x, at_zero: mp.mpf(0)),
    "sigmoid": (_sigmoid, lambda x: _sigmoid(x) * _sigmoid(-x)),
    "tanh": (mp.tanh, lambda x: mp.sech(x) ** 2),
}

LIMITS = {
    "step": ((0.0, 1.0), (0.0, 0.0)),
    "sigmoid": ((0.0, 1.0), (0.0, 0.0)),
    "tanh": ((-1.0, 1.0), (0.0, 0.0)),
}


# -- identity, LeCun tanh, softsign --------------------------------------------------------------
_LECUN_A = mp.mpf(1.7159)  # the double stored in refimpl.classic.LECUN_TANH_SCALE


def _lecun(x, derivative):
    # 2x/3 must be exact to 50 digits relative to the result: sech^2(2x/3) ~ 4 exp(-4|x|/3), so
    # the working precision grows with the number of digits of |x|
    extra = int(mp.log10(abs(x))) + 5 if abs(x) > 1 else 0
    with mp.workdps(mp.mp.dps + extra):
        u = 2 * x / 3
        y = _LECUN_A * mp.mpf(2) / 3 * mp.sech(u) ** 2 if derivative else _LECUN_A * mp.tanh(u)
    return +y


ORACLES.update({
    "identity": (lambda x: x, lambda x: mp.mpf(1)),
    "lecun_tanh": (lambda x: _lecun(x, False), lambda x: _lecun(x, True)),
    "softsign": (lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2),
})

LIMITS.update({
    "identity": ((float("-inf"), float("inf")), (1.0, 1.0)),
    "lecun_tanh": ((-1.7159, 1.7159), (0.0, 0.0)),
    "softsign": ((-1.0, 1.0), (0.0, 0.0)),
})

SPECIAL_POINTS = {**globals().get("SPECIAL_POINTS", {}),
                  "identity": (0.0,), "lecun_tanh": (0.0,), "softsign": (0.0,)}


# -- Laplace (MEGA): Φ((x − μ)/σ) with μ and σ the doubles given, Φ through erfc (exact in the
# lower tail, where 1 + erf cancels; self_gated's _Phi also covers |t| beyond 1e8)
def _laplace_t(x, mu, sigma):
    # e^{-t²/2} needs t² to 50 digits relative to 1, not to t²: |t|² more digits of t
    return mp.extradps(2 * max(0, int(mp.log10(abs(x) + 1))))


def _laplace(x, mu, sigma):
    from refimpl.oracles.self_gated import _Phi

    with _laplace_t(x, mu, sigma):
        y = _Phi((x - mp.mpf(mu)) / mp.mpf(sigma))
    return +y


def _laplace_derivative(x, mu, sigma):
    with _laplace_t(x, mu, sigma):
        t = (x - mp.mpf(mu)) / mp.mpf(sigma)
        y = mp.exp(-t * t / 2) / (mp.sqrt(2 * mp.pi) * mp.mpf(sigma))
    return +y


ORACLES["laplace"] = (_laplace, _laplace_derivative)
LIMITS["laplace"] = ((0.0, 1.0), (0.0, 0.0))
# μ (the root of f''), μ − σ and μ − 3σ (where refimpl switches from ndtr to a series and to
# erfcx), μ ± 40σ (its clip)
SPECIAL_POINTS["laplace"] = (0.707107, 0.707107 - 0.282095, 0.707107 - 3 * 0.282095,
                             0.707107 - 40 * 0.282095,
                             0.707107 + 40 * 0.282095)
