"""50-digit oracles for the rectifiers: piecewise linear (or, for squared_relu and StarReLU, a
parabola on x > 0), so every value is exact at 50 digits."""

import mpmath as mp

INF = float("inf")


def _leaky(x, slope):
    return x if x > 0 else mp.mpf(slope) * x


def _leaky_d(x, slope):
    return mp.mpf(1) if x > 0 else mp.mpf(slope)  # at the kink 0: the left slope


def _rrelu_slope(lower, upper, slopes):
    # the exact mean of the two doubles; refimpl rounds it once (an error of <= 1/2 ulp)
    return (mp.mpf(lower) + mp.mpf(upper)) / 2 if slopes is None else mp.mpf(slopes)


def _crelu(x, axis):
    return [max(mp.mpf(0), v) for v in x] + [max(mp.mpf(0), -v) for v in x]


ORACLES = {
    "relu": (lambda x: max(mp.mpf(0), x), lambda x: mp.mpf(1 if x > 0 else 0)),
    "leaky_relu": (lambda x, negative_slope: _leaky(x, negative_slope),
                   lambda x, negative_slope: _leaky_d(x, negative_slope)),
    "prelu": (lambda x, weight: _leaky(x, weight),
              lambda x, weight: _leaky_d(x, weight)),
    "rrelu": (lambda x, lower, upper, slopes: _leaky(x, _rrelu_slope(lower, upper, slopes)),
              lambda x, lower, upper, slopes: _leaky_d(x, _rrelu_slope(lower, upper, slopes))),
    "relu6": (lambda x: min(max(mp.mpf(0), x), mp.mpf(6)),
              lambda x: mp.mpf(1 if 0 < x < 6 else 0)),
    "squared_relu": (lambda x: max(mp.mpf(0), x) ** 2, lambda x: 2 * max(mp.mpf(0), x)),
    "star_relu": (lambda x, scale, bias: mp.mpf(scale) * max(mp.mpf(0), x) ** 2 + mp.mpf(bias),
                  lambda x, scale, bias: 2 * mp.mpf(scale) * max(mp.mpf(0), x)),
}


def _star_relu_limits(scale, bias):
    # s·relu(x)² + b → b at -inf and sign(s)·inf at +inf; the constant b when s = 0
    up = INF if scale > 0 else -INF if scale < 0 else 0.0
    return (bias, bias if scale == 0 else up), (0.0, up)


LIMITS = {
    "relu": ((0.0, INF), (0.0, 1.0)),
    "leaky_relu": lambda negative_slope: ((-INF, INF), (negative_slope, 1.0)),
    "prelu": lambda weight: ((-INF, INF), (weight, 1.0)),
    # the slope as refimpl rounds it: (lower + upper)/2 in double precision
    "rrelu": lambda lower, upper, slopes: ((-INF, INF), ((lower + upper) / 2, 1.0)),
    "relu6": ((0.0, 6.0), (0.0, 0.0)),
    "squared_relu": ((0.0, INF), (0.0, INF)),
    "star_relu": _star_relu_limits,
}

# the kinks (0, and 6 for relu6) are in the entries; squared_relu has none (its f'' jumps at 0),
# and x² leaves the doubles above sqrt(max) ≈ 1.34e154
SPECIAL_POINTS = {"relu6": [6.0], "squared_relu": [0.0, 1.3407807929942596e154]}

VECTOR_ORACLES = {"crelu": _crelu}
