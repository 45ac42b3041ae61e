"""50-digit oracles for the rectifiers: piecewise linear, so every value is one exact product."""

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
}

LIMITS = {
    "relu": ((0.0, INF), (0.0, 1.0)),
    "leaky_relu": lambda negative_slope: ((-INF, INF), (negative_slope, 1.0)),
    "prelu": lambda weight: ((-INF, INF), (weight, 1.0)),
    # the slope as refimpl rounds it: (lower + upper)/2 in double precision
    "rrelu": lambda lower, upper, slopes: ((-INF, INF), ((lower + upper) / 2, 1.0)),
    "relu6": ((0.0, 6.0), (0.0, 0.0)),
}

# the kinks (0, and 6 for relu6) are in the entries; nothing else switches
SPECIAL_POINTS = {"relu6": [6.0]}

VECTOR_ORACLES = {"crelu": _crelu}
