"""50-digit oracles for the classic family: step, sigmoid, tanh, identity, LeCun tanh, softsign."""

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
