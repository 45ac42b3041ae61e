"""50-digit oracles for glu, swiglu, clamped_swiglu, geglu, reglu, maxout (1-D input, along the
last axis).

Each is written from the definition, a * g(b) with [a, b] the two halves of x: no cancellation
can occur (one product of exact factors), and mpmath's exponent range holds e^-b for any double
b, so the far tails need no special form. GELU's Phi is taken from erfc, exact in both tails.
"""

import mpmath as mp


def _halves(x):
    n = len(x)
    assert n % 2 == 0, "the oracle needs an even length"
    return x[: n // 2], x[n // 2:]


def _sigmoid(b):
    return 1 / (1 + mp.exp(-b))


def _gelu(b, approximate):
    if approximate == "none":
        if b < -10 ** 8:  # mp.erfc fails for huge arguments: Mills' series, 3 terms suffice
            return -mp.npdf(b) * (1 - 1 / b ** 2 + 3 / b ** 4)  # b Phi(b), relative error < 1e-46
        if b > 10 ** 8:
            return b  # b Phi(b) = b (1 - Phi(-b)), Phi(-b) < e^(-5e15)
        return b * mp.erfc(-b / mp.sqrt(2)) / 2
    # the tanh approximation, with the double 0.044715 that refimpl stores: b sigma(2u)
    u = mp.sqrt(2 / mp.pi) * (b + mp.mpf(0.044715) * b ** 3)
    return b * _sigmoid(2 * u)


def _glu_family(gate):
    def f(x, axis, **params):
        a, b = _halves(x)
        return [ai * gate(bi, **params) for ai, bi in zip(a, b)]
    return f


def _clamped_swiglu(x, alpha, limit, axis):
    # gpt-oss: pairs (x[2i], x[2i+1]) = (gate, linear); the gate clamped from above, the
    # linear part to [-limit, limit]; alpha and limit are the doubles refimpl stores
    assert len(x) % 2 == 0
    alpha, limit = mp.mpf(alpha), mp.mpf(limit)
    out = []
    for g, lin in zip(x[0::2], x[1::2]):
        g, lin = min(g, limit), max(-limit, min(lin, limit))
        out.append((lin + 1) * g * _sigmoid(alpha * g))
    return out


def _maxout(x, pieces, axis):
    assert len(x) % pieces == 0
    return [max(x[i:i + pieces]) for i in range(0, len(x), pieces)]


VECTOR_ORACLES = {
    "glu": _glu_family(_sigmoid),
    "swiglu": _glu_family(lambda b: b * _sigmoid(b)),
    "clamped_swiglu": _clamped_swiglu,
    "geglu": _glu_family(_gelu),
    "reglu": _glu_family(lambda b: max(mp.mpf(0), b)),
    "maxout": _maxout,
}

ORACLES = {}
