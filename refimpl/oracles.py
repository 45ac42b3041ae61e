"""50-digit reference values (mpmath) for every elementwise entry: the oracle of the tests and
of the accuracy tables. Written from the textbook definitions, never from refimpl's code.
"""

import mpmath as mp

DPS = 50


def _sigmoid(x):
    return 1 / (1 + mp.exp(-x))


# name -> (f, f'), each taking an mpf and the entry's parameters
ORACLES = {
    "step": (lambda x, at_zero=0.0: mp.mpf(1 if x > 0 else 0 if x < 0 else at_zero),
             lambda x, at_zero=0.0: mp.mpf(0)),
    "sigmoid": (_sigmoid, lambda x: _sigmoid(x) * _sigmoid(-x)),
    "tanh": (mp.tanh, lambda x: mp.sech(x) ** 2),
    "relu": (lambda x: max(mp.mpf(0), x), lambda x: mp.mpf(1 if x > 0 else 0)),
}


def exact(name, what, x, **params):
    """The exact value (to 50 digits) of f or f' ("value" / "derivative") at the float x."""
    with mp.workdps(DPS):
        f, df = ORACLES[name]
        return (f if what == "value" else df)(mp.mpf(float(x)), **params)
